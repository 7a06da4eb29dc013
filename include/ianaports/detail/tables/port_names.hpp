// SPDX-License-Identifier: BSL-1.0
// ianaports: name_of: the name on a port. Internal; include ports.hpp.
//
// Over TCP and UDP, in a fast index, straight from a bit map of the named ports, its rank and a
// text id (codegen/tables/port_names.py); otherwise the rows covering the port say.
#ifndef IANAPORTS_DETAIL_TABLES_PORT_NAMES_HPP
#define IANAPORTS_DETAIL_TABLES_PORT_NAMES_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint64_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/tables/facts.hpp"
#include "ianaports/detail/tables/ports.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/detail/tables/text.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// The number of bits set in x.
constexpr unsigned count_bits(std::uint64_t x) noexcept {
#if defined(IANAPORTS_POPCOUNT64) && IANAPORTS_HAS_IS_CONSTANT_EVALUATED
  if (!IANAPORTS_IS_CONSTANT_EVALUATED()) {
    return static_cast<unsigned>(IANAPORTS_POPCOUNT64(x));  // one instruction, when targeted
  }
#endif
  x = x - ((x >> 1) & 0x5555555555555555u);
  x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
  return static_cast<unsigned>((x * 0x0101010101010101u) >> 56);
}

// name_of: the first name among the rows covering port for p; "" when none. Over the direct
// protocols (tcp, udp, in a fast index), straight from a bit map, its rank and a text id;
// otherwise the covering rows say.
constexpr std::string_view name_on_port(std::uint16_t port, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index >= reg::name_port_protocols) {
    std::string_view found;
    any_covering(port, p, [&found](std::size_t row) {
      found = row_service(row);
      return !found.empty();
    });
    return found;
  }
  const std::size_t block = (std::size_t{index} << (16 - reg::port_name_block_shift)) +
                            (std::size_t{port} >> reg::port_name_block_shift);
  const std::uint64_t bits = reg::port_name_bits[block];
  const unsigned bit = port & ((1U << reg::port_name_block_shift) - 1);
  // A branch, though most ports have no name: reading and masking an entry for every port,
  // named or not, was slower.
  if (((bits >> bit) & 1U) == 0) {
    return {};
  }
  const unsigned before = count_bits(bits & ((std::uint64_t{1} << bit) - 1));
  return text(reg::port_name_text[std::size_t{reg::port_name_base[block]} + before]);
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_PORT_NAMES_HPP
