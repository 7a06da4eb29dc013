// SPDX-License-Identifier: BSL-1.0
// ianaports: what a query's range holds, without the tables. Internal; include ports.hpp.
//
// A query's rows come from up to three sorted runs, merged in registry order while iterating
// (tables.hpp walks them): a name's or a port segment's list, a stretch of registry order, the
// few rows of a short list. Most queries use one; by_range uses three (the rows that cover its
// first port from before it, the in-order rows that start inside it, the rows out of port
// order that overlap it), so that it costs a search and the rows it finds.
#ifndef IANAPORTS_DETAIL_ROW_QUERY_HPP
#define IANAPORTS_DETAIL_ROW_QUERY_HPP

#include <cstdint>  // std::uint8_t, std::uint16_t, std::uint32_t

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

inline constexpr std::uint32_t no_row = 0xFFFFFFFFu;

enum class source_kind : std::uint8_t {
  none,
  registry,  // positions [at, end) of registry order, kept by the query's walk_test
  listed,    // entries [at, end) of row_lists; with before_first, the in-order rows that start
             // before the query's first port (by_range, from the segment of that port)
  ranges,    // entries [at, end) of range_record: in-order rows that start before the query's
             // first port and cover it (by_range of a compact index)
  apart,     // entries [at, end) of apart_record: rows out of port order overlapping the span
};

// How a registry source keeps its rows.
enum class walk_test : std::uint8_t {
  every_row,
  transport_is,  // the row names protocol (by_protocol, over the whole registry)
  in_order_for,  // the row is in port order and holds for protocol (by_range)
};

struct row_source {
  source_kind kind = source_kind::none;
  bool keeps_all = false;  // every row of the run is the query's: nothing to test on the way
  std::uint32_t at = 0;
  std::uint32_t end = 0;
};

struct row_query {
  row_source sources[3] = {};
  std::uint8_t source_count = 0;  // sources[0, source_count) are in use
  walk_test test = walk_test::every_row;
  bool before_first = false;  // see source_kind::listed
  std::uint8_t protocol = 0;  // an index into the per-protocol tables
  std::uint16_t first = 0;    // the span, for by_range's sources
  std::uint16_t last = 0;
};

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_ROW_QUERY_HPP
