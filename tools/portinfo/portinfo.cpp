// SPDX-License-Identifier: BSL-1.0
// portinfo: the IANA service name and port number registry at your prompt. `getent services`
// with the whole registry, no files, answers in milliseconds.
//
//   $ portinfo 443/tcp
//   Service  Port  Proto  Description                 Reference
//   https    443   tcp    http protocol over TLS/SSL  [RFC9110]
//   $ portinfo --free 8000-8020/tcp
//   8011-8014
//   8018
//   $ portinfo --all --format services > services
//
// portinfo/command_line.hpp reads the arguments, portinfo/queries.hpp the queries in them,
// portinfo/formats.hpp prints rows as a table, CSV, JSON or a services(5) file,
// portinfo/generate.hpp the manual and the shell completions; this file answers the questions
// with the ianaports API.
#include <ianaports/records.hpp>

#include <algorithm>    // std::sort, std::unique
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <cstdio>       // std::fprintf
#include <iterator>     // std::begin, std::end
#include <optional>     // std::optional
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include "arguments.hpp"
#include "command_line.hpp"
#include "formats.hpp"
#include "generate.hpp"
#include "output.hpp"
#include "people.hpp"
#include "queries.hpp"
#include "text.hpp"

namespace {

using ianaports::port_class;
using ianaports::port_range;
using ianaports::port_status;
using ianaports::protocol;
using ianaports::record;
using namespace portinfo;

// The protocol asked for, or all four.
std::vector<protocol> protocols(std::optional<protocol> asked) {
  return asked ? std::vector<protocol>{*asked}
               : std::vector<protocol>(std::begin(ianaports::all_protocols),
                                       std::end(ianaports::all_protocols));
}

// Does the row hold for the protocol asked (as in ianaports::by_port), or is none asked?
bool holds_for(ianaports::row row, std::optional<protocol> asked) {
  return !asked || row.holds_for(*asked);
}

std::string port_and_protocol(std::uint16_t port, protocol p) {
  return std::to_string(port) + "/" + std::string(ianaports::to_string(p));
}

void note_nothing_found(std::string_view what) {
  std::fprintf(stderr, "portinfo: nothing found for %s\n", quoted(what).c_str());
}

// --- Listings: lookups, searches, --all ------------------------------------------------------

// The rows answering one query, added in registry order.
void add_rows_for(const query& asked, std::vector<ianaports::row>& rows) {
  if (!asked.name.empty()) {
    for (const ianaports::row row : ianaports::by_name(asked.name).rows()) {
      if (holds_for(row, asked.transport)) {
        rows.push_back(row);
      }
    }
  } else if (asked.transport) {
    const auto found = asked.ports.first == asked.ports.last
                           ? ianaports::by_port(asked.ports.first, *asked.transport)
                           : ianaports::by_range(asked.ports, *asked.transport);
    const ianaports::row_range handles = found.rows();
    rows.insert(rows.end(), handles.begin(), handles.end());
  } else {
    // Every protocol: the rows for each, merged in registry order, once each (a row for every
    // protocol is found four times). Four searches, not a walk over the registry.
    const std::size_t first = rows.size();
    for (const protocol p : ianaports::all_protocols) {
      const ianaports::row_range found = ianaports::by_range(asked.ports, p).rows();
      rows.insert(rows.end(), found.begin(), found.end());
    }
    const auto by_index = [](ianaports::row a, ianaports::row b) { return a.index() < b.index(); };
    const auto from = rows.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(from, rows.end(), by_index);
    rows.erase(std::unique(from, rows.end()), rows.end());
  }
}

// Does the port number, as IANA writes it, contain text?
bool port_text_contains(port_range ports, bool written_as_range, std::string_view text) {
  portinfo::port_text_buffer buffer;
  return portinfo::write_port_text(buffer, ports, written_as_range).find(text) !=
         std::string_view::npos;
}

// Does a number's decimal text contain the digits of text (digits_value, digit_count long, as
// written: "05" is 5, two digits)? Each window of digit_count digits is compared in turn, by
// arithmetic: no text is written. A window starts only where the number has that many digits.
bool decimal_contains(std::uint32_t number, std::uint32_t digits_value, std::uint32_t modulus,
                      std::uint32_t smallest_window) {
  for (;;) {
    if (number >= smallest_window && number % modulus == digits_value) {
      return true;
    }
    if (number < modulus) {
      return false;
    }
    number /= 10;
  }
}

// --search TEXT over port numbers as written: a TEXT of digits alone is looked for in the first
// and the last port by arithmetic (a range's text is "first-last"); any other TEXT in the text.
class port_search {
 public:
  explicit port_search(std::string_view text) : text_(text) {
    digits_ = !text.empty() && text.size() <= 5 &&
              text.find_first_not_of("0123456789") == std::string_view::npos;
    if (digits_) {
      for (const char c : text) {
        value_ = value_ * 10 + static_cast<std::uint32_t>(c - '0');
        modulus_ *= 10;
      }
      smallest_window_ = text.size() == 1 ? 0 : modulus_ / 10;
    }
  }

  [[nodiscard]] bool matches(port_range ports, bool written_as_range) const {
    if (!digits_) {
      return port_text_contains(ports, written_as_range, text_);
    }
    return decimal_contains(ports.first, value_, modulus_, smallest_window_) ||
           ((ports.last != ports.first || written_as_range) &&
            decimal_contains(ports.last, value_, modulus_, smallest_window_));
  }

 private:
  std::string_view text_;
  bool digits_ = false;
  std::uint32_t value_ = 0;
  std::uint32_t modulus_ = 1;
  std::uint32_t smallest_window_ = 0;
};

// The answer for the last key asked, kept for a next ask of the same key.
template <typename Key>
class last_answer {
 public:
  template <typename Compute>
  bool of(const Key& key, Compute compute) {
    if (!asked_ || !(key_ == key)) {
      asked_ = true;
      key_ = key;
      answer_ = compute();
    }
    return answer_;
  }

 private:
  // (A flag, not a std::optional: g++ 12 -O2 then warns of a key read uninitialised.)
  bool asked_ = false;
  Key key_{};
  bool answer_ = false;
};

// Does a row match the search? Only the column searched is read (a row handle reads on
// demand), so a search costs a column of the registry, not every record. Rows come in port
// order, a service's tcp and udp rows side by side: the last answer is kept for the next row,
// which often has the same ports, and the same text (one copy of it: the same address).
class search_matcher {
 public:
  explicit search_matcher(const command_line& line) : line_(line), ports_(line.argument) {}

  bool operator()(ianaports::row row) {
    switch (line_.asked) {
      case question::search_port: {  // as written: "22129-22221" contains "9-22"
        const std::optional<port_range> ports = row.ports();
        if (!ports) {
          return false;
        }
        const bool as_range = row.ports_written_as_range();
        return last_ports_.of({*ports, as_range}, [&] { return ports_.matches(*ports, as_range); });
      }
      case question::search_name: return text_matches(row.service());
      case question::search_description: return text_matches(row.description());
      default:  // question::all
        return true;
    }
  }

 private:
  bool text_matches(std::string_view text) {
    return last_text_.of({text.data(), text.size()},
                         [&] { return contains_ignoring_case(text, line_.argument); });
  }

  const command_line& line_;
  port_search ports_;
  last_answer<std::pair<port_range, bool>> last_ports_;         // the ports, as a range or not
  last_answer<std::pair<const char*, std::size_t>> last_text_;  // where the text is
};

// A lookup (or --who): the rows of each query in turn. The queries that found nothing are noted.
std::vector<ianaports::row> look_up(const command_line& line,
                                    std::vector<std::string_view>& not_found) {
  std::vector<query> queries;  // all checked before anything is printed
  const std::vector<std::string_view> written_queries =
      line.asked == question::who ? std::vector<std::string_view>{line.argument} : line.queries;
  queries.reserve(written_queries.size());
  for (const std::string_view written : written_queries) {
    queries.push_back(parse_query(written, line.default_protocol));
  }
  std::vector<ianaports::row> rows;
  for (const query& asked : queries) {
    const std::size_t before = rows.size();
    add_rows_for(asked, rows);
    if (rows.size() == before) {
      not_found.push_back(asked.written);
    }
  }
  return rows;
}

// A search or --all: the matching rows that hold for --protocol, in registry order.
std::vector<ianaports::row> search(const command_line& line) {
  std::vector<ianaports::row> found;
  search_matcher matches(line);
  for (const ianaports::row row : ianaports::rows()) {
    if (holds_for(row, line.default_protocol) && matches(row)) {
      found.push_back(row);
    }
  }
  return found;
}

// Lookups, searches and --all print one listing of all the rows, in the order asked: one
// table, one CSV file, one JSON array. Exit 1 when any query found nothing.
int list_rows(const command_line& line) {
  std::vector<std::string_view> not_found;
  const bool looks_up = line.asked == question::lookup || line.asked == question::who;
  const std::vector<ianaports::row> rows = looks_up ? look_up(line, not_found) : search(line);
  if (rows.empty() && !looks_up) {
    not_found.push_back(line.argument);
  }
  if (line.asked == question::who) {
    write_rows_with_people(rows, line.output, {output_width(), line.wide, writes_to_terminal()});
  } else {
    write_rows(rows, line.output, {output_width(), line.wide, writes_to_terminal()});
  }
  finish_output();  // the notes on stderr come after the results, not in the middle
  for (const std::string_view what : not_found) {
    note_nothing_found(what);
  }
  return not_found.empty() ? 0 : 1;
}

// --- Reports: --status, --class, --free, --registry-info --------------------------------------

// --status 8080/tcp: what the registry says of a port, and the rows it says it with.
int report_status(const command_line& line) {
  const auto [ports, asked] = parse_port_argument(line);
  if (ports.first != ports.last) {
    throw usage_error{"--status takes one port, not the range " + quoted(line.argument)};
  }
  std::vector<std::string> answers;  // JSON, one object a protocol
  bool first = true;
  for (const protocol p : protocols(asked)) {
    const ianaports::row_range covering = ianaports::by_port(ports.first, p).rows();
    const std::vector<ianaports::row> rows(covering.begin(), covering.end());
    const std::string_view status = ianaports::to_string(ianaports::status(ports.first, p));
    if (line.output == format::json) {
      answers.push_back(json_object()
                            .number("port", ports.first)
                            .text("transport", ianaports::to_string(p))
                            .text("status", status)
                            .value("rows", json_rows(records_of(rows)))
                            .str());
    } else {
      if (!first) {
        put("\n");  // a blank line between the protocols
      }
      put(port_and_protocol(ports.first, p) + ": " + std::string(status) + "\n");
      write_table(rows, {output_width(), line.wide, writes_to_terminal()});
    }
    first = false;
  }
  if (line.output == format::json) {
    write_json_lines(answers);
  }
  return 0;
}

// --class 50000: system, user or dynamic, whatever the protocol.
int report_class(const command_line& line) {
  if (line.argument.find('/') != std::string_view::npos) {
    throw usage_error{
        "--class takes a port without a protocol, like 50000: the RFC 6335 ranges "
        "are the same for every protocol"};
  }
  const auto [ports, asked] = parse_port_argument(line);
  if (ports.first != ports.last) {
    throw usage_error{"--class takes one port, not the range " + quoted(line.argument)};
  }
  const port_class c = ianaports::classify(ports.first);
  const std::string_view name = ianaports::to_string(c);
  if (line.output == format::json) {
    put(json_object().number("port", ports.first).text("class", name).str() + "\n");
  } else {
    const port_range range = ianaports::range_of(c);
    put(std::to_string(ports.first) + ": " + std::string(name) + " (" +
        std::to_string(range.first) + "-" + std::to_string(range.last) + ")\n");
  }
  return 0;
}

bool unassigned(std::uint16_t port, const std::vector<protocol>& asked) {
  for (const protocol p : asked) {
    if (ianaports::status(port, p) != port_status::unassigned) {
      return false;
    }
  }
  return true;
}

// The ports in the span that are unassigned (not assigned, not reserved, not dynamic) for
// every protocol asked, joined into ranges. A port's status changes only where a row's ports
// begin or end, or where the dynamic ports begin, so status() is asked once a stretch between
// those boundaries rather than once a port (65,536 times for --free 0-65535).
std::vector<port_range> free_ranges(port_range span, const std::vector<protocol>& asked) {
  std::vector<bool> stretch_starts(std::size_t{span.last} - span.first + 1);  // [port - first]
  const auto mark = [&](std::uint32_t port) {
    if (span.first <= port && port <= span.last) {
      stretch_starts[port - span.first] = true;
    }
  };
  mark(span.first);
  mark(ianaports::range_of(ianaports::port_class::dynamic).first);
  for (const protocol p : asked) {
    for (const record& row : ianaports::by_range(span, p)) {
      mark(row.ports->first);
      mark(std::uint32_t{row.ports->last} + 1);
    }
  }
  std::vector<port_range> ranges;
  bool free = false;
  for (std::uint32_t port = span.first; port <= span.last; ++port) {  // 32-bit: 65535 ends the loop
    const auto port16 = static_cast<std::uint16_t>(port);
    if (stretch_starts[port - span.first]) {
      free = unassigned(port16, asked);
    }
    if (!free) {
      continue;
    }
    if (!ranges.empty() && std::uint32_t{ranges.back().last} + 1 == port) {
      ranges.back().last = port16;
    } else {
      ranges.push_back({port16, port16});
    }
  }
  return ranges;
}

// "8011-8014\n8018\n": one range a line, a single port without its "-".
std::string ranges_as_lines(const std::vector<port_range>& ranges) {
  std::string lines;
  for (const port_range& r : ranges) {
    lines += std::to_string(r.first);
    lines += r.last != r.first ? "-" + std::to_string(r.last) : "";
    lines += '\n';
  }
  return lines;
}

// [{"first":8011,"last":8014},{"first":8018,"last":8018}]
std::string ranges_as_json(const std::vector<port_range>& ranges) {
  return json_array(ranges,
                    [](port_range r) {
                      return json_object().number("first", r.first).number("last", r.last).str();
                    }) +
         "\n";
}

// --free 8000-9000/tcp: the ports a new service could ask IANA for.
int report_free(const command_line& line) {
  const auto [span, asked] = parse_port_argument(line);
  const std::vector<port_range> ranges = free_ranges(span, protocols(asked));
  put(line.output == format::json ? ranges_as_json(ranges) : ranges_as_lines(ranges));
  finish_output();
  if (ranges.empty()) {
    std::fprintf(stderr, "portinfo: no unassigned port in %s\n", quoted(line.argument).c_str());
    return 1;
  }
  return 0;
}

int report_registry(const command_line& line) {
  constexpr std::string_view home = "https://www.iana.org/assignments/service-names-port-numbers/";
  const std::size_t rows = ianaports::records().size();
  if (line.output == format::json) {
    put(json_object()
            .text("registry", home)
            .text("updated", ianaports::registry_updated)
            .number("rows", rows)
            .number("names", ianaports::service_name_count)
            .str() +
        "\n");
  } else {
    put("registry  " + std::string(home) + "\nupdated   " +
        on_one_line(ianaports::registry_updated) + "\nrows      " + std::to_string(rows) +
        "\nnames     " + std::to_string(ianaports::service_name_count) + "\n");
  }
  return 0;
}

int answer(const command_line& line) {
  switch (line.asked) {
    case question::help:
      put(usage_text());
      put(help_text());
      return 0;
    case question::version:
      put("portinfo (ianaports) " + std::to_string(IANAPORTS_VERSION_MAJOR) + "." +
          std::to_string(IANAPORTS_VERSION_MINOR) + "." + std::to_string(IANAPORTS_VERSION_PATCH) +
          "\nregistry of " + on_one_line(ianaports::registry_updated) + "\n");
      return 0;
    case question::generate: put(generated(line.argument)); return 0;
    case question::status: return report_status(line);
    case question::port_class: return report_class(line);
    case question::free_ports: return report_free(line);
    case question::registry_info: return report_registry(line);
    default: return list_rows(line);
  }
}

}  // namespace

int main(int argc, char** argv) {
  end_quietly_on_closed_pipe();
  write_bytes_unchanged();
  try {
    utf8_arguments arguments(argc, argv);
    const int status = answer(parse_command_line(arguments.count(), arguments.values()));
    finish_output();
    return status;
  } catch (const usage_error& error) {
    std::fprintf(stderr, "portinfo: %s\n%s", error.message.c_str(), usage_text().c_str());
    return 2;
  }
}
