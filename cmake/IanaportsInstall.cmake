# SPDX-License-Identifier: BSL-1.0
# Installs the headers (with the generated tables), the CMake package and a pkg-config file,
# and exports the build tree so that find_package works against it without installing.
include(CMakePackageConfigHelpers)

# Header-only: the package is the same for every architecture, so it goes under share/.
set(IANAPORTS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/ianaports"
    CACHE STRING "Where to install ianaportsConfig.cmake")
set(IANAPORTS_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install ianaports.pc")

install(TARGETS ianaports EXPORT ianaportsTargets COMPONENT ianaports_dev)  # (packaging/: the -dev package)
if(IANAPORTS_SINGLE_HEADER)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/single_include/ianaports" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT ianaports_dev)
  # The C API's header, which the single header does not carry: a tree install has it from
  # include/ianaports/, and the C library's package points at it.
  install(FILES "${PROJECT_SOURCE_DIR}/include/ianaports/ianaports.h" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/ianaports"
          COMPONENT ianaports_dev)
else()
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/ianaports" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT ianaports_dev
          PATTERN meson.build EXCLUDE)  # Meson's, beside the headers it generates
  foreach(header IN LISTS IANAPORTS_GENERATED_HEADERS)
    get_filename_component(folder "${header}" DIRECTORY)
    install(FILES "${IANAPORTS_GENERATED_INCLUDE_DIR}/${header}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/${folder}" COMPONENT ianaports_dev)
  endforeach()
  # The single header beside them, for a project that vendors one file (share/ianaports/), where
  # it holds what these tables hold: the bundled registry, every column and protocol.
  if(IANAPORTS_REGISTRY STREQUAL ianaports_bundled_registry AND NOT (IANAPORTS_OMIT_COLUMNS OR IANAPORTS_PROTOCOLS
     OR IANAPORTS_LOCAL_SERVICES OR IANAPORTS_INDEX STREQUAL "compact"))
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/single_include/ianaports"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/ianaports/single_include" COMPONENT ianaports_dev)
  endif()
endif()

install(EXPORT ianaportsTargets NAMESPACE ianaports:: DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}" COMPONENT ianaports_dev)
export(EXPORT ianaportsTargets NAMESPACE ianaports:: FILE "${PROJECT_BINARY_DIR}/ianaportsTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ianaportsConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/ianaportsConfig.cmake" INSTALL_DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ianaportsConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/ianaportsConfig.cmake" "${PROJECT_BINARY_DIR}/ianaportsConfigVersion.cmake"
        DESTINATION "${IANAPORTS_INSTALL_CMAKEDIR}" COMPONENT ianaports_dev)

# pkg-config files: the prefix found from the file's own place (${pcfiledir}), so that a
# relocated install still works; but /usr itself, the distributions' prefix that nothing
# relocates, written as it is: pkg-config then knows /usr/include and the system's library
# folder, and leaves out the -I and -L that would name them. Decided when installing, where the
# prefix is known (cmake --install --prefix): cmake/IanaportsPkgConfig.cmake writes the file.
# ianaports_install_pkgconfig(<template> <name.pc> <folder under the prefix> <component>)
function(ianaports_install_pkgconfig template name folder component)
  set(ianaports_pc_prefix "@ianaports_pc_prefix@")  # left for the install step
  configure_file("${template}" "${PROJECT_BINARY_DIR}/${name}.in" @ONLY)
  install(CODE "set(ianaports_pc_template \"${PROJECT_BINARY_DIR}/${name}.in\")
set(ianaports_pc_dir \"${folder}\")
set(ianaports_pc_name \"${name}\")
include(\"${PROJECT_SOURCE_DIR}/cmake/IanaportsPkgConfig.cmake\")" COMPONENT ${component})
endfunction()
ianaports_install_pkgconfig("${PROJECT_SOURCE_DIR}/cmake/ianaports.pc.in" ianaports.pc
                            "${IANAPORTS_INSTALL_PKGCONFIGDIR}" ianaports_dev)

# The licence, and the notice on the registry data, where distributions look for them.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/NOTICE"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT ianaports_dev)
