// SPDX-License-Identifier: BSL-1.0
// Must compile: the twin of literal_unknown_name.cpp, proving that its failure comes from the
// unknown name and not from the test harness.
#include <ianaports/ports.hpp>

using namespace ianaports::literals;

static_assert("https"_tcp == 443);

int main() {
  return "ssh"_tcp == 22 ? 0 : 1;
}
