// SPDX-License-Identifier: BSL-1.0
// ianaports: definitions of the functions declared in ports.hpp. Internal; include ports.hpp.
//
// Everything here asks the readers of tables.hpp; nothing names the generated tables.
#ifndef IANAPORTS_DETAIL_PORTS_IMPL_HPP
#define IANAPORTS_DETAIL_PORTS_IMPL_HPP

#include "ianaports/detail/tables.hpp"

IANAPORTS_BEGIN_TABLES_DETAIL

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

IANAPORTS_END_TABLES_DETAIL

IANAPORTS_BEGIN_TABLES_NAMESPACE

constexpr bool keeps_protocol(protocol p) noexcept {
  return detail::tables_keep(p);
}

constexpr std::optional<std::uint16_t> port_of(std::string_view service, protocol p) noexcept {
  return detail::port_of_name(service, p);
}

constexpr std::string_view name_of(std::uint16_t port, protocol p) noexcept {
  return detail::name_on_port(port, p);
}

constexpr port_status status(std::uint16_t port, protocol p) noexcept {
  return detail::status_of(port, p);
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

IANAPORTS_END_TABLES_NAMESPACE

#endif  // IANAPORTS_DETAIL_PORTS_IMPL_HPP
