// SPDX-License-Identifier: BSL-1.0
// libFuzzer target: by_name, port_of and is_valid_service_name on arbitrary bytes, against
// linear scans. Seeded with every name in the registry.
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "reference.hpp"

namespace {

// RFC 6335 section 5.1, spelled out rule by rule.
bool valid_name_reference(std::string_view name) {
  bool letter = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool is_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool is_digit = c >= '0' && c <= '9';
    if (!is_letter && !is_digit && c != '-') {
      return false;
    }
    if (c == '-' && (i == 0 || i + 1 == name.size() || name[i - 1] == '-')) {
      return false;
    }
    letter = letter || is_letter;
  }
  return !name.empty() && name.size() <= 15 && letter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ip = ianaports;
  using reference::expect;
  const std::string_view name(reinterpret_cast<const char*>(data), size);

  std::vector<const ip::record*> named;
  for (const ip::record& r : reference::all_rows()) {
    if (!r.service.empty() && ip::same_service_name(r.service, name)) {
      named.push_back(&r);
    }
  }
  reference::expect_rows(ip::by_name(name), named, "by_name");

  for (const ip::protocol p : ip::all_protocols) {
    std::optional<std::uint16_t> port;
    for (const ip::record* r : named) {
      if (r->ports && r->holds_for(p)) {
        port = r->ports->first;
        break;
      }
    }
    expect(ip::port_of(name, p) == port, "port_of");
  }
  expect(ip::is_valid_service_name(name) == valid_name_reference(name), "is_valid_service_name");
  return 0;
}
