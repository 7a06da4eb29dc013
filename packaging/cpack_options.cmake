# SPDX-License-Identifier: BSL-1.0
# CPack's project config file (CPACK_PROJECT_CONFIG_FILE), read once for each generator, before
# anything is packaged.
if(NOT CPACK_GENERATOR MATCHES "^(DEB|RPM)$")
  return()
endif()

# A package's version is the changelog's: one made after a version change without a changelog
# entry would say it is what it is not.
if(NOT CPACK_IANAPORTS_CHANGELOG_VERSION STREQUAL CPACK_PACKAGE_VERSION)
  message(FATAL_ERROR "packaging/changelog's top entry is for ${CPACK_IANAPORTS_CHANGELOG_VERSION}, the project"
                      " is ${CPACK_PACKAGE_VERSION}: add an entry for it")
endif()
# Distributions' packages install under /usr (Debian Policy 9.1.2 forbids /usr/local); a build
# configured for another prefix makes packages for it, which is worth knowing.
if(NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
  message(WARNING "these packages install under ${CPACK_PACKAGING_INSTALL_PREFIX}: configure with"
                  " -DCMAKE_INSTALL_PREFIX=/usr for the distributions' layout (docs/packages.md)")
endif()

# Debian: CPack would put the project's one-line summary above every package's own synopsis;
# without it, each package's description is its own (packaging/CMakeLists.txt).
if(CPACK_GENERATOR STREQUAL "DEB")
  unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
