// SPDX-License-Identifier: BSL-1.0
// portinfo: the four ways to print registry rows.
//
//   table     aligned columns fitted to the terminal, long cells shortened with "…"
//   csv       IANA's own CSV export, column for column
//   json      one array of objects with stable keys
//   services  the services(5) format of /etc/services
#ifndef PORTINFO_FORMATS_HPP
#define PORTINFO_FORMATS_HPP

#include <ianaports/records.hpp>
#include <ianaports/services.hpp>  // which rows a services file lists, and on which protocols

#include <algorithm>      // std::max, std::min
#include <array>          // std::array
#include <charconv>       // std::to_chars
#include <cstddef>        // std::size_t
#include <cstdint>        // std::uint16_t, std::uint32_t
#include <deque>          // std::deque
#include <optional>       // std::optional
#include <string>         // std::string, std::to_string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "output.hpp"
#include "text.hpp"

namespace portinfo {

using ianaports::protocol;
using ianaports::record;

enum class format { table, csv, json, services };

constexpr std::optional<format> parse_format(std::string_view name) noexcept {
  if (name == "table") return format::table;
  if (name == "csv") return format::csv;
  if (name == "json") return format::json;
  if (name == "services") return format::services;
  return std::nullopt;
}

// --- Columns as IANA writes them ---------------------------------------------------------------

// Room for the longest port text, "65535-65535".
using port_text_buffer = std::array<char, 11>;

// "80", "6000-6063" ("4748-4748" where IANA writes one port so), written into buffer: a table or
// a search writes one a row, and a string each would cost more than the rest of the row.
inline std::string_view write_port_text(port_text_buffer& buffer, ianaports::port_range ports,
                                        bool written_as_range) {
  char* const end_of_buffer = buffer.data() + buffer.size();
  char* end = std::to_chars(buffer.data(), end_of_buffer, ports.first).ptr;
  if (ports.last != ports.first || written_as_range) {
    *end++ = '-';
    end = std::to_chars(end, end_of_buffer, ports.last).ptr;
  }
  return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}

// The port text, or "" for a registration of a name only.
inline std::string port_text(const record& row) {
  if (!row.ports) {
    return {};
  }
  port_text_buffer buffer;
  return std::string(write_port_text(buffer, *row.ports, row.ports_written_as_range));
}

// "tcp"..., or "" for a row that holds for every protocol.
inline std::string_view transport_text(std::optional<protocol> transport) {
  return transport ? ianaports::to_string(*transport) : std::string_view{};
}

inline std::string service_code_text(const record& row) {
  return row.service_code ? std::to_string(*row.service_code) : std::string{};
}

// --- csv -------------------------------------------------------------------------------------

inline constexpr std::string_view csv_header =
    "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,"
    "Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes";

// RFC 4180 asks for CRLF, but IANA's own service-names-port-numbers.csv ends its lines (and the
// line breaks inside its notes) with a bare LF. We write LF so that `--all --format csv` can be
// compared byte for byte with IANA's file; CSV readers accept either.
inline constexpr std::string_view csv_line_end = "\n";

// RFC 4180 section 2: a field holding a comma, a quote or a line break is quoted, and its
// quotes doubled.
inline void append_csv_field(std::string& line, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += field;
    return;
  }
  line += '"';
  for (const char c : field) {
    if (c == '"') {
      line += '"';
    }
    line += c;
  }
  line += '"';
}

// A field as CSV on a terminal shows it: its controls (line feeds aside, which its quotes hold)
// as spaces, as a person reads it there; piped or written to a file, the field is IANA's bytes.
inline void append_csv_field(std::string& line, std::string_view field, bool on_terminal) {
  if (on_terminal && has_control(field)) {
    append_csv_field(line, without_controls(field, true));
  } else {
    append_csv_field(line, field);
  }
}

// A row's twelve fields, IANA's columns in IANA's order, appended to a line (no line end).
inline void append_csv_row(std::string& line, const record& row, bool on_terminal) {
  const std::string port = port_text(row);
  const std::string code = service_code_text(row);
  const std::array<std::string_view, 12> fields{row.service,
                                                port,
                                                transport_text(row.transport),
                                                row.description,
                                                row.assignee,
                                                row.contact,
                                                row.registered,
                                                row.modified,
                                                row.reference,
                                                code,
                                                row.unauthorized_use,
                                                row.notes};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      line += ',';
    }
    append_csv_field(line, fields[i], on_terminal);
  }
}

inline void write_csv(const std::vector<record>& rows, bool on_terminal) {
  put(csv_header);
  put(csv_line_end);
  std::string line;
  for (const record& row : rows) {
    line.clear();
    append_csv_row(line, row, on_terminal);
    line += csv_line_end;
    put(line);
  }
}

// --- json ------------------------------------------------------------------------------------

// RFC 8259 section 7: quote and backslash escaped, control characters as their short escapes
// or \u00XX. So too, though JSON would carry them raw, DEL, C1 controls and the bidirectional
// formatting characters (\u202E...): JSON read on a terminal obeys none of them, and a JSON
// reader reads the same text (issue 19). A byte of no well-formed UTF-8, which no table
// holds, would be \uFFFD. Other text, UTF-8 included, stays as it is.
inline void append_json_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += '"';
  for (std::size_t from = 0;;) {
    const ianaports::text_control control = ianaports::find_control(text, from);
    for (std::size_t i = from; i < control.at; ++i) {
      if (text[i] == '"' || text[i] == '\\') {
        out += '\\';
      }
      out += text[i];
    }
    if (control.at == text.size()) {
      break;
    }
    switch (control.code) {
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:  // every control is in the Basic Multilingual Plane: four hex digits
        out += "\\u";
        for (const unsigned shift : {12U, 8U, 4U, 0U}) {
          out += hex[(control.code >> shift) & 0x0FU];
        }
    }
    from = control.at + control.size;
  }
  out += '"';
}

// {"key":value,...}, its members in the order added: the one way portinfo writes a JSON object.
class json_object {
 public:
  json_object& text(std::string_view key, std::string_view value) {
    append_json_string(begin_member(key), value);
    return *this;
  }
  json_object& number(std::string_view key, std::uint64_t value) {
    begin_member(key) += std::to_string(value);
    return *this;
  }
  json_object& null(std::string_view key) { return value(key, "null"); }
  json_object& value(std::string_view key, std::string_view json) {  // json already written
    begin_member(key) += json;
    return *this;
  }
  [[nodiscard]] std::string str() const { return out_ + '}'; }

 private:
  std::string& begin_member(std::string_view key) {
    out_ += out_.size() > 1 ? "," : "";
    append_json_string(out_, key);
    out_ += ':';
    return out_;
  }
  std::string out_ = "{";
};

// "[a,b,...]" of JSON values already written.
template <typename Values, typename ToJson>
std::string json_array(const Values& values, ToJson to_json) {
  std::string out = "[";
  for (const auto& value : values) {
    out += out.size() > 1 ? "," : "";
    out += to_json(value);
  }
  return out + ']';
}

// The keys are stable; a column that can be absent is null rather than "". An object still
// open, for --who to add to.
inline json_object json_row_object(const record& row) {
  json_object object;
  object.text("service", row.service);
  if (row.ports) {
    object.value(
        "ports",
        json_object().number("first", row.ports->first).number("last", row.ports->last).str());
  } else {
    object.null("ports");
  }
  if (row.transport) {
    object.text("transport", ianaports::to_string(*row.transport));
  } else {
    object.null("transport");
  }
  object.text("description", row.description)
      .text("assignee", row.assignee)
      .text("contact", row.contact)
      .text("registered", row.registered)
      .text("modified", row.modified)
      .text("reference", row.reference);
  if (row.service_code) {
    object.number("service_code", *row.service_code);
  } else {
    object.null("service_code");
  }
  object.text("unauthorized_use", row.unauthorized_use)
      .text("notes", row.notes)
      .text("source", ianaports::to_string(row.source));
  return object;
}

inline std::string json_row(const record& row) {
  return json_row_object(row).str();
}

// "[{...},{...}]" on one line, for rows inside another object.
inline std::string json_rows(const std::vector<record>& rows) {
  return json_array(rows, json_row);
}

// One array, one value a line: valid JSON that still reads (and greps) line by line.
inline void write_json_lines(const std::vector<std::string>& values) {
  if (values.empty()) {
    put("[]\n");
    return;
  }
  put("[\n");
  for (std::size_t i = 0; i < values.size(); ++i) {
    put("  " + values[i] + (i + 1 < values.size() ? ",\n" : "\n"));
  }
  put("]\n");
}

inline void write_json(const std::vector<record>& rows) {
  std::vector<std::string> values;
  values.reserve(rows.size());
  for (const record& row : rows) {
    values.push_back(json_row(row));
  }
  write_json_lines(values);
}

// --- services --------------------------------------------------------------------------------

// One line of a services(5) file: a port/protocol, its first name, the later names on it (of
// the rows asked for: ianaports/services.hpp has the entries of the whole registry).
struct services_line {
  std::uint16_t port;
  protocol transport;
  std::string_view name;
  std::vector<std::string_view> aliases;
  std::string_view description;
};

inline void add_alias(services_line& entry, std::string_view name) {
  if (ianaports::same_service_name(entry.name, name)) {
    return;
  }
  for (const std::string_view alias : entry.aliases) {
    if (ianaports::same_service_name(alias, name)) {
      return;
    }
  }
  entry.aliases.push_back(name);
}

// The rows with a name and a port, one entry per port and protocol (a range is spread out, a
// row without a protocol is listed for each), in the order the port/protocols first appear;
// later names on a port/protocol become aliases.
inline std::vector<services_line> services_lines(const std::vector<record>& rows) {
  std::vector<services_line> entries;
  std::unordered_map<std::uint32_t, std::size_t> entry_of;  // port * 4 + protocol → index
  for (const record& row : rows) {
    if (!ianaports::in_services_file(row.service, row.ports)) {
      continue;
    }
    for (const protocol transport : ianaports::all_protocols) {
      if (!ianaports::lists_on(row.transport, transport)) {
        continue;
      }
      // 32-bit, so that a range ending at 65535 still ends the loop.
      for (std::uint32_t port = row.ports->first; port <= row.ports->last; ++port) {
        const std::uint32_t key = port * 4U + static_cast<std::uint32_t>(transport);
        const auto [found, added] = entry_of.try_emplace(key, entries.size());
        if (added) {
          entries.push_back(
              {static_cast<std::uint16_t>(port), transport, row.service, {}, row.description});
        } else {
          add_alias(entries[found->second], row.service);
        }
      }
    }
  }
  return entries;
}

// Spaces up to a column (at least one), so that the fields line up.
inline void pad_to(std::string& line, std::size_t column) {
  const std::size_t now = columns(line);
  line.append(now < column ? column - now : 1, ' ');
}

// The first line of a services file: where it comes from, and which release.
inline void write_services_header() {
  put("# services(5) from the IANA Service Name and Transport Protocol Port Number Registry of " +
      on_one_line(ianaports::registry_updated) + ", written by portinfo (ianaports)\n");
}

// name  port/proto  aliases...  # description
inline void write_service_lines(const std::vector<record>& rows) {
  std::string line;
  for (const services_line& entry : services_lines(rows)) {
    line.assign(entry.name);
    pad_to(line, 16);
    line += std::to_string(entry.port);
    line += '/';
    line += ianaports::to_string(entry.transport);
    if (!entry.aliases.empty()) {
      pad_to(line, 27);
      for (std::size_t i = 0; i < entry.aliases.size(); ++i) {
        line += i > 0 ? " " : "";
        line += entry.aliases[i];
      }
    }
    if (!entry.description.empty()) {
      pad_to(line, 40);
      line += "# ";
      line += on_one_line(entry.description);
    }
    line += '\n';
    put(line);
  }
}

// --- table -----------------------------------------------------------------------------------

// How the output is laid out.
struct output_layout {
  std::size_t width;  // a table's columns available
  bool wide;          // a table shows every cell whole, however wide it gets
  bool terminal;      // stdout is a terminal: CSV shows its fields' controls as spaces
};

struct table_column {
  std::string_view header;
  std::size_t narrowest;  // 0: never shortened
};

// The last, Source (registry or local), only with --wide.
inline constexpr std::array<table_column, 6> table_columns{{{"Service", 7},
                                                            {"Port", 0},
                                                            {"Proto", 0},
                                                            {"Description", 11},
                                                            {"Reference", 9},
                                                            {"Source", 0}}};
inline constexpr std::size_t source_column = 5;
inline constexpr std::size_t column_gap = 2;  // spaces between two columns

// A cell's text and the columns it takes, counted once.
struct table_cell {
  std::string_view text;
  std::size_t columns = 0;
};

// Text known to be ASCII takes a column a byte.
inline table_cell ascii_cell(std::string_view text) {
  return {text, text.size()};
}

// A table's cells are views: into the registry's text where it is on one line already (nearly
// always), else into a copy made so, kept here; deques, so that what they hold never moves.
class cell_text {
 public:
  // The text measured, on one line.
  table_cell on_one_line(std::string_view text) {
    const text_measure measure = measured(text);
    if (measure.one_line) {
      return {text, measure.columns};
    }
    owned_.push_back(portinfo::on_one_line(text));
    return {owned_.back(), columns(owned_.back())};
  }
  table_cell port(ianaports::row row) {
    const std::optional<ianaports::port_range> ports = row.ports();
    if (!ports) {
      return {};
    }
    return ascii_cell(write_port_text(ports_.emplace_back(), *ports, row.ports_written_as_range()));
  }

 private:
  std::deque<std::string> owned_;
  std::deque<port_text_buffer> ports_;
};

using table_row = std::array<table_cell, table_columns.size()>;

// Read from the row handle: the table shows six of the twelve columns, and reads no others.
inline table_row table_cells(ianaports::row row, cell_text& store) {
  return {store.on_one_line(row.service()),
          store.port(row),
          ascii_cell(transport_text(row.transport())),
          store.on_one_line(row.description()),
          store.on_one_line(row.reference()),
          ascii_cell(ianaports::to_string(row.source()))};
}

// Each column as wide as its widest cell; then, until the table fits, Reference shortened
// first (it matters least), then Description, then Service. Port and Proto stay whole.
inline std::array<std::size_t, table_columns.size()> column_widths(
    const std::vector<table_row>& rows, const output_layout& layout) {
  std::array<std::size_t, table_columns.size()> widths{};
  // The gaps between the columns shown (an empty Source column, without --wide, is not).
  std::size_t total = column_gap * (widths.size() - (layout.wide ? 1 : 2));
  for (std::size_t i = 0; i < widths.size(); ++i) {
    for (const table_row& row : rows) {
      widths[i] = std::max(widths[i], row[i].columns);
    }
    total += widths[i];
  }
  for (const std::size_t i : {4U, 3U, 0U}) {
    if (layout.wide || total <= layout.width) {
      break;
    }
    const std::size_t spare =
        widths[i] > table_columns[i].narrowest ? widths[i] - table_columns[i].narrowest : 0;
    const std::size_t cut = std::min(spare, total - layout.width);
    widths[i] -= cut;
    total -= cut;
  }
  return widths;
}

inline void write_table(const std::vector<ianaports::row>& rows, const output_layout& layout) {
  if (rows.empty()) {
    return;
  }
  cell_text store;
  std::vector<table_row> cells;
  cells.reserve(rows.size() + 1);
  cells.push_back({});
  for (std::size_t i = 0; i < table_columns.size(); ++i) {
    cells.front()[i] = ascii_cell(table_columns[i].header);
  }
  for (const ianaports::row row : rows) {
    cells.push_back(table_cells(row, store));
    if (!layout.wide) {
      cells.back()[source_column] = {};
    }
  }
  if (!layout.wide) {
    cells.front()[source_column] = {};
  }
  const auto widths = column_widths(cells, layout);
  const std::size_t shown = layout.wide ? table_columns.size() : source_column;
  std::string line;
  for (const table_row& row : cells) {
    line.clear();
    // The blanks after a cell (its padding, the gap) are written before the next cell that has
    // text, in one go, and never at the end of the line.
    std::size_t blanks = 0;
    for (std::size_t i = 0; i < shown; ++i) {
      const table_cell& cell = row[i];
      const bool fits = cell.columns <= widths[i];
      if (!cell.text.empty()) {
        line.append(blanks, ' ');
        blanks = 0;
        if (fits) {
          line += cell.text;
        } else {
          append_shortened(line, cell.text, cell.columns, widths[i]);  // then exactly widths[i]
        }
      }
      blanks += (fits ? widths[i] - cell.columns : 0) + column_gap;
    }
    line.erase(line.find_last_not_of(' ') + 1);  // nor a text's own (npos + 1 is 0: all blank)
    line += '\n';
    put(line);
  }
}

// Every column of each row, for the formats that show them all.
inline std::vector<record> records_of(const std::vector<ianaports::row>& rows) {
  std::vector<record> records;
  records.reserve(rows.size());
  for (const ianaports::row row : rows) {
    records.push_back(row.to_record());
  }
  return records;
}

inline void write_rows(const std::vector<ianaports::row>& rows, format how,
                       const output_layout& layout) {
  switch (how) {
    case format::table: write_table(rows, layout); break;
    case format::csv: write_csv(records_of(rows), layout.terminal); break;
    case format::json: write_json(records_of(rows)); break;
    case format::services:
      write_services_header();
      write_service_lines(records_of(rows));
      break;
  }
}

}  // namespace portinfo

#endif  // PORTINFO_FORMATS_HPP
