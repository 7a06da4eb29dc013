// SPDX-License-Identifier: BSL-1.0
// ianaports: a row's facts the lookups read: its flags, protocol, ports and name. Internal;
// include ports.hpp.
//
// One entry a row, in registry order (codegen/tables/records.py): the name, the first port and
// the flags in columns of their own. The rest of a row's columns, and the record they make, are
// in records.hpp, which only records.hpp (the public one) reads: their optional columns cost a
// translation unit that only looks up ports the instantiations of std::optional.
#ifndef IANAPORTS_DETAIL_TABLES_ROWS_HPP
#define IANAPORTS_DETAIL_TABLES_ROWS_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint32_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/tables/search.hpp"
#include "ianaports/detail/tables/text.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

inline constexpr std::uint32_t record_count = reg::record_count;
inline constexpr std::uint32_t local_row_count = reg::local_row_count;  // rows [0, this) are local

constexpr std::uint8_t row_flags(std::size_t row) noexcept {
  return reg::record_flags[row];
}

constexpr bool row_has(std::size_t row, std::uint8_t flag) noexcept {
  return (row_flags(row) & flag) != 0;
}

// The row's protocol index, or reg::flag_no_protocol when it holds for every protocol.
constexpr std::uint8_t row_protocol(std::size_t row) noexcept {
  return static_cast<std::uint8_t>(reg::record_flags[row] & reg::flag_protocol_mask);
}

// Does the row hold for protocol index p: it names p, or none (then it holds for all)?
constexpr bool holds(std::uint8_t named, unsigned p) noexcept {
  return named == p || named == reg::flag_no_protocol;
}

constexpr bool row_holds_for(std::size_t row, unsigned p) noexcept {
  return holds(row_protocol(row), p);
}

// Where row is in rows, an ascending table of count rows; count when it is not there.
template <typename Rows>
constexpr std::size_t find_row(const Rows& rows, std::size_t count, std::size_t row) noexcept {
  const std::size_t low =
      first_not_below(count, [&rows, row](std::size_t at) { return rows[at] < row; });
  return low < count && rows[low] == row ? low : count;
}

// Is the row in port order (it has ports, and is not one of the few listed apart)?
constexpr bool row_in_order(std::size_t row) noexcept {
  return (row_flags(row) & (reg::flag_has_ports | reg::flag_apart)) == reg::flag_has_ports;
}

// The row's place in port order: its first port when in order, else the last in-order first
// port before it. Never decreasing, row by row.
constexpr std::uint16_t port_order_key(std::size_t row) noexcept {
  return reg::record_first_port[row];
}

constexpr std::uint16_t row_first_port(std::size_t row) noexcept {
  if (reg::apart_count != 0 && row_has(row, reg::flag_apart)) {
    return reg::apart_first_port[find_row(reg::apart_record, reg::apart_count, row)];
  }
  return port_order_key(row);
}

// Few rows span ports: their last ports are a short list, not a column.
IANAPORTS_ALWAYS_INLINE constexpr std::uint16_t row_last_port(std::size_t row) noexcept {
  if (!row_has(row, reg::flag_spans_ports)) {
    return row_first_port(row);
  }
  return reg::range_last_port[find_row(reg::range_record, reg::range_count, row)];
}

constexpr std::string_view row_service(std::size_t row) noexcept {
  return text(reg::record_service[row]);
}

// Does the row's description say "Reserved"? A flag, so lean builds without descriptions know.
constexpr bool row_reserved(std::size_t row) noexcept {
  return row_has(row, reg::flag_reserved);
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_ROWS_HPP
