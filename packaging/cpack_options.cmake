# SPDX-License-Identifier: BSL-1.0
# CPack's project config file (CPACK_PROJECT_CONFIG_FILE), read once for each generator. Debian:
# CPack would put the project's one-line summary above every package's own synopsis; without it,
# each package's description is its own (packaging/CMakeLists.txt).
if(CPACK_GENERATOR STREQUAL "DEB")
  unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
