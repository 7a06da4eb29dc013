// SPDX-License-Identifier: BSL-1.0
// ianaports: what a record_range holds, without the tables. Internal; include ports.hpp.
#ifndef IANAPORTS_DETAIL_ROW_SPAN_HPP
#define IANAPORTS_DETAIL_ROW_SPAN_HPP

#include <cstdint>  // std::uint8_t, std::uint16_t, std::uint32_t

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// A run of rows: positions [first, last) of row_lists when listed (a name's rows, a port
// segment's), else rows in registry order.
struct row_span {
  bool listed = false;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

// The test of a filtered walk, applied while iterating. by_range keeps the rows holding for
// protocol whose ports overlap [first, last]; by_protocol the rows whose transport is protocol.
enum class row_test : std::uint8_t { every_row, overlapping, transport_is };

struct row_filter {
  row_test test = row_test::every_row;
  std::uint8_t protocol = 0;  // an index into the per-protocol tables
  std::uint16_t first = 0;
  std::uint16_t last = 0;
};

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_ROW_SPAN_HPP
