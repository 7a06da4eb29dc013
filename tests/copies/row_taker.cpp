// SPDX-License-Identifier: BSL-1.0
// A function that takes a row handle of the copy this file is built with (row_across_copies.cmake).
#include <ianaports/records.hpp>

#include <cstddef>  // std::size_t

std::size_t row_index_of(ianaports::row r);
std::size_t row_index_of(ianaports::row r) {
  return r.index();
}
