# SPDX-License-Identifier: BSL-1.0
# Run by `cmake --install` (install(CODE), cmake/IanaportsInstall.cmake): writes a pkg-config file
# from its template, configured but for the prefix, which is decided here, where the install's
# prefix is known: /usr as it is, any other relative to the file (${pcfiledir}).
#   ianaports_pc_template  the template      ianaports_pc_dir   its folder, under the prefix
#   ianaports_pc_name      the file's name
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(ianaports_pc_prefix "/usr")
else()
  file(RELATIVE_PATH to_prefix "/${ianaports_pc_dir}" "/")
  set(ianaports_pc_prefix "\${pcfiledir}/${to_prefix}")
endif()
set(ianaports_pc_file "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${ianaports_pc_dir}/${ianaports_pc_name}")
message(STATUS "Installing: ${ianaports_pc_file}")
configure_file("${ianaports_pc_template}" "${ianaports_pc_file}" @ONLY)
list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${ianaports_pc_file}")
