// SPDX-License-Identifier: BSL-1.0
// portinfo: reading the command line: the options, the question they ask, and the queries.
//
// Every mistake is a usage_error with a message that says what was wrong; main() adds the
// usage and exits 2. Everything is read and checked before anything is printed.
#ifndef PORTINFO_COMMAND_LINE_HPP
#define PORTINFO_COMMAND_LINE_HPP

#include <ianaports/ports.hpp>

#include <charconv>     // std::from_chars
#include <cstdint>      // std::uint16_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include "formats.hpp"
#include "text.hpp"

namespace portinfo {

using ianaports::port_range;
using ianaports::protocol;

struct usage_error {
  std::string message;
};

// What a call asks: one question per call. Only a lookup takes several arguments.
enum class question {
  lookup,              // QUERY...
  search_port,         // --search TEXT
  search_name,         // --search-name TEXT
  search_description,  // --search-description TEXT
  all,                 // --all
  status,              // --status PORT[/PROTO]
  port_class,          // --class PORT
  free_ports,          // --free FIRST-LAST[/PROTO]
  registry_info,       // --registry-info
  version,             // --version
  help,                // --help
};

struct command_line {
  question asked = question::lookup;
  std::string_view asked_by;                 // the option that asked ("--status"), for messages
  std::string_view argument;                 // its argument: TEXT, PORT/PROTO...
  std::vector<std::string_view> queries;     // a lookup's QUERY arguments
  std::optional<protocol> default_protocol;  // --protocol: for arguments written without one
  format output = format::table;
  bool wide = false;
};

struct option {
  std::string_view name;
  std::string_view value;        // what its value is called; "" when it takes none
  std::optional<question> asks;  // none for the settings --protocol, --format, --wide
};

inline constexpr option options[] = {
    {"--protocol", "tcp|udp|sctp|dccp", std::nullopt},
    {"--format", "table|csv|json|services", std::nullopt},
    {"--wide", "", std::nullopt},
    {"--search", "TEXT", question::search_port},
    {"--search-name", "TEXT", question::search_name},
    {"--search-description", "TEXT", question::search_description},
    {"--all", "", question::all},
    {"--status", "PORT[/PROTO]", question::status},
    {"--class", "PORT", question::port_class},
    {"--free", "FIRST-LAST[/PROTO]", question::free_ports},
    {"--registry-info", "", question::registry_info},
    {"--version", "", question::version},
    {"--help", "", question::help},
    {"-h", "", question::help},
};

inline const option* find_option(std::string_view name) {
  for (const option& known : options) {
    if (known.name == name) {
      return &known;
    }
  }
  return nullptr;
}

// "-1" is a (bad) query rather than an option: it reads as a negative port.
inline bool is_option(std::string_view argument) {
  return argument.size() > 1 && argument[0] == '-' && !(argument[1] >= '0' && argument[1] <= '9');
}

inline std::string as_string(std::string_view view) {
  return std::string(view);
}

inline void set_option(command_line& line, const option& known, std::string_view value) {
  if (known.name == "--protocol") {
    line.default_protocol = ianaports::parse_protocol(value);
    if (!line.default_protocol) {
      throw usage_error{"unknown protocol " + quoted(value) +
                        " for --protocol: use tcp, udp, sctp or dccp"};
    }
  } else if (known.name == "--format") {
    const std::optional<format> how = parse_format(value);
    if (!how) {
      throw usage_error{"unknown format " + quoted(value) +
                        " for --format: use table, csv, json or services"};
    }
    line.output = *how;
  } else if (known.name == "--wide") {
    line.wide = true;
  } else if (line.asked != question::lookup) {
    throw usage_error{as_string(line.asked_by) + " and " + as_string(known.name) +
                      " cannot be combined: one question per call"};
  } else {
    line.asked = *known.asks;
    line.asked_by = known.name;
    line.argument = value;
  }
}

// What must hold once every argument is read.
inline void check(const command_line& line) {
  const bool is_report = line.asked == question::status || line.asked == question::port_class ||
                         line.asked == question::free_ports ||
                         line.asked == question::registry_info;
  if (line.asked == question::lookup && line.queries.empty()) {
    throw usage_error{"nothing to look up: give a port, a range or a service name"};
  }
  if (line.asked != question::lookup && !line.queries.empty()) {
    throw usage_error{"unexpected argument " + quoted(line.queries.front()) +
                      ": queries cannot be combined with " + as_string(line.asked_by)};
  }
  if ((line.asked == question::search_port || line.asked == question::search_name ||
       line.asked == question::search_description) &&
      line.argument.empty()) {
    throw usage_error{as_string(line.asked_by) + " needs a TEXT to search for, not an empty one"};
  }
  if (is_report && (line.output == format::csv || line.output == format::services)) {
    throw usage_error{as_string(line.asked_by) + " answers as a table or as json, not as " +
                      (line.output == format::csv ? "csv" : "services")};
  }
}

// Reads argv in order: options (--name VALUE or --name=VALUE) anywhere, "--" ends them, every
// other argument is a query. --help and --version answer at once, whatever follows them.
inline command_line parse_command_line(int argc, char** argv) {
  command_line line;
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (!options_ended && argument == "--") {
      options_ended = true;
      continue;
    }
    if (options_ended || !is_option(argument)) {
      line.queries.push_back(argument);
      continue;
    }
    const std::size_t equals = argument.find('=');
    const std::string_view name = argument.substr(0, equals);
    const option* known = find_option(name);
    if (known == nullptr) {
      throw usage_error{"unknown option " + quoted(name)};
    }
    std::string_view value;
    if (equals != std::string_view::npos) {
      if (known->value.empty()) {
        throw usage_error{as_string(name) + " takes no value"};
      }
      value = argument.substr(equals + 1);
    } else if (!known->value.empty()) {
      if (i + 1 == argc) {
        throw usage_error{as_string(name) + " needs a value: " + as_string(name) + " " +
                          as_string(known->value)};
      }
      value = argv[++i];
    }
    set_option(line, *known, value);
    if (line.asked == question::help || line.asked == question::version) {
      return line;
    }
  }
  check(line);
  return line;
}

// --- Ports, ranges, protocols and names ------------------------------------------------------

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
    throw usage_error{"unknown protocol " + quoted(name) + " in " + quoted(written) +
                      ": use tcp, udp, sctp or dccp"};
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

#endif  // PORTINFO_COMMAND_LINE_HPP
