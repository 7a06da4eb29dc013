// SPDX-License-Identifier: BSL-1.0
// ianaports: reading the generated tables. Internal; include ports.hpp.
//
// This is the one file that names the generated tables (detail::registry, in
// ianaports/detail/registry_tables.hpp, written by codegen/generate.py): everything above it
// asks the readers below. The tables are integers packed into string literals
// (packed_table.hpp) and rows of text, never pointers, so a program pays no load-time
// relocation for them. What each table holds is said above it in the generated header; how
// they fit together, in the builders of codegen/tables/, one a kind:
//
//   text      a pool of distinct strings, addressed by text id
//   records   one entry a row, registry order: name, first port, flags, shared text tuples
//   names     a perfect hash over the case-folded names: a slot per name, its rows, port_of
//   ports     per protocol, segments of the port space and the rows covering each; name_of
//             over TCP and UDP straight from a bit map
//
// The layout's facts (flag bits, protocol indexes, hash constants, limits) come from the
// generated header too, and the checks at the end of this file fail the build, naming the
// drift, if the two halves stop agreeing.
#ifndef IANAPORTS_DETAIL_TABLES_HPP
#define IANAPORTS_DETAIL_TABLES_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/name_hash.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/row_span.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

namespace reg = registry;

// --- what the build holds --------------------------------------------------------------------

inline constexpr std::string_view tables_updated = reg::updated;
inline constexpr std::size_t tables_name_count = reg::name_count;
inline constexpr std::string_view tables_omitted_columns = reg::omitted_columns;
inline constexpr std::string_view tables_kept_protocols = reg::kept_protocols;
inline constexpr unsigned protocol_count = reg::protocol_count;

// The per-protocol tables' index of p, or protocol_count for a value outside the enumeration
// (one cast from an out-of-range integer): every reader that takes a protocol asks this first.
constexpr unsigned table_index(protocol p) noexcept {
  const auto index = static_cast<unsigned>(p);
  return index < protocol_count ? index : protocol_count;
}

// --- text ------------------------------------------------------------------------------------

constexpr std::string_view text(std::size_t id) noexcept {
  const std::size_t block = id >> reg::text_block_shift;
  const std::size_t begin = reg::text_columns[id];
  const std::size_t end = reg::text_columns[id + 1];
  // Rows are long and blocks short: a block reaches at most into the next row, where columns
  // start again from 0 (the generator checked this for every id).
  const std::size_t block_begin = reg::text_columns[block << reg::text_block_shift];
  const std::size_t row = reg::text_block_row[block] + (begin < block_begin ? 1U : 0U);
  return {&reg::text_pool[row][begin], end - begin};
}

// --- records ---------------------------------------------------------------------------------

inline constexpr std::uint32_t record_count = reg::record_count;

constexpr std::uint8_t row_flags(std::size_t row) noexcept {
  return reg::record_flags[row];
}

constexpr bool row_has(std::size_t row, std::uint8_t flag) noexcept {
  return (row_flags(row) & flag) != 0;
}

// The row's protocol index, or reg::flag_no_protocol when it holds for every protocol.
constexpr std::uint8_t row_protocol(std::size_t row) noexcept {
  return static_cast<std::uint8_t>(row_flags(row) & reg::flag_protocol_mask);
}

// Does the row hold for protocol index p: it names p, or none (then it holds for all)?
constexpr bool row_holds_for(std::size_t row, unsigned p) noexcept {
  const std::uint8_t named = row_protocol(row);
  return named == p || named == reg::flag_no_protocol;
}

// Where row is in rows, an ascending table of count rows; count when it is not there.
template <typename Rows>
constexpr std::size_t find_row(const Rows& rows, std::size_t count, std::size_t row) noexcept {
  std::size_t low = 0;
  std::size_t high = count;
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (rows[mid] < row) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low < count && rows[low] == row ? low : count;
}

constexpr std::uint16_t row_first_port(std::size_t row) noexcept {
  return reg::record_first_port[row];
}

// Few rows span ports: their last ports are a short list, not a column.
constexpr std::uint16_t row_last_port(std::size_t row) noexcept {
  if (!row_has(row, reg::flag_spans_ports)) {
    return reg::record_first_port[row];
  }
  return reg::range_last_port[find_row(reg::range_record, reg::range_count, row)];
}

constexpr std::string_view row_service(std::size_t row) noexcept {
  return text(reg::record_service[row]);
}

// The optional columns. (Built by initialisation: std::optional's assignment is constexpr
// only from C++20 on.)
constexpr std::optional<port_range> row_ports(std::size_t row) noexcept {
  if (!row_has(row, reg::flag_has_ports)) {
    return std::nullopt;
  }
  return port_range{row_first_port(row), row_last_port(row)};
}

constexpr std::optional<protocol> row_transport(std::size_t row) noexcept {
  if (row_protocol(row) == reg::flag_no_protocol) {
    return std::nullopt;
  }
  return static_cast<protocol>(row_protocol(row));
}

constexpr std::optional<std::uint32_t> row_service_code(std::size_t row) noexcept {
  // Few rows have one: a flag and a binary search over them cost less than a column.
  if (!row_has(row, reg::flag_has_service_code)) {
    return std::nullopt;
  }
  const std::size_t index = find_row(reg::service_code_record, reg::service_code_count, row);
  if (index == reg::service_code_count) {
    return std::nullopt;  // not reached: the flag says the row is listed
  }
  return reg::service_code_value[index];
}

// Does the row's description say "Reserved"? A flag, so lean builds without descriptions know.
constexpr bool row_reserved(std::size_t row) noexcept {
  return row_has(row, reg::flag_reserved);
}

// The row's text tuple. A build without text columns has one, and no record_texts column.
constexpr std::size_t row_text_tuple(std::size_t row) noexcept {
  return reg::text_tuple_count > 1 ? std::size_t{reg::record_texts[row]} : 0;
}

// The tuple's tail tuple; likewise one, and no texts_tail column, without text columns.
constexpr std::size_t text_tuple_tail(std::size_t tuple) noexcept {
  return reg::tail_tuple_count > 1 ? std::size_t{reg::texts_tail[tuple]} : 0;
}

constexpr record make_record(std::size_t row) noexcept {
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
                row_has(row, reg::flag_one_port_as_range)};
}

// --- walks over rows ---------------------------------------------------------------------------

constexpr std::size_t row_at(const row_span& span, std::size_t position) noexcept {
  return span.listed ? std::size_t{reg::row_lists[position]} : position;
}

constexpr row_span every_row() noexcept {
  return {false, 0, record_count};
}

constexpr bool keeps(const row_filter& filter, std::size_t row) noexcept {
  switch (filter.test) {
    case row_test::overlapping:
      return row_has(row, reg::flag_has_ports) && row_holds_for(row, filter.protocol) &&
             row_first_port(row) <= filter.last && filter.first <= row_last_port(row);
    case row_test::transport_is: return row_protocol(row) == filter.protocol;
    case row_test::every_row: break;
  }
  return true;
}

// The rows of registry order that filter keeps: trimmed at both ends, so that empty() needs no
// walk, and walked through with filter.
constexpr row_span rows_kept(const row_filter& filter) noexcept {
  row_span span = every_row();
  while (span.first < span.last && !keeps(filter, span.first)) {
    ++span.first;
  }
  while (span.last > span.first && !keeps(filter, span.last - 1)) {
    --span.last;
  }
  return span;
}

// --- names -----------------------------------------------------------------------------------

// Where the name would be in the name tables, and whether it is: a perfect hash places every
// registered name, but any other input lands in some slot too, and only the key comparison
// tells a hit from a miss. The slot is valid (below name_slot_count) even for a miss, so that a
// caller may read its tables before it knows which (found is false for every input when the
// registry names nothing; the slot is then 0).
struct name_probe {
  std::uint32_t slot = 0;
  bool found = false;
};

IANAPORTS_ALWAYS_INLINE constexpr name_probe probe_name(std::string_view name) noexcept {
  if (reg::name_count == 0) {
    return {};
  }
  name_key<reg::name_key_words> key;
  if (!key.assign(name)) {
    return {};
  }
  const std::uint64_t hash =
      key.hash(reg::name_hash_seed, reg::name_mix_multiplier, reg::name_word_multiplier);
  const std::uint64_t pilot = reg::name_pilots[name_bucket(hash, reg::name_bucket_count)];
  const std::uint32_t slot = name_slot(mix(hash, reg::name_mix_multiplier), pilot,
                                       reg::name_slot_count, reg::name_pilot_shift);
  return {slot, key.equals(reg::name_keys, slot, reg::name_slot_count, reg::name_key_row_shift)};
}

// The slot of the name in the name tables, or name_slot_count when no registry name equals it.
constexpr std::uint32_t name_slot_of(std::string_view name) noexcept {
  const name_probe probe = probe_name(name);
  return probe.found ? probe.slot : reg::name_slot_count;
}

// The rows whose folded name equals the folded name; empty when there are none.
constexpr row_span rows_named(std::string_view name) noexcept {
  const std::uint32_t slot = name_slot_of(name);
  if (slot == reg::name_slot_count) {
    return {};
  }
  return {true, reg::name_rows_begin[slot], reg::name_rows_begin[slot + 1]};
}

// port_of: the first port of the first row with the name that holds for protocol p. Over
// the direct protocols (tcp, udp) the answer is listed for every slot, 0 for "no port" (the few
// names whose answer is port 0 are in name_port_zero); over the others, the rows say.
constexpr std::optional<std::uint16_t> port_of_name(std::string_view name, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index >= reg::name_port_protocols) {
    if (index == protocol_count) {
      return std::nullopt;
    }
    const row_span rows = rows_named(name);
    for (std::uint32_t position = rows.first; position < rows.last; ++position) {
      const std::size_t row = row_at(rows, position);
      if (row_has(row, reg::flag_has_ports) && row_holds_for(row, index)) {
        return row_first_port(row);
      }
    }
    return std::nullopt;
  }
  const name_probe probe = probe_name(name);
  if (!probe.found) {  // also for every name when the registry names nothing
    return std::nullopt;
  }
  const std::size_t at = std::size_t{index} * reg::name_slot_count + probe.slot;
  const std::uint16_t port = reg::name_port[at];
  if (port != 0 ||
      (reg::name_port_zero_count != 0 &&
       find_row(reg::name_port_zero, reg::name_port_zero_count, at) != reg::name_port_zero_count)) {
    return port;
  }
  return std::nullopt;
}

// --- ports -----------------------------------------------------------------------------------

// The rows covering port for protocol p: rows naming p, and rows naming none.
constexpr row_span rows_covering(std::uint16_t port, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index == protocol_count) {
    return {};
  }
  const std::size_t bucket =
      index * (reg::port_bucket_count + 1) + (std::size_t{port} >> reg::port_bucket_shift);
  std::size_t segment = reg::port_bucket_segment[bucket];
  const std::size_t last = reg::port_bucket_segment[bucket + 1];
  while (segment < last && reg::port_segment_start[segment + 1] <= port) {
    ++segment;
  }
  return {true, reg::port_segment_rows_begin[segment], reg::port_segment_rows_begin[segment + 1]};
}

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
// protocols (tcp, udp), straight from a bit map, its rank and a text id; over the others, the
// covering rows say.
constexpr std::string_view name_on_port(std::uint16_t port, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index >= reg::name_port_protocols) {
    const row_span rows = rows_covering(port, p);
    for (std::uint32_t position = rows.first; position < rows.last; ++position) {
      const std::string_view name = row_service(row_at(rows, position));
      if (!name.empty()) {
        return name;
      }
    }
    return {};
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

// --- the two halves agree ------------------------------------------------------------------------
// The generator and these readers meet only through the generated header: these checks turn a
// drift between them into a compile error that says which half moved.

static_assert(reg::protocol_count == sizeof(all_protocols) / sizeof(all_protocols[0]) &&
                  reg::protocol_tcp == static_cast<unsigned>(protocol::tcp) &&
                  reg::protocol_udp == static_cast<unsigned>(protocol::udp) &&
                  reg::protocol_sctp == static_cast<unsigned>(protocol::sctp) &&
                  reg::protocol_dccp == static_cast<unsigned>(protocol::dccp),
              "ianaports: the generated tables order the protocols unlike enum class protocol: "
              "regenerate them with this version's codegen/");

constexpr bool name_samples_found() noexcept {
  for (std::size_t i = 0; i < reg::name_sample_count; ++i) {
    if (name_slot_of(reg::name_sample_names[i]) != reg::name_sample_slot[i]) {
      return false;
    }
  }
  return true;
}
static_assert(name_samples_found(),
              "ianaports: detail/name_hash.hpp does not find names where codegen/perfect_hash.py "
              "put them: one side of the name hash changed without the other");

constexpr bool port_samples_found() noexcept {
  for (std::size_t i = 0; i < reg::port_sample_count; ++i) {
    const row_span covering = rows_covering(reg::port_sample_port[i],
                                            static_cast<protocol>(reg::port_sample_protocol[i]));
    if (covering.first != reg::port_segment_rows_begin[reg::port_sample_segment[i]]) {
      return false;
    }
  }
  return true;
}
static_assert(
    port_samples_found(),
    "ianaports: detail/tables.hpp does not find ports in the segments codegen/tables/ports.py "
    "put them in: one side of the port index changed without the other");

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_TABLES_HPP
