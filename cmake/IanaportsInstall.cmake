# SPDX-License-Identifier: BSL-1.0
# Installs the headers (with the generated tables), the CMake package and a pkg-config file,
# and exports the build tree so that find_package works against it without installing.
include(CMakePackageConfigHelpers)

# Header-only: the package is the same for every architecture, so it goes under share/.
set(IANAPORTS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/ianaports"
    CACHE STRING "Where to install ianaportsConfig.cmake")
set(IANAPORTS_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install ianaports.pc")

install(TARGETS ianaports EXPORT ianaportsTargets COMPONENT dev)  # (packaging/: the -dev package)
if(IANAPORTS_SINGLE_HEADER)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/single_include/ianaports" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev)
else()
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/ianaports" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev
          PATTERN meson.build EXCLUDE)  # Meson's, beside the headers it generates
  foreach(header IN LISTS IANAPORTS_GENERATED_HEADERS)
    get_filename_component(folder "${header}" DIRECTORY)
    install(FILES "${IANAPORTS_GENERATED_INCLUDE_DIR}/${header}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/${folder}" COMPONENT dev)
  endforeach()
  # The single header beside them, for a project that vendors one file (share/ianaports/), where
  # it holds what these tables hold: the bundled registry, every column and protocol.
  if(IANAPORTS_REGISTRY STREQUAL ianaports_bundled_registry AND NOT (IANAPORTS_OMIT_COLUMNS OR IANAPORTS_PROTOCOLS
     OR IANAPORTS_LOCAL_SERVICES OR IANAPORTS_INDEX STREQUAL "compact"))
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/single_include/ianaports"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/ianaports/single_include" COMPONENT dev)
  endif()
endif()

install(EXPORT ianaportsTargets NAMESPACE ianaports:: DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}" COMPONENT dev)
export(EXPORT ianaportsTargets NAMESPACE ianaports:: FILE "${PROJECT_BINARY_DIR}/ianaportsTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ianaportsConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ianaportsConfig.cmake" INSTALL_DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ianaportsConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/ianaportsConfig.cmake" "${PROJECT_BINARY_DIR}/ianaportsConfigVersion.cmake"
        DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}" COMPONENT dev)

# pkg-config files: the prefix found from the file's own place (${pcfiledir}), so that a
# relocated install still works; but /usr itself, the distributions' prefix that nothing
# relocates, written as it is: pkg-config then knows /usr/include and the system's library
# folder, and leaves out the -I and -L that would name them.
function(ianaports_pkgconfig_prefix pkgconfig_dir out)
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(${out} "/usr" PARENT_SCOPE)
  else()
    file(RELATIVE_PATH to_prefix "/${pkgconfig_dir}" "/")
    set(${out} "\${pcfiledir}/${to_prefix}" PARENT_SCOPE)
  endif()
endfunction()
ianaports_pkgconfig_prefix("${IANAPORTS_INSTALL_PKGCONFIGDIR}" ianaports_pc_prefix)
configure_file("${PROJECT_SOURCE_DIR}/cmake/ianaports.pc.in" "${PROJECT_BINARY_DIR}/ianaports.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/ianaports.pc" DESTINATION "${IANAPORTS_INSTALL_PKGCONFIGDIR}" COMPONENT dev)

# The licence, and the notice on the registry data, where distributions look for them.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/NOTICE"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT dev)
