# cmake -DBUILD_DIR=... -DPREFIX=... -P install.cmake: a fresh install of the build into PREFIX.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" COMMAND_ERROR_IS_FATAL ANY)
foreach(expected include/ianaports/ports.hpp share/cmake/ianaports/ianaportsConfig.cmake
                 share/cmake/ianaports/ianaportsConfigVersion.cmake share/pkgconfig/ianaports.pc)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "the install lacks ${expected}")
  endif()
endforeach()
