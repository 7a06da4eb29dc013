# SPDX-License-Identifier: BSL-1.0
# Installs the headers (with the generated tables), the CMake package and a pkg-config file,
# and exports the build tree so that find_package works against it without installing.
include(CMakePackageConfigHelpers)

# Header-only: the package is the same for every architecture, so it goes under share/.
set(IANAPORTS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/ianaports"
    CACHE STRING "Where to install ianaportsConfig.cmake")
set(IANAPORTS_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install ianaports.pc")

install(TARGETS ianaports EXPORT ianaportsTargets)
if(IANAPORTS_SINGLE_HEADER)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/single_include/ianaports" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/ianaports" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
          PATTERN meson.build EXCLUDE)  # Meson's, beside the headers it generates
  foreach(header IN LISTS IANAPORTS_GENERATED_HEADERS)
    get_filename_component(folder "${header}" DIRECTORY)
    install(FILES "${IANAPORTS_GENERATED_INCLUDE_DIR}/${header}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/${folder}")
  endforeach()
endif()

install(EXPORT ianaportsTargets NAMESPACE ianaports:: DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}")
export(EXPORT ianaportsTargets NAMESPACE ianaports:: FILE "${PROJECT_BINARY_DIR}/ianaportsTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ianaportsConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ianaportsConfig.cmake" INSTALL_DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ianaportsConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/ianaportsConfig.cmake" "${PROJECT_BINARY_DIR}/ianaportsConfigVersion.cmake"
        DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}")

# pkg-config: includedir relative to the prefix, so a relocated install still works.
file(RELATIVE_PATH ianaports_pc_to_prefix "/${IANAPORTS_INSTALL_PKGCONFIGDIR}" "/")
configure_file("${PROJECT_SOURCE_DIR}/cmake/ianaports.pc.in" "${PROJECT_BINARY_DIR}/ianaports.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/ianaports.pc" DESTINATION "${IANAPORTS_INSTALL_PKGCONFIGDIR}")

# The licence, and the notice on the registry data, where distributions look for them.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/NOTICE"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")
