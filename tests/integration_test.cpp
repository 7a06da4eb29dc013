// SPDX-License-Identifier: BSL-1.0
// The opt-in integrations print the vocabulary alike: operator<< (ostream.hpp), and, where they
// are available, fmt::formatter (fmt.hpp, with IANAPORTS_TEST_FMT) and std::formatter
// (format.hpp, where the standard library has std::format).
#include <doctest/doctest.h>

#include <ianaports/format.hpp>
#include <ianaports/ostream.hpp>
#include <ianaports/records.hpp>
#if defined(IANAPORTS_TEST_FMT)
#include <ianaports/fmt.hpp>
#endif

#include <sstream>  // std::ostringstream
#include <string>   // std::string

namespace ip = ianaports;
using ip::protocol;

namespace {

template <typename Value>
std::string streamed(const Value& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Rows whose text forms show each case: a name and one port, a range, no protocol, no ports.
ip::record first_named(std::string_view name) {
  return *ip::by_name(name).begin();
}

}  // namespace

TEST_CASE("operator<< prints each kind as its text form") {
  CHECK(streamed(protocol::sctp) == "sctp");
  CHECK(streamed(ip::port_status::reserved) == "reserved");
  CHECK(streamed(ip::port_class::dynamic) == "dynamic");
  CHECK(streamed(ip::port_range{80, 80}) == "80");
  CHECK(streamed(ip::port_range{0, 65535}) == "0-65535");
  CHECK(streamed(first_named("https")) == "https 443/tcp");
  CHECK(streamed(first_named("x11")) == "x11 6000-6063/tcp");
  CHECK(streamed(first_named("flex-lm")) == "flex-lm 27000-27009");
  CHECK(streamed(*ip::by_port(0, protocol::tcp).begin()) == "0/tcp");
  CHECK(streamed(ip::record{"local-only"}) == "local-only");
  CHECK(streamed(static_cast<protocol>(9)).empty());
}

#if defined(IANAPORTS_TEST_FMT)
TEST_CASE("fmt::formatter prints the same, and takes a string's specification") {
  CHECK(fmt::format("{}", protocol::udp) == "udp");
  CHECK(fmt::format("{:>6}|", protocol::udp) == "   udp|");
  CHECK(fmt::format("{:<8}|", ip::port_range{6000, 6063}) == "6000-6063|");
  CHECK(fmt::format("{}", ip::port_status::assigned) == "assigned");
  CHECK(fmt::format("{}", ip::port_class::user) == "user");
  for (const ip::record& row : ip::by_port(80, protocol::tcp)) {
    CHECK(fmt::format("{}", row) == streamed(row));
  }
}
#endif

#if IANAPORTS_HAS_STD_FORMAT
TEST_CASE("std::formatter prints the same, and takes a string's specification") {
  CHECK(std::format("{}", protocol::dccp) == "dccp");
  CHECK(std::format("{:^7}|", protocol::tcp) == "  tcp  |");
  CHECK(std::format("{}", ip::port_range{1, 2}) == "1-2");
  CHECK(std::format("{}", ip::port_status::dynamic) == "dynamic");
  CHECK(std::format("{}", ip::port_class::system) == "system");
  for (const ip::record& row : ip::by_port(80, protocol::tcp)) {
    CHECK(std::format("{}", row) == streamed(row));
  }
}
#endif
