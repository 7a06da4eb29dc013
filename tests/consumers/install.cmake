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
# portinfo, where it is built, comes with its manual and its completions.
if(EXISTS "${PREFIX}/bin/portinfo" OR EXISTS "${PREFIX}/bin/portinfo.exe")
  foreach(expected share/man/man1/portinfo.1 share/bash-completion/completions/portinfo
                   share/zsh/site-functions/_portinfo share/fish/vendor_completions.d/portinfo.fish)
    if(NOT EXISTS "${PREFIX}/${expected}")
      message(FATAL_ERROR "the install has portinfo but lacks ${expected}")
    endif()
  endforeach()
endif()
# The NSS module, where it is built, where glibc looks for it.
if(NSS_MODULE AND NOT EXISTS "${PREFIX}/${NSS_MODULE}")
  message(FATAL_ERROR "the install lacks the NSS module ${NSS_MODULE}")
endif()
