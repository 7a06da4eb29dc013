// SPDX-License-Identifier: BSL-1.0
// Every port's answers from the C++ API, for tests/diff_answers_test.py to hold codegen/diff.py's
// port view to: a line a protocol and port, "<protocol> <port> <status()> <name_of()>".
#include <ianaports/ports.hpp>

#include <cstdint>      // std::uint16_t, std::uint32_t
#include <cstdio>       // std::printf
#include <string_view>  // std::string_view

int main() {
  for (const ianaports::protocol p : ianaports::all_protocols) {
    const std::string_view protocol = ianaports::to_string(p);
    for (std::uint32_t number = 0; number <= 65535; ++number) {
      const auto port = static_cast<std::uint16_t>(number);
      const std::string_view status = ianaports::to_string(ianaports::status(port, p));
      const std::string_view name = ianaports::name_of(port, p);
      std::printf("%.*s %u %.*s %.*s\n", static_cast<int>(protocol.size()), protocol.data(), number,
                  static_cast<int>(status.size()), status.data(), static_cast<int>(name.size()),
                  name.data());
    }
  }
  return 0;
}
