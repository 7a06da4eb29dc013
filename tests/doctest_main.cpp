// SPDX-License-Identifier: BSL-1.0
// doctest's runner and implementation, compiled once for every test program of a C++ standard:
// it takes as long to compile as a test file itself, and is the same in all of them.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
