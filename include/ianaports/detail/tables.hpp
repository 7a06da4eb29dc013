// ianaports: reading the generated tables. Internal; include ports.hpp.
//
// The tables (ianaports/detail/registry_tables.hpp, written by codegen/generate.py) are
// integers packed into string literals (packed_table.hpp) and rows of text, never pointers, so
// a program pays no load-time relocation for them. Their shape:
//
//   text      text_pool[row][column] holds every distinct string once; string id t runs from
//             text_bounds[t] to text_bounds[t + 1], each row << text_column_bits | column (a
//             filler id, never used, bridges two rows). Id 0 is "".
//   records   record_service, record_first_port, record_flags (protocol and
//             "has ports"), record_detail: one entry per row, registry order. Rows that say the
//             same (a service's tcp and udp rows, usually) share one detail_* entry.
//   names     a minimal perfect hash over the case-folded names: name_pilots, name_keys (each
//             key name_key_words long); slot s
//             owns row_lists[name_rows_begin[s] .. name_rows_begin[s + 1]).
//   ports     per protocol, the port space cut into segments over which the covering rows do
//             not change; port_bucket_segment finds a port's segment in a step or two.
//             Segment g owns row_lists[port_segment_rows_begin[g] .. [g + 1]).
//   protocol  the rows naming each protocol: row_lists[protocol_rows_begin[p] .. [p + 1]).
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
inline constexpr unsigned name_port_protocols = 2;          // name_port lists tcp and udp answers
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

// by_range's test, applied while iterating: rows holding for protocol p whose ports overlap
// [first, last]. An inactive filter keeps every row.
struct row_filter {
  bool active = false;
  std::uint8_t protocol = 0;
  std::uint16_t first = 0;
  std::uint16_t last = 0;
};

constexpr std::string_view text(std::size_t id) noexcept {
  constexpr std::size_t column_mask = (std::size_t{1} << reg::text_column_bits) - 1;
  const std::size_t begin = reg::text_bounds[id];
  const std::size_t end = reg::text_bounds[id + 1];
  return {&reg::text_pool[begin >> reg::text_column_bits][begin & column_mask], end - begin};
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
  return !filter.active ||
         (row_has_ports(row) && row_holds_for(row, filter.protocol) &&
          row_first_port(row) <= filter.last && filter.first <= row_last_port(row));
}

constexpr std::string_view row_service(std::size_t row) noexcept {
  return text(reg::record_service[row]);
}

// The row's detail tuple. A build without text columns has one, and no record_detail column.
constexpr std::size_t row_detail(std::size_t row) noexcept {
  return reg::detail_count > 1 ? std::size_t{reg::record_detail[row]} : 0;
}

// Does the row's description say "Reserved"? A flag, so lean builds without descriptions know.
constexpr bool row_reserved(std::size_t row) noexcept {
  return (reg::record_flags[row] & flag_reserved) != 0;
}

// The slot of the name in the name tables, or name_count when no registry name equals it.
constexpr std::uint32_t name_slot_of(std::string_view name) noexcept {
  if (reg::name_count == 0) {
    return reg::name_count;
  }
  name_key<reg::name_key_words> key;
  if (!key.assign(name)) {
    return reg::name_count;
  }
  const std::uint64_t hash = key.hash(reg::name_hash_seed);
  const std::uint64_t pilot = reg::name_pilots[name_bucket(hash, reg::name_bucket_count)];
  const std::uint32_t slot = name_slot(hash, pilot, reg::name_count);
  // A perfect hash places every registered name, but any other input lands in some slot too:
  // only the key comparison tells a hit from a miss.
  return key.equals(reg::name_keys, slot) ? slot : reg::name_count;
}

// The rows whose folded name equals the folded name; empty when there are none.
constexpr row_span rows_named(std::string_view name) noexcept {
  const std::uint32_t slot = name_slot_of(name);
  if (slot == reg::name_count) {
    return {};
  }
  return {true, reg::name_rows_begin[slot], reg::name_rows_begin[slot + 1]};
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

constexpr row_span rows_naming(unsigned p) noexcept {
  return {true, reg::protocol_rows_begin[p], reg::protocol_rows_begin[p + 1]};
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
