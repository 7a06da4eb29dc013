// SPDX-License-Identifier: BSL-1.0
// Must not compile: no service is registered as "no-such-service".
#include <ianaports/ports.hpp>

using namespace ianaports::literals;

int main() {
  return "no-such-service"_tcp == 0 ? 0 : 1;
}
