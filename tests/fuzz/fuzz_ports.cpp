// SPDX-License-Identifier: BSL-1.0
// libFuzzer target: by_port, name_of, status, classify and by_range on arbitrary numbers
// (protocol values outside the enumeration included), against linear scans.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t
#include <string_view>  // std::string_view

#include "reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ip = ianaports;
  using reference::expect;
  if (size < 5) {
    return 0;
  }
  const auto port = static_cast<std::uint16_t>(data[0] | data[1] << 8);
  const auto p = static_cast<ip::protocol>(data[2] % 5);  // 4: not a protocol at all
  const auto last = static_cast<std::uint16_t>(data[3] | data[4] << 8);
  const bool real_protocol = data[2] % 5 < 4;

  std::vector<const ip::record*> covering;
  std::vector<const ip::record*> overlapping;  // [port, last]
  for (const ip::record& r : reference::all_rows()) {
    if (!real_protocol || !r.ports || !r.holds_for(p)) {
      continue;
    }
    if (r.ports->contains(port)) {
      covering.push_back(&r);
    }
    if (port <= last && r.ports->first <= last && port <= r.ports->last) {  // first > last: empty
      overlapping.push_back(&r);
    }
  }
  reference::expect_rows(ip::by_port(port, p), covering, "by_port");
  reference::expect_rows(ip::by_range({port, last}, p), overlapping, "by_range");

  std::string_view name;
  bool reserved = false;
  for (const ip::record* r : covering) {
    if (name.empty()) {
      name = r->service;
    }
    reserved = reserved || r->description == "Reserved";
  }
  expect(ip::name_of(port, p) == name, "name_of");
  const ip::port_status status = !name.empty()   ? ip::port_status::assigned
                                 : reserved      ? ip::port_status::reserved
                                 : port >= 49152 ? ip::port_status::dynamic
                                                 : ip::port_status::unassigned;
  expect(ip::status(port, p) == status, "status");
  const ip::port_class port_class = port < 1024    ? ip::port_class::system
                                    : port < 49152 ? ip::port_class::user
                                                   : ip::port_class::dynamic;
  expect(ip::classify(port) == port_class, "classify");
  return 0;
}
