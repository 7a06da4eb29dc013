// SPDX-License-Identifier: BSL-1.0
// ianaports: the registry's rows, whole: every row, the rows of a name, a port, a range of ports
// or a protocol, as records (every column) or as row handles (a column when asked).
//
// clang-format off
//   #include <ianaports/records.hpp>
//
//   static_assert((*ianaports::by_port(22, ianaports::protocol::tcp).begin()).service == "ssh");
//   for (const ianaports::record& r : ianaports::by_name("http")) { ... }
// clang-format on
//
// This header includes ports.hpp (the lookups) and types.hpp (record): a translation unit that
// only looks up ports includes ports.hpp alone, and parses neither these ranges nor the record
// type with its optional columns.

// The tables first, ahead of the include guard, as ports.hpp includes them.
#include "ianaports/detail/registry_tables.hpp"

#ifndef IANAPORTS_RECORDS_HPP
#define IANAPORTS_RECORDS_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/row_query.hpp"
#include "ianaports/ports.hpp"
#include "ianaports/types.hpp"  // record, record_source, the iterator tags

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

  // The row's protocol bits, read in place (see detail/tables/records.hpp).
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

IANAPORTS_END_TABLES_NAMESPACE

#include "ianaports/detail/records_impl.hpp"

#endif  // IANAPORTS_RECORDS_HPP
