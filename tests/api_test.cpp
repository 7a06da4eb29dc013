// SPDX-License-Identifier: BSL-1.0
// The public API on the bundled registry: compile-time behaviour (static_assert), the semantics
// the header documents, and inputs of every shape. The oracle test checks every row and port of
// any release; this file checks the contract with facts of the bundled release.
#include <doctest/doctest.h>

#include <ianaports/people.hpp>
#include <ianaports/records.hpp>

#include <algorithm>  // std::equal
#include <cstdint>    // std::uint16_t
#include <iterator>   // std::distance, std::next
#include <string>     // std::string
#include <vector>     // std::vector

#if __cplusplus >= 202002L
#include <ranges>  // std::ranges::forward_range
#endif

namespace ip = ianaports;
using ip::protocol;

// --- compile time ------------------------------------------------------------------------------

#if defined(IANAPORTS_NO_BUILTINS)
// The no-builtins preset: every builtin's standard C++ fallback is what this build tests.
static_assert(!IANAPORTS_GNU_BUILTINS, "IANAPORTS_NO_BUILTINS takes every fallback");
#endif

static_assert(ip::port_of("https") == 443);
static_assert(ip::port_of("HTTPS") == 443, "names compare case-insensitively");
static_assert(ip::port_of("hTtP", protocol::udp) == 80);
static_assert(ip::port_of("ssh", protocol::sctp) == 22);
static_assert(!ip::port_of("ssh", protocol::dccp), "no ssh over DCCP");
static_assert(!ip::port_of("no-such-service"));
static_assert(!ip::port_of(""));
static_assert(ip::port_of("msp") == 18, "msp is on 18 and 2438: the first row wins");
static_assert(ip::by_name("msp").size() == 4);
static_assert(ip::port_of("boe-cms", protocol::sctp) == 6400,
              "a row without protocol holds for all");

static_assert(ip::name_of(22) == "ssh");
static_assert(ip::name_of(80) == "http", "not its aliases www and www-http");
static_assert(ip::name_of(6010) == "x11", "inside the range 6000-6063");
static_assert(ip::name_of(4).empty(), "4/tcp is unassigned");
static_assert(ip::name_of(50000).empty());

static_assert(ip::status(80, protocol::tcp) == ip::port_status::assigned);
static_assert(ip::status(0, protocol::tcp) == ip::port_status::reserved);
static_assert(ip::status(4, protocol::tcp) == ip::port_status::unassigned);
static_assert(ip::status(49152, protocol::udp) == ip::port_status::dynamic);
static_assert(ip::status(65535, protocol::dccp) == ip::port_status::dynamic);

static_assert(ip::classify(0) == ip::port_class::system);
static_assert(ip::classify(1023) == ip::port_class::system);
static_assert(ip::classify(1024) == ip::port_class::user);
static_assert(ip::classify(49151) == ip::port_class::user);
static_assert(ip::classify(49152) == ip::port_class::dynamic);
static_assert(ip::classify(65535) == ip::port_class::dynamic);

static_assert(ip::is_valid_service_name("http"));
static_assert(ip::is_valid_service_name("x11"));
static_assert(ip::is_valid_service_name("a-b-c"));
static_assert(ip::is_valid_service_name("abcdefghijklmno"), "15 characters");
static_assert(!ip::is_valid_service_name("abcdefghijklmnop"), "16 characters");
static_assert(!ip::is_valid_service_name(""));
static_assert(!ip::is_valid_service_name("123"), "needs a letter");
static_assert(!ip::is_valid_service_name("-http"));
static_assert(!ip::is_valid_service_name("http-"));
static_assert(!ip::is_valid_service_name("a--b"));
static_assert(!ip::is_valid_service_name("sql*net"));
static_assert(!ip::is_valid_service_name("acmaint_dbd"));
static_assert(ip::fits_services_file("sql*net") && ip::fits_services_file("acmaint_dbd"),
              "legacy names are still one field of a services file");
static_assert(!ip::fits_services_file("") && !ip::fits_services_file("a b") &&
                  !ip::fits_services_file("a#b") && !ip::fits_services_file("a\tb") &&
                  !ip::fits_services_file(std::string_view("a\0b", 3)) &&
                  !ip::fits_services_file("a\x7f"),
              "nor white space, '#', a control character, or nothing");
// Nor what a terminal would obey rather than show (issue 19); any other UTF-8 is text.
static_assert(ip::fits_services_file("FORT\xc3\x89") &&
                  ip::fits_services_file("\xe6\x96\x87\xf0\x9f\x98\x80") &&
                  ip::fits_services_file("zero\xe2\x80\x8bwidth"),
              "Latin, CJK, an emoji, a zero-width space are text");
static_assert(!ip::fits_services_file("\xc3\xa9 x") && !ip::fits_services_file("\xc3\xa9#x") &&
                  !ip::fits_services_file("\xc3\xa9\tx") && !ip::fits_services_file("\xc3\xa9\x7f"),
              "after UTF-8 as before it: no white space, '#' or control");
static_assert(!ip::fits_services_file("a\xc2\x9b"
                                      "2J") &&
                  !ip::fits_services_file("nel\xc2\x85") && !ip::fits_services_file("a\xc2\x80"),
              "nor a C1 control in UTF-8 (CSI, NEL, U+0080)");
static_assert(!ip::fits_services_file("a\x9b"
                                      "2J") &&
                  !ip::fits_services_file("\x85"),
              "nor a raw 8-bit C1 byte (CSI to an 8-bit terminal)");
static_assert(!ip::fits_services_file("rlo\xe2\x80\xae") &&
                  !ip::fits_services_file("\xe2\x80\xaa") &&
                  !ip::fits_services_file("\xe2\x80\x8e") &&
                  !ip::fits_services_file("\xe2\x80\x8f") &&
                  !ip::fits_services_file("\xe2\x81\xa6") &&
                  !ip::fits_services_file("\xe2\x81\xa9") && !ip::fits_services_file("\xd8\x9c"),
              "nor a bidirectional formatting character: U+202A-U+202E, U+200E, U+200F, "
              "U+2066-U+2069, U+061C");
static_assert(!ip::fits_services_file("\xff") && !ip::fits_services_file("\xc0\xaf") &&
                  !ip::fits_services_file("\xed\xa0\x80") && !ip::fits_services_file("a\xe2\x80") &&
                  !ip::fits_services_file("\xf4\x90\x80\x80") &&
                  !ip::fits_services_file("\xe0\x80\x80") &&
                  !ip::fits_services_file("\xe0\x9f\xbf") &&
                  !ip::fits_services_file("\xf0\x80\x80\x80") &&
                  !ip::fits_services_file("\xf0\x8f\xbf\xbf"),
              "nor text that is not UTF-8: a stray byte, an overlong form, a surrogate, a cut "
              "sequence, past U+10FFFF");

// find_control: where, how long, which.
static_assert(ip::find_control("plain text").at == 10 && ip::find_control("plain text").size == 0);
constexpr ip::text_control right_to_left = ip::find_control(
    "ab\xe2\x80\xae"
    "cd");
static_assert(right_to_left.at == 2 && right_to_left.size == 3 && right_to_left.code == 0x202E,
              "a right-to-left override: three bytes");
static_assert(ip::find_control("ab\x9b").at == 2 && ip::find_control("ab\x9b").size == 1 &&
                  ip::find_control("ab\x9b").code == 0xFFFD,
              "a byte of no UTF-8 sequence: one byte, U+FFFD");
static_assert(ip::find_control("a\tb\nc", 2).at == 3 && ip::find_control("a\tb", 9).at == 3,
              "from a position on");

static_assert(ip::registry_updated.size() == 10 && ip::registry_updated[4] == '-');
static_assert(ip::keeps_protocol(protocol::tcp) && ip::keeps_protocol(protocol::dccp),
              "a full build keeps every protocol");
static_assert(!ip::keeps_protocol(static_cast<protocol>(4)) &&
                  !ip::keeps_protocol(static_cast<protocol>(200)),
              "a value outside the enumeration is no protocol kept");

// Whole-registry walks in constant evaluation, within the compilers' default limits: row
// handles read only the column asked for, and the counts agree with by_protocol's stored ones.
constexpr std::size_t rows_naming(protocol p) {
  std::size_t count = 0;
  for (const ip::row r : ip::rows()) {
    count += r.transport() == p ? 1U : 0U;
  }
  return count;
}
constexpr std::size_t rows_holding_for(protocol p) {
  std::size_t count = 0;
  for (const ip::row r : ip::rows()) {
    count += r.holds_for(p) ? 1U : 0U;
  }
  return count;
}
static_assert(rows_naming(protocol::tcp) == ip::by_protocol(protocol::tcp).size());
static_assert(rows_holding_for(protocol::dccp) > ip::by_protocol(protocol::dccp).size(),
              "the rows for every protocol hold for DCCP too");

// The people directory.
static_assert(ip::person_of("Vera_Heinau")->name == "Vera Heinau");
static_assert(!ip::person_of("vera_heinau"), "ids are case-sensitive");
static_assert(!ip::person_of("[Vera_Heinau]"), "an id, not a reference");
static_assert(ip::people().size() > 5000);
constexpr std::size_t id_bytes(std::string_view column) {
  std::size_t bytes = 0;
  for (const std::string_view id : ip::person_ids(column)) {
    bytes += id.size() + 100;
  }
  return bytes;
}
static_assert(id_bytes("[A][Bc] said [D") == 203, "two ids; an unclosed one ends the walk");
static_assert(id_bytes("") == 0 && id_bytes("no ids") == 0 && id_bytes("[]") == 100);
static_assert(ip::person_of((*ip::by_port(991, protocol::tcp).begin()).assignee.substr(1, 11))
                  ->name == "Vera Heinau");

// The vocabulary of port_types.hpp and types.hpp.
static_assert(ip::range_of(ip::port_class::system) == ip::port_range{0, 1023});
static_assert(ip::range_of(ip::port_class::user) == ip::port_range{1024, 49151});
static_assert(ip::range_of(ip::port_class::dynamic) == ip::port_range{49152, 65535});
static_assert(ip::range_of(static_cast<ip::port_class>(7)) == ip::port_range{0, 0});
static_assert(ip::same_service_name("HTTP", "http") && !ip::same_service_name("http", "https"));
static_assert(!ip::same_service_name("\xC9", "\xE9"), "only ASCII letters fold");
static_assert(ip::ascii_lower('Q') == 'q' && ip::ascii_lower('@') == '@');
static_assert(ip::all_protocols[0] == protocol::tcp && ip::all_protocols[3] == protocol::dccp);
static_assert((*ip::by_name("http").begin()).holds_for(protocol::tcp));
static_assert(!(*ip::by_name("http").begin()).holds_for(protocol::udp));
static_assert((*ip::by_name("boe-cms").begin()).holds_for(protocol::dccp),
              "a row without a protocol holds for every one");
static_assert(*ip::by_name("http").begin() == *ip::by_port(80, protocol::tcp).begin());
static_assert(*ip::by_name("http").begin() != *ip::by_name("https").begin());

static_assert(!ip::records().empty());
static_assert(ip::by_port(80, protocol::tcp).size() == 3);
static_assert((*ip::by_port(443, protocol::tcp).begin()).service == "https");
static_assert((*ip::by_name("X11").begin()).ports == ip::port_range{6000, 6063});
static_assert((*ip::by_name("http").begin()).transport == protocol::tcp);
static_assert(ip::by_range({6000, 6063}, protocol::tcp).size() == 1);
static_assert(ip::by_range({10, 1}, protocol::tcp).empty(), "first > last overlaps nothing");
static_assert((*ip::by_port(4748, protocol::tcp).begin()).ports_written_as_range,
              "IANA writes 4748 as 4748-4748");
static_assert(!(*ip::by_port(443, protocol::tcp).begin()).ports_written_as_range);
static_assert(!ip::by_protocol(protocol::dccp).empty());

static_assert(ip::to_string(protocol::sctp) == "sctp");
static_assert(ip::parse_protocol("UDP") == protocol::udp);
static_assert(!ip::parse_protocol("udp6"));
static_assert(ip::port_range{1, 5}.contains(5) && !ip::port_range{1, 5}.contains(6));

#if __cplusplus >= 202002L
using namespace ianaports::literals;
static_assert("https"_tcp == 443);
static_assert("DOMAIN"_udp == 53);
static_assert("diameter"_sctp == 3868);
static_assert("ltp-deepspace"_dccp == 1113);

static_assert(std::ranges::forward_range<ip::record_range>);
static_assert(std::forward_iterator<ip::record_range::iterator>);
#endif

// --- run time: the same semantics, and every shape of input ------------------------------------

namespace {

std::vector<ip::record> collect(const ip::record_range& range) {
  return {range.begin(), range.end()};
}

bool same(const ip::record& a, const ip::record& b) {
  return a.service == b.service && a.ports == b.ports && a.transport == b.transport &&
         a.description == b.description && a.assignee == b.assignee && a.contact == b.contact &&
         a.registered == b.registered && a.modified == b.modified && a.reference == b.reference &&
         a.service_code == b.service_code && a.unauthorized_use == b.unauthorized_use &&
         a.notes == b.notes && a.ports_written_as_range == b.ports_written_as_range;
}

bool same(const std::vector<ip::record>& a, const std::vector<ip::record>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const ip::record& x, const ip::record& y) { return same(x, y); });
}

template <typename Keep>
std::vector<ip::record> filter_all(Keep keep) {
  std::vector<ip::record> kept;
  for (const ip::record& r : ip::records()) {
    if (keep(r)) {
      kept.push_back(r);
    }
  }
  return kept;
}

using ip::all_protocols;

}  // namespace

TEST_CASE("by_name: every row with the name, any protocol, registry order, case ignored") {
  const auto http = collect(ip::by_name("http"));
  REQUIRE(http.size() >= 3);
  CHECK(http[0].transport == protocol::tcp);
  CHECK(http[1].transport == protocol::udp);
  for (const auto& r : http) {
    CHECK(r.service == "http");
    CHECK(r.ports == ip::port_range{80, 80});
  }
  CHECK(same(collect(ip::by_name("HTTP")), http));
  CHECK(same(collect(ip::by_name("Http")), http));
  CHECK(same(http, filter_all([](const ip::record& r) { return r.service == "http"; })));
}

TEST_CASE("by_name keeps the name as written and finds legacy names") {
  for (const std::string name : {"sql*net", "SQL*NET", "cl/1", "acmaint_dbd"}) {
    CAPTURE(name);
    const auto rows = collect(ip::by_name(name));
    REQUIRE_FALSE(rows.empty());
    CHECK((ip::port_of(name, protocol::tcp) || ip::port_of(name, protocol::udp)));
  }
  CHECK(collect(ip::by_name("SQL*NET"))[0].service == "sql*net");
}

TEST_CASE("any name is a valid input: odd ones are simply not found") {
  const std::string huge(1 << 20, 'a');
  const std::string with_nul("http\0", 5);
  const std::string nul_first("\0http", 5);
  const std::string non_ascii = "htt\xc3\xa9";  // "htté"
  const std::string high_bytes = "\xff\xfe\x80\x81";
  const std::string sixteen(16, 'x');
  const std::string two_five_six(256, 'h');
  for (const std::string& name :
       {std::string(), huge, with_nul, nul_first, non_ascii, high_bytes, sixteen, two_five_six,
        std::string("http "), std::string(" http")}) {
    CAPTURE(name.size());
    CHECK(ip::by_name(name).empty());
    for (const protocol p : all_protocols) {
      CHECK_FALSE(ip::port_of(name, p).has_value());
    }
  }
  // Every single byte: found exactly when a registered name is that byte, in either case.
  for (int byte = 0; byte < 256; ++byte) {
    const std::string one(1, static_cast<char>(byte));
    CAPTURE(byte);
    CHECK(same(collect(ip::by_name(one)), filter_all([&](const ip::record& r) {
                 return ip::same_service_name(r.service, one);
               })));
  }
}

TEST_CASE("name lookups with one byte changed never find the original name") {
  // The key comparison after the perfect hash is what rejects these.
  for (const std::string name : {"http", "https", "ssh", "domain", "kerberos", "x11", "sql*net"}) {
    std::string changed = name;
    for (std::size_t i = 0; i < changed.size(); ++i) {
      const char original = changed[i];
      for (const char c : {'\0', '\x7f', '\x80', '\xff', '#'}) {
        changed[i] = c;
        for (const ip::record& r : ip::by_name(changed)) {
          CHECK(r.service != name);
        }
      }
      changed[i] = original;
    }
  }
}

TEST_CASE("by_port: rows naming the protocol and rows that hold for every protocol") {
  const auto port_80 = collect(ip::by_port(80, protocol::tcp));
  REQUIRE(port_80.size() == 3);
  CHECK(port_80[0].service == "http");
  CHECK(port_80[1].service == "www");
  CHECK(port_80[2].service == "www-http");
  const auto boe = collect(ip::by_port(6400, protocol::dccp));
  REQUIRE(boe.size() == 1);
  CHECK(boe[0].service == "boe-cms");
  CHECK_FALSE(boe[0].transport.has_value());
  CHECK(ip::by_port(50000, protocol::tcp).empty());
}

TEST_CASE("by_range: rows for the protocol overlapping the range, registry order") {
  for (const protocol p : all_protocols) {
    for (const ip::port_range range :
         {ip::port_range{0, 65535}, ip::port_range{0, 0}, ip::port_range{80, 80},
          ip::port_range{6000, 6063}, ip::port_range{6063, 6100}, ip::port_range{49000, 65535},
          ip::port_range{65535, 65535}}) {
      CAPTURE(range.first);
      CAPTURE(range.last);
      const auto expected = filter_all([&](const ip::record& r) {
        return r.ports && r.holds_for(p) && r.ports->first <= range.last &&
               range.first <= r.ports->last;
      });
      const ip::record_range found = ip::by_range(range, p);
      CHECK(found.size() == expected.size());
      CHECK(found.empty() == expected.empty());
      CHECK(same(collect(found), expected));
    }
  }
  CHECK(ip::by_range({10, 1}, protocol::tcp).size() == 0);
}

TEST_CASE("by_protocol: the rows naming it, registry order") {
  for (const protocol p : all_protocols) {
    const auto expected = filter_all([&](const ip::record& r) { return r.transport == p; });
    CHECK(ip::by_protocol(p).size() == expected.size());
    CHECK(same(collect(ip::by_protocol(p)), expected));
  }
}

TEST_CASE("an out-of-range protocol value finds nothing") {
  const auto bogus = static_cast<protocol>(9);
  CHECK(ip::by_port(80, bogus).empty());
  CHECK(ip::by_range({0, 65535}, bogus).empty());
  CHECK(ip::by_protocol(bogus).empty());
  CHECK(ip::name_of(80, bogus).empty());
  CHECK_FALSE(ip::port_of("boe-cms", bogus).has_value());
  CHECK(ip::status(80, bogus) == ip::port_status::unassigned);
  CHECK(ip::to_string(bogus).empty());
}

TEST_CASE("record_range is a cheap forward view") {
  const ip::record_range rows = ip::by_name("msp");
  CHECK(static_cast<std::size_t>(std::distance(rows.begin(), rows.end())) == rows.size());
  auto it = rows.begin();
  const auto before = it++;
  CHECK(before == rows.begin());
  CHECK(it == std::next(rows.begin()));
  CHECK(it != rows.begin());
  const ip::record_range empty;
  CHECK(empty.empty());
  CHECK(empty.size() == 0);
  CHECK(empty.begin() == empty.end());
  const ip::record_range copy = rows;  // a view: copying costs a few integers
  CHECK(same(collect(copy), collect(rows)));
}

TEST_CASE("records(): every row once, in registry order") {
  const auto all = collect(ip::records());
  CHECK(all.size() == ip::records().size());
  CHECK(all.front().ports == ip::port_range{0, 0});  // the registry opens with port 0, Reserved
  CHECK(all.front().description == "Reserved");
  std::size_t with_code = 0;
  for (const auto& r : all) {
    with_code += r.service_code.has_value() ? 1U : 0U;
  }
  CHECK(with_code >= 1);
}

TEST_CASE("row_at(): each row at its position, none past the last") {
  static_assert(ip::row_at(0)->index() == 0);
  static_assert(!ip::row_at(ip::records().size()));
  static_assert(!ip::row_at(static_cast<std::size_t>(-1)));
  std::size_t position = 0;
  for (const ip::row r : ip::rows()) {
    const std::optional<ip::row> at = ip::row_at(position);
    REQUIRE(at.has_value());
    CHECK(*at == r);
    CHECK(at->to_record() == r.to_record());
    ++position;
  }
  CHECK(position == ip::records().size());
}

TEST_CASE("text columns are rendered as IANA's CSV renders them") {
  const auto http = collect(ip::by_name("http"));
  CHECK(http[0].description == "World Wide Web HTTP");
  CHECK(http[0].assignee == "[IESG]");
  CHECK(http[0].contact == "[IETF_Chair]");
  CHECK(http[0].reference.find("[RFC") == 0);
}

// Every code point as UTF-8: a control exactly when it is C0, DEL, C1 or a bidirectional
// formatting character; and every byte that starts no sequence alone, one byte of no UTF-8.
TEST_CASE("find_control: every code point, and every lone byte") {
  const auto utf8 = [](std::uint32_t code) {
    std::string text;
    if (code < 0x80U) {
      text += static_cast<char>(code);
    } else if (code < 0x800U) {
      text += static_cast<char>(0xC0U | (code >> 6U));
      text += static_cast<char>(0x80U | (code & 0x3FU));
    } else if (code < 0x10000U) {
      text += static_cast<char>(0xE0U | (code >> 12U));
      text += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
      text += static_cast<char>(0x80U | (code & 0x3FU));
    } else {
      text += static_cast<char>(0xF0U | (code >> 18U));
      text += static_cast<char>(0x80U | ((code >> 12U) & 0x3FU));
      text += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
      text += static_cast<char>(0x80U | (code & 0x3FU));
    }
    return text;
  };
  const auto is_control = [](std::uint32_t code) {
    return code < 0x20U || (code >= 0x7FU && code <= 0x9FU) || code == 0x061CU || code == 0x200EU ||
           code == 0x200FU || (code >= 0x202AU && code <= 0x202EU) ||
           (code >= 0x2066U && code <= 0x2069U);
  };
  std::size_t controls = 0;
  for (std::uint32_t code = 0; code <= 0x10FFFFU; ++code) {
    if (code >= 0xD800U && code <= 0xDFFFU) {
      continue;  // surrogates have no UTF-8
    }
    std::string text = "x";  // appended, not "x" + ...: g++ 12 -O3 warns of a false overlap
    text += utf8(code);
    text += 'y';
    const ip::text_control found = ip::find_control(text);
    if (is_control(code)) {
      ++controls;
      REQUIRE(found.at == 1);
      REQUIRE(found.size == text.size() - 2);
      REQUIRE(found.code == code);
    } else {
      REQUIRE(found.at == text.size());
    }
  }
  CHECK(controls == 32 + 1 + 32 + 1 + 2 + 5 + 4);
  for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
    const std::string text = std::string("x") + static_cast<char>(byte) + "y";
    const ip::text_control found = ip::find_control(text);
    CHECK(found.at == 1);
    CHECK(found.size == 1);
    CHECK(found.code == 0xFFFD);
  }
}

TEST_CASE("enumeration names round-trip") {
  for (const protocol p : all_protocols) {
    CHECK(ip::parse_protocol(ip::to_string(p)) == p);
  }
  CHECK(ip::to_string(ip::port_status::dynamic) == "dynamic");
  CHECK(ip::to_string(ip::port_class::user) == "user");
  CHECK_FALSE(ip::parse_protocol("").has_value());
  CHECK_FALSE(ip::parse_protocol(std::string_view("tcp\0", 4)).has_value());
}
