# SPDX-License-Identifier: BSL-1.0
# cmake -DBUILD_DIR=... -DPREFIX=... [-DCONFIG=...] -P install.cmake: a fresh install of the build
# into PREFIX (CONFIG: the configuration, for a multi-configuration generator).
file(REMOVE_RECURSE "${PREFIX}")
set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
                COMMAND_ERROR_IS_FATAL ANY)
foreach(expected include/ianaports/ports.hpp share/cmake/ianaports/ianaportsConfig.cmake
                 share/cmake/ianaports/ianaportsConfigVersion.cmake share/pkgconfig/ianaports.pc
                 share/doc/ianaports/LICENSE share/doc/ianaports/NOTICE)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "the install lacks ${expected}")
  endif()
endforeach()
