// SPDX-License-Identifier: BSL-1.0
// libianaports: the C API of ianaports.h, over the C++ headers' tables and functions.
//
// C++ inside, C outside: each function converts its arguments (a C string, an int-sized
// enumeration, an unsigned port) into the C++ API's, where anything out of range is a miss, and
// asks the C++ function of the same name. No allocation, no exception, no RTTI and no function
// of the C++ runtime, so that a C program links it with libc alone (c/CMakeLists.txt).
// The C API's declarations take default visibility: they are what the shared library exports,
// the C++ code under them being hidden (-fvisibility=hidden, and the version script).
#if defined(__ELF__)
#pragma GCC visibility push(default)
#endif
#include "ianaports/ianaports.h"
#if defined(__ELF__)
#pragma GCC visibility pop
#endif

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <cstring>      // std::memcpy, std::strlen
#include <iterator>     // std::size
#include <optional>     // std::optional
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_trivially_copyable_v

#include <ianaports/people.hpp>  // includes ports.hpp
#include <ianaports/records.hpp>

namespace {

namespace ip = ianaports;

constexpr std::uint32_t largest_port = 65535;

// --- From C's arguments to C++'s -----------------------------------------------------------------

constexpr std::optional<ip::protocol> protocol_of(ianaports_protocol p) noexcept {
  const int value = p;
  if (value < 0 || static_cast<std::size_t>(value) >= std::size(ip::all_protocols)) {
    return std::nullopt;
  }
  return ip::all_protocols[value];
}

constexpr std::optional<std::uint16_t> port_of_number(unsigned port) noexcept {
  if (port > largest_port) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(port);
}

// A C string as a view: none for NULL.
std::string_view view_of(const char* text) noexcept {
  return text == nullptr ? std::string_view() : std::string_view(text, std::strlen(text));
}

std::string_view view_of(const char* text, std::size_t size) noexcept {
  return text == nullptr ? std::string_view() : std::string_view(text, size);
}

// --- From C++'s answers to C's -------------------------------------------------------------------

// snprintf's contract for a view: at most size - 1 bytes and a NUL; the view's whole length.
std::size_t copy_out(std::string_view text, char* buffer, std::size_t size) noexcept {
  if (buffer != nullptr && size > 0) {
    const std::size_t copied = text.size() < size ? text.size() : size - 1;
    if (copied > 0) {
      std::memcpy(buffer, text.data(), copied);
    }
    buffer[copied] = '\0';
  }
  return text.size();
}

// The names of the enumerations are string literals (port_types.hpp): a view of one ends where its
// literal's NUL is, so its data() is a C string. Checked here for every name handed out.
template <typename Enum, std::size_t Count>
constexpr bool names_end_in_nul(const Enum (&values)[Count]) noexcept {
  for (const Enum value : values) {
    const std::string_view name = ip::to_string(value);
    // NOLINTNEXTLINE(readability-simplify-subscript-expr): the NUL past the view, in its literal
    if (name.empty() || name.data()[name.size()] != '\0') {
      return false;
    }
  }
  return true;
}
constexpr ip::port_status statuses[] = {ip::port_status::assigned, ip::port_status::reserved,
                                        ip::port_status::unassigned, ip::port_status::dynamic};
constexpr ip::port_class classes[] = {ip::port_class::system, ip::port_class::user,
                                      ip::port_class::dynamic};
constexpr ip::record_source sources[] = {ip::record_source::registry, ip::record_source::local};
static_assert(names_end_in_nul(ip::all_protocols) && names_end_in_nul(statuses) &&
                  names_end_in_nul(classes) && names_end_in_nul(sources),
              "an enumeration's name is not a C string");

// C's enumerations hold C++'s values, in C++'s order.
static_assert(IANAPORTS_TCP == static_cast<int>(ip::protocol::tcp) &&
              IANAPORTS_UDP == static_cast<int>(ip::protocol::udp) &&
              IANAPORTS_SCTP == static_cast<int>(ip::protocol::sctp) &&
              IANAPORTS_DCCP == static_cast<int>(ip::protocol::dccp));
static_assert(IANAPORTS_ASSIGNED == static_cast<int>(ip::port_status::assigned) &&
              IANAPORTS_RESERVED == static_cast<int>(ip::port_status::reserved) &&
              IANAPORTS_UNASSIGNED == static_cast<int>(ip::port_status::unassigned) &&
              IANAPORTS_DYNAMIC == static_cast<int>(ip::port_status::dynamic));
static_assert(IANAPORTS_SYSTEM_PORT == static_cast<int>(ip::port_class::system) &&
              IANAPORTS_USER_PORT == static_cast<int>(ip::port_class::user) &&
              IANAPORTS_DYNAMIC_PORT == static_cast<int>(ip::port_class::dynamic));
static_assert(IANAPORTS_FROM_REGISTRY == static_cast<int>(ip::record_source::registry) &&
              IANAPORTS_FROM_LOCAL == static_cast<int>(ip::record_source::local));

// A view as a C string of its own, made at compile time: the build's constants.
template <std::size_t Size>
struct c_string {
  char text[Size + 1] = {};
};
template <std::size_t Size>
constexpr c_string<Size> c_string_of(std::string_view view) noexcept {
  c_string<Size> made;
  for (std::size_t i = 0; i < Size; ++i) {
    made.text[i] = view[i];
  }
  return made;
}
constexpr auto registry_updated = c_string_of<ip::registry_updated.size()>(ip::registry_updated);
constexpr auto omitted_columns = c_string_of<ip::omitted_columns.size()>(ip::omitted_columns);
constexpr auto kept_protocols = c_string_of<ip::kept_protocols.size()>(ip::kept_protocols);

// Every row's service name as a C string, made at compile time: name_of hands out one of them.
// (The tables' text pool is not NUL-separated: its strings share bytes.)
constexpr std::size_t service_names_size() noexcept {
  std::size_t size = 0;
  for (const ip::row r : ip::rows()) {
    size += r.service().size() + 1;
  }
  return size;
}
struct service_names {
  char text[service_names_size()] = {};
  std::uint32_t at[ip::records().size()] = {};  // where row r's name starts in text
};
constexpr service_names make_service_names() noexcept {
  service_names made;
  std::size_t end = 0;
  for (const ip::row r : ip::rows()) {
    made.at[r.index()] = static_cast<std::uint32_t>(end);
    for (const char c : r.service()) {
      made.text[end++] = c;
    }
    made.text[end++] = '\0';
  }
  return made;
}
constexpr service_names names = make_service_names();

// --- Queries
// ---------------------------------------------------------------------------------------

// What ianaports_query holds: the range (for its size) and where the walk is.
struct query_state {
  ip::row_range found;
  ip::row_range::iterator next;
};
static_assert(std::is_trivially_copyable_v<query_state> &&
                  sizeof(query_state) <= sizeof(ianaports_query{}.opaque_.bytes) &&
                  alignof(query_state) <= alignof(ianaports_query),
              "ianaports_query cannot hold a query: make its bytes more");

void start(ianaports_query* query, const ip::row_range& found) noexcept {
  if (query != nullptr) {
    const query_state state{found, found.begin()};
    std::memcpy(query->opaque_.bytes, &state, sizeof state);
  }
}

query_state state_of(const ianaports_query* query) noexcept {
  query_state state{};
  std::memcpy(&state, query->opaque_.bytes, sizeof state);
  return state;
}

// C++'s record_range as its rows.
ip::row_range rows_of(const ip::record_range& found) noexcept {
  return found.rows();
}

}  // namespace

extern "C" {

const char* ianaports_protocol_name(ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  return known ? ip::to_string(*known).data() : "";
}

const char* ianaports_status_name(ianaports_port_status s) {
  const int value = s;
  return value >= 0 && static_cast<std::size_t>(value) < std::size(statuses)
             ? ip::to_string(statuses[value]).data()
             : "";
}

const char* ianaports_class_name(ianaports_port_class c) {
  const int value = c;
  return value >= 0 && static_cast<std::size_t>(value) < std::size(classes)
             ? ip::to_string(classes[value]).data()
             : "";
}

const char* ianaports_source_name(ianaports_record_source s) {
  const int value = s;
  return value >= 0 && static_cast<std::size_t>(value) < std::size(sources)
             ? ip::to_string(sources[value]).data()
             : "";
}

int ianaports_parse_protocol(const char* name) {
  const std::optional<ip::protocol> p = ip::parse_protocol(view_of(name));
  return p ? static_cast<int>(*p) : -1;
}

ianaports_port_class ianaports_classify(unsigned port) {
  const std::optional<std::uint16_t> known = port_of_number(port);
  return known ? static_cast<ianaports_port_class>(ip::classify(*known)) : IANAPORTS_NOT_A_PORT;
}

int ianaports_port_of_n(const char* name, std::size_t size, ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  if (!known) {
    return -1;
  }
  const std::optional<std::uint16_t> port = ip::port_of(view_of(name, size), *known);
  return port ? static_cast<int>(*port) : -1;
}

int ianaports_port_of(const char* name, ianaports_protocol p) {
  const std::string_view view = view_of(name);
  return ianaports_port_of_n(view.data(), view.size(), p);
}

const char* ianaports_name_of(unsigned port, ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  const std::optional<std::uint16_t> number = port_of_number(port);
  if (known && number) {
    // name_of's rule, kept as the row that answers: its name is a C string of names.
    for (const ip::row r : ip::by_port(*number, *known).rows()) {
      if (!r.service().empty()) {
        return names.text + names.at[r.index()];
      }
    }
  }
  return "";
}

ianaports_port_status ianaports_status(unsigned port, ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  const std::optional<std::uint16_t> number = port_of_number(port);
  if (!known || !number) {
    return IANAPORTS_UNASSIGNED;
  }
  return static_cast<ianaports_port_status>(ip::status(*number, *known));
}

std::size_t ianaports_row_count(void) {
  return ip::records().size();
}

std::size_t ianaports_row_text(std::size_t row, ianaports_column column, char* buffer,
                               std::size_t size) {
  const std::optional<ip::row> r = ip::row_at(row);
  std::string_view text;
  if (r) {
    switch (column) {
      case IANAPORTS_SERVICE: text = r->service(); break;
      case IANAPORTS_DESCRIPTION: text = r->description(); break;
      case IANAPORTS_ASSIGNEE: text = r->assignee(); break;
      case IANAPORTS_CONTACT: text = r->contact(); break;
      case IANAPORTS_REGISTERED: text = r->registered(); break;
      case IANAPORTS_MODIFIED: text = r->modified(); break;
      case IANAPORTS_REFERENCE: text = r->reference(); break;
      case IANAPORTS_UNAUTHORIZED_USE: text = r->unauthorized_use(); break;
      case IANAPORTS_NOTES: text = r->notes(); break;
      default: break;  // a column that is none: ""
    }
  }
  return copy_out(text, buffer, size);
}

int ianaports_row(std::size_t row, ianaports_row_info* info) {
  const std::optional<ip::row> r = ip::row_at(row);
  if (!r || info == nullptr) {
    return r ? 1 : 0;
  }
  ianaports_row_info made{};
  if (const std::optional<ip::port_range> ports = r->ports()) {
    made.has_ports = 1;
    made.first_port = ports->first;
    made.last_port = ports->last;
  }
  made.protocol = r->transport() ? static_cast<int>(*r->transport()) : -1;
  if (const std::optional<std::uint32_t> code = r->service_code()) {
    made.has_service_code = 1;
    made.service_code = *code;
  }
  made.ports_written_as_range = r->ports_written_as_range() ? 1 : 0;
  made.source = static_cast<ianaports_record_source>(r->source());
  *info = made;
  return 1;
}

void ianaports_query_all(ianaports_query* query) {
  start(query, ip::rows());
}

void ianaports_query_by_name_n(ianaports_query* query, const char* name, std::size_t size) {
  start(query, rows_of(ip::by_name(view_of(name, size))));
}

void ianaports_query_by_name(ianaports_query* query, const char* name) {
  const std::string_view view = view_of(name);
  ianaports_query_by_name_n(query, view.data(), view.size());
}

void ianaports_query_by_port(ianaports_query* query, unsigned port, ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  const std::optional<std::uint16_t> number = port_of_number(port);
  start(query, known && number ? rows_of(ip::by_port(*number, *known)) : ip::row_range());
}

void ianaports_query_by_range(ianaports_query* query, unsigned first, unsigned last,
                              ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  const std::optional<std::uint16_t> from = port_of_number(first);
  const auto to = static_cast<std::uint16_t>(last > largest_port ? largest_port : last);
  start(query, known && from ? rows_of(ip::by_range({*from, to}, *known)) : ip::row_range());
}

void ianaports_query_by_protocol(ianaports_query* query, ianaports_protocol p) {
  const std::optional<ip::protocol> known = protocol_of(p);
  start(query, known ? rows_of(ip::by_protocol(*known)) : ip::row_range());
}

int ianaports_query_next(ianaports_query* query, std::size_t* row) {
  if (query == nullptr) {
    return 0;
  }
  query_state state = state_of(query);
  if (state.next == state.found.end()) {
    return 0;
  }
  if (row != nullptr) {
    *row = (*state.next).index();
  }
  ++state.next;
  std::memcpy(query->opaque_.bytes, &state, sizeof state);
  return 1;
}

std::size_t ianaports_query_size(const ianaports_query* query) {
  return query == nullptr ? 0 : state_of(query).found.size();
}

std::size_t ianaports_person_count(void) {
  return ip::people().size();
}

// By position, as the people's tables hold them (people.hpp's person_of and iterator read the
// same two functions): a search for an id, and a person made from its index.
int ianaports_person_of(const char* id, std::size_t* person) {
  const std::uint32_t index = ip::detail::person_index_of(view_of(id));
  if (index == ip::detail::person_count) {
    return 0;
  }
  if (person != nullptr) {
    *person = index;
  }
  return 1;
}

std::size_t ianaports_person_text(std::size_t person, ianaports_person_field field, char* buffer,
                                  std::size_t size) {
  std::string_view text;
  if (person < ip::detail::person_count) {
    const ip::person who = ip::detail::make_person(person);
    switch (field) {
      case IANAPORTS_PERSON_ID: text = who.id; break;
      case IANAPORTS_PERSON_NAME: text = who.name; break;
      case IANAPORTS_PERSON_ORG: text = who.org; break;
      case IANAPORTS_PERSON_URI: text = who.uri; break;
      case IANAPORTS_PERSON_UPDATED: text = who.updated; break;
      default: break;  // a field that is none: ""
    }
  }
  return copy_out(text, buffer, size);
}

const char* ianaports_registry_updated(void) {
  return registry_updated.text;
}

std::size_t ianaports_service_name_count(void) {
  return ip::service_name_count;
}

const char* ianaports_omitted_columns(void) {
  return omitted_columns.text;
}

const char* ianaports_kept_protocols(void) {
  return kept_protocols.text;
}

}  // extern "C"
