// SPDX-License-Identifier: BSL-1.0
// ianaports: reading the people directory's tables. Internal; include people.hpp.
//
// The people have tables and a text pool of their own (ianaports/detail/registry_people.hpp,
// written by codegen/tables/people.py beside the other tables): the fields of each person are
// ids of that pool, in registry order, and person_by_id lists the people sorted by id.
#ifndef IANAPORTS_DETAIL_TABLES_PEOPLE_HPP
#define IANAPORTS_DETAIL_TABLES_PEOPLE_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_people.hpp"
#include "ianaports/detail/tables/search.hpp"
#include "ianaports/detail/tables/text.hpp"
#include "ianaports/types.hpp"  // person

IANAPORTS_BEGIN_TABLES_DETAIL

namespace people_reg = registry_people;

inline constexpr std::uint32_t person_count = people_reg::person_count;

constexpr std::string_view person_text(std::size_t id) noexcept {
  return pool_text<people_reg::text_pool, people_reg::text_columns, people_reg::text_block_row,
                   people_reg::text_block_shift>(id);
}

constexpr person make_person(std::size_t index) noexcept {
  return person{
      person_text(people_reg::person_id[index]), person_text(people_reg::person_name[index]),
      person_text(people_reg::person_org[index]), person_text(people_reg::person_uri[index]),
      person_text(people_reg::person_updated[index])};
}

// The person with this id (the first of several), or person_count: a binary search of the
// people sorted by id.
constexpr std::uint32_t person_index_of(std::string_view id) noexcept {
  const std::size_t low = first_not_below(person_count, [id](std::size_t at) {
    return person_text(people_reg::person_id[people_reg::person_by_id[at]]) < id;
  });
  return low < person_count &&
                 person_text(people_reg::person_id[people_reg::person_by_id[low]]) == id
             ? std::uint32_t{people_reg::person_by_id[low]}
             : person_count;
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_PEOPLE_HPP
