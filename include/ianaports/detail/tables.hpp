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
//   records     one entry a row, registry order: name, flags, shared text tuples
//   port order  the first-port column, never decreasing: a search finds a port's rows; counts
//               of rows a block; the few rows out of order, apart
//   names       a perfect hash over the case-folded names: a slot per name, its rows, port_of
//   ports       per protocol, segments of the port space and the rows covering each; name_of
//               over TCP and UDP straight from a bit map (a fast index; a compact one has
//               neither, and asks the port order)
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
#include <type_traits>  // std::remove_const_t
#include <utility>      // std::index_sequence

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/name_hash.hpp"
#include "ianaports/detail/registry_tables.hpp"
#include "ianaports/detail/row_query.hpp"
#include "ianaports/detail/tables/text.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

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
  return static_cast<unsigned>(p) < protocol_count ? static_cast<unsigned>(p) : protocol_count;
}

// Does the build keep p's rows? (A value outside the enumeration is no protocol it keeps.)
constexpr bool tables_keep(protocol p) noexcept {
  return table_index(p) < protocol_count && ((reg::kept_protocol_bits >> table_index(p)) & 1U) != 0;
}

// --- text ------------------------------------------------------------------------------------

constexpr std::string_view text(std::size_t id) noexcept {
  return pool_text<reg::text_pool, reg::text_columns, reg::text_block_row, reg::text_block_shift>(
      id);
}

// --- records ---------------------------------------------------------------------------------

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
    return static_cast<unsigned char>(detail::flags_table::row(0)[index_]) &
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

// --- port order ------------------------------------------------------------------------------

// The first row whose port order key is port or more (record_count when none): where the
// in-order rows starting at port begin.
constexpr std::uint32_t port_order_bound(std::uint32_t port) noexcept {
  std::uint32_t low = 0;
  std::uint32_t high = record_count;
  while (low < high) {
    const std::uint32_t mid = low + (high - low) / 2;
    if (port_order_key(mid) < port) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
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

// The first range_record entry whose row's port order key is port or more.
constexpr std::uint32_t range_bound(std::uint32_t port) noexcept {
  std::uint32_t low = 0;
  std::uint32_t high = reg::range_count;
  while (low < high) {
    const std::uint32_t mid = low + (high - low) / 2;
    if (port_order_key(reg::range_record[mid]) < port) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

// --- walks over rows: a query's sources, merged in registry order
// ---------------------------------

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

// --- ports -----------------------------------------------------------------------------------

// The segment holding port for protocol index p (a fast index).
constexpr std::size_t segment_of(std::uint16_t port, unsigned p) noexcept {
  const std::size_t bucket =
      p * (reg::port_bucket_count + 1) + (std::size_t{port} >> reg::port_bucket_shift);
  std::size_t segment = reg::port_bucket_segment[bucket];
  const std::size_t last = reg::port_bucket_segment[bucket + 1];
  while (segment < last && reg::port_segment_start[segment + 1] <= port) {
    ++segment;
  }
  return segment;
}

// The rows holding for p whose ports overlap [first, last], in registry order: those that
// cover first from before it (its segment's in-order rows, or in a compact index the range
// rows that reach it), the in-order rows that start in the span (one stretch of registry
// order), and the rows out of port order that overlap it.
constexpr row_query rows_overlapping(port_range ports, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index == protocol_count || ports.first > ports.last) {
    return row_query{};
  }
  row_query query;
  query.protocol = static_cast<std::uint8_t>(index);
  query.first = ports.first;
  query.last = ports.last;
  query.test = walk_test::in_order_for;
  if constexpr (reg::fast_index) {
    const std::size_t segment = segment_of(ports.first, index);
    query.before_first = true;
    query.sources[0] = {source_kind::listed, false, reg::port_segment_rows_begin[segment],
                        reg::port_segment_rows_begin[segment + 1]};
  } else {
    const std::uint32_t reach =
        ports.first > reg::max_in_order_span ? ports.first - reg::max_in_order_span : 0U;
    query.sources[0] = {source_kind::ranges, false, range_bound(reach), range_bound(ports.first)};
  }
  query.sources[1] = {source_kind::registry, false, port_order_bound(ports.first),
                      port_order_bound(std::uint32_t{ports.last} + 1)};
  query.source_count = 2;
  if (reg::apart_count != 0) {
    query.sources[query.source_count++] = {source_kind::apart, false, 0, reg::apart_count};
  }
  return settled(query);
}

// The rows covering port for protocol p: rows naming p, and rows naming none.
constexpr row_query rows_covering(std::uint16_t port, protocol p) noexcept {
  if constexpr (reg::fast_index) {
    const unsigned index = table_index(p);
    if (index == protocol_count) {
      return row_query{};
    }
    const std::size_t segment = segment_of(port, index);
    return listed(reg::port_segment_rows_begin[segment], reg::port_segment_rows_begin[segment + 1]);
  } else {
    return rows_overlapping({port, port}, p);
  }
}

// --- names -----------------------------------------------------------------------------------

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

// port_of: the first port of the first row with the name that holds for protocol p. Over
// the direct protocols (tcp, udp, in a fast index) the answer is listed for every slot, 0 for
// "no port" (the few names whose answer is port 0 are in name_port_zero); otherwise the rows
// say.
constexpr std::optional<std::uint16_t> port_of_name(std::string_view name, protocol p) noexcept {
  const unsigned index = table_index(p);
  if (index == protocol_count) {
    return std::nullopt;
  }
  if (index < reg::name_port_protocols) {
    const name_probe probe = probe_name(name);
    if (!probe.found) {  // also for every name when the registry names nothing
      return std::nullopt;
    }
    const std::size_t at = std::size_t{index} * reg::name_slot_count + probe.slot;
    const std::uint16_t port = reg::name_port[at];
    if (port != 0 ||
        (reg::name_port_zero_count != 0 && find_row(reg::name_port_zero, reg::name_port_zero_count,
                                                    at) != reg::name_port_zero_count)) {
      return port;
    }
    return std::nullopt;
  }
  const row_query named = rows_named(name);
  const row_source& list = named.sources[0];
  for (std::uint32_t at = list.at; at < list.end; ++at) {
    const std::size_t row = reg::row_lists[at];
    if (row_has(row, reg::flag_has_ports) && row_holds_for(row, index)) {
      return row_first_port(row);
    }
  }
  return std::nullopt;
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

// Calls visit(row) for each row covering port for p, in registry order, until it returns true;
// returns whether one did. A fast index walks the port's segment list, a compact one the
// port-order query.
template <typename Visit>
IANAPORTS_ALWAYS_INLINE constexpr bool any_covering(std::uint16_t port, protocol p,
                                                    Visit visit) noexcept {
  if constexpr (reg::fast_index) {
    const unsigned index = table_index(p);
    if (index == protocol_count) {
      return false;
    }
    const std::size_t segment = segment_of(port, index);
    const std::uint32_t end = reg::port_segment_rows_begin[segment + 1];
    for (std::uint32_t at = reg::port_segment_rows_begin[segment]; at < end; ++at) {
      if (visit(std::size_t{reg::row_lists[at]})) {
        return true;
      }
    }
    return false;
  } else {
    row_query covering = rows_covering(port, p);
    for (std::uint32_t row = current_row(covering); row != no_row; row = advance(covering, row)) {
      if (visit(std::size_t{row})) {
        return true;
      }
    }
    return false;
  }
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

// status: assigned if a covering row has a name; else reserved if one says so; else by class.
constexpr port_status status_of(std::uint16_t port, protocol p) noexcept {
  bool reserved = false;
  const bool assigned = any_covering(port, p, [&reserved](std::size_t row) {
    if (!row_service(row).empty()) {
      return true;
    }
    reserved = reserved || row_reserved(row);
    return false;
  });
  if (assigned) {
    return port_status::assigned;
  }
  if (reserved) {
    return port_status::reserved;
  }
  return classify(port) == port_class::dynamic ? port_status::dynamic : port_status::unassigned;
}

// --- the two halves agree ------------------------------------------------------------------------
// The generator and these readers meet only through the generated header: these checks turn a
// drift between them into a compile error that says which half moved.

// The readers are this release's; the identity of the tables (the namespace) names the release
// of the generator that made them, so that two releases' readers never share a symbol.
static_assert(reg::generator_version_major == IANAPORTS_VERSION_MAJOR &&
                  reg::generator_version_minor == IANAPORTS_VERSION_MINOR &&
                  reg::generator_version_patch == IANAPORTS_VERSION_PATCH,
              "ianaports: the generated tables were made by another release's codegen/: "
              "regenerate them with this version's");

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
    if (segment_of(reg::port_sample_port[i], reg::port_sample_protocol[i]) !=
        reg::port_sample_segment[i]) {
      return false;
    }
  }
  return true;
}
static_assert(port_samples_found(),
              "ianaports: detail/tables.hpp does not find ports in the segments "
              "codegen/tables/ports.py put them in: one side of the port index changed without "
              "the other");

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_HPP
