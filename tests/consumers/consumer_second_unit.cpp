// SPDX-License-Identifier: BSL-1.0
// A second translation unit including the header: the two link together without duplicate
// symbols or ODR trouble (the tables are inline variables).
#include <ianaports/ports.hpp>

#include <cstdint>      // std::uint16_t
#include <string_view>  // std::string_view

std::string_view name_in_second_unit(std::uint16_t port) {
  return ianaports::name_of(port);
}
