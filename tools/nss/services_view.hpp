// SPDX-License-Identifier: BSL-1.0
// The registry as a services(5) file, without writing the file: the entries (one a port and
// protocol) that `portinfo --format services` writes, in its order, found by lookup.
//
// An entry is a port and protocol with at least one named row: its name is the first named row's
// (registry order), its aliases the other names on it, each once (case-insensitively). A range
// row makes an entry of every port in it, and a row written without a protocol an entry on each
// protocol the tables keep. The export lists the entries in the order a walk over the rows meets
// them (row, then protocol, then port); getservbyname answers with the first entry in that order
// that holds the name, as glibc's files backend reads the export, but that names compare without
// regard to case (RFC 6335, section 5.1).
#ifndef IANAPORTS_NSS_SERVICES_VIEW_HPP
#define IANAPORTS_NSS_SERVICES_VIEW_HPP

#include <ianaports/ports.hpp>

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

namespace ianaports_nss {

using ianaports::protocol;

// Whether a row's entries include protocol p: its own protocol, or any kept one for a row
// written without a protocol.
constexpr bool lists_on(const ianaports::row& r, protocol p) noexcept {
  const std::optional<protocol> own = r.transport();
  return own ? *own == p : ianaports::keeps_protocol(p);
}

// A row the export writes: named, with a name it can write, on a port.
constexpr bool is_listed(const ianaports::row& r) noexcept {
  return ianaports::fits_services_file(r.service()) && r.ports().has_value();
}

struct entry {
  std::uint16_t port = 0;
  protocol transport = protocol::tcp;
  ianaports::row first;  // the row that names it; its position orders the entries
};

// Where an entry stands in the export: by its first row, then protocol, then port.
struct entry_order {
  std::size_t row = 0;
  std::size_t protocol_rank = 0;
  std::uint16_t port = 0;

  friend constexpr bool operator<(const entry_order& a, const entry_order& b) noexcept {
    if (a.row != b.row) {
      return a.row < b.row;
    }
    if (a.protocol_rank != b.protocol_rank) {
      return a.protocol_rank < b.protocol_rank;
    }
    return a.port < b.port;
  }
};

constexpr entry_order order_of(const entry& e) noexcept {
  return {e.first.index(), static_cast<std::size_t>(e.transport), e.port};
}

// The entry of a port and protocol, if the export has one.
constexpr std::optional<entry> entry_at(std::uint16_t port, protocol p) noexcept {
  for (const ianaports::row r : ianaports::by_port(port, p).rows()) {
    if (is_listed(r) && lists_on(r, p)) {
      return entry{port, p, r};
    }
  }
  return std::nullopt;
}

// getservbyport: the entry of a port and protocol, or with no protocol the first of its entries.
constexpr std::optional<entry> find_by_port(std::uint16_t port,
                                            std::optional<protocol> p) noexcept {
  if (p) {
    return entry_at(port, *p);
  }
  std::optional<entry> first;
  for (const protocol q : ianaports::all_protocols) {
    const std::optional<entry> found = entry_at(port, q);
    if (found && (!first || order_of(*found) < order_of(*first))) {
      first = found;
    }
  }
  return first;
}

// getservbyname: the first entry, in the export's order, whose name or an alias is `name`, on
// protocol p (any, without one).
constexpr std::optional<entry> find_by_name(std::string_view name,
                                            std::optional<protocol> p) noexcept {
  std::optional<entry> first;
  for (const ianaports::row r : ianaports::by_name(name).rows()) {
    if (!is_listed(r)) {
      continue;
    }
    const ianaports::port_range ports = *r.ports();
    for (const protocol q : ianaports::all_protocols) {
      if ((p && *p != q) || !lists_on(r, q)) {
        continue;
      }
      // 32-bit, so that a range ending at 65535 still ends the loop.
      for (std::uint32_t port = ports.first; port <= ports.last; ++port) {
        const std::optional<entry> found = entry_at(static_cast<std::uint16_t>(port), q);
        if (found && (!first || order_of(*found) < order_of(*first))) {
          first = found;
        }
      }
    }
  }
  return first;
}

// Does the row list on the entry's port and protocol (as an entry's row or alias)?
constexpr bool lists_at(const ianaports::row& r, const entry& e) noexcept {
  return is_listed(r) && lists_on(r, e.transport) && r.ports()->contains(e.port);
}

// Is r, one of the entry's later rows, the first of them named `name` (r's name)? The rows of
// that name (by_name, in registry order) are walked up to r: an alias costs the rows of its own
// name, a few, rather than the entry's rows before it, which a local line may make thousands
// (issue 19: comparing each alias with every earlier one took 10 s a lookup for 5,000).
constexpr bool opens_name(const ianaports::row& r, std::string_view name, const entry& e) noexcept {
  for (const ianaports::row same : ianaports::by_name(name).rows()) {
    if (same.index() >= r.index()) {
      break;  // r itself: no later row of the entry before it has its name
    }
    if (same.index() > e.first.index() && lists_at(same, e)) {
      return false;
    }
  }
  return true;
}

// The aliases of an entry: the names of its later rows, each once, none the entry's own name.
// Calls f(name) for each, in registry order, while f returns true.
template <typename F>
constexpr void for_each_alias(const entry& e, F&& f) noexcept {
  const std::string_view name = e.first.service();
  for (const ianaports::row r : ianaports::by_port(e.port, e.transport).rows()) {
    // (is_listed(r) less its test of the ports, which a row that covers the port has: reading
    // them is a search of the few rows out of port order, which local rows all are.)
    if (r.index() <= e.first.index() || !lists_on(r, e.transport)) {
      continue;
    }
    const std::string_view alias = r.service();
    if (ianaports::fits_services_file(alias) && !ianaports::same_service_name(alias, name) &&
        opens_name(r, alias, e) && !f(alias)) {
      return;
    }
  }
}

// The export's entries one after another: the state of an enumeration (setservent,
// getservent_r). A position is a row, a protocol and a port; next() finds the entry at or after
// it and moves past it.
class entry_cursor {
 public:
  constexpr std::optional<entry> next() noexcept {
    const ianaports::row_range all = ianaports::rows();
    for (; row_ != all.end(); ++row_, protocol_ = 0, port_ = 0) {
      const ianaports::row r = *row_;
      if (!is_listed(r)) {
        continue;
      }
      const ianaports::port_range ports = *r.ports();
      for (; protocol_ < std::size(ianaports::all_protocols); ++protocol_, port_ = 0) {
        const protocol q = ianaports::all_protocols[protocol_];
        if (!lists_on(r, q)) {
          continue;
        }
        for (std::uint32_t port = port_ > ports.first ? port_ : ports.first; port <= ports.last;
             ++port) {
          const std::optional<entry> found = entry_at(static_cast<std::uint16_t>(port), q);
          if (found && found->first == r) {  // this row opens the entry: it is listed here
            port_ = port + 1;
            return found;
          }
        }
      }
    }
    return std::nullopt;
  }

  // Back one entry: the one next() gave is given again (a caller's buffer was too small).
  constexpr void again(const entry& e) noexcept {
    // next() left row_ at e's row; step the position back to e itself.
    protocol_ = static_cast<std::size_t>(e.transport);
    port_ = e.port;
  }

 private:
  ianaports::row_range::iterator row_ = ianaports::rows().begin();
  std::size_t protocol_ = 0;  // index into all_protocols
  std::uint32_t port_ = 0;    // the next port to look at in the current row (0: its first)
};

}  // namespace ianaports_nss

#endif  // IANAPORTS_NSS_SERVICES_VIEW_HPP
