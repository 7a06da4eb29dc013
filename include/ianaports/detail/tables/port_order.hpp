// SPDX-License-Identifier: BSL-1.0
// ianaports: the rows in port order. Internal; include ports.hpp.
//
// Rows are in registry order, which is nearly port order (codegen/tables/port_order.py): the
// first-port column never decreases over the rows in order, so a search finds where a port's
// rows start; counts of rows a block, per protocol, let a walk skip blocks and count without
// walking; the few rows out of order are listed apart, and those spanning ports in a short list.
#ifndef IANAPORTS_DETAIL_TABLES_PORT_ORDER_HPP
#define IANAPORTS_DETAIL_TABLES_PORT_ORDER_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint32_t

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/detail/tables/search.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// The first row whose port order key is port or more (record_count when none): where the
// in-order rows starting at port begin.
constexpr std::uint32_t port_order_bound(std::uint32_t port) noexcept {
  return static_cast<std::uint32_t>(
      first_not_below(record_count, [port](std::size_t at) { return port_order_key(at) < port; }));
}

// In-order rows holding for protocol index p among rows [0, row): a block's count, and the
// rows from the block's start.
constexpr std::uint32_t in_order_before(unsigned p, std::uint32_t row) noexcept {
  const std::uint32_t block = row >> reg::port_order_block_shift;
  std::uint32_t count = reg::port_order_count[p * reg::port_order_blocks + block];
  for (std::uint32_t i = block << reg::port_order_block_shift; i < row; ++i) {
    count += row_in_order(i) && row_holds_for(i, p) ? 1U : 0U;
  }
  return count;
}

// Does the block of rows starting at row (a block boundary) hold no in-order row for p?
constexpr bool block_without(unsigned p, std::uint32_t row) noexcept {
  const std::size_t at = p * reg::port_order_blocks + (row >> reg::port_order_block_shift);
  return reg::port_order_count[at] == reg::port_order_count[at + 1];
}

// Does no row after row cover port for protocol index p, as far as port order tells without a
// search? It tells for an in-order row of the one port `port`: the in-order rows after it start
// at that port or later, so only the run right after it, which starts there too, can cover it;
// rows apart may cover any port, so none may follow it. False: perhaps one does (ask the index).
constexpr bool none_after_covers(std::uint32_t row, std::uint16_t port, unsigned p) noexcept {
  if (!row_in_order(row) || row_has(row, reg::flag_spans_ports) || port_order_key(row) != port ||
      (reg::apart_count != 0 && reg::apart_record[reg::apart_count - 1] > row)) {
    return false;
  }
  for (std::uint32_t next = row + 1; next < record_count && port_order_key(next) == port; ++next) {
    if (row_in_order(next) && row_holds_for(next, p)) {
      return false;
    }
  }
  return true;
}

// The first range_record entry whose row's port order key is port or more.
constexpr std::uint32_t range_bound(std::uint32_t port) noexcept {
  return static_cast<std::uint32_t>(first_not_below(reg::range_count, [port](std::size_t at) {
    return port_order_key(reg::range_record[at]) < port;
  }));
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_PORT_ORDER_HPP
