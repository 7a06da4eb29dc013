// SPDX-License-Identifier: BSL-1.0
// types.hpp alone: the vocabulary compiles without the tables, which it must not bring in.
#include <ianaports/types.hpp>

#ifdef IANAPORTS_TABLES_ID  // every copy's generated tables define it
#error "ianaports/types.hpp included the generated tables"
#endif

static_assert(ianaports::parse_protocol("SCTP") == ianaports::protocol::sctp);
static_assert(ianaports::classify(8080) == ianaports::port_class::user);

constexpr bool passes_records_around(const ianaports::record& row) {
  return row.holds_for(ianaports::protocol::tcp) && row.service == "http";
}
static_assert(passes_records_around(ianaports::record{"http", ianaports::port_range{80, 80},
                                                      ianaports::protocol::tcp}));

int main() {}
