// SPDX-License-Identifier: BSL-1.0
// ianaports: the port index: the rows covering a port. Internal; include ports.hpp.
//
// Per protocol, segments of the port space and the rows covering each (codegen/tables/ports.py),
// in a fast index; a compact one has none, and searches the port order instead. status() reads
// the rows covering a port.
#ifndef IANAPORTS_DETAIL_TABLES_PORTS_HPP
#define IANAPORTS_DETAIL_TABLES_PORTS_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint16_t, std::uint32_t

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/row_query.hpp"
#include "ianaports/detail/tables/facts.hpp"
#include "ianaports/detail/tables/port_order.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/detail/tables/walks.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// The segment holding port for protocol index p (a fast index). A walk of rising ports may pass
// the segment it found last as hint: the search then starts there, when that is one of the
// bucket's segments, past its first, and starts no later than port (else hint is ignored).
constexpr std::size_t segment_of(std::uint16_t port, unsigned p, std::size_t hint = 0) noexcept {
  const std::size_t bucket =
      p * (reg::port_bucket_count + 1) + (std::size_t{port} >> reg::port_bucket_shift);
  std::size_t segment = reg::port_bucket_segment[bucket];
  const std::size_t last = reg::port_bucket_segment[bucket + 1];
  if (hint > segment && hint <= last && reg::port_segment_start[hint] <= port) {
    segment = hint;
  }
  while (segment < last && reg::port_segment_start[segment + 1] <= port) {
    ++segment;
  }
  return segment;
}

// The rows holding for p whose ports overlap [first, last], in registry order: those that
// cover first from before it (its segment's in-order rows, or in a compact index the range
// rows that reach it), the in-order rows that start in the span (one stretch of registry
// order), and the rows out of port order that overlap it.
constexpr row_query rows_overlapping(port_range ports, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index == protocol_count || ports.first > ports.last) {
    return row_query{};
  }
  row_query query;
  query.protocol = static_cast<std::uint8_t>(index);
  query.first = ports.first;
  query.last = ports.last;
  query.test = walk_test::in_order_for;
  if constexpr (reg::fast_index) {
    const std::size_t segment = segment_of(ports.first, index);
    query.before_first = true;
    query.sources[0] = {source_kind::listed, false, reg::port_segment_rows_begin[segment],
                        reg::port_segment_rows_begin[segment + 1]};
  } else {
    const std::uint32_t reach =
        ports.first > reg::max_in_order_span ? ports.first - reg::max_in_order_span : 0U;
    query.sources[0] = {source_kind::ranges, false, range_bound(reach), range_bound(ports.first)};
  }
  query.sources[1] = {source_kind::registry, false, port_order_bound(ports.first),
                      port_order_bound(std::uint32_t{ports.last} + 1)};
  query.source_count = 2;
  if (reg::apart_count != 0) {
    query.sources[query.source_count++] = {source_kind::apart, false, 0, reg::apart_count};
  }
  return settled(query);
}

// The rows covering port for protocol p: rows naming p, and rows naming none.
constexpr row_query rows_covering(std::uint16_t port, protocol p) noexcept {
  if constexpr (reg::fast_index) {
    const unsigned index = table_index(p);
    if (index == protocol_count) {
      return row_query{};
    }
    const std::size_t segment = segment_of(port, index);
    return listed(reg::port_segment_rows_begin[segment], reg::port_segment_rows_begin[segment + 1]);
  } else {
    return rows_overlapping({port, port}, p);
  }
}

// rows_covering for a walk whose ports mostly rise: segment is the segment of p it found last
// (0 at first), and becomes the one found here, so that a fast index's search starts there
// (the few segments a port of its bucket is past, rather than all of them).
constexpr row_query rows_covering(std::uint16_t port, protocol p, std::uint32_t& segment) noexcept {
  if constexpr (reg::fast_index) {
    const unsigned index = table_index(p);
    if (index == protocol_count) {
      return row_query{};
    }
    segment = static_cast<std::uint32_t>(segment_of(port, index, segment));
    return listed(reg::port_segment_rows_begin[segment], reg::port_segment_rows_begin[segment + 1]);
  } else {
    static_cast<void>(segment);
    return rows_overlapping({port, port}, p);
  }
}

// Calls visit(row) for each row covering port for p, in registry order, until it returns true;
// returns whether one did. A fast index walks the port's segment list, a compact one the
// port-order query.
template <typename Visit>
IANAPORTS_ALWAYS_INLINE constexpr bool any_covering(std::uint16_t port, protocol p,
                                                    Visit visit) noexcept {
  if constexpr (reg::fast_index) {
    const unsigned index = table_index(p);
    if (index == protocol_count) {
      return false;
    }
    const std::size_t segment = segment_of(port, index);
    const std::uint32_t end = reg::port_segment_rows_begin[segment + 1];
    for (std::uint32_t at = reg::port_segment_rows_begin[segment]; at < end; ++at) {
      if (visit(std::size_t{reg::row_lists[at]})) {
        return true;
      }
    }
    return false;
  } else {
    row_query covering = rows_covering(port, p);
    for (std::uint32_t row = current_row(covering); row != no_row; row = advance(covering, row)) {
      if (visit(std::size_t{row})) {
        return true;
      }
    }
    return false;
  }
}

// status: assigned if a covering row has a name; else reserved if one says so; else by class.
constexpr port_status status_of(std::uint16_t port, protocol p) noexcept {
  bool reserved = false;
  const bool assigned = any_covering(port, p, [&reserved](std::size_t row) {
    if (!row_service(row).empty()) {
      return true;
    }
    reserved = reserved || row_reserved(row);
    return false;
  });
  if (assigned) {
    return port_status::assigned;
  }
  if (reserved) {
    return port_status::reserved;
  }
  return classify(port) == port_class::dynamic ? port_status::dynamic : port_status::unassigned;
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_PORTS_HPP
