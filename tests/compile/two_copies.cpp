// SPDX-License-Identifier: BSL-1.0
// Two copies of ianaports in one translation unit: the single header, and include/ with the
// tables on the include path (tests/CMakeLists.txt: the same inputs, which compile, or another
// release, which must not), in the order IANAPORTS_TEST_ORDER_* says.
// The order is the test: clang-format must not sort these.
// clang-format off
#if defined(IANAPORTS_TEST_ORDER_single_first)
#include "../../single_include/ianaports/ports.hpp"
#include <ianaports/ports.hpp>
#else
#include <ianaports/ports.hpp>
#include "../../single_include/ianaports/ports.hpp"
#endif
// clang-format on

static_assert(ianaports::port_of("https") == 443);
