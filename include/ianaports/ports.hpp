// SPDX-License-Identifier: BSL-1.0
// ianaports: the IANA Service Name and Transport Protocol Port Number Registry, at compile time.
//
// clang-format off
//   #include <ianaports/ports.hpp>
//
//   static_assert(ianaports::port_of("https") == 443);
//   static_assert(ianaports::name_of(22) == "ssh");
//   static_assert(ianaports::status(8080, ianaports::protocol::tcp) == ianaports::port_status::assigned);
// clang-format on
//
// Every row of the registry is here, with all twelve columns IANA publishes. Every function is
// constexpr and noexcept, allocates nothing, and accepts any input: a name that is empty,
// megabytes long, not ASCII or holding NUL bytes is simply not found.
//
// Names compare case-insensitively (RFC 6335 section 5.1); results come in registry order.
// https://www.iana.org/assignments/service-names-port-numbers/
//
// Copies built from other tables (another release, local services, a lean build) may share a
// program, each answering from its own: what reads the tables lives in an inline namespace
// named after them. The vocabulary of types.hpp (record, protocol...) is common to all; a row
// and the ranges belong to their copy. One translation unit includes one copy.

// The tables first, ahead of the include guard: they name the namespace everything below lives
// in, and their own guard, named after them, lets another copy's tables in to refuse to join
// these, where this file's guard would skip them in silence.
#include "ianaports/detail/registry_tables.hpp"

#ifndef IANAPORTS_PORTS_HPP
#define IANAPORTS_PORTS_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/row_query.hpp"
#include "ianaports/types.hpp"  // protocol, port_range, record, the iterator tags...

IANAPORTS_BEGIN_TABLES_NAMESPACE

// ---------------------------------------------------------------------------------------------
// Ranges of rows: what a query found, as a cheap view (a few integers) over static tables.
//
//   record_range  iterating yields records by value, every column read
//   row_range     iterating yields row handles, which read a column when asked: a walk over the
//                 registry that looks at one column costs that column alone (rows(),
//                 record_range::rows())
//
// begin(), end(), size() and empty() are constexpr and cost no walk: size() counts from the
// tables where they say (by_range, by_protocol), empty() looks at the first row.

IANAPORTS_END_TABLES_NAMESPACE
IANAPORTS_BEGIN_TABLES_DETAIL
struct range_access;
template <typename Value>
class query_iterator;
IANAPORTS_END_TABLES_DETAIL
IANAPORTS_BEGIN_TABLES_NAMESPACE

// A row of the registry by position: its columns are read from the tables when asked, one at a
// time. Cheap to copy (one integer); valid for the whole program.
class row {
 public:
  constexpr row() noexcept = default;

  // The row's position in registry order (records() yields rows in this order).
  [[nodiscard]] constexpr std::size_t index() const noexcept { return index_; }

  // The columns, as record has them.
  [[nodiscard]] constexpr std::string_view service() const noexcept;
  [[nodiscard]] constexpr std::optional<port_range> ports() const noexcept;
  // (A reference into a constant table, valid for the whole program: a walk of the registry
  // in constant evaluation that reads this column then copies nothing.)
  [[nodiscard]] constexpr const std::optional<protocol>& transport() const noexcept;
  [[nodiscard]] constexpr std::string_view description() const noexcept;
  [[nodiscard]] constexpr std::string_view assignee() const noexcept;
  [[nodiscard]] constexpr std::string_view contact() const noexcept;
  [[nodiscard]] constexpr std::string_view registered() const noexcept;
  [[nodiscard]] constexpr std::string_view modified() const noexcept;
  [[nodiscard]] constexpr std::string_view reference() const noexcept;
  [[nodiscard]] constexpr std::optional<std::uint32_t> service_code() const noexcept;
  [[nodiscard]] constexpr std::string_view unauthorized_use() const noexcept;
  [[nodiscard]] constexpr std::string_view notes() const noexcept;
  [[nodiscard]] constexpr bool ports_written_as_range() const noexcept;
  [[nodiscard]] constexpr record_source source() const noexcept;
  [[nodiscard]] constexpr bool holds_for(protocol p) const noexcept;

  // Every column at once.
  [[nodiscard]] constexpr record to_record() const noexcept;

  friend constexpr bool operator==(row a, row b) noexcept { return a.index_ == b.index_; }
  friend constexpr bool operator!=(row a, row b) noexcept { return a.index_ != b.index_; }

 private:
  friend struct detail::range_access;  // row_at() and the ranges make rows
  template <typename Value>
  friend class detail::query_iterator;
  constexpr explicit row(std::uint32_t index) noexcept : index_(index) {}

  // The row's protocol bits, read in place (see tables.hpp).
  [[nodiscard]] constexpr unsigned protocol_bits() const noexcept;

  std::uint32_t index_ = 0;
};

IANAPORTS_END_TABLES_NAMESPACE
IANAPORTS_BEGIN_TABLES_DETAIL

// The iterator of both ranges: Value is record or row.
template <typename Value>
class query_iterator {
 public:
  using value_type = Value;
  using reference = Value;  // made on the fly from the tables
  using pointer = void;
  using difference_type = std::ptrdiff_t;
  using iterator_category = std::input_iterator_tag;  // C++17 forward iterators need a Value&
#if IANAPORTS_CPLUSPLUS >= 202002L
  using iterator_concept = std::forward_iterator_tag;
#endif

  constexpr query_iterator() noexcept = default;
  // Always inline, so that a loop reading a column or two leaves the others unread.
  IANAPORTS_ALWAYS_INLINE constexpr Value operator*() const noexcept;
  IANAPORTS_ALWAYS_INLINE constexpr query_iterator& operator++() noexcept;
  constexpr query_iterator operator++(int) noexcept {
    query_iterator before = *this;
    ++*this;
    return before;
  }
  // Members rather than friends, as a member may read the row handle's index.
  constexpr bool operator==(const query_iterator& other) const noexcept {
    return row_.index_ == other.row_.index_;
  }
  constexpr bool operator!=(const query_iterator& other) const noexcept {
    return row_.index_ != other.row_.index_;
  }

 private:
  friend struct range_access;
  constexpr explicit query_iterator(const row_query& query) noexcept;

  row_query query_{};
  // The current row (no_row at the end), as the handle a row_range yields: the handle is
  // copied out, not built, which is one call fewer a row for constant evaluation.
  row row_ = row(no_row);
  // A query of one run whose every row is kept (records(), rows(), by_name, by_port) walks
  // these alone: its next position and one past its last, positions being rows (a walk of
  // the registry) or entries of row_lists. Plain members, not the query's, as a constant
  // evaluation over the whole registry pays for every step it takes. Any other query steps
  // by asking the query.
  enum class step : std::uint8_t { by_query, by_position, by_list_entry };
  step step_ = step::by_query;
  std::uint32_t at_ = 0;
  std::uint32_t end_ = 0;
};
IANAPORTS_END_TABLES_DETAIL
IANAPORTS_BEGIN_TABLES_NAMESPACE

// The rows a query found, as row handles.
class row_range {
 public:
  using iterator = detail::query_iterator<row>;

  constexpr row_range() noexcept = default;
  [[nodiscard]] constexpr iterator begin() const noexcept;
  // A member, as begin() is, though it needs nothing of the range: the end of every query.
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static)
  [[nodiscard]] constexpr iterator end() const noexcept { return {}; }
  [[nodiscard]] constexpr bool empty() const noexcept;
  [[nodiscard]] constexpr std::size_t size() const noexcept;

 private:
  friend struct detail::range_access;
  constexpr explicit row_range(const detail::row_query& query) noexcept : query_(query) {}

  detail::row_query query_{};
};

// The rows a query found, as records.
class record_range {
 public:
  using iterator = detail::query_iterator<record>;

  constexpr record_range() noexcept = default;
  [[nodiscard]] constexpr iterator begin() const noexcept;
  // A member, as begin() is, though it needs nothing of the range: the end of every query.
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static)
  [[nodiscard]] constexpr iterator end() const noexcept { return {}; }
  [[nodiscard]] constexpr bool empty() const noexcept;
  [[nodiscard]] constexpr std::size_t size() const noexcept;

  // The same rows, as handles that read only the columns asked for.
  [[nodiscard]] constexpr row_range rows() const noexcept;

 private:
  friend struct detail::range_access;
  constexpr explicit record_range(const detail::row_query& query) noexcept : query_(query) {}

  detail::row_query query_{};
};

// ---------------------------------------------------------------------------------------------
// Queries

// Every row, in registry order; as row handles, to read a column or two of each.
[[nodiscard]] constexpr record_range records() noexcept;
[[nodiscard]] constexpr row_range rows() noexcept;

// The row at a position of registry order (row::index()); none past the last.
[[nodiscard]] constexpr std::optional<row> row_at(std::size_t index) noexcept;

// The rows with this service name, any protocol: by_name("HTTP") holds http/tcp, http/udp...
[[nodiscard]] constexpr record_range by_name(std::string_view service) noexcept;

// The rows covering port for p: rows naming p and rows that hold for every protocol.
[[nodiscard]] constexpr record_range by_port(std::uint16_t port, protocol p) noexcept;

// The rows for p (as in by_port) whose ports overlap the range. An empty range (first > last)
// overlaps nothing.
[[nodiscard]] constexpr record_range by_range(port_range ports, protocol p) noexcept;

// The rows naming p.
[[nodiscard]] constexpr record_range by_protocol(protocol p) noexcept;

// The port of a service: the first port of the first row with that name that holds for p.
[[nodiscard]] constexpr std::optional<std::uint16_t> port_of(std::string_view service,
                                                             protocol p = protocol::tcp) noexcept;

// The service on a port: the first non-empty name among the rows covering it ("http" for
// 80/tcp, not its aliases "www" and "www-http"); "" when none.
[[nodiscard]] constexpr std::string_view name_of(std::uint16_t port,
                                                 protocol p = protocol::tcp) noexcept;

// assigned: a covering row has a name; else reserved: a covering row says "Reserved"; else
// dynamic for 49152 and up (RFC 6335 section 6); else unassigned (rows that say Unassigned,
// De-registered or Removed, or no row at all).
[[nodiscard]] constexpr port_status status(std::uint16_t port, protocol p) noexcept;

// ---------------------------------------------------------------------------------------------
// The people directory (person_of, people()) is in ianaports/people.hpp, with tables of its
// own: a translation unit that includes only this file neither parses nor links them.

// classify(port), is_valid_service_name(name), to_string(...) and parse_protocol(name) are in
// ianaports/types.hpp, with the types: they need no tables.

// What the build holds (defined at the end of this file, once the tables are in):
//   registry_updated    the date of the registry release compiled in, its <updated> element
//   service_name_count  how many distinct service names it holds, case ignored: the names
//                       by_name() finds
//   omitted_columns     what a lean build left out (CMake IANAPORTS_OMIT_COLUMNS): column groups,
//                       comma-separated, from description, people (assignee, contact), dates,
//                       reference and notes (notes, unauthorized use), which then read ""; a full
//                       build: "". status() knows reserved ports without descriptions.
//   kept_protocols      the protocols whose rows it keeps (CMake IANAPORTS_PROTOCOLS), rows that
//                       hold for every protocol always kept; a full build: "tcp,udp,sctp,dccp"

// Does the build keep p's rows (is p in kept_protocols)? A services(5) view lists a row written
// without a protocol on each protocol kept.
[[nodiscard]] constexpr bool keeps_protocol(protocol p) noexcept;

#if IANAPORTS_HAS_CONSTEVAL
// C++20: ports as literals, checked at compile time. An unknown name does not compile.
//   using namespace ianaports::literals;
//   static_assert("https"_tcp == 443);
namespace literals {
consteval std::uint16_t operator""_tcp(const char* name, std::size_t size);
consteval std::uint16_t operator""_udp(const char* name, std::size_t size);
consteval std::uint16_t operator""_sctp(const char* name, std::size_t size);
consteval std::uint16_t operator""_dccp(const char* name, std::size_t size);
}  // namespace literals
#endif

IANAPORTS_END_TABLES_NAMESPACE

#include "ianaports/detail/ports_impl.hpp"

IANAPORTS_BEGIN_TABLES_NAMESPACE
inline constexpr std::string_view registry_updated = detail::tables_updated;
inline constexpr std::size_t service_name_count = detail::tables_name_count;
inline constexpr std::string_view omitted_columns = detail::tables_omitted_columns;
inline constexpr std::string_view kept_protocols = detail::tables_kept_protocols;
IANAPORTS_END_TABLES_NAMESPACE

#endif  // IANAPORTS_PORTS_HPP
