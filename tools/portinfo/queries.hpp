// SPDX-License-Identifier: BSL-1.0
// portinfo: the grammar of what the user asks about: a lookup's QUERY (443, 443/tcp,
// 6000-6063/udp, https, HTTPS/udp) and the PORT[/PROTO] or FIRST-LAST[/PROTO] of a report.
#ifndef PORTINFO_QUERIES_HPP
#define PORTINFO_QUERIES_HPP

#include <ianaports/records.hpp>

#include <charconv>     // std::from_chars
#include <cstdint>      // std::uint16_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair

#include "command_line.hpp"
#include "text.hpp"

namespace portinfo {

// One query: a service name, or ports (a single port is a range of one), maybe a protocol.
struct query {
  std::string_view written;  // as typed, for messages
  std::string_view name;     // "" for ports
  port_range ports{0, 0};
  std::optional<protocol> transport;  // none: every protocol
};

// "80/tcp" → {"80", tcp}; "80" → {"80", fallback}. The protocol follows the last '/'.
inline std::pair<std::string_view, std::optional<protocol>> split_protocol(
    std::string_view written, std::optional<protocol> fallback) {
  const std::size_t slash = written.rfind('/');
  if (slash == std::string_view::npos) {
    return {written, fallback};
  }
  const std::string_view name = written.substr(slash + 1);
  const std::optional<protocol> transport = ianaports::parse_protocol(name);
  if (!transport) {
    throw usage_error{"unknown protocol " + quoted(name) + " in " + quoted(written) + ": use " +
                      protocol_choices()};
  }
  return {written.substr(0, slash), transport};
}

inline bool is_digits(std::string_view part) {
  return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
}

// Digits and '-' only: meant as a port or a range, even if ill-formed ("-1", "1-", "1-2-3").
inline bool looks_like_ports(std::string_view part) {
  return part.find_first_of("0123456789") != std::string_view::npos &&
         part.find_first_not_of("0123456789-") == std::string_view::npos;
}

inline std::uint16_t port_number(std::string_view digits) {
  std::uint16_t port = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc{} || end != digits.data() + digits.size()) {
    throw usage_error{"port " + quoted(digits) + " is out of range: ports are 0 to 65535"};
  }
  return port;
}

// "443" → {443, 443}; "6000-6063" → {6000, 6063}.
inline port_range parse_ports(std::string_view part, std::string_view written) {
  const std::size_t dash = part.find('-');
  const std::string_view first = part.substr(0, dash);
  const std::string_view last = dash == std::string_view::npos ? first : part.substr(dash + 1);
  if (!is_digits(first) || !is_digits(last)) {
    throw usage_error{quoted(written) +
                      " is neither a port (0 to 65535) nor a range of ports "
                      "(FIRST-LAST, like 6000-6063)"};
  }
  const port_range ports{port_number(first), port_number(last)};
  if (ports.first > ports.last) {
    throw usage_error{"the range " + quoted(part) +
                      " runs backwards: write FIRST-LAST, like 6000-6063"};
  }
  return ports;
}

// A lookup's QUERY: 443, 443/tcp, 6000-6063/udp, https, HTTPS/udp.
//
// A query that cannot name anything is a usage error (exit 2): empty, a malformed port or range,
// an unknown protocol, or text that is no service name by RFC 6335 section 5.1 (1-15 letters,
// digits and '-'), such as a 10,000-character argument. A well-formed name that is not in the
// registry ("a-b") is merely not found (exit 1).
inline query parse_query(std::string_view written, std::optional<protocol> fallback) {
  if (written.empty()) {
    throw usage_error{
        "an empty query: give a port (443), a range (6000-6063) or a service name (https)"};
  }
  if (!ianaports::by_name(written).empty()) {  // taken whole: a few names hold a '/' ("914c/g")
    return {written, written, {0, 0}, fallback};
  }
  const auto [part, transport] = split_protocol(written, fallback);
  if (looks_like_ports(part)) {
    return {written, {}, parse_ports(part, written), transport};
  }
  if (ianaports::is_valid_service_name(part) || !ianaports::by_name(part).empty()) {
    return {written, part, {0, 0}, transport};
  }
  throw usage_error{quoted(written) +
                    " is not a port, a range or a service name "
                    "(names are 1 to 15 letters, digits and '-', RFC 6335 section 5.1)"};
}

// The argument of --status, --class and --free: PORT[/PROTO] or FIRST-LAST[/PROTO].
inline std::pair<port_range, std::optional<protocol>> parse_port_argument(
    const command_line& line) {
  const auto [part, transport] = split_protocol(line.argument, line.default_protocol);
  if (!looks_like_ports(part)) {
    throw usage_error{as_string(line.asked_by) + " takes a port number, not " +
                      quoted(line.argument)};
  }
  return {parse_ports(part, line.argument), transport};
}

}  // namespace portinfo

#endif  // PORTINFO_QUERIES_HPP
