// SPDX-License-Identifier: BSL-1.0
// The module consumer: the installed module answers, at compile time and at run time, from the
// release the build was configured with.
#include <cstdio>       // std::printf
#include <optional>     // std::optional's operators, which an import does not carry
#include <string_view>  // std::string_view's operators, likewise

import ianaports;

static_assert(ianaports::port_of("https") == 443);
static_assert(ianaports::status(8080, ianaports::protocol::tcp) ==
              ianaports::port_status::assigned);

int main(int argc, char**) {
  const std::string_view updated = ianaports::registry_updated;
  const auto port = ianaports::port_of(argc > 1 ? "http" : "ssh");
  if (updated != EXPECTED_REGISTRY_UPDATED || port != 22) {
    std::printf("the module answered %.*s and %d; expected %s and 22\n", int(updated.size()),
                updated.data(), port ? int{*port} : -1, EXPECTED_REGISTRY_UPDATED);
    return 1;
  }
  std::printf("import ianaports: ssh is 22/tcp in the release of %.*s\n", int(updated.size()),
              updated.data());
  return 0;
}
