# SPDX-License-Identifier: BSL-1.0
# Shared by the Linux cross tool chains: a Debian cross compiler (g++-TRIPLE) whose target
# libraries live in /usr/TRIPLE, with qemu-user running what it builds (CTest prefixes every
# test with CMAKE_CROSSCOMPILING_EMULATOR). Set ianaports_triple and ianaports_qemu first.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_CXX_COMPILER "${ianaports_triple}-g++")
set(CMAKE_C_COMPILER "${ianaports_triple}-gcc")  # the C API's example
set(CMAKE_FIND_ROOT_PATH "/usr/${ianaports_triple}")
# Programs (Python, the generator) are the host's; libraries and headers the target's.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# Packages both: doctest is header-only and installed for the host (tests/CMakeLists.txt gives
# the target its headers alone).
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
find_program(ianaports_qemu_path "${ianaports_qemu}" REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${ianaports_qemu_path}" -L "/usr/${ianaports_triple}")
