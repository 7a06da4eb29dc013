// SPDX-License-Identifier: BSL-1.0
// Must not compile: the people directory is opt-in (people.hpp); ports.hpp neither declares it
// nor reads its tables.
#include <ianaports/ports.hpp>

static_assert(ianaports::person_of("Jon_Postel").has_value());

int main() {}
