// SPDX-License-Identifier: BSL-1.0
// ianaports' vocabulary, without the tables: port_types.hpp (the protocols, port ranges and
// classes, a port's status, service names), a registry row and a person of its directory. A
// translation unit that passes records around but never looks anything up includes this; the
// lookups are in ianaports/ports.hpp, the rows in ianaports/records.hpp.
//
// clang-format off
//   #include <ianaports/types.hpp>
//
//   static_assert(ianaports::record{}.holds_for(ianaports::protocol::dccp));
//   static_assert(ianaports::to_string(ianaports::record_source::local) == "local");
// clang-format on
#ifndef IANAPORTS_TYPES_HPP
#define IANAPORTS_TYPES_HPP

#include <cstddef>  // std::ptrdiff_t
#include <cstdint>  // std::uint8_t, std::uint32_t
#if defined(__GLIBCXX__) && __has_include(<bits/stl_iterator_base_types.h>)
// Only the iterator tags: libstdc++'s <iterator> brings in <streambuf> and locales, which took
// half of the compile time of a TU doing one lookup (g++ 12 -O2). Other libraries: <iterator>.
#include <bits/stl_iterator_base_types.h>  // std::input_iterator_tag, std::forward_iterator_tag
#else
#include <iterator>  // std::input_iterator_tag, std::forward_iterator_tag
#endif
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/port_types.hpp"

IANAPORTS_BEGIN_NAMESPACE

// Where a row comes from: IANA's registry, or the user's own services compiled in beside it
// (CMake's IANAPORTS_LOCAL_SERVICES, generate.py --local), which come first.
enum class record_source : std::uint8_t {
  registry,
  local,
};

// One row of the registry: its twelve columns, rendered as in IANA's CSV export. The views
// point into static storage, valid for the whole program, and are not NUL-terminated; a
// record can be copied and kept freely.
struct record {
  std::string_view service{};           // as written ("sql*net", "HTTP"...); "" for none
  std::optional<port_range> ports{};    // none for a service-name-only registration
  std::optional<protocol> transport{};  // none when the row holds for every protocol
  std::string_view description{};       // white space folded
  std::string_view assignee{};          // "[Id]" person references, joined
  std::string_view contact{};           // likewise
  std::string_view registered{};        // "2005-12", "2021-10-01" or ""
  std::string_view modified{};          // likewise
  std::string_view reference{};         // "[RFC3501][RFC9051]"...
  std::optional<std::uint32_t> service_code{};
  std::string_view unauthorized_use{};  // line breaks kept
  std::string_view notes{};             // line breaks kept

  // IANA writes a few single ports as a range, "4748-4748"; this keeps the CSV's Port Number
  // column exact. Such a row's ports are {4748, 4748} all the same.
  bool ports_written_as_range = false;

  // IANA's row, or one of the user's own services.
  record_source source = record_source::registry;

  // Does the row hold for p: it names p, or no protocol (then it holds for every one)?
  [[nodiscard]] constexpr bool holds_for(protocol p) const noexcept {
    return !transport || *transport == p;
  }

  // Every column equal (the views compared by content).
  friend constexpr bool operator==(const record& a, const record& b) noexcept {
    return a.service == b.service && a.ports == b.ports && a.transport == b.transport &&
           a.description == b.description && a.assignee == b.assignee && a.contact == b.contact &&
           a.registered == b.registered && a.modified == b.modified && a.reference == b.reference &&
           a.service_code == b.service_code && a.unauthorized_use == b.unauthorized_use &&
           a.notes == b.notes && a.ports_written_as_range == b.ports_written_as_range &&
           a.source == b.source;
  }
  friend constexpr bool operator!=(const record& a, const record& b) noexcept { return !(a == b); }
};

// A person or organization of the registry's directory, whom a row's assignee and contact
// columns name by id ("[Vera_Heinau]"). The views point into static storage, like a record's.
struct person {
  std::string_view id{};       // "Vera_Heinau"
  std::string_view name{};     // as written ("" when absent), white space and all
  std::string_view org{};      // likewise
  std::string_view uri{};      // as IANA writes it, "mailto:someone&example.com"; a few
                               // people have several, joined by a space
  std::string_view updated{};  // "2012-01-11" or ""

  friend constexpr bool operator==(const person& a, const person& b) noexcept {
    return a.id == b.id && a.name == b.name && a.org == b.org && a.uri == b.uri &&
           a.updated == b.updated;
  }
  friend constexpr bool operator!=(const person& a, const person& b) noexcept { return !(a == b); }
};

// The ids a row's assignee or contact column names, in order: "[A][B]" yields "A" and "B",
// without the brackets. Text outside brackets (a few rows name people in words) is passed
// over; a "[" never closed ends the walk. Any text is valid input.
class person_id_range {
 public:
  class iterator {
   public:
    using value_type = std::string_view;
    using reference = std::string_view;
    using pointer = void;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;

    constexpr iterator() noexcept = default;
    constexpr std::string_view operator*() const noexcept { return id_; }
    constexpr iterator& operator++() noexcept {
      find_next();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      find_next();
      return before;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.rest_.data() == b.rest_.data() && a.done_ == b.done_;
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept {
      return !(a == b);
    }

   private:
    friend class person_id_range;
    constexpr explicit iterator(std::string_view column) noexcept : rest_(column), done_(false) {
      find_next();
    }
    constexpr void find_next() noexcept {
      const std::size_t open = rest_.find('[');
      const std::size_t close = open == std::string_view::npos ? open : rest_.find(']', open);
      if (close == std::string_view::npos) {
        rest_ = {};
        done_ = true;
        return;
      }
      id_ = rest_.substr(open + 1, close - open - 1);
      rest_.remove_prefix(close + 1);
    }

    std::string_view rest_{};  // what follows the current id
    std::string_view id_{};
    bool done_ = true;
  };

  constexpr explicit person_id_range(std::string_view column) noexcept : column_(column) {}
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(column_); }
  // A range's end() is a member, as the standard ranges' are, though this one needs no state.
  // NOLINTNEXTLINE(readability-convert-member-functions-to-static)
  [[nodiscard]] constexpr iterator end() const noexcept { return {}; }

 private:
  std::string_view column_;
};

// The ids in a row's assignee or contact column.
[[nodiscard]] constexpr person_id_range person_ids(std::string_view column) noexcept {
  return person_id_range(column);
}

// "registry", "local"; "" for a value outside the enumeration.
[[nodiscard]] constexpr std::string_view to_string(record_source s) noexcept;

namespace detail {
inline constexpr std::string_view record_source_names[] = {"registry", "local"};
}  // namespace detail

constexpr std::string_view to_string(record_source s) noexcept {
  return detail::entry_of(detail::record_source_names, s, std::string_view{});
}

IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_TYPES_HPP
