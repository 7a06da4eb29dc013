// SPDX-License-Identifier: BSL-1.0
// ianaports: what the build holds, as the generated tables say. Internal; include ports.hpp.
//
// The build's own facts (codegen/tables/facts.py and __init__.py: the release, the protocols
// kept, the columns left out), and the protocol index every per-protocol reader asks first.
#ifndef IANAPORTS_DETAIL_TABLES_FACTS_HPP
#define IANAPORTS_DETAIL_TABLES_FACTS_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

namespace reg = registry;

inline constexpr std::string_view tables_updated = reg::updated;
inline constexpr std::size_t tables_name_count = reg::name_count;
inline constexpr std::string_view tables_omitted_columns = reg::omitted_columns;
inline constexpr std::string_view tables_kept_protocols = reg::kept_protocols;
inline constexpr unsigned protocol_count = reg::protocol_count;

// The per-protocol tables' index of p, or protocol_count for a value outside the enumeration
// (one cast from an out-of-range integer): every reader that takes a protocol asks this first.
constexpr unsigned table_index(protocol p) noexcept {
  return static_cast<unsigned>(p) < protocol_count ? static_cast<unsigned>(p) : protocol_count;
}

// Does the build keep p's rows? (A value outside the enumeration is no protocol it keeps.)
constexpr bool tables_keep(protocol p) noexcept {
  return table_index(p) < protocol_count && ((reg::kept_protocol_bits >> table_index(p)) & 1U) != 0;
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_FACTS_HPP
