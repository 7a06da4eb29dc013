// SPDX-License-Identifier: BSL-1.0
// ianaports: the one binary search of the readers. Internal; include ports.hpp.
#ifndef IANAPORTS_DETAIL_TABLES_SEARCH_HPP
#define IANAPORTS_DETAIL_TABLES_SEARCH_HPP

#include <cstddef>  // std::size_t

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// The first index of [0, count) whose entry does not sort before the key, or count when every
// one does: below(i) says whether entry i of a sorted table sorts before it.
template <typename Below>
IANAPORTS_ALWAYS_INLINE constexpr std::size_t first_not_below(std::size_t count,
                                                              Below below) noexcept {
  std::size_t low = 0;
  std::size_t high = count;
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (below(mid)) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_TABLES_SEARCH_HPP
