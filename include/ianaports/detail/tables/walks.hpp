// SPDX-License-Identifier: BSL-1.0
// ianaports: walks over rows: a query's sources, merged in registry order. Internal; include
// ports.hpp.
//
// A query (row_query.hpp) is up to three sources of rows, each a span of a list, of the
// registry or of the rows listed apart, with a test a row must pass: the readers here step them
// in registry order, count them, and make the queries every other reader starts from.
#ifndef IANAPORTS_DETAIL_TABLES_WALKS_HPP
#define IANAPORTS_DETAIL_TABLES_WALKS_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t, std::uint32_t

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/row_query.hpp"
#include "ianaports/detail/tables/facts.hpp"
#include "ianaports/detail/tables/port_order.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// Entry at of row_lists.
constexpr std::uint32_t listed_row(std::uint32_t at) noexcept {
  return reg::row_lists[at];
}

// The row at a source's position, or no_row when the source is done.
IANAPORTS_ALWAYS_INLINE constexpr std::uint32_t head_row(const row_source& source) noexcept {
  if (source.at >= source.end) {
    return no_row;
  }
  if (source.kind == source_kind::listed) {  // the common kinds first: lists, then walks
    return reg::row_lists[source.at];
  }
  if (source.kind == source_kind::registry) {
    return source.at;
  }
  return source.kind == source_kind::ranges ? std::uint32_t{reg::range_record[source.at]}
                                            : std::uint32_t{reg::apart_record[source.at]};
}

// Does the query keep the row at the head of source?
IANAPORTS_ALWAYS_INLINE constexpr bool keeps(const row_query& query, const row_source& source,
                                             std::uint32_t row) noexcept {
  switch (source.kind) {
    case source_kind::registry:
      switch (query.test) {
        case walk_test::every_row: return true;
        case walk_test::transport_is: return row_protocol(row) == query.protocol;
        case walk_test::in_order_for:
          return row_in_order(row) && row_holds_for(row, query.protocol);
      }
      return false;
    case source_kind::listed:
      return !query.before_first || (row_in_order(row) && row_first_port(row) < query.first);
    case source_kind::ranges:
      return row_in_order(row) && row_holds_for(row, query.protocol) &&
             row_first_port(row) < query.first && query.first <= row_last_port(row);
    case source_kind::apart:
      return row_holds_for(row, query.protocol) && row_first_port(row) <= query.last &&
             query.first <= row_last_port(row);
    case source_kind::none: break;
  }
  return false;
}

// Moves the source to its next row the query keeps, or to its end. An in-order walk skips the
// blocks its counts say hold no row for the protocol.
IANAPORTS_ALWAYS_INLINE constexpr void settle(const row_query& query, row_source& source) noexcept {
  if (source.keeps_all) {
    return;
  }
  const bool skips = source.kind == source_kind::registry && query.test == walk_test::in_order_for;
  constexpr std::uint32_t block_mask = (std::uint32_t{1} << reg::port_order_block_shift) - 1;
  while (source.at < source.end) {
    if (skips && (source.at & block_mask) == 0 && block_without(query.protocol, source.at)) {
      source.at += block_mask + 1;
      continue;
    }
    if (keeps(query, source, head_row(source))) {
      return;
    }
    ++source.at;
  }
  source.at = source.end;
}

// The loops over a query's sources are written out, source by source: with constant indexes the
// compiler keeps a walk's state in registers (a loop over the array would hold it in memory).

constexpr row_query settled(row_query query) noexcept {
  settle(query, query.sources[0]);
  settle(query, query.sources[1]);
  settle(query, query.sources[2]);
  return query;
}

constexpr std::uint32_t lesser(std::uint32_t a, std::uint32_t b) noexcept {
  return a < b ? a : b;
}

// The query's next row: the least of its sources' heads (no_row when all are done).
IANAPORTS_ALWAYS_INLINE constexpr std::uint32_t current_row(const row_query& query) noexcept {
  const std::uint32_t row = head_row(query.sources[0]);
  if (query.source_count == 1) {  // most queries: a single run, nothing to merge
    return row;
  }
  return lesser(lesser(row, head_row(query.sources[1])), head_row(query.sources[2]));
}

// Moves source past row, if row is its head.
IANAPORTS_ALWAYS_INLINE constexpr void step_past(const row_query& query, row_source& source,
                                                 std::uint32_t row) noexcept {
  if (head_row(source) == row) {
    ++source.at;
    settle(query, source);
  }
}

// Past row, which every source holding it gives up; returns the next row.
IANAPORTS_ALWAYS_INLINE constexpr std::uint32_t advance(row_query& query,
                                                        std::uint32_t row) noexcept {
  if (query.source_count == 1) {
    ++query.sources[0].at;
    settle(query, query.sources[0]);
    return head_row(query.sources[0]);
  }
  step_past(query, query.sources[0], row);
  step_past(query, query.sources[1], row);
  step_past(query, query.sources[2], row);
  return current_row(query);
}

// How many rows a settled query holds: counted, not walked, where the tables say.
constexpr std::size_t count_rows(const row_query& query) noexcept {
  std::size_t count = 0;
  for (std::uint8_t i = 0; i < query.source_count; ++i) {
    row_source source = query.sources[i];
    if (source.kind == source_kind::registry && query.test == walk_test::in_order_for) {
      count +=
          in_order_before(query.protocol, source.end) - in_order_before(query.protocol, source.at);
    } else if (source.kind == source_kind::registry && query.test == walk_test::transport_is) {
      count += reg::protocol_row_count[query.protocol];  // by_protocol walks the whole registry
    } else if ((source.kind == source_kind::registry && query.test == walk_test::every_row) ||
               (source.kind == source_kind::listed && !query.before_first)) {
      count += source.end - source.at;
    } else {
      for (; source.at < source.end; ++source.at, settle(query, source)) {
        ++count;
      }
    }
  }
  return count;
}

constexpr row_query every_row() noexcept {
  row_query query;
  query.sources[0] = {source_kind::registry, true, 0, record_count};
  query.source_count = 1;
  return query;
}

constexpr row_query listed(std::uint32_t at, std::uint32_t end) noexcept {
  row_query query;
  query.sources[0] = {source_kind::listed, true, at, end};
  query.source_count = 1;
  return query;
}

// The rows naming protocol p: listed where they are few, else walked.
constexpr row_query rows_naming(protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index == protocol_count) {
    return row_query{};
  }
  const std::uint32_t begin = reg::protocol_rows_begin[index];
  const std::uint32_t end = reg::protocol_rows_begin[index + 1];
  if (begin != end || reg::protocol_row_count[index] == 0) {
    return listed(begin, end);
  }
  row_query query = every_row();
  query.sources[0].keeps_all = false;
  query.test = walk_test::transport_is;
  query.protocol = static_cast<std::uint8_t>(index);
  return settled(query);
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_WALKS_HPP
