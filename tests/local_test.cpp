// SPDX-License-Identifier: BSL-1.0
// Local services through the API: the bundled registry with tests/fixtures/local/site.services
// and site.xml compiled in before its rows (tests/CMakeLists.txt, local_api_tables). What those
// files say, and what the registry says of the same ports, are the expectations here; every
// row against an independent reading is the oracle test's (oracle_local).
#include <ianaports/records.hpp>

#include <doctest/doctest.h>

#include <string_view>

namespace ip = ianaports;
using ip::protocol;

// A local name is a name like any other, at compile time too.
static_assert(ip::port_of("billing-api") == 8123);
static_assert(ip::port_of("BILLING") == 8123);  // an alias, any case
static_assert(ip::port_of("inventory", protocol::udp) == 8124);
static_assert(ip::status(8123, protocol::tcp) == ip::port_status::assigned);
static_assert(ip::status(8123, protocol::udp) == ip::port_status::unassigned);  // tcp only
// Precedence: the local row comes first, so it names its port; IANA's names stay found.
static_assert(ip::name_of(43, protocol::tcp) == "whois");
static_assert(ip::port_of("whois") == 43 && ip::port_of("nicname") == 43);
static_assert(ip::name_of(3306, protocol::tcp) == "db-proxy");
static_assert(ip::port_of("mysql") == 3306);
// A name in both: the local port first (Domain 5353/udp); IANA's on its other protocol.
static_assert(ip::port_of("domain", protocol::udp) == 5353);
static_assert(ip::port_of("domain", protocol::tcp) == 53);
// A repeat of IANA's rows adds nothing: http stays IANA's own, x11's range stays whole.
static_assert(ip::name_of(80, protocol::tcp) == "http");
static_assert((*ip::records().begin()).source == ip::record_source::local);
static_assert((*ip::rows().begin()).source() == ip::record_source::local);

#if IANAPORTS_CPLUSPLUS >= 202002L
using namespace ianaports::literals;
static_assert("billing-api"_tcp == 8123 && "inventory"_udp == 8124);
#endif

TEST_CASE("the local rows come first, in file order, names then aliases") {
  constexpr std::string_view expected[] = {
      "billing-api", "billing",   "billing-v2", "whois",         "db-proxy",     "Domain",
      "odd-text",    "inventory", "shown-8126", "rlo\u202ename", "csi\u009bname"};
  std::size_t i = 0;
  for (const ip::record& row : ip::records()) {
    if (row.source != ip::record_source::local) {
      break;
    }
    REQUIRE(i < std::size(expected));
    CHECK(row.service == expected[i]);
    ++i;
  }
  CHECK(i == std::size(expected));
  std::size_t local = 0;
  for (const ip::row row : ip::rows()) {
    local += row.source() == ip::record_source::local ? 1U : 0U;
  }
  CHECK(local == std::size(expected));  // and none among the registry's
}

TEST_CASE("a services(5) line: its comment the description, aliases rows of their own") {
  const ip::record billing = *ip::by_name("billing").begin();
  CHECK(billing.description == "Billing API");
  CHECK(billing.ports == ip::port_range{8123, 8123});
  CHECK(billing.transport == protocol::tcp);
  CHECK(billing.source == ip::record_source::local);
  std::size_t named = 0;  // billing-api, billing, billing-v2; and IANA's Unassigned 8123-8127
  for (const ip::record& row : ip::by_port(8123, protocol::tcp)) {
    named += row.service.empty() ? 0U : 1U;
  }
  CHECK(named == 3);
}

TEST_CASE("a local file's text is data: quotes, comment ends, trigraphs, non-ASCII") {
  CHECK((*ip::by_name("odd-text").begin()).description ==
        "text as data: */ \"quoted\" \\ ?\?= <&> \u00e9");
}

TEST_CASE("an IANA-format local file keeps every column") {
  const ip::record inventory = *ip::by_name("inventory").begin();
  CHECK(inventory.description == "Inventory \"sync\" & audit");
  CHECK(inventory.assignee == "[Ops_Team]");
  CHECK(inventory.notes == "Internal only.");
  CHECK(inventory.source == ip::record_source::local);
}

TEST_CASE("the registry's rows are still there, after the local ones") {
  CHECK(ip::by_port(43, protocol::tcp).size() == 2);  // whois (local), nicname (IANA)
  const ip::record nicname = *std::next(ip::by_port(43, protocol::tcp).begin());
  CHECK(nicname.service == "nicname");
  CHECK(nicname.source == ip::record_source::registry);
  CHECK(ip::to_string(ip::record_source::local) == "local");
  CHECK(ip::to_string(ip::record_source::registry) == "registry");
}
