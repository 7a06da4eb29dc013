// SPDX-License-Identifier: BSL-1.0
// import: the ports of services, through `import ianaports;` (C++20 modules).
//
//   $ import https ssh nosuch
//   https → 443/tcp
//   ssh → 22/tcp
//   nosuch → no port registered
#include <cstdio>       // std::printf
#include <optional>     // std::optional's operators, which an import does not carry
#include <string_view>  // std::string_view's operators, likewise

import ianaports;

using namespace ianaports::literals;
static_assert("https"_tcp == 443);
static_assert(ianaports::name_of(22) == "ssh");

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (const auto port = ianaports::port_of(argv[i])) {
      std::printf("%s → %u/tcp\n", argv[i], unsigned{*port});
    } else {
      std::printf("%s → no port registered\n", argv[i]);
    }
  }
  return 0;
}
