// SPDX-License-Identifier: BSL-1.0
// Must not compile: types.hpp has no lookups (they are in ports.hpp, with the tables).
#include <ianaports/types.hpp>

static_assert(ianaports::port_of("https") == 443);

int main() {}
