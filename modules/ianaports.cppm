// SPDX-License-Identifier: BSL-1.0
// import ianaports; -- the module of the whole C++ API: the lookups of ports.hpp, the rows, ranges
// and row handles of records.hpp, the vocabulary of port_types.hpp and types.hpp, the literals,
// the people directory (people.hpp) and the services(5) view (services.hpp).
//
// clang-format off
//   import ianaports;
//   #include <optional>     // operator== of std::optional, which an import does not carry
//
//   static_assert(ianaports::port_of("https") == 443);
// clang-format on
//
// Built from the headers themselves, included in the global module fragment, so an importing
// program and one that includes the headers get the same entities; this file only names what
// the module exports. A name declared in a public header and missing here is caught by
// tests/api_reference_test.py, which reads both.
//
// The tables' own inline namespace (see ports.hpp) stays: ianaports::port_of is the copy built
// from this module's tables.
module;

#include <ianaports/people.hpp>
#include <ianaports/ports.hpp>
#include <ianaports/records.hpp>
#include <ianaports/services.hpp>

export module ianaports;

export namespace ianaports {
// The vocabulary (port_types.hpp, types.hpp).
using ianaports::all_protocols;
using ianaports::ascii_lower;
using ianaports::classify;
using ianaports::find_control;
using ianaports::fits_services_file;
using ianaports::is_valid_service_name;
using ianaports::parse_protocol;
using ianaports::person;
using ianaports::person_id_range;
using ianaports::person_ids;
using ianaports::port_class;
using ianaports::port_range;
using ianaports::port_status;
using ianaports::protocol;
using ianaports::range_of;
using ianaports::record;
using ianaports::record_source;
using ianaports::same_service_name;
using ianaports::text_control;
using ianaports::to_string;

// The lookups and the build's constants (ports.hpp).
using ianaports::keeps_protocol;
using ianaports::kept_protocols;
using ianaports::name_of;
using ianaports::omitted_columns;
using ianaports::port_of;
using ianaports::registry_updated;
using ianaports::service_name_count;
using ianaports::status;

// The rows, their ranges and row handles (records.hpp).
using ianaports::by_name;
using ianaports::by_port;
using ianaports::by_protocol;
using ianaports::by_range;
using ianaports::record_range;
using ianaports::records;
using ianaports::row;
using ianaports::row_at;
using ianaports::row_range;
using ianaports::rows;

// The people directory (people.hpp).
using ianaports::people;
using ianaports::person_of;
using ianaports::person_range;

// The services(5) view (services.hpp).
using ianaports::for_each_alias;
using ianaports::in_services_file;
using ianaports::lists_on;
using ianaports::service_at;
using ianaports::service_by_name;
using ianaports::service_by_port;
using ianaports::service_cursor;
using ianaports::service_entry;
}  // namespace ianaports

#if IANAPORTS_HAS_CONSTEVAL
// The literals (ports.hpp, C++20): using namespace ianaports::literals; "https"_tcp == 443.
export namespace ianaports::literals {
using ianaports::literals::operator""_dccp;
using ianaports::literals::operator""_sctp;
using ianaports::literals::operator""_tcp;
using ianaports::literals::operator""_udp;
}  // namespace ianaports::literals
#endif
