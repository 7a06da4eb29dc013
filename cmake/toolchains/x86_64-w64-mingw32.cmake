# SPDX-License-Identifier: BSL-1.0
# 64-bit Windows with MinGW-w64, its programs run under Wine.
#   apt-get install g++-mingw-w64-x86-64 wine64
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)  # the C API's example
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# The C++ runtime linked in, so that Wine needs no MinGW DLLs on its path.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
# Debian's wine64 package puts Wine in /usr/lib/wine; wine-run.sh starts its server apart from
# the tests' pipes.
find_program(ianaports_wine NAMES wine64 wine PATHS /usr/lib/wine REQUIRED)
find_program(ianaports_wineserver NAMES wineserver wineserver64 PATHS /usr/lib/wine REQUIRED)
find_program(ianaports_sh sh REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${ianaports_sh}" "${CMAKE_CURRENT_LIST_DIR}/wine-run.sh" "${ianaports_wineserver}"
    "${ianaports_wine}")
