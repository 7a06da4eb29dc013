# SPDX-License-Identifier: BSL-1.0
# 32-bit x86, under qemu-user (the host may not run 32-bit programs itself).
#   apt-get install g++-i686-linux-gnu qemu-user
set(CMAKE_SYSTEM_PROCESSOR i686)
set(ianaports_triple i686-linux-gnu)
set(ianaports_qemu qemu-i386)
include("${CMAKE_CURRENT_LIST_DIR}/linux-cross.cmake")
