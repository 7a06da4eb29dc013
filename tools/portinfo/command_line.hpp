// SPDX-License-Identifier: BSL-1.0
// portinfo: reading the command line: the options (and the usage and help they make; the manual
// and the shell completions are made from them too, by generate.hpp), the question they ask, and
// the queries, kept as written (queries.hpp reads those).
//
// Every mistake is a usage_error with a message that says what was wrong; main() adds the
// usage and exits 2. Everything is read and checked before anything is printed.
#ifndef PORTINFO_COMMAND_LINE_HPP
#define PORTINFO_COMMAND_LINE_HPP

#include <ianaports/ports.hpp>

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <iterator>     // std::size
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
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
  who,                 // --who QUERY
  status,              // --status PORT[/PROTO]
  port_class,          // --class PORT
  free_ports,          // --free FIRST-LAST[/PROTO]
  registry_info,       // --registry-info
  version,             // --version
  generate,            // --generate man|bash|zsh|fish
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

// How an option shows in the usage, the help and the manual: settings first, then the questions.
enum class option_group : std::uint8_t { setting, search, report, information };

// An option, as every surface shows it: the usage and --help (below), and the man page and the
// shell completions that `portinfo --generate` writes from these (generate.hpp), so that a new
// option is documented everywhere or nowhere (as ripgrep's one table of flags).
struct option {
  std::string_view name;
  std::string_view short_name;  // "-h" for --help; "" for the others
  // What its value is called ("PORT[/PROTO]"), or the values it takes, in order, between "|"
  // ("tcp|udp|sctp|dccp"): those are what the completions offer. "" when it takes none.
  std::string_view value;
  std::optional<question> asks;  // none for the settings --protocol, --format, --wide
  option_group group;
  std::string_view help;     // lines for --help, "\n" between them
  std::string_view summary;  // one line for the shells' menus; "" when help is one line
  std::string_view manual;   // what portinfo(1) says of it, in roff, under its name and value
};

// "tcp, udp, sctp or dccp": the protocols, as the messages name them (port_types.hpp's names).
inline std::string protocol_choices() {
  std::string choices;
  const std::size_t count = std::size(ianaports::all_protocols);
  for (std::size_t i = 0; i < count; ++i) {
    choices += i == 0 ? "" : i + 1 == count ? " or " : ", ";
    choices += ianaports::to_string(ianaports::all_protocols[i]);
  }
  return choices;
}

// Is text the protocols' names, in order, joined by separator? (--protocol's value in options[]
// spells them out, and must name those port_types.hpp has.)
constexpr bool is_protocol_list(std::string_view text, char separator) noexcept {
  std::size_t at = 0;
  for (const protocol p : ianaports::all_protocols) {
    const std::string_view name = ianaports::to_string(p);
    if (at != 0) {
      if (at >= text.size() || text[at] != separator) {
        return false;
      }
      ++at;
    }
    if (text.size() - at < name.size() || text.substr(at, name.size()) != name) {
      return false;
    }
    at += name.size();
  }
  return at == text.size();
}

// --- An option's value: a name, or the choices it lists ---------------------------------------

// Does an option's value list the values it takes ("table|csv|json|services")?
constexpr bool lists_choices(std::string_view value) noexcept {
  return value.find('|') != std::string_view::npos;
}

// The number of choices a value lists: "table|csv|json|services" has 4.
constexpr std::size_t choice_count(std::string_view value) noexcept {
  std::size_t count = 1;
  for (const char c : value) {
    count += c == '|' ? 1 : 0;
  }
  return count;
}

// The index-th choice of a value: "csv" is the second of "table|csv|json|services".
constexpr std::string_view choice(std::string_view value, std::size_t index) noexcept {
  for (; index > 0; --index) {
    value.remove_prefix(value.find('|') + 1);
  }
  return value.substr(0, value.find('|'));
}

// Is text one of the choices a value lists?
constexpr bool is_choice(std::string_view value, std::string_view text) noexcept {
  for (std::size_t i = 0; i < choice_count(value); ++i) {
    if (choice(value, i) == text) {
      return true;
    }
  }
  return false;
}

// "table, csv, json or services": the choices of a value, as the messages name them.
inline std::string choices_text(std::string_view value) {
  std::string text;
  const std::size_t count = choice_count(value);
  for (std::size_t i = 0; i < count; ++i) {
    text += i == 0 ? "" : i + 1 == count ? " or " : ", ";
    text += choice(value, i);
  }
  return text;
}

inline constexpr option options[] = {
    {"--protocol", "", "tcp|udp|sctp|dccp", std::nullopt, option_group::setting,
     "the protocol of arguments written without one;\nsearches and --all keep the rows that hold "
     "for it",
     "the protocol of arguments written without one",
     R"roff(The protocol of the arguments written without one (queries and the arguments of
.B \-\-status
and
.BR \-\-free ).
The searches and
.B \-\-all
keep the rows that hold for it.)roff"},
    {"--format", "", "table|csv|json|services", std::nullopt, option_group::setting,
     "how rows are printed (default: table); --status,\n--class, --free and --registry-info: "
     "table or json",
     "how rows are printed",
     R"roff(How rows are printed; see
.BR "OUTPUT FORMATS" .
The default is
.BR table .
.BR \-\-status ,
.BR \-\-class ,
.B \-\-free
and
.B \-\-registry\-info
answer as a table or as
.BR json .)roff"},
    {"--wide", "", "", std::nullopt, option_group::setting,
     "table cells whole, not shortened to the terminal,\nand a Source column (registry or local)",
     "table cells whole, with a Source column",
     R"roff(Table cells whole, not shortened to the width of the terminal, and a
.B Source
column:
.B registry
or
.BR local .)roff"},
    {"--search", "", "TEXT", question::search_port, option_group::search,
     "rows whose port number as written (\"6000-6063\") contains TEXT", "",
     R"roff(The rows whose port number, as the registry writes it
.RB ( 6000\-6063 ),
contains
.IR TEXT :
.B 9\-22
finds
.BR 22129\-22221 .)roff"},
    {"--search-name", "", "TEXT", question::search_name, option_group::search,
     "rows whose name contains TEXT, ignoring case", "",
     R"roff(The rows whose service name contains
.IR TEXT ,
ignoring case.)roff"},
    {"--search-description", "", "TEXT", question::search_description, option_group::search,
     "rows whose description contains TEXT, ignoring case", "",
     R"roff(The rows whose description contains
.IR TEXT ,
ignoring case.)roff"},
    {"--all", "", "", question::all, option_group::search, "every row", "",
     R"roff(Every row.)roff"},
    {"--who", "", "QUERY", question::who, option_group::search,
     "the rows of QUERY with the people behind each:\nnames, organizations, addresses",
     "the rows of QUERY with the people behind each",
     R"roff(The rows of
.I QUERY
(written as a lookup's
.IR QUERY :
.BR 443 ,
.BR 443/tcp ,
.BR https ...)\&
with the people behind each: the assignee's and the contact's names, organizations and
addresses, as the registry's list of people gives them (the assignee and contact columns
name people by id, as in
.BR [IETF_Chair] ).
A table lists the rows, then each person they name once; CSV adds the columns
Assignee People and Contact People; JSON adds to each row the arrays
.B assignee_people
and
.B contact_people
of objects with
.BR id ,
.BR name ,
.BR org ,
.BR uri ,
.B address
and
.B updated
(null where the registry's list lacks the id); the services format puts a comment naming the
people before each row's lines.
A mail address is shown with its
.B @
(the registry writes
.BR mailto:chair&ietf.org ).)roff"},
    {"--status", "", "PORT[/PROTO]", question::status, option_group::report,
     "assigned, reserved, unassigned or dynamic, with the rows behind it", "",
     R"roff(Whether the port is
.BR assigned ,
.BR reserved ,
.B unassigned
or
.BR dynamic ,
with the rows behind the answer.
Without a protocol, it answers for each of the four protocols in turn.
.I PORT
is one port, not a range.)roff"},
    {"--class", "", "PORT", question::port_class, option_group::report,
     "system, user or dynamic (RFC 6335 section 6)", "",
     R"roff(The port's class under RFC 6335 section 6:
.B system
(0\-1023),
.B user
(1024\-49151) or
.B dynamic
(49152\-65535).
The classes are the same for every protocol, so
.I PORT
is written without one.)roff"},
    {"--free", "", "FIRST-LAST[/PROTO]", question::free_ports, option_group::report,
     "the unassigned ports in the range, as ranges", "",
     R"roff(The unassigned ports in the range (neither assigned, reserved nor dynamic), as
ranges, one a line.
Without a protocol, the ports unassigned on all four protocols.)roff"},
    {"--registry-info", "", "", question::registry_info, option_group::information,
     "the registry's date, rows and service names", "",
     R"roff(The registry's address and date, its number of rows and of service names.)roff"},
    {"--version", "", "", question::version, option_group::information,
     "portinfo's version and its registry's date", "",
     R"roff(The version of
.B portinfo
and the date of the registry compiled into it.)roff"},
    {"--generate", "", "man|bash|zsh|fish", question::generate, option_group::information,
     "this manual page, or a shell's completion script", "",
     R"roff(This manual page, in roff
.RB ( man ),
or the completion script of
.BR bash ,
.B zsh
or
.BR fish ,
written from the options
.B portinfo
knows: none can be missing from them.
The source holds the same files, which a build installs.)roff"},
    {"--help", "-h", "", question::help, option_group::information, "this help",
     "the usage and a summary of the options",
     R"roff(The usage and a summary of the options.)roff"},
};
static_assert(options[0].name == "--protocol" && is_protocol_list(options[0].value, '|'),
              "--protocol's value names the protocols of port_types.hpp, in order");

// The value of the option named so ("" for none).
constexpr std::string_view value_of(std::string_view name) noexcept {
  for (const option& known : options) {
    if (known.name == name) {
      return known.value;
    }
  }
  return {};
}

// Are a value's choices the formats formats.hpp reads, all of them, in order?
constexpr bool is_format_list(std::string_view value) noexcept {
  if (choice_count(value) != static_cast<std::size_t>(format::services) + 1) {
    return false;
  }
  for (std::size_t i = 0; i < choice_count(value); ++i) {
    const std::optional<format> read = parse_format(choice(value, i));
    if (!read || static_cast<std::size_t>(*read) != i) {
      return false;
    }
  }
  return true;
}
static_assert(is_format_list(value_of("--format")),
              "--format's value names the formats of formats.hpp, in order");

// The completions write a short name as an alias of the long one, which only works for an
// option without a value.
constexpr bool short_names_take_no_value() noexcept {
  for (const option& known : options) {
    if (!known.short_name.empty() && !known.value.empty()) {
      return false;
    }
  }
  return true;
}
static_assert(short_names_take_no_value(), "an option with a short name takes no value");

// Is every option's one-line summary there: its own, or its help of one line?
constexpr bool every_option_has_a_summary() noexcept {
  for (const option& known : options) {
    if (known.summary.empty() && known.help.find('\n') != std::string_view::npos) {
      return false;
    }
  }
  return true;
}
static_assert(every_option_has_a_summary(),
              "an option whose help has several lines has a summary for the shells' menus");

// The line the shells' menus show for an option.
constexpr std::string_view summary_of(const option& known) noexcept {
  return known.summary.empty() ? known.help : known.summary;
}

// --help and --version answer at once, whatever follows them.
constexpr bool answers_at_once(question asked) noexcept {
  return asked == question::help || asked == question::version;
}

// The example queries the usage gives, and the zsh completion with it.
inline constexpr std::string_view query_examples =
    "443, 443/tcp, 6000-6063/udp, https or https/udp";

// "--status PORT[/PROTO]"
inline std::string option_text(const option& known) {
  std::string text(known.name);
  if (!known.value.empty()) {
    text += ' ';
    text += known.value;
  }
  return text;
}

// The groups of questions, in the order the usage, the help and the manual show them.
inline constexpr option_group question_groups[] = {option_group::search, option_group::report,
                                                   option_group::information};

// Do the settings change how a group's questions answer? The information's do not need them.
constexpr bool takes_settings(option_group group) noexcept {
  return group != option_group::information;
}

// The options of a group, as the usage shows them: "--search TEXT | --all".
inline std::string usage_of(option_group group) {
  std::string line;
  for (const option& known : options) {
    if (known.group == group) {
      line += line.empty() ? "" : " | ";
      line += option_text(known);
    }
  }
  return line;
}

// The usage, from the options: a line for lookups, and one for each group of questions.
inline std::string usage_text() {
  std::string text =
      "usage: portinfo [OPTIONS] QUERY...   (a QUERY is " + std::string(query_examples) + ")\n";
  for (const option_group group : question_groups) {
    text += "       portinfo ";
    text += takes_settings(group) ? "[OPTIONS] " : "";
    text += usage_of(group) + "\n";
  }
  return text;
}

// One entry of the help: what to type, and beside it, from a column on, what it does (its
// lines separated by "\n").
inline std::string help_entry(std::string left, std::string_view help) {
  constexpr std::size_t help_column = 37;
  std::string text;
  for (;;) {
    left.append(left.size() < help_column ? help_column - left.size() : 1, ' ');
    const std::size_t end = help.find('\n');
    text += left;
    text += help.substr(0, end);
    text += '\n';
    if (end == std::string_view::npos) {
      return text;
    }
    help.remove_prefix(end + 1);
    left.clear();
  }
}

// The help's entries for a group's options.
inline std::string help_of(option_group group) {
  std::string text;
  for (const option& known : options) {
    if (known.group == group) {
      text += help_entry("  " + option_text(known), known.help);
    }
  }
  return text;
}

inline std::string help_text() {
  return "\n"
         "The IANA Service Name and Transport Protocol Port Number Registry, built in.\n"
         "\n"
         "Queries, answered in order, in one listing:\n" +
         help_entry("  443", "every row for port 443, on every protocol") +
         help_entry("  443/tcp", "the rows for 443 over TCP (rows for every protocol included)") +
         help_entry("  6000-6063/tcp", "every row overlapping the range") +
         help_entry("  https, HTTPS/udp", "the rows with that name (names ignore case)") +
         "\n"
         "Questions (one a call):\n" +
         help_of(option_group::search) + help_of(option_group::report) +
         help_of(option_group::information) +
         "Without a protocol, --status answers for each protocol and --free finds the ports\n"
         "unassigned for all four.\n"
         "\n"
         "Options:\n" +
         help_of(option_group::setting) +
         "\n"
         "Exit status: 0 found, 1 nothing found, 2 usage error, 3 output could not be written.\n";
}

inline const option* find_option(std::string_view name) {
  for (const option& known : options) {
    if (known.name == name || (!known.short_name.empty() && known.short_name == name)) {
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

// Sets what an option, typed as name ("-h" for --help), says.
inline void set_option(command_line& line, const option& known, std::string_view name,
                       std::string_view value) {
  if (known.name == "--protocol") {
    line.default_protocol = ianaports::parse_protocol(value);
    if (!line.default_protocol) {
      throw usage_error{"unknown protocol " + quoted(value) + " for --protocol: use " +
                        protocol_choices()};
    }
  } else if (known.name == "--format") {
    const std::optional<format> how = parse_format(value);
    if (!how) {
      throw usage_error{"unknown format " + quoted(value) + " for --format: use " +
                        choices_text(known.value)};
    }
    line.output = *how;
  } else if (known.name == "--wide") {
    line.wide = true;
  } else if (line.asked != question::lookup) {
    throw usage_error{as_string(line.asked_by) + " and " + as_string(name) +
                      " cannot be combined: one question per call"};
  } else if (lists_choices(known.value) && !is_choice(known.value, value)) {
    throw usage_error{"unknown value " + quoted(value) + " for " + as_string(name) + ": use " +
                      choices_text(known.value)};
  } else {
    line.asked = *known.asks;
    line.asked_by = name;
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
    set_option(line, *known, name, value);
    if (answers_at_once(line.asked)) {
      return line;
    }
  }
  check(line);
  return line;
}

}  // namespace portinfo

#endif  // PORTINFO_COMMAND_LINE_HPP
