// SPDX-License-Identifier: BSL-1.0
// ianaports/services.hpp on the bundled registry: the entries of the services file, looked up
// by port and by name, their aliases, and the cursor that walks them, each checked against the
// others (the NSS tests check the same answers against portinfo's export, line by line).
#include <doctest/doctest.h>

#include <ianaports/services.hpp>

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace ip = ianaports;
using ip::protocol;

// At compile time, as the rest of the API.
static_assert(ip::service_at(22, protocol::tcp)->name() == "ssh");
static_assert(ip::service_by_name("www", protocol::tcp)->port == 80, "an alias finds its entry");
static_assert(ip::service_by_name("WWW", protocol::tcp)->name() == "http", "case ignored");
static_assert(!ip::service_at(0, protocol::tcp), "port 0 is reserved: no name to list");
static_assert(ip::lists_on(std::nullopt, protocol::dccp), "a row without a protocol lists on each");
static_assert(!ip::lists_on(protocol::udp, protocol::tcp));
static_assert(!ip::in_services_file("has space", ip::port_range{1, 1}));
static_assert(!ip::in_services_file("named", std::nullopt), "a row without ports is not listed");

namespace {

std::vector<std::string> aliases_of(const ip::service_entry& e) {
  std::vector<std::string> found;
  ip::for_each_alias(e, [&found](std::string_view alias) {
    found.emplace_back(alias);
    return true;
  });
  return found;
}

// Is a before b in the file's order (first row, then protocol, then port)?
bool listed_before(const ip::service_entry& a, const ip::service_entry& b) {
  if (a.first.index() != b.first.index()) {
    return a.first.index() < b.first.index();
  }
  return a.transport != b.transport ? a.transport < b.transport : a.port < b.port;
}

}  // namespace

TEST_CASE("an entry's name is its first listed row's, its aliases the later rows' names") {
  const std::optional<ip::service_entry> http = ip::service_at(80, protocol::tcp);
  REQUIRE(http);
  CHECK(http->name() == "http");
  CHECK(http->first.transport() == protocol::tcp);
  CHECK(aliases_of(*http) == std::vector<std::string>{"www", "www-http"});
  CHECK(aliases_of(*ip::service_at(443, protocol::tcp)).empty());
}

TEST_CASE("aliases are called for while the callback asks for more") {
  int calls = 0;
  ip::for_each_alias(*ip::service_at(80, protocol::tcp), [&calls](std::string_view) {
    ++calls;
    return false;
  });
  CHECK(calls == 1);
}

TEST_CASE("by name: the first entry in the file's order that holds the name, on any protocol") {
  const std::optional<ip::service_entry> any = ip::service_by_name("www-http");
  REQUIRE(any);
  CHECK(any->port == 80);
  CHECK(any->transport == protocol::tcp);
  CHECK(any->name() == "http");
  CHECK(ip::service_by_name("www-http", protocol::udp)->transport == protocol::udp);
  CHECK_FALSE(ip::service_by_name("no-such-service"));
  CHECK_FALSE(ip::service_by_name(""));
  CHECK_FALSE(ip::service_by_name(std::string(300, 'a')));
}

TEST_CASE("by port without a protocol: the earliest of the port's entries") {
  for (const std::uint16_t port : std::vector<std::uint16_t>{1, 7, 22, 80, 443, 5060, 65535}) {
    std::optional<ip::service_entry> earliest;
    for (const protocol p : ip::all_protocols) {
      const std::optional<ip::service_entry> found = ip::service_at(port, p);
      if (found && (!earliest || listed_before(*found, *earliest))) {
        earliest = found;
      }
    }
    CHECK(ip::service_by_port(port) == earliest);
  }
}

TEST_CASE("the cursor gives every entry once, in the file's order, and again when asked") {
  std::size_t at_ports = 0;  // the entries service_at finds, port by port
  for (const protocol p : ip::all_protocols) {
    for (std::uint32_t port = 0; port <= 65535; ++port) {
      at_ports += ip::service_at(static_cast<std::uint16_t>(port), p) ? 1U : 0U;
    }
  }
  ip::service_cursor cursor;
  std::optional<ip::service_entry> previous;
  std::size_t walked = 0;
  for (std::optional<ip::service_entry> e = cursor.next(); e; e = cursor.next()) {
    ++walked;
    REQUIRE(ip::service_at(e->port, e->transport) == e);  // the entry of its port and protocol
    if (previous) {
      REQUIRE(listed_before(*previous, *e));
    }
    previous = e;
  }
  CHECK(walked == at_ports);
  CHECK(walked > 10000);
  CHECK_FALSE(cursor.next());

  ip::service_cursor again;
  const std::optional<ip::service_entry> first = again.next();
  REQUIRE(first);
  again.again(*first);
  CHECK(again.next() == first);
  CHECK(again.next() != first);
}
