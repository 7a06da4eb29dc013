// SPDX-License-Identifier: BSL-1.0
// ianaports: the name index: the rows with a name, and port_of. Internal; include ports.hpp.
//
// A perfect hash over the case-folded names (codegen/tables/names.py): a slot per name, its
// rows, and over TCP and UDP port_of's answer for each slot.
#ifndef IANAPORTS_DETAIL_TABLES_NAMES_HPP
#define IANAPORTS_DETAIL_TABLES_NAMES_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t, std::uint64_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/name_hash.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/row_query.hpp"
#include "ianaports/detail/tables/facts.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/detail/tables/search.hpp"
#include "ianaports/detail/tables/walks.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// Where the name would be in the name tables, and whether it is: a perfect hash places every
// registered name, but any other input lands in some slot too, and only a comparison tells a
// hit from a miss (with the key a fast index stores, else with the name of the slot's first
// row). The slot is valid (below name_slot_count) even for a miss, so that a caller may read
// its tables before it knows which (found is false for every input when the registry names
// nothing; the slot is then 0).
struct name_probe {
  std::uint32_t slot = 0;
  bool found = false;
};

IANAPORTS_ALWAYS_INLINE constexpr name_probe probe_name(std::string_view name) noexcept {
  if (reg::name_count == 0) {
    return name_probe{};
  }
  name_key<reg::name_key_words> key;
  if (!key.assign(name)) {
    return name_probe{};
  }
  const std::uint64_t hash =
      key.hash(reg::name_hash_seed, reg::name_mix_multiplier, reg::name_word_multiplier);
  const std::uint64_t pilot = reg::name_pilots[name_bucket(hash, reg::name_bucket_count)];
  const std::uint32_t slot = name_slot(mix(hash, reg::name_mix_multiplier), pilot,
                                       reg::name_slot_count, reg::name_pilot_shift);
  if constexpr (reg::fast_index) {
    return {slot, key.equals(reg::name_keys, slot, reg::name_slot_count, reg::name_key_row_shift)};
  } else {
    const std::uint32_t first = reg::name_rows_begin[slot];
    return {slot, first != reg::name_rows_begin[slot + 1] &&
                      same_service_name(row_service(reg::row_lists[first]), name)};
  }
}

// The slot of the name in the name tables, or name_slot_count when no registry name equals it.
constexpr std::uint32_t name_slot_of(std::string_view name) noexcept {
  const name_probe probe = probe_name(name);
  return probe.found ? probe.slot : reg::name_slot_count;
}

// The rows whose folded name equals the folded name; empty when there are none.
constexpr row_query rows_named(std::string_view name) noexcept {
  const std::uint32_t slot = name_slot_of(name);
  if (slot == reg::name_slot_count) {
    return row_query{};
  }
  return listed(reg::name_rows_begin[slot], reg::name_rows_begin[slot + 1]);
}

// port_of: the first port of the first row with the name that holds for protocol p. Over the
// direct protocols (tcp, udp, in a fast index) the answer is listed for every slot, 0 for "no
// port" (the few names whose answer is port 0 are in name_port_zero); otherwise the slot's rows
// say. One probe for both: its code, inlined, is most of this function's.
constexpr std::optional<std::uint16_t> port_of_name(std::string_view name, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index == protocol_count) {
    return std::nullopt;
  }
  const name_probe probe = probe_name(name);
  if (!probe.found) {  // also for every name when the registry names nothing
    return std::nullopt;
  }
  if (index < reg::name_port_protocols) {
    const std::size_t at = std::size_t{index} * reg::name_slot_count + probe.slot;
    const std::uint16_t port = reg::name_port[at];
    if (port != 0 ||
        (reg::name_port_zero_count != 0 && find_row(reg::name_port_zero, reg::name_port_zero_count,
                                                    at) != reg::name_port_zero_count)) {
      return port;
    }
    return std::nullopt;
  }
  const std::uint32_t end = reg::name_rows_begin[probe.slot + 1];
  for (std::uint32_t at = reg::name_rows_begin[probe.slot]; at < end; ++at) {
    const std::size_t row = reg::row_lists[at];
    if (row_has(row, reg::flag_has_ports) && row_holds_for(row, index)) {
      return row_first_port(row);
    }
  }
  return std::nullopt;
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_NAMES_HPP
