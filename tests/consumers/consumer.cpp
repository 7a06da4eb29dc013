// SPDX-License-Identifier: BSL-1.0
// A program that uses ianaports the way a user would; every consumer test builds and runs it.
#include <ianaports/ports.hpp>
#ifdef EXPECT_LOCAL_SERVICES
#include <ianaports/records.hpp>  // records(): the first row is the parent's own
#endif

#include <cstdint>      // std::uint16_t
#include <cstdio>       // std::printf, std::fprintf
#include <string_view>  // std::string_view

std::string_view name_in_second_unit(std::uint16_t port);  // consumer_second_unit.cpp
bool first_person_found_by_id();                           // consumer_second_unit.cpp

static_assert(ianaports::port_of("https") == 443);

int main() {
  const std::optional<std::uint16_t> https = ianaports::port_of("HTTPS");
  const std::string_view ssh = name_in_second_unit(22);
  if (https != 443 || ssh != "ssh") {
    std::fprintf(stderr, "consumer: wrong lookup results\n");
    return 1;
  }
  if (!first_person_found_by_id()) {
    std::fprintf(stderr, "consumer: people.hpp does not find the first person by id\n");
    return 1;
  }
#ifdef EXPECT_LOCAL_SERVICES
  static_assert(ianaports::port_of("billing-api") == 8123, "the parent's own services are in");
  if ((*ianaports::records().begin()).source != ianaports::record_source::local) {
    std::fprintf(stderr, "consumer: the first row is not a local one\n");
    return 1;
  }
#endif
#ifdef EXPECTED_REGISTRY_UPDATED
  if (ianaports::registry_updated != EXPECTED_REGISTRY_UPDATED) {
    std::fprintf(stderr, "consumer: registry %.*s, expected %s\n",
                 int(ianaports::registry_updated.size()), ianaports::registry_updated.data(),
                 EXPECTED_REGISTRY_UPDATED);
    return 1;
  }
#endif
  std::printf("https -> %u, 22 -> %.*s, registry %.*s\n", unsigned{*https}, int(ssh.size()),
              ssh.data(), int(ianaports::registry_updated.size()),
              ianaports::registry_updated.data());
  return 0;
}
