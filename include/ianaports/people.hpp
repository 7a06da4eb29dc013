// SPDX-License-Identifier: BSL-1.0
// ianaports: the registry's people directory, the people and organizations rows name by id.
//
// clang-format off
//   #include <ianaports/people.hpp>
//
//   static_assert(ianaports::person_of("Jon_Postel")->name == "Jon Postel");
// clang-format on
//
// Opt-in, as the printing headers are: the people have tables and text of their own, which a
// translation unit that includes only ports.hpp neither parses nor links. This header includes
// ports.hpp and types.hpp: person_ids() (in types.hpp) reads the ids of a row's assignee or
// contact column, and person is there too. The directory is empty in a lean build without the
// people columns.

// The people's tables first, ahead of the include guard, as ports.hpp includes its tables: they
// include the tables they belong to, and refuse to join another copy's.
#include "ianaports/detail/registry_people.hpp"

#ifndef IANAPORTS_PEOPLE_HPP
#define IANAPORTS_PEOPLE_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/tables/people.hpp"
#include "ianaports/ports.hpp"
#include "ianaports/types.hpp"  // person, the iterator tags

IANAPORTS_BEGIN_TABLES_NAMESPACE

class person_range;

// The person with exactly this id (ids are case-sensitive), by binary search; none for any
// other input. Of two people under one id, the first in registry order.
[[nodiscard]] constexpr std::optional<person> person_of(std::string_view id) noexcept;

// Every person, in registry order.
[[nodiscard]] constexpr person_range people() noexcept;

class person_range {
 public:
  class iterator {
   public:
    using value_type = person;
    using reference = person;  // made on the fly from the tables
    using pointer = void;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;

    constexpr iterator() noexcept = default;
    constexpr person operator*() const noexcept;
    constexpr iterator& operator++() noexcept {
      ++index_;
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++index_;
      return before;
    }
    friend constexpr bool operator==(iterator a, iterator b) noexcept {
      return a.index_ == b.index_;
    }
    friend constexpr bool operator!=(iterator a, iterator b) noexcept {
      return a.index_ != b.index_;
    }

   private:
    friend class person_range;
    constexpr explicit iterator(std::uint32_t index) noexcept : index_(index) {}
    std::uint32_t index_ = 0;
  };

  // Members, as a range's are, though the directory is one: the tables hold every answer.
  // NOLINTBEGIN(readability-convert-member-functions-to-static)
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(0); }
  [[nodiscard]] constexpr iterator end() const noexcept;
  [[nodiscard]] constexpr std::size_t size() const noexcept;
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  // NOLINTEND(readability-convert-member-functions-to-static)
};

// ---------------------------------------------------------------------------------------------
// Implementation

constexpr std::optional<person> person_of(std::string_view id) noexcept {
  const std::uint32_t index = detail::person_index_of(id);
  if (index == detail::person_count) {
    return std::nullopt;
  }
  return detail::make_person(index);
}

constexpr person_range people() noexcept {
  return {};
}

constexpr person person_range::iterator::operator*() const noexcept {
  return detail::make_person(index_);
}
// NOLINTNEXTLINE(readability-convert-member-functions-to-static): see records.hpp
constexpr person_range::iterator person_range::end() const noexcept {
  return iterator(detail::person_count);
}
// NOLINTNEXTLINE(readability-convert-member-functions-to-static): see records.hpp
constexpr std::size_t person_range::size() const noexcept {
  return detail::person_count;
}

IANAPORTS_END_TABLES_NAMESPACE

#endif  // IANAPORTS_PEOPLE_HPP
