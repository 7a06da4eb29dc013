// SPDX-License-Identifier: BSL-1.0
// ianaports: definitions of the functions declared in ports.hpp. Internal; include ports.hpp.
//
// Everything here asks the readers of tables.hpp; nothing names the generated tables.
#ifndef IANAPORTS_DETAIL_PORTS_IMPL_HPP
#define IANAPORTS_DETAIL_PORTS_IMPL_HPP

#include "ianaports/detail/tables.hpp"

IANAPORTS_BEGIN_NAMESPACE

namespace detail {

#if IANAPORTS_HAS_CONSTEVAL
// Deliberately never defined and not constexpr: a literal that reaches it is a compile error
// whose message names it.
void unknown_service_name_in_port_literal() noexcept;

consteval std::uint16_t literal_port(std::string_view name, protocol p) {
  const std::optional<std::uint16_t> port = port_of_name(name, p);
  if (!port) {
    unknown_service_name_in_port_literal();
  }
  return *port;
}
#endif

}  // namespace detail

// --- record_range ----------------------------------------------------------------------------

constexpr record record_range::iterator::operator*() const noexcept {
  return detail::make_record(detail::row_at(span_, position_));
}

constexpr record_range::iterator& record_range::iterator::operator++() noexcept {
  ++position_;
  while (position_ < span_.last && !detail::keeps(filter_, detail::row_at(span_, position_))) {
    ++position_;
  }
  return *this;
}

constexpr std::size_t record_range::size() const noexcept {
  if (filter_.test == detail::row_test::every_row) {
    return span_.last - span_.first;
  }
  std::size_t count = 0;
  for (std::uint32_t position = span_.first; position < span_.last; ++position) {
    count += detail::keeps(filter_, detail::row_at(span_, position)) ? 1U : 0U;
  }
  return count;
}

// --- queries ---------------------------------------------------------------------------------

constexpr record_range records() noexcept {
  return record_range(detail::every_row());
}

constexpr record_range by_name(std::string_view service) noexcept {
  return record_range(detail::rows_named(service));
}

constexpr record_range by_port(std::uint16_t port, protocol p) noexcept {
  return record_range(detail::rows_covering(port, p));
}

constexpr record_range by_range(port_range ports, protocol p) noexcept {
  const unsigned index = detail::table_index(p);
  if (index == detail::protocol_count || ports.first > ports.last) {
    return {};
  }
  const detail::row_filter filter{detail::row_test::overlapping, static_cast<std::uint8_t>(index),
                                  ports.first, ports.last};
  return record_range(detail::rows_kept(filter), filter);
}

constexpr record_range by_protocol(protocol p) noexcept {
  const unsigned index = detail::table_index(p);
  if (index == detail::protocol_count) {
    return {};
  }
  const detail::row_filter filter{detail::row_test::transport_is, static_cast<std::uint8_t>(index)};
  return record_range(detail::rows_kept(filter), filter);
}

constexpr std::optional<std::uint16_t> port_of(std::string_view service, protocol p) noexcept {
  return detail::port_of_name(service, p);
}

constexpr std::string_view name_of(std::uint16_t port, protocol p) noexcept {
  return detail::name_on_port(port, p);
}

constexpr port_status status(std::uint16_t port, protocol p) noexcept {
  const detail::row_span rows = detail::rows_covering(port, p);
  bool reserved = false;
  for (std::uint32_t position = rows.first; position < rows.last; ++position) {
    const std::size_t row = detail::row_at(rows, position);
    if (!detail::row_service(row).empty()) {
      return port_status::assigned;
    }
    reserved = reserved || detail::row_reserved(row);
  }
  if (reserved) {
    return port_status::reserved;
  }
  return classify(port) == port_class::dynamic ? port_status::dynamic : port_status::unassigned;
}

#if IANAPORTS_HAS_CONSTEVAL
namespace literals {
consteval std::uint16_t operator""_tcp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::tcp);
}
consteval std::uint16_t operator""_udp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::udp);
}
consteval std::uint16_t operator""_sctp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::sctp);
}
consteval std::uint16_t operator""_dccp(const char* name, std::size_t size) {
  return detail::literal_port({name, size}, protocol::dccp);
}
}  // namespace literals
#endif

IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_PORTS_IMPL_HPP
