// SPDX-License-Identifier: BSL-1.0
// Must not compile: the queries that return rows, and the record type, are in records.hpp and
// types.hpp; ports.hpp alone looks up ports and names, and reads neither header.
#include <ianaports/ports.hpp>

static_assert(!ianaports::by_name("http").empty());

int main() {}
