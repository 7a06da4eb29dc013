// SPDX-License-Identifier: BSL-1.0
// ianaports: the registry as a services(5) file, without writing the file.
//
// clang-format off
//   #include <ianaports/services.hpp>
//
//   static_assert(ianaports::service_at(22, ianaports::protocol::tcp)->name() == "ssh");
//   static_assert(ianaports::service_by_name("www", ianaports::protocol::tcp)->port == 80);
// clang-format on
//
// Opt-in, as the printing headers are; it includes records.hpp (and so ports.hpp). What
// `portinfo --format services` writes and the NSS module answers (getservbyname, getservbyport,
// getservent), entry by entry:
//
// An entry is a port and protocol on which the file lists a row: a row with a name a services
// file can hold (fits_services_file) and ports. Its name is its first such row's (registry
// order), its aliases the names of its later rows, each once, case ignored, none its own name.
// A range row lists on every port of its range, and a row written without a protocol on each
// protocol the tables keep. The file lists the entries in the order a walk over the rows meets
// them (row, then protocol, then port); a name is looked up as glibc's files backend reads the
// file, the first entry in that order that holds it, but that names compare without regard to
// case (RFC 6335, section 5.1).

// records.hpp (and ports.hpp) first, ahead of the include guard, as people.hpp includes its
// tables: another copy's ports.hpp then refuses to join this one's.
#include "ianaports/records.hpp"

#ifndef IANAPORTS_SERVICES_HPP
#define IANAPORTS_SERVICES_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <iterator>     // std::size
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_TABLES_NAMESPACE

// ---------------------------------------------------------------------------------------------
// Which rows the file lists, and on which protocols: for a row handle's columns or a record's.

// A row with this name and these ports is listed: a name a services file can hold, and ports.
[[nodiscard]] constexpr bool in_services_file(std::string_view service,
                                              const std::optional<port_range>& ports) noexcept {
  return fits_services_file(service) && ports.has_value();
}

// A row of this transport lists on protocol p: its own protocol, or, written without one, each
// protocol the tables keep.
[[nodiscard]] constexpr bool lists_on(const std::optional<protocol>& transport,
                                      protocol p) noexcept {
  return transport ? *transport == p : keeps_protocol(p);
}

// ---------------------------------------------------------------------------------------------
// Entries

struct service_entry {
  std::uint16_t port = 0;
  protocol transport = protocol::tcp;
  row first;  // the row that names it; its position orders the entries

  [[nodiscard]] constexpr std::string_view name() const noexcept { return first.service(); }

  friend constexpr bool operator==(const service_entry& a, const service_entry& b) noexcept {
    return a.port == b.port && a.transport == b.transport && a.first == b.first;
  }
  friend constexpr bool operator!=(const service_entry& a, const service_entry& b) noexcept {
    return !(a == b);
  }
};

// The entry of a port and protocol, if the file has one.
[[nodiscard]] constexpr std::optional<service_entry> service_at(std::uint16_t port,
                                                                protocol p) noexcept;

// getservbyport: the entry of a port and protocol; without a protocol, the first of the port's
// entries in the file's order.
[[nodiscard]] constexpr std::optional<service_entry> service_by_port(
    std::uint16_t port, std::optional<protocol> p = std::nullopt) noexcept;

// getservbyname: the first entry, in the file's order, whose name or an alias is `name` (case
// ignored), on protocol p (any, without one).
[[nodiscard]] constexpr std::optional<service_entry> service_by_name(
    std::string_view name, std::optional<protocol> p = std::nullopt) noexcept;

// The aliases of an entry, in registry order: calls f(alias) for each while f returns true.
template <typename F>
constexpr void for_each_alias(const service_entry& e, F&& f) noexcept;

// The file's entries one after another, as getservent reads them: next() gives the entry at or
// after the cursor and moves past it, nothing at the end; again() steps back to the entry next()
// gave (a caller's buffer was too small for it).
class service_cursor {
 public:
  constexpr std::optional<service_entry> next() noexcept;
  constexpr void again(const service_entry& e) noexcept;

 private:
  row_range::iterator row_ = rows().begin();
  std::size_t protocol_ = 0;  // index into all_protocols
  std::uint32_t port_ = 0;    // the next port to look at in the current row (0: its first)
  // Per protocol, where the last port looked at is in the port index: the next search starts
  // there (a hint, and only that: a row out of port order searches from the start).
  std::uint32_t segments_[std::size(all_protocols)] = {};
};

// ---------------------------------------------------------------------------------------------
// Implementation

IANAPORTS_END_TABLES_NAMESPACE
IANAPORTS_BEGIN_TABLES_DETAIL

// Does the row list on the entry's port and protocol (as its row or an alias's)?
constexpr bool lists_at(const row& r, const service_entry& e) noexcept {
  const std::optional<port_range> ports = r.ports();
  return in_services_file(r.service(), ports) && lists_on(r.transport(), e.transport) &&
         ports->contains(e.port);
}

// Where an entry stands in the file: by its first row, then protocol, then port.
constexpr bool listed_before(const service_entry& a, const service_entry& b) noexcept {
  if (a.first.index() != b.first.index()) {
    return a.first.index() < b.first.index();
  }
  if (a.transport != b.transport) {
    return a.transport < b.transport;
  }
  return a.port < b.port;
}

// The earlier in the file's order of found and first, either of which may be nothing.
constexpr std::optional<service_entry> earlier(const std::optional<service_entry>& found,
                                               const std::optional<service_entry>& first) noexcept {
  return found && (!first || listed_before(*found, *first)) ? found : first;
}

// Is r, one of the entry's later rows, the first of them named `name` (r's name)? The rows of
// that name (by_name, in registry order) are walked up to r: an alias costs the rows of its own
// name, a few, rather than the entry's rows before it, which a local line may make thousands
// (comparing each alias with every earlier one took 10 s a lookup for 5,000).
constexpr bool opens_name(const row& r, std::string_view name, const service_entry& e) noexcept {
  for (const row same : by_name(name).rows()) {
    if (same.index() >= r.index()) {
      break;  // r itself: no later row of the entry before it has its name
    }
    if (same.index() > e.first.index() && lists_at(same, e)) {
      return false;
    }
  }
  return true;
}

// Does r, a listed row covering port for protocol p, name the entry there (is it the first
// listed row covering it)? The covering rows are walked in registry order up to r. Nearly always
// r is the first of them, and then no row's name is read: asking service_at, which tests the
// name of the row it finds, cost the cursor that test a second time for every entry. segment:
// the cursor's place in the port index for p (see rows_covering), as it walks rising ports.
constexpr bool names_entry(const row& r, std::uint16_t port, protocol p,
                           std::uint32_t& segment) noexcept {
  for (const row covering : range_access::make<row_range>(rows_covering(port, p, segment))) {
    if (covering == r) {
      return true;  // no listed row before it
    }
    if (in_services_file(covering.service(), covering.ports()) &&
        lists_on(covering.transport(), p)) {
      return false;  // an earlier row names the entry
    }
  }
  return false;  // (r covers the port: not reached)
}

IANAPORTS_END_TABLES_DETAIL
IANAPORTS_BEGIN_TABLES_NAMESPACE

constexpr std::optional<service_entry> service_at(std::uint16_t port, protocol p) noexcept {
  for (const row r : by_port(port, p).rows()) {
    if (in_services_file(r.service(), r.ports()) && lists_on(r.transport(), p)) {
      return service_entry{port, p, r};
    }
  }
  return std::nullopt;
}

constexpr std::optional<service_entry> service_by_port(std::uint16_t port,
                                                       std::optional<protocol> p) noexcept {
  if (p) {
    return service_at(port, *p);
  }
  std::optional<service_entry> first;
  for (const protocol q : all_protocols) {
    first = detail::earlier(service_at(port, q), first);
  }
  return first;
}

constexpr std::optional<service_entry> service_by_name(std::string_view name,
                                                       std::optional<protocol> p) noexcept {
  std::optional<service_entry> first;
  for (const row r : by_name(name).rows()) {
    // A row's ports, read once: for a row out of port order or spanning ports, a search.
    const std::optional<port_range> listed_ports = r.ports();
    if (!in_services_file(r.service(), listed_ports)) {
      continue;
    }
    const port_range ports = *listed_ports;
    for (const protocol q : all_protocols) {
      if ((p && *p != q) || !lists_on(r.transport(), q)) {
        continue;
      }
      // 32-bit, so that a range ending at 65535 still ends the loop.
      for (std::uint32_t port = ports.first; port <= ports.last; ++port) {
        first = detail::earlier(service_at(static_cast<std::uint16_t>(port), q), first);
      }
    }
  }
  return first;
}

template <typename F>
constexpr void for_each_alias(const service_entry& e, F&& f) noexcept {
  // Most entries have no alias, and port order says so without a search (enumerating the file
  // asks this of every entry).
  if (detail::none_after_covers(static_cast<std::uint32_t>(e.first.index()), e.port,
                                static_cast<unsigned>(e.transport))) {
    return;
  }
  const std::string_view name = e.name();
  for (const row r : by_port(e.port, e.transport).rows()) {
    // (A row that covers the port has ports: reading them again is a search of the few rows out
    // of port order, which local rows all are.)
    if (r.index() <= e.first.index() || !lists_on(r.transport(), e.transport)) {
      continue;
    }
    const std::string_view alias = r.service();
    if (fits_services_file(alias) && !same_service_name(alias, name) &&
        detail::opens_name(r, alias, e) && !f(alias)) {
      return;
    }
  }
}

constexpr std::optional<service_entry> service_cursor::next() noexcept {
  const row_range all = rows();
  for (; row_ != all.end(); ++row_, protocol_ = 0, port_ = 0) {
    const row r = *row_;
    // A row's ports, read once: for a row out of port order or spanning ports, a search.
    const std::optional<port_range> listed_ports = r.ports();
    if (!in_services_file(r.service(), listed_ports)) {
      continue;
    }
    const port_range ports = *listed_ports;
    // A row of one protocol lists on that one alone: straight to it, rather than asking each.
    const std::optional<protocol>& transport = r.transport();
    const std::size_t named = transport ? static_cast<std::size_t>(*transport) : 0;
    protocol_ = protocol_ > named ? protocol_ : named;  // (all_protocols is in enum order)
    const std::size_t end = transport ? named + 1 : std::size(all_protocols);
    for (; protocol_ < end; ++protocol_, port_ = 0) {
      const protocol q = all_protocols[protocol_];
      if (!lists_on(transport, q)) {
        continue;
      }
      for (std::uint32_t port = port_ > ports.first ? port_ : ports.first; port <= ports.last;
           ++port) {
        if (detail::names_entry(r, static_cast<std::uint16_t>(port), q, segments_[protocol_])) {
          port_ = port + 1;
          return service_entry{static_cast<std::uint16_t>(port), q, r};
        }
      }
    }
  }
  return std::nullopt;
}

constexpr void service_cursor::again(const service_entry& e) noexcept {
  // next() left the cursor on e's row; step it back to e itself.
  protocol_ = static_cast<std::size_t>(e.transport);
  port_ = e.port;
}

IANAPORTS_END_TABLES_NAMESPACE

#endif  // IANAPORTS_SERVICES_HPP
