// SPDX-License-Identifier: BSL-1.0
// ianaports: definitions of the ranges, row handles and queries declared in records.hpp.
// Internal; include records.hpp.
//
// Everything here asks the readers of tables.hpp and tables/records.hpp; nothing names the
// generated tables.
#ifndef IANAPORTS_DETAIL_RECORDS_IMPL_HPP
#define IANAPORTS_DETAIL_RECORDS_IMPL_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/tables.hpp"
#include "ianaports/detail/tables/records.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

// --- ranges and rows -------------------------------------------------------------------------

// Builds the ranges from queries, and their iterators.
struct range_access {
  template <typename Range>
  static constexpr Range make(const row_query& query) noexcept {
    return Range(query);
  }
  template <typename Value>
  static constexpr query_iterator<Value> begin(const row_query& query) noexcept {
    return query_iterator<Value>(query);
  }
  static constexpr const row_query& query_of(const record_range& range) noexcept {
    return range.query_;
  }
  static constexpr const row_query& query_of(const row_range& range) noexcept {
    return range.query_;
  }
  static constexpr row make_row(std::uint32_t index) noexcept { return row(index); }
};

template <typename Value>
constexpr query_iterator<Value>::query_iterator(const row_query& query) noexcept
    : query_(query),
      row_(row(current_row(query))),
      step_(query.source_count != 1 || !query.sources[0].keeps_all ? step::by_query
            : query.sources[0].kind == source_kind::registry       ? step::by_position
                                                                   : step::by_list_entry),
      at_(query.sources[0].at + 1),
      end_(query.sources[0].end) {}

template <typename Value>
constexpr Value query_iterator<Value>::operator*() const noexcept {
  return make_record(row_.index_);
}

// A row handle is copied out, not made. (A specialisation rather than a test of Value, which
// constant evaluation would evaluate at every row.)
template <>
constexpr row query_iterator<row>::operator*() const noexcept {
  return row_;
}

template <typename Value>
constexpr query_iterator<Value>& query_iterator<Value>::operator++() noexcept {
  // One statement: constant evaluation pays for each it runs, and a walk runs this a row.
  // A walk of the registry first, as the longest walks are.
  row_.index_ = step_ == step::by_position     ? (at_ < end_ ? at_++ : no_row)
                : step_ == step::by_list_entry ? (at_ < end_ ? listed_row(at_++) : no_row)
                                               : advance(query_, row_.index_);
  return *this;
}

IANAPORTS_END_TABLES_DETAIL

IANAPORTS_BEGIN_TABLES_NAMESPACE

constexpr row_range::iterator row_range::begin() const noexcept {
  return detail::range_access::begin<row>(query_);
}
constexpr bool row_range::empty() const noexcept {
  return detail::current_row(query_) == detail::no_row;
}
constexpr std::size_t row_range::size() const noexcept {
  return detail::count_rows(query_);
}

constexpr record_range::iterator record_range::begin() const noexcept {
  return detail::range_access::begin<record>(query_);
}
constexpr bool record_range::empty() const noexcept {
  return detail::current_row(query_) == detail::no_row;
}
constexpr std::size_t record_range::size() const noexcept {
  return detail::count_rows(query_);
}
constexpr row_range record_range::rows() const noexcept {
  return detail::range_access::make<row_range>(query_);
}

constexpr std::string_view row::service() const noexcept {
  return detail::row_service(index_);
}
constexpr std::optional<port_range> row::ports() const noexcept {
  return detail::row_ports(index_);
}
// (row::transport() and row::holds_for() are in tables/records.hpp, beside the table they read.)
constexpr std::string_view row::description() const noexcept {
  return detail::row_text(index_, detail::text_column::description);
}
constexpr std::string_view row::assignee() const noexcept {
  return detail::row_text(index_, detail::text_column::assignee);
}
constexpr std::string_view row::contact() const noexcept {
  return detail::row_text(index_, detail::text_column::contact);
}
constexpr std::string_view row::registered() const noexcept {
  return detail::row_text(index_, detail::text_column::registered);
}
constexpr std::string_view row::modified() const noexcept {
  return detail::row_text(index_, detail::text_column::modified);
}
constexpr std::string_view row::reference() const noexcept {
  return detail::row_text(index_, detail::text_column::reference);
}
constexpr std::optional<std::uint32_t> row::service_code() const noexcept {
  return detail::row_service_code(index_);
}
constexpr std::string_view row::unauthorized_use() const noexcept {
  return detail::row_text(index_, detail::text_column::unauthorized_use);
}
constexpr std::string_view row::notes() const noexcept {
  return detail::row_text(index_, detail::text_column::notes);
}
constexpr record_source row::source() const noexcept {
  return detail::row_origin(index_);
}
constexpr bool row::ports_written_as_range() const noexcept {
  return detail::row_one_port_as_range(index_);
}
constexpr record row::to_record() const noexcept {
  return detail::make_record(index_);
}

// --- queries ---------------------------------------------------------------------------------

constexpr record_range records() noexcept {
  return detail::range_access::make<record_range>(detail::every_row());
}

constexpr row_range rows() noexcept {
  return detail::range_access::make<row_range>(detail::every_row());
}

constexpr std::optional<row> row_at(std::size_t index) noexcept {
  if (index >= detail::record_count) {
    return std::nullopt;
  }
  return detail::range_access::make_row(static_cast<std::uint32_t>(index));
}

constexpr record_range by_name(std::string_view service) noexcept {
  return detail::range_access::make<record_range>(detail::rows_named(service));
}

constexpr record_range by_port(std::uint16_t port, protocol p) noexcept {
  return detail::range_access::make<record_range>(detail::rows_covering(port, p));
}

constexpr record_range by_range(port_range ports, protocol p) noexcept {
  return detail::range_access::make<record_range>(detail::rows_overlapping(ports, p));
}

constexpr record_range by_protocol(protocol p) noexcept {
  return detail::range_access::make<record_range>(detail::rows_naming(p));
}

IANAPORTS_END_TABLES_NAMESPACE

#endif  // IANAPORTS_DETAIL_RECORDS_IMPL_HPP
