// SPDX-License-Identifier: BSL-1.0
// ianaports: reading the generated tables. Internal; include ports.hpp.
//
// The tables (ianaports/detail/registry_tables.hpp, written by codegen/generate.py) are
// integers packed into string literals (packed_table.hpp) and rows of text, never pointers, so
// a program pays no load-time relocation for them. Their shape:
//
//   text      text_pool[row][column] holds every distinct string once; string id t runs from
//             column text_columns[t] to text_columns[t + 1] of its row (a filler id, never
//             used, ends each row). The row comes from text_block_row. Id 0 is "".
//   records   record_service, record_first_port, record_flags (protocol and
//             "has ports"), record_detail: one entry per row, registry order. Rows that say the
//             same (a service's tcp and udp rows, usually) share one detail_* entry, and details
//             share the extra_* entry of their last four columns (dates modified, references,
//             notes).
//   names     a perfect hash over the case-folded names: name_pilots, name_keys (each key
//             name_key_words long; a slot without a name holds zeros); slot s owns
//             row_lists[name_rows_begin[s] .. name_rows_begin[s + 1]), and name_port lists its
//             port over tcp and udp (port_of's answers, without a walk over the rows).
//   ports     per protocol, the port space cut into segments over which the covering rows do
//             not change; port_bucket_segment finds a port's segment in a step or two.
//             Segment g owns row_lists[port_segment_rows_begin[g] .. [g + 1]). Over tcp and
//             udp, port_name_bits, port_name_base and port_name_text give name_of's answers
//             directly: a bit per port, a rank, a text id.
#ifndef IANAPORTS_DETAIL_TABLES_HPP
#define IANAPORTS_DETAIL_TABLES_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/name_hash.hpp"
#include "ianaports/detail/registry_tables.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

namespace reg = registry;

inline constexpr unsigned protocol_count = 4;               // tcp, udp, sctp, dccp
inline constexpr std::uint8_t flag_protocol_mask = 7;       // record_flags bits 0-2
inline constexpr std::uint8_t flag_no_protocol = 7;         // the row holds for every protocol
inline constexpr std::uint8_t flag_has_ports = 8;           // record_flags bit 3
inline constexpr std::uint8_t flag_one_port_as_range = 16;  // record_flags bit 4: "4748-4748"
inline constexpr std::uint8_t flag_has_service_code = 32;   // record_flags bit 5
inline constexpr std::uint8_t flag_reserved = 64;           // bit 6: the description: "Reserved"
inline constexpr std::uint8_t flag_spans_ports = 128;       // bit 7: in range_record

// A run of rows: positions [first, last) of row_lists when listed, else rows in registry order.
struct row_span {
  bool listed = false;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

// The test of a filtered walk, applied while iterating. by_range keeps the rows holding for
// protocol whose ports overlap [first, last]; by_protocol the rows naming protocol. (A list of
// each protocol's rows cost 26 KB for a query that reads most rows anyway.)
enum class row_test : std::uint8_t { every_row, overlapping, naming };

struct row_filter {
  row_test test = row_test::every_row;
  std::uint8_t protocol = 0;
  std::uint16_t first = 0;
  std::uint16_t last = 0;
};

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

constexpr std::size_t row_at(const row_span& span, std::size_t position) noexcept {
  return span.listed ? std::size_t{reg::row_lists[position]} : position;
}

constexpr std::uint8_t row_protocol(std::size_t row) noexcept {
  return static_cast<std::uint8_t>(reg::record_flags[row] & flag_protocol_mask);
}

constexpr bool row_has_ports(std::size_t row) noexcept {
  return (reg::record_flags[row] & flag_has_ports) != 0;
}

constexpr bool row_one_port_as_range(std::size_t row) noexcept {
  return (reg::record_flags[row] & flag_one_port_as_range) != 0;
}

// Does the row hold for protocol index p: it names p, or it names none (holds for all)?
constexpr bool row_holds_for(std::size_t row, unsigned p) noexcept {
  const std::uint8_t protocol = row_protocol(row);
  return protocol == p || protocol == flag_no_protocol;
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
  if ((reg::record_flags[row] & flag_spans_ports) == 0) {
    return reg::record_first_port[row];
  }
  return reg::range_last_port[find_row(reg::range_record, reg::range_count, row)];
}

constexpr bool keeps(const row_filter& filter, std::size_t row) noexcept {
  switch (filter.test) {
    case row_test::overlapping:
      return row_has_ports(row) && row_holds_for(row, filter.protocol) &&
             row_first_port(row) <= filter.last && filter.first <= row_last_port(row);
    case row_test::naming: return row_protocol(row) == filter.protocol;
    case row_test::every_row: break;
  }
  return true;
}

// The rows of registry order that filter keeps: trimmed at both ends, so that empty() needs no
// walk, and walked through with filter.
constexpr row_span rows_kept(const row_filter& filter) noexcept {
  row_span span{false, 0, reg::record_count};
  while (span.first < span.last && !keeps(filter, span.first)) {
    ++span.first;
  }
  while (span.last > span.first && !keeps(filter, span.last - 1)) {
    --span.last;
  }
  return span;
}

constexpr std::string_view row_service(std::size_t row) noexcept {
  return text(reg::record_service[row]);
}

// The row's detail tuple. A build without text columns has one, and no record_detail column.
constexpr std::size_t row_detail(std::size_t row) noexcept {
  return reg::detail_count > 1 ? std::size_t{reg::record_detail[row]} : 0;
}

// The detail's extra tuple; likewise one, and no detail_extra column, without text columns.
constexpr std::size_t detail_extra(std::size_t detail) noexcept {
  return reg::extra_count > 1 ? std::size_t{reg::detail_extra[detail]} : 0;
}

// Does the row's description say "Reserved"? A flag, so lean builds without descriptions know.
constexpr bool row_reserved(std::size_t row) noexcept {
  return (reg::record_flags[row] & flag_reserved) != 0;
}

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
  const std::uint64_t hash = key.hash(reg::name_hash_seed);
  const std::uint64_t pilot = reg::name_pilots[name_bucket(hash, reg::name_bucket_count)];
  const std::uint32_t slot = name_slot(mix(hash), pilot, reg::name_slot_count);
  return {slot, key.equals(reg::name_keys, slot, reg::name_slot_count, reg::name_key_row_shift)};
}

// The slot of the name in the name tables, or name_slot_count when no registry name equals it.
constexpr std::uint32_t name_slot_of(std::string_view name) noexcept {
  const name_probe probe = probe_name(name);
  return probe.found ? probe.slot : reg::name_slot_count;
}

// port_of's listed answer for slot over protocol index p < reg::name_port_protocols. The list
// says 0 for "no port" (few names have port 0: those are in name_port_zero).
constexpr std::optional<std::uint16_t> listed_name_port(const name_probe& probe,
                                                        unsigned p) noexcept {
  if (!probe.found) {  // also for every name when the registry names nothing
    return std::nullopt;
  }
  const std::size_t at = std::size_t{p} * reg::name_slot_count + probe.slot;
  const std::uint16_t port = reg::name_port[at];
  if (port != 0 ||
      (reg::name_port_zero_count != 0 &&
       find_row(reg::name_port_zero, reg::name_port_zero_count, at) != reg::name_port_zero_count)) {
    return port;
  }
  return std::nullopt;
}

// The rows whose folded name equals the folded name; empty when there are none.
constexpr row_span rows_named(std::string_view name) noexcept {
  const std::uint32_t slot = name_slot_of(name);
  if (slot == reg::name_slot_count) {
    return {};
  }
  return {true, reg::name_rows_begin[slot], reg::name_rows_begin[slot + 1]};
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

// name_of's answer for port over protocol index p < reg::name_port_protocols: "" when none.
constexpr std::string_view listed_port_name(std::uint16_t port, unsigned p) noexcept {
  const std::size_t block = (std::size_t{p} << (16 - reg::port_name_block_shift)) +
                            (std::size_t{port} >> reg::port_name_block_shift);
  const std::uint64_t bits = reg::port_name_bits[block];
  const unsigned bit = port & ((1U << reg::port_name_block_shift) - 1);
  // A branch, though one port in eleven has a name: reading and masking an entry for every
  // port, named or not, was twice as slow.
  if (((bits >> bit) & 1U) == 0) {
    return {};
  }
  const unsigned before = count_bits(bits & ((std::uint64_t{1} << bit) - 1));
  return text(reg::port_name_text[std::size_t{reg::port_name_base[block]} + before]);
}

// The rows covering port for protocol index p (p < protocol_count).
constexpr row_span rows_covering(std::uint16_t port, unsigned p) noexcept {
  const std::size_t bucket =
      p * (reg::port_bucket_count + 1) + (std::size_t{port} >> reg::port_bucket_shift);
  std::size_t segment = reg::port_bucket_segment[bucket];
  const std::size_t last = reg::port_bucket_segment[bucket + 1];
  while (segment < last && reg::port_segment_start[segment + 1] <= port) {
    ++segment;
  }
  return {true, reg::port_segment_rows_begin[segment], reg::port_segment_rows_begin[segment + 1]};
}

constexpr std::optional<std::uint32_t> row_service_code(std::size_t row) noexcept {
  // Few rows have one (4 in 2026): a flag and a binary search over them cost less than a
  // column.
  if ((reg::record_flags[row] & flag_has_service_code) == 0) {
    return std::nullopt;
  }
  const std::size_t index = find_row(reg::service_code_record, reg::service_code_count, row);
  if (index == reg::service_code_count) {
    return std::nullopt;  // not reached: the flag says the row is listed
  }
  return reg::service_code_value[index];
}

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_TABLES_HPP
