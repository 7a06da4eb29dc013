# SPDX-License-Identifier: BSL-1.0
# IBM Z, 64-bit and big-endian, under qemu-user: the packed tables read byte by byte.
#   apt-get install g++-s390x-linux-gnu qemu-user
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(ianaports_triple s390x-linux-gnu)
set(ianaports_qemu qemu-s390x)
include("${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake")
