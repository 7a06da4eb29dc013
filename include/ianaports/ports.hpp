// SPDX-License-Identifier: BSL-1.0
// ianaports: the IANA Service Name and Transport Protocol Port Number Registry, at compile time.
//
// clang-format off
//   #include <ianaports/ports.hpp>
//
//   static_assert(ianaports::port_of("https") == 443);
//   static_assert(ianaports::name_of(22) == "ssh");
//   static_assert(ianaports::status(8080, ianaports::protocol::tcp) == ianaports::port_status::assigned);
// clang-format on
//
// Every row of the registry is here, with all twelve columns IANA publishes; this file looks up
// ports and names, ianaports/records.hpp reads the rows whole. Every function is constexpr and
// noexcept, allocates nothing, and accepts any input: a name that is empty, megabytes long, not
// ASCII or holding NUL bytes is simply not found.
//
// Names compare case-insensitively (RFC 6335 section 5.1); results come in registry order.
// https://www.iana.org/assignments/service-names-port-numbers/
//
// Copies built from other tables (another release, local services, a lean build) may share a
// program, each answering from its own: what reads the tables lives in an inline namespace
// named after them. The vocabulary of types.hpp (record, protocol...) is common to all; a row
// and the ranges (records.hpp) belong to their copy. One translation unit includes one copy.

// The tables first, ahead of the include guard: they name the namespace everything below lives
// in, and their own guard, named after them, lets another copy's tables in to refuse to join
// these, where this file's guard would skip them in silence.
#include "ianaports/detail/registry_tables.hpp"

#ifndef IANAPORTS_PORTS_HPP
#define IANAPORTS_PORTS_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/port_types.hpp"  // protocol, port_range, port_status, classify...

IANAPORTS_BEGIN_TABLES_NAMESPACE

// ---------------------------------------------------------------------------------------------
// Lookups

// The port of a service: the first port of the first row with that name that holds for p.
[[nodiscard]] constexpr std::optional<std::uint16_t> port_of(std::string_view service,
                                                             protocol p = protocol::tcp) noexcept;

// The service on a port: the first non-empty name among the rows covering it ("http" for
// 80/tcp, not its aliases "www" and "www-http"); "" when none.
[[nodiscard]] constexpr std::string_view name_of(std::uint16_t port,
                                                 protocol p = protocol::tcp) noexcept;

// assigned: a covering row has a name; else reserved: a covering row says "Reserved"; else
// dynamic for 49152 and up (RFC 6335 section 6); else unassigned (rows that say Unassigned,
// De-registered or Removed, or no row at all).
[[nodiscard]] constexpr port_status status(std::uint16_t port, protocol p) noexcept;

// ---------------------------------------------------------------------------------------------
// The people directory (person_of, people()) is in ianaports/people.hpp, with tables of its
// own: a translation unit that includes only this file neither parses nor links them.

// The registry's rows, whole (records(), by_name, by_port, by_range, by_protocol, row handles),
// are in ianaports/records.hpp, which includes this file: a translation unit that only looks
// up ports parses neither them nor the record type and its optional columns.

// classify(port), is_valid_service_name(name), to_string(...) and parse_protocol(name) are in
// ianaports/port_types.hpp, with the types: they need no tables.

// What the build holds (defined at the end of this file, once the tables are in):
//   registry_updated    the date of the registry release compiled in, its <updated> element
//   service_name_count  how many distinct service names it holds, case ignored: the names
//                       port_of() and by_name() find
//   omitted_columns     what a lean build left out (CMake IANAPORTS_OMIT_COLUMNS): column groups,
//                       comma-separated, from description, people (assignee, contact), dates,
//                       reference and notes (notes, unauthorized use), which then read ""; a full
//                       build: "". status() knows reserved ports without descriptions.
//   kept_protocols      the protocols whose rows it keeps (CMake IANAPORTS_PROTOCOLS), rows that
//                       hold for every protocol always kept; a full build: "tcp,udp,sctp,dccp"

// Does the build keep p's rows (is p in kept_protocols)? A services(5) view lists a row written
// without a protocol on each protocol kept.
[[nodiscard]] constexpr bool keeps_protocol(protocol p) noexcept;

#if IANAPORTS_HAS_CONSTEVAL
// C++20: ports as literals, checked at compile time. An unknown name does not compile.
//   using namespace ianaports::literals;
//   static_assert("https"_tcp == 443);
namespace literals {
consteval std::uint16_t operator""_tcp(const char* name, std::size_t size);
consteval std::uint16_t operator""_udp(const char* name, std::size_t size);
consteval std::uint16_t operator""_sctp(const char* name, std::size_t size);
consteval std::uint16_t operator""_dccp(const char* name, std::size_t size);
}  // namespace literals
#endif

IANAPORTS_END_TABLES_NAMESPACE

#include "ianaports/detail/ports_impl.hpp"

IANAPORTS_BEGIN_TABLES_NAMESPACE
inline constexpr std::string_view registry_updated = detail::tables_updated;
inline constexpr std::size_t service_name_count = detail::tables_name_count;
inline constexpr std::string_view omitted_columns = detail::tables_omitted_columns;
inline constexpr std::string_view kept_protocols = detail::tables_kept_protocols;
IANAPORTS_END_TABLES_NAMESPACE

#endif  // IANAPORTS_PORTS_HPP
