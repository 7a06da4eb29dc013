// SPDX-License-Identifier: BSL-1.0
// Oracle: the generated tables, through the public API, against an independent reading of the
// same registry XML (tests/oracle/expected_rows.py: xml.dom.minidom, none of the generator's
// code). Every row and column, by_port / name_of / status for all 65,536 ports x 4 protocols,
// by_name / port_of for every name, by_protocol, and by_range on every range the registry has.
//
// Built once per registry: the bundled one, an older release, and a hostile fixture.
#include <doctest/doctest.h>

#include <ianaports/people.hpp>
#include <ianaports/records.hpp>

#include <cstdint>      // std::uint16_t, std::uint32_t
#include <fstream>      // std::ifstream
#include <iterator>     // std::next
#include <map>          // std::map
#include <optional>     // std::optional
#include <set>          // std::set
#include <sstream>      // std::ostringstream
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string, std::stoul
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#ifndef IANAPORTS_EXPECTED_ROWS
#error "IANAPORTS_EXPECTED_ROWS must name the oracle's expected_rows.txt"
#endif

// A lean build's oracle (see ianaports_add_oracle_test) expects only the rows of the protocols
// kept, with the omitted column groups blank.
#ifndef IANAPORTS_TEST_OMIT
#define IANAPORTS_TEST_OMIT ""
#endif
#ifndef IANAPORTS_TEST_PROTOCOLS
#define IANAPORTS_TEST_PROTOCOLS "tcp,udp,sctp,dccp"
#endif

namespace ip = ianaports;
using ip::protocol;

namespace {

using ip::all_protocols;

struct expected_row {
  std::string service, ports, transport, description, assignee, contact, registered, modified,
      reference, service_code, unauthorized_use, notes;

  std::optional<ip::port_range> port_range() const {
    if (ports.empty()) {
      return std::nullopt;
    }
    const auto dash = ports.find('-');
    const auto first = static_cast<std::uint16_t>(std::stoul(ports.substr(0, dash)));
    const auto last = dash == std::string::npos
                          ? first
                          : static_cast<std::uint16_t>(std::stoul(ports.substr(dash + 1)));
    return ip::port_range{first, last};
  }
  bool holds_for(protocol p) const { return transport.empty() || transport == ip::to_string(p); }
  bool reserved = false;  // the description says "Reserved", even when a lean build omits it
  std::size_t line = 0;   // its place among the file's rows
  bool local = false;     // one of the local services (the first rows of the file)
};

// Is item one of the comma-separated list's items? (Walked as views: g++ 12 at -O3 warns
// falsely, -Wrestrict, on the string concatenation this once was.)
bool listed(std::string_view comma_separated, std::string_view item) {
  while (!comma_separated.empty()) {
    const std::size_t comma = comma_separated.find(',');
    if (comma_separated.substr(0, comma) == item) {
      return true;
    }
    comma_separated.remove_prefix(comma == std::string_view::npos ? comma_separated.size()
                                                                  : comma + 1);
  }
  return false;
}

// The row as a lean build holds it; false when its protocol is left out.
bool make_lean(expected_row& row) {
  row.reserved = row.description == "Reserved";
  if (!row.transport.empty() && !listed(IANAPORTS_TEST_PROTOCOLS, row.transport)) {
    return false;
  }
  const std::pair<const char*, std::string*> columns[] = {
      {"description", &row.description}, {"people", &row.assignee}, {"people", &row.contact},
      {"dates", &row.registered},        {"dates", &row.modified},  {"reference", &row.reference},
      {"notes", &row.unauthorized_use},  {"notes", &row.notes}};
  for (const auto& [group, column] : columns) {
    if (listed(IANAPORTS_TEST_OMIT, group)) {
      column->clear();
    }
  }
  return true;
}

struct expected_person {
  std::string id, name, org, uri, updated;
};

struct expectation {
  std::string updated;
  std::vector<expected_row> rows;
  std::vector<expected_person> people;  // empty when the build leaves the people out
  std::size_t local_rows = 0;           // rows [0, local_rows) of the file are local services
};

std::string unescape(const std::string& field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '%' && i + 2 < field.size()) {
      out += static_cast<char>(std::stoi(field.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += field[i];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    fields.push_back(unescape(line.substr(start, tab - start)));
    if (tab == std::string::npos) {
      return fields;
    }
    start = tab + 1;
  }
}

const expectation& expected() {
  static const expectation loaded = [] {
    std::ifstream in(IANAPORTS_EXPECTED_ROWS, std::ios::binary);
    if (!in) {
      throw std::runtime_error("cannot read " IANAPORTS_EXPECTED_ROWS);
    }
    expectation e;
    std::string line;
    std::getline(in, line);
    e.updated = split_tabs(line).at(1);
    std::getline(in, line);
    const std::size_t count = std::stoul(split_tabs(line).at(1));
    std::size_t read = 0;
    while (read < count && std::getline(in, line)) {
      const auto f = split_tabs(line);
      if (f.size() != 12) {
        throw std::runtime_error("expected 12 fields: " + line);
      }
      expected_row row{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]};
      row.line = read;
      ++read;
      if (make_lean(row)) {
        e.rows.push_back(row);
      }
    }
    std::getline(in, line);  // people<TAB>count
    const std::size_t person_count = std::stoul(split_tabs(line).at(1));
    while (e.people.size() < person_count && std::getline(in, line)) {
      const auto f = split_tabs(line);
      if (f.size() != 5) {
        throw std::runtime_error("expected 5 fields of a person: " + line);
      }
      e.people.push_back({f[0], f[1], f[2], f[3], f[4]});
    }
    if (e.people.size() != person_count) {
      throw std::runtime_error("person count mismatch in " IANAPORTS_EXPECTED_ROWS);
    }
    std::getline(in, line);  // local<TAB>count: the first rows are the local services'
    e.local_rows = std::stoul(split_tabs(line).at(1));
    for (expected_row& row : e.rows) {
      row.local = row.line < e.local_rows;
    }
    if (listed(IANAPORTS_TEST_OMIT, "people")) {
      e.people.clear();
    }
    if (read != count) {
      throw std::runtime_error("row count mismatch in " IANAPORTS_EXPECTED_ROWS);
    }
    return e;
  }();
  return loaded;
}

// Empty when the record matches the expected row, else the first difference, for the report.
std::string difference(const ip::record& r, const expected_row& e) {
  const auto text = [](std::string_view field, const std::string& want,
                       const char* name) -> std::string {
    return field == want ? std::string()
                         : std::string(name) + ": got \"" + std::string(field) + "\", expected \"" +
                               want + "\"";
  };
  for (const std::string& d :
       {text(r.service, e.service, "service"), text(r.description, e.description, "description"),
        text(r.assignee, e.assignee, "assignee"), text(r.contact, e.contact, "contact"),
        text(r.registered, e.registered, "registered"), text(r.modified, e.modified, "modified"),
        text(r.reference, e.reference, "reference"),
        text(r.unauthorized_use, e.unauthorized_use, "unauthorized_use"),
        text(r.notes, e.notes, "notes"),
        text(r.transport ? ip::to_string(*r.transport) : std::string_view(), e.transport,
             "transport"),
        text(r.service_code ? std::to_string(*r.service_code) : std::string(), e.service_code,
             "service_code")}) {
    if (!d.empty()) {
      return d;
    }
  }
  if (r.ports != e.port_range()) {
    return "ports differ from \"" + e.ports + "\"";
  }
  const bool one_port_as_range =
      r.ports && r.ports->first == r.ports->last && e.ports.find('-') != std::string::npos;
  if (r.ports_written_as_range != one_port_as_range) {
    return "ports_written_as_range differs for \"" + e.ports + "\"";
  }
  if ((r.source == ip::record_source::local) != e.local) {
    return std::string("source: got ") + std::string(ip::to_string(r.source)) + ", expected " +
           (e.local ? "local" : "registry");
  }
  return {};
}

// Compares a result with the expected rows (by position in the registry); "" when equal.
std::string compare(const ip::record_range& found, const std::vector<std::size_t>& want) {
  const auto& rows = expected().rows;
  if (found.size() != want.size()) {
    return "size " + std::to_string(found.size()) + ", expected " + std::to_string(want.size());
  }
  if (found.empty() != want.empty()) {
    return "empty() is " + std::string(found.empty() ? "true" : "false");
  }
  std::size_t at = 0;  // the same rows as handles: their positions
  for (const ip::row handle : found.rows()) {
    if (at >= want.size() || handle.index() != want[at]) {
      return "rows(): handle " + std::to_string(at) + " is row " + std::to_string(handle.index());
    }
    ++at;
  }
  if (at != want.size() || found.rows().size() != want.size()) {
    return "rows(): " + std::to_string(at) + " handles";
  }
  std::size_t i = 0;
  for (const ip::record& r : found) {
    if (i >= want.size()) {
      return "more rows than size()";
    }
    const std::string d = difference(r, rows[want[i]]);
    if (!d.empty()) {
      return "row " + std::to_string(i) + ": " + d;
    }
    ++i;
  }
  return i == want.size() ? std::string() : "fewer rows than size()";
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return s;
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return s;
}

// Every name, ASCII-lower-cased, with the rows that have it (registry order).
std::map<std::string, std::vector<std::size_t>> rows_by_folded_name() {
  const auto& rows = expected().rows;
  std::map<std::string, std::vector<std::size_t>> named;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].service.empty()) {
      named[lower(rows[i].service)].push_back(i);
    }
  }
  return named;
}

// Reports at most a few failures per test case, so a systematic error stays readable.
struct failure_budget {
  int left = 10;
  bool check(const std::string& what, const std::string& where) {
    if (what.empty()) {
      return true;
    }
    if (left-- > 0) {
      FAIL_CHECK(where << ": " << what);
    }
    return false;
  }
};

}  // namespace

TEST_CASE("registry date and row count") {
  CHECK(ip::registry_updated == expected().updated);
  CHECK(ip::records().size() == expected().rows.size());
}

TEST_CASE("the build says which columns and protocols it left out") {
  CHECK(ip::omitted_columns == IANAPORTS_TEST_OMIT);
  CHECK(ip::kept_protocols == IANAPORTS_TEST_PROTOCOLS);
  const std::string_view kept = IANAPORTS_TEST_PROTOCOLS;
  for (const protocol p : ip::all_protocols) {
    INFO(ip::to_string(p));
    const std::string name(ip::to_string(p));
    const bool listed = ("," + std::string(kept) + ",").find("," + name + ",") != std::string::npos;
    CHECK(ip::keeps_protocol(p) == listed);
  }
}

TEST_CASE("service_name_count counts the distinct names, case ignored") {
  CHECK(ip::service_name_count == rows_by_folded_name().size());
}

TEST_CASE("every row, every column, registry order") {
  failure_budget failures;
  std::size_t i = 0;
  for (const ip::record& r : ip::records()) {
    REQUIRE(i < expected().rows.size());
    failures.check(difference(r, expected().rows[i]), "row " + std::to_string(i));
    ++i;
  }
  CHECK(i == expected().rows.size());
}

TEST_CASE("row handles read every column as the records do") {
  failure_budget failures;
  std::size_t i = 0;
  for (const ip::row handle : ip::rows()) {
    const ip::record whole = handle.to_record();
    const ip::record by_column{handle.service(),
                               handle.ports(),
                               handle.transport(),
                               handle.description(),
                               handle.assignee(),
                               handle.contact(),
                               handle.registered(),
                               handle.modified(),
                               handle.reference(),
                               handle.service_code(),
                               handle.unauthorized_use(),
                               handle.notes(),
                               handle.ports_written_as_range(),
                               handle.source()};
    // Each against the oracle, not the one against the other: g++ 12 at -O3 on i686 takes
    // the optionals' operator== for a read of an empty one (-Wmaybe-uninitialized).
    const bool same =
        handle.index() == i && handle.holds_for(protocol::udp) == whole.holds_for(protocol::udp);
    const std::string whole_differs = difference(whole, expected().rows[i]);
    const std::string by_column_differs = difference(by_column, expected().rows[i]);
    failures.check(!same                        ? "index() or holds_for() differs from to_record()"
                   : !whole_differs.empty()     ? "to_record(): " + whole_differs
                   : !by_column_differs.empty() ? "by column: " + by_column_differs
                                                : std::string{},
                   "row " + std::to_string(i));
    ++i;
  }
  CHECK(i == expected().rows.size());
  CHECK(ip::rows().size() == expected().rows.size());
}

TEST_CASE("by_port, name_of and status for every port and protocol") {
  const auto& rows = expected().rows;
  failure_budget failures;
  for (const protocol p : all_protocols) {
    std::vector<std::vector<std::size_t>> covering(65536);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (const auto range = rows[i].port_range(); range && rows[i].holds_for(p)) {
        for (std::uint32_t port = range->first; port <= range->last; ++port) {
          covering[port].push_back(i);
        }
      }
    }
    for (std::uint32_t port_number = 0; port_number < 65536; ++port_number) {
      const auto port = static_cast<std::uint16_t>(port_number);
      const std::string where = std::to_string(port) + "/" + std::string(ip::to_string(p));
      failures.check(compare(ip::by_port(port, p), covering[port]), "by_port " + where);
      // A span of one port is a port: by_range's three sources meet where rows begin and end.
      if (port_number == 0 || covering[port] != covering[port - 1] ||
          (port_number < 65535 && covering[port] != covering[port + 1])) {
        failures.check(compare(ip::by_range({port, port}, p), covering[port]), "by_range " + where);
      }

      std::string name;
      bool named = false;
      bool reserved = false;
      for (const std::size_t i : covering[port]) {
        if (!rows[i].service.empty() && !named) {
          name = rows[i].service;
          named = true;
        }
        reserved = reserved || rows[i].reserved;
      }
      if (ip::name_of(port, p) != name) {
        failures.check(
            "got \"" + std::string(ip::name_of(port, p)) + "\", expected \"" + name + "\"",
            "name_of " + where);
      }
      const ip::port_status want = named           ? ip::port_status::assigned
                                   : reserved      ? ip::port_status::reserved
                                   : port >= 49152 ? ip::port_status::dynamic
                                                   : ip::port_status::unassigned;
      if (ip::status(port, p) != want) {
        failures.check("got " + std::string(ip::to_string(ip::status(port, p))) + ", expected " +
                           std::string(ip::to_string(want)),
                       "status " + where);
      }
    }
  }
}

TEST_CASE("by_name and port_of for every name, in four spellings") {
  const auto& rows = expected().rows;
  const auto named = rows_by_folded_name();
  failure_budget failures;
  for (const auto& [folded, want] : named) {
    const std::string as_written = rows[want.front()].service;
    std::string mixed = folded;
    for (std::size_t i = 0; i < mixed.size(); i += 2) {
      mixed[i] = upper(std::string(1, mixed[i]))[0];
    }
    for (const std::string& query : {as_written, folded, upper(folded), mixed}) {
      failures.check(compare(ip::by_name(query), want), "by_name \"" + query + "\"");
      for (const protocol p : all_protocols) {
        std::optional<std::uint16_t> port;
        for (const std::size_t i : want) {
          if (const auto range = rows[i].port_range(); range && rows[i].holds_for(p)) {
            port = range->first;
            break;
          }
        }
        if (ip::port_of(query, p) != port) {
          failures.check("differs", "port_of \"" + query + "\"/" + std::string(ip::to_string(p)));
        }
      }
    }
  }
  CHECK(ip::by_name("").empty());
}

TEST_CASE("every name with one byte changed finds exactly the name it then spells") {
  const auto named = rows_by_folded_name();
  failure_budget failures;
  const std::vector<std::size_t> none;
  for (const auto& entry : named) {
    std::string changed = entry.first;
    for (std::size_t i = 0; i < changed.size(); ++i) {
      const char original = changed[i];
      // Another letter or digit, the other case, NUL, a high byte.
      for (const char c :
           {static_cast<char>(original ^ 0x01), static_cast<char>(original ^ 0x20), '\0', '\xff'}) {
        changed[i] = c;
        const auto hit = named.find(lower(changed));
        failures.check(compare(ip::by_name(changed), hit == named.end() ? none : hit->second),
                       "by_name of \"" + entry.first + "\" changed at " + std::to_string(i));
      }
      changed[i] = original;
    }
  }
}

TEST_CASE("the people directory: every person, person_of for every id, every row's ids") {
  const auto& want = expected().people;
  failure_budget failures;
  std::size_t i = 0;
  std::map<std::string, std::size_t> first_with_id;  // of two people under one id, the first
  for (const ip::person& found : ip::people()) {
    REQUIRE(i < want.size());
    const expected_person& e = want[i];
    const bool same = found.id == e.id && found.name == e.name && found.org == e.org &&
                      found.uri == e.uri && found.updated == e.updated;
    failures.check(same ? std::string() : "fields differ",
                   "person " + std::to_string(i) + " " + e.id);
    first_with_id.emplace(e.id, i);
    ++i;
  }
  CHECK(i == want.size());
  CHECK(ip::people().size() == want.size());
  for (const auto& [id, index] : first_with_id) {
    const std::optional<ip::person> found = ip::person_of(id);
    failures.check(
        found && *found == *std::next(ip::people().begin(), static_cast<std::ptrdiff_t>(index))
            ? std::string()
            : "not found, or not the first with the id",
        "person_of " + id);
    failures.check(ip::person_of(id + "x") ? "found an id with a byte more" : std::string(), id);
  }
  CHECK_FALSE(ip::person_of("").has_value());
  // Every id a row names, resolved or not: the registry's references are its own.
  std::size_t references = 0;
  std::size_t unresolved = 0;
  for (const ip::record& r : ip::records()) {
    for (const std::string_view column : {r.assignee, r.contact}) {
      for (const std::string_view id : ip::person_ids(column)) {
        ++references;
        unresolved += first_with_id.count(std::string(id)) == 0 ? 1U : 0U;
        failures.check(ip::person_of(id).has_value() == (first_with_id.count(std::string(id)) == 1)
                           ? std::string()
                           : "person_of disagrees with the directory",
                       "id " + std::string(id));
      }
    }
  }
  MESSAGE(references << " person references in the rows, " << unresolved
                     << " to an id the directory lacks");
}

TEST_CASE("by_protocol: the rows naming each protocol") {
  const auto& rows = expected().rows;
  failure_budget failures;
  for (const protocol p : all_protocols) {
    std::vector<std::size_t> want;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].transport == ip::to_string(p)) {
        want.push_back(i);
      }
    }
    failures.check(compare(ip::by_protocol(p), want),
                   "by_protocol " + std::string(ip::to_string(p)));
  }
}

TEST_CASE("by_range on the registry's ranges and around them") {
  const auto& rows = expected().rows;
  // Each distinct range the registry has, and for some of them the ranges that just touch
  // their ends: the overlap test's off-by-one cases. (All 2^32 ranges would take hours.)
  std::set<std::pair<std::uint16_t, std::uint16_t>> queries{
      {0, 65535}, {0, 1023}, {1024, 49151}, {49152, 65535}};
  std::size_t seen = 0;
  for (const expected_row& row : rows) {
    if (const auto range = row.port_range(); range && range->first != range->last) {
      queries.insert({range->first, range->last});
      if (seen++ % 8 == 0) {
        queries.insert(
            {static_cast<std::uint16_t>(range->first > 0 ? range->first - 1 : 0), range->first});
        queries.insert({range->last,
                        static_cast<std::uint16_t>(range->last < 65535 ? range->last + 1 : 65535)});
      }
    }
  }
  // Spans of ten ports across the port space, from every 97th port (a prime, so they start at
  // every remainder of the blocks the tables count in), and ranges of a few widths.
  for (std::uint32_t first = 0; first + 9 <= 65535; first += 97) {
    queries.insert({static_cast<std::uint16_t>(first), static_cast<std::uint16_t>(first + 9)});
  }
  for (const std::uint32_t width : {1U, 100U, 1024U, 30000U}) {
    for (std::uint32_t first = 5; first + width - 1 <= 65535; first += 9973) {
      queries.insert(
          {static_cast<std::uint16_t>(first), static_cast<std::uint16_t>(first + width - 1)});
    }
  }
  failure_budget failures;
  for (const protocol p : all_protocols) {
    std::vector<std::pair<std::size_t, ip::port_range>> candidates;  // rows for p with ports
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (const auto range = rows[i].port_range(); range && rows[i].holds_for(p)) {
        candidates.emplace_back(i, *range);
      }
    }
    for (const auto& [first, last] : queries) {
      std::vector<std::size_t> want;
      for (const auto& [i, range] : candidates) {
        if (range.first <= last && first <= range.last) {
          want.push_back(i);
        }
      }
      std::ostringstream where;
      where << "by_range " << first << "-" << last << "/" << ip::to_string(p);
      failures.check(compare(ip::by_range({first, last}, p), want), where.str());
    }
  }
}
