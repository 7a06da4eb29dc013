// SPDX-License-Identifier: BSL-1.0
// ianaports: reading the records: a row's columns. Internal; include records.hpp.
//
// A row's other columns (codegen/tables/records.py): the text columns in tuples that rows share,
// the few rows with a rare column in short lists behind a flag; its name, first port and flags
// are in rows.hpp. A row handle's members read them here.
#ifndef IANAPORTS_DETAIL_TABLES_RECORDS_HPP
#define IANAPORTS_DETAIL_TABLES_RECORDS_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view
#include <type_traits>  // std::remove_const_t
#include <utility>      // std::index_sequence

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/tables/facts.hpp"
#include "ianaports/detail/tables/rows.hpp"
#include "ianaports/detail/tables/search.hpp"
#include "ianaports/detail/tables/text.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// The optional columns. (Built by initialisation: std::optional's assignment is constexpr
// only from C++20 on.)
constexpr std::optional<port_range> row_ports(std::size_t row) noexcept {
  if (!row_has(row, reg::flag_has_ports)) {
    return std::nullopt;
  }
  return port_range{row_first_port(row), row_last_port(row)};
}

constexpr std::optional<protocol> transport_of(std::size_t named) noexcept {
  return named < protocol_count ? std::optional<protocol>{static_cast<protocol>(named)}
                                : std::optional<protocol>{};
}

// The transport of every value of the protocol bits, made once: a row's is a reference into
// it, because constant evaluation pays for every call it makes and every object it copies, and
// building an optional is a handful of calls (a walk over the registry reads this a row).
template <std::size_t... Named>
struct transport_values {
  std::optional<protocol> of[sizeof...(Named)] = {transport_of(Named)...};
};
template <std::size_t... Named>
constexpr transport_values<Named...> make_transport_values(std::index_sequence<Named...>) noexcept {
  return {};
}
inline constexpr auto transports =
    make_transport_values(std::make_index_sequence<std::size_t{reg::flag_protocol_mask} + 1>{});

constexpr const std::optional<protocol>& row_transport(std::size_t row) noexcept {
  return transports.of[row_protocol(row)];
}

using flags_table = std::remove_const_t<decltype(reg::record_flags)>;

IANAPORTS_END_TABLES_DETAIL
IANAPORTS_BEGIN_TABLES_NAMESPACE

// A row handle's protocol, read in place. Constant evaluation pays for every object a call
// makes, a parameter being one, and a walk over the registry reads this a row: so members of
// the handle (its position is no parameter), beside the table they read, with no parameter but
// the one asked for. A table of one row (any registry of up to 65535 rows) is read in place,
// without operator[]'s call.
constexpr unsigned row::protocol_bits() const noexcept {
  if constexpr (detail::flags_table::rows == 1) {  // the byte at index_ of the one literal
    return (static_cast<unsigned char>(detail::flags_table::row(0)[index_]) ^
            detail::flags_table::mask) &
           detail::reg::flag_protocol_mask;
  } else {
    return detail::reg::record_flags[index_] & detail::reg::flag_protocol_mask;
  }
}

constexpr const std::optional<protocol>& row::transport() const noexcept {
  return detail::transports.of[protocol_bits()];
}

// The row names p, or no protocol (then it holds for all): a bit set of the two, tested at the
// row's bits. (A value outside the enumeration is no protocol a row holds for.)
constexpr bool row::holds_for(protocol p) const noexcept {
  return static_cast<unsigned>(p) < detail::protocol_count &&
         ((((1U << static_cast<unsigned>(p)) | (1U << detail::reg::flag_no_protocol)) >>
           protocol_bits()) &
          1U) != 0;
}

IANAPORTS_END_TABLES_NAMESPACE
IANAPORTS_BEGIN_TABLES_DETAIL

// The few rows with a rare column (a service code, one port written as N-N) are a short list
// behind a flag: the bits of what the row has there, 0 for every other row.
constexpr std::uint8_t row_rare(std::size_t row) noexcept {
  if (!row_has(row, reg::flag_rare)) {
    return 0;
  }
  const std::size_t index = find_row(reg::rare_record, reg::rare_count, row);
  return index == reg::rare_count ? std::uint8_t{0} : reg::rare_what[index];
}

constexpr std::optional<std::uint32_t> row_service_code(std::size_t row) noexcept {
  if (!row_has(row, reg::flag_rare)) {
    return std::nullopt;
  }
  // The index checked here, where the read is: g++ -O2 cannot see that a row with the flag is
  // always found, and warns of a read past the table (-Warray-bounds) when it is not.
  const std::size_t index = find_row(reg::rare_record, reg::rare_count, row);
  if (index >= reg::rare_count || (reg::rare_what[index] & reg::rare_has_service_code) == 0) {
    return std::nullopt;
  }
  return reg::rare_service_code[index];
}

// Does IANA write the row's one port as a range, "4748-4748"?
constexpr bool row_one_port_as_range(std::size_t row) noexcept {
  return (row_rare(row) & reg::rare_one_port_as_range) != 0;
}

// The row's text tuple. A build without text columns has one, and no record_texts column.
constexpr std::size_t row_text_tuple(std::size_t row) noexcept {
  return reg::text_tuple_count > 1 ? std::size_t{reg::record_texts[row]} : 0;
}

// The tuple's tail tuple; likewise one, and no texts_tail column, without text columns.
constexpr std::size_t text_tuple_tail(std::size_t tuple) noexcept {
  return reg::tail_tuple_count > 1 ? std::size_t{reg::texts_tail[tuple]} : 0;
}

// The text columns, each read on its own (a row handle reads only what it is asked).
enum class text_column : std::uint8_t {
  description,
  assignee,
  contact,
  registered,
  modified,
  reference,
  unauthorized_use,
  notes
};

constexpr std::string_view row_text(std::size_t row, text_column column) noexcept {
  const std::size_t texts = row_text_tuple(row);
  switch (column) {
    case text_column::description: return text(reg::texts_description[texts]);
    case text_column::assignee: return text(reg::texts_assignee[texts]);
    case text_column::contact: return text(reg::texts_contact[texts]);
    case text_column::registered: return text(reg::texts_registered[texts]);
    default: break;
  }
  const std::size_t tail = text_tuple_tail(texts);
  switch (column) {
    case text_column::modified: return text(reg::tail_modified[tail]);
    case text_column::reference: return text(reg::tail_reference[tail]);
    case text_column::unauthorized_use: return text(reg::tail_unauthorized_use[tail]);
    default: return text(reg::tail_notes[tail]);
  }
}

// Where a row comes from: the user's own services are the first rows. (None, in a build
// without them: the test is then never true, as cppcheck notices.)
constexpr record_source row_origin(std::size_t row) noexcept {
  // cppcheck-suppress unsignedLessThanZero
  return row < local_row_count ? record_source::local : record_source::registry;
}

IANAPORTS_ALWAYS_INLINE constexpr record make_record(std::size_t row) noexcept {
  const std::size_t texts = row_text_tuple(row);
  const std::size_t tail = text_tuple_tail(texts);
  return record{row_service(row),
                row_ports(row),
                row_transport(row),
                text(reg::texts_description[texts]),
                text(reg::texts_assignee[texts]),
                text(reg::texts_contact[texts]),
                text(reg::texts_registered[texts]),
                text(reg::tail_modified[tail]),
                text(reg::tail_reference[tail]),
                row_service_code(row),
                text(reg::tail_unauthorized_use[tail]),
                text(reg::tail_notes[tail]),
                row_one_port_as_range(row),
                row_origin(row)};
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_RECORDS_HPP
