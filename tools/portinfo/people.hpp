// SPDX-License-Identifier: BSL-1.0
// portinfo: --who, the rows of a query with the people behind each.
//
// A row's assignee and contact columns name people by id ("[IETF_Chair]"); the registry's
// people directory (ianaports::person_of) gives each one's name, organization and address.
// An id the directory lacks is the registry's gap, not an error: it is printed as it is, with
// no name.
#ifndef PORTINFO_PEOPLE_HPP
#define PORTINFO_PEOPLE_HPP

#include <ianaports/people.hpp>
#include <ianaports/records.hpp>

#include <algorithm>    // std::max
#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "formats.hpp"
#include "output.hpp"
#include "text.hpp"

namespace portinfo {

// One id of a row's assignee or contact column, and whom the directory says it is.
struct named_person {
  std::string_view id;
  std::optional<ianaports::person> found;  // none when the directory lacks the id
};

inline std::vector<named_person> people_named_in(std::string_view column) {
  std::vector<named_person> named;
  for (const std::string_view id : ianaports::person_ids(column)) {
    named.push_back({id, ianaports::person_of(id)});
  }
  return named;
}

// The registry writes mail addresses as "mailto:chair&ietf.org" (an '&' for the '@', against
// harvesters); shown as "chair@ietf.org". Other addresses (web pages) stay as written. A person
// with several addresses has them joined by spaces.
inline std::string address_of(std::string_view uri) {
  constexpr std::string_view mailto = "mailto:";
  std::string shown;
  while (!uri.empty()) {
    const std::size_t space = uri.find(' ');
    std::string_view one = uri.substr(0, space);
    uri = space == std::string_view::npos ? std::string_view{} : uri.substr(space + 1);
    if (one.empty()) {
      continue;
    }
    shown += shown.empty() ? "" : " ";
    if (one.substr(0, mailto.size()) == mailto) {
      one.remove_prefix(mailto.size());
      for (const char c : one) {
        shown += c == '&' ? '@' : c;
      }
    } else {
      shown += one;
    }
  }
  return shown;
}

// "IETF Chair (IETF) <chair@ietf.org>", the parts there are; "[Id]" alone for an id the
// directory lacks (or a person with no fields). On one line, for a table, CSV or services cell.
inline std::string person_text(const named_person& named) {
  std::string text;
  if (named.found) {
    text = on_one_line(named.found->name);
    if (!named.found->org.empty() && named.found->org != named.found->name) {
      text += text.empty() ? "" : " ";
      text += "(" + on_one_line(named.found->org) + ")";
    }
    const std::string address = on_one_line(address_of(named.found->uri));
    if (!address.empty()) {
      text += text.empty() ? "" : " ";
      text += "<" + address + ">";
    }
  }
  return text.empty() ? "[" + on_one_line(named.id) + "]" : text;
}

inline std::string people_text(const std::vector<named_person>& people) {
  std::string text;
  for (const named_person& named : people) {
    text += text.empty() ? "" : "; ";
    text += person_text(named);
  }
  return text;
}

// --- table: the rows, then the people they name, each once, in the order first named --------

inline void write_people_table(const std::vector<record>& rows) {
  std::vector<std::array<std::string, 4>> cells{{"Id", "Name", "Organization", "Address"}};
  std::vector<std::string_view> listed;
  for (const record& row : rows) {
    for (const std::string_view column : {row.assignee, row.contact}) {
      for (const named_person& named : people_named_in(column)) {
        bool seen = false;
        for (const std::string_view id : listed) {
          seen = seen || id == named.id;
        }
        if (seen) {
          continue;
        }
        listed.push_back(named.id);
        cells.push_back({on_one_line(named.id),
                         named.found ? on_one_line(named.found->name) : std::string{},
                         named.found ? on_one_line(named.found->org) : std::string{},
                         named.found ? on_one_line(address_of(named.found->uri)) : std::string{}});
      }
    }
  }
  if (cells.size() == 1) {
    return;
  }
  std::array<std::size_t, 4> widths{};
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      widths[i] = std::max(widths[i], columns(line[i]));
    }
  }
  std::string out = "\n";
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      out.append(i > 0 ? column_gap : 0, ' ');
      out += line[i];
      out.append(widths[i] - columns(line[i]), ' ');
    }
    out.erase(out.find_last_not_of(' ') + 1);
    out += '\n';
  }
  put(out);
}

// --- csv: IANA's columns, and two more --------------------------------------------------------

inline void write_people_csv(const std::vector<record>& rows, bool on_terminal) {
  put(csv_header);
  put(",Assignee People,Contact People");
  put(csv_line_end);
  std::string line;
  for (const record& row : rows) {
    line.clear();
    append_csv_row(line, row, on_terminal);
    line += ',';
    append_csv_field(line, people_text(people_named_in(row.assignee)));
    line += ',';
    append_csv_field(line, people_text(people_named_in(row.contact)));
    line += csv_line_end;
    put(line);
  }
}

// --- json: each row's object, and its people as objects ---------------------------------------

// {"id":..,"name":..,"org":..,"uri":..,"address":..,"updated":..}; the fields null for an id
// the directory lacks.
inline std::string json_person(const named_person& named) {
  json_object object;
  object.text("id", named.id);
  if (named.found) {
    object.text("name", named.found->name)
        .text("org", named.found->org)
        .text("uri", named.found->uri)
        .text("address", address_of(named.found->uri))
        .text("updated", named.found->updated);
  } else {
    object.null("name").null("org").null("uri").null("address").null("updated");
  }
  return object.str();
}

inline void write_people_json(const std::vector<record>& rows) {
  std::vector<std::string> values;
  values.reserve(rows.size());
  for (const record& row : rows) {
    values.push_back(
        json_row_object(row)
            .value("assignee_people", json_array(people_named_in(row.assignee), json_person))
            .value("contact_people", json_array(people_named_in(row.contact), json_person))
            .str());
  }
  write_json_lines(values);
}

// --- services: each entry after a comment naming its row's people ---------------------------

inline void write_people_services(const std::vector<record>& rows) {
  write_services_header();
  for (const record& row : rows) {
    if (services_lines({row}).empty()) {
      continue;  // a row services(5) cannot hold (no port, no protocol): no people either
    }
    const std::string assignee = people_text(people_named_in(row.assignee));
    const std::string contact = people_text(people_named_in(row.contact));
    std::string comment;
    if (!assignee.empty()) {
      comment += "# assignee: " + assignee + "\n";
    }
    if (!contact.empty()) {
      comment += "# contact: " + contact + "\n";
    }
    put(comment);
    write_service_lines({row});
  }
}

inline void write_rows_with_people(const std::vector<ianaports::row>& rows, format how,
                                   const output_layout& layout) {
  const std::vector<record> records = records_of(rows);
  switch (how) {
    case format::table:
      write_table(rows, layout);
      write_people_table(records);
      break;
    case format::csv: write_people_csv(records, layout.terminal); break;
    case format::json: write_people_json(records); break;
    case format::services: write_people_services(records); break;
  }
}

}  // namespace portinfo

#endif  // PORTINFO_PEOPLE_HPP
