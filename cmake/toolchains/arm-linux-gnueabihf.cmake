# SPDX-License-Identifier: BSL-1.0
# 32-bit ARM (armhf), under qemu-user: a 32-bit size_t and pointer.
#   apt-get install g++-arm-linux-gnueabihf qemu-user
set(CMAKE_SYSTEM_PROCESSOR arm)
set(ianaports_triple arm-linux-gnueabihf)
set(ianaports_qemu qemu-arm)
include("${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake")
