// SPDX-License-Identifier: BSL-1.0
// A second translation unit including the headers: the two link together without duplicate
// symbols or ODR trouble (the tables are inline variables), though only this one asks for the
// people directory, whose tables are installed with the others.
#include <ianaports/people.hpp>
#include <ianaports/ports.hpp>

#include <cstdint>      // std::uint16_t
#include <string_view>  // std::string_view

std::string_view name_in_second_unit(std::uint16_t port) {
  return ianaports::name_of(port);
}

bool first_person_found_by_id() {
  const ianaports::person_range everyone = ianaports::people();
  return everyone.empty() || ianaports::person_of((*everyone.begin()).id) == *everyone.begin();
}
