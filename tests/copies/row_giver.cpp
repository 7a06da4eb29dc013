// SPDX-License-Identifier: BSL-1.0
// Hands a row handle of the copy this file is built with to row_taker.cpp's function, built with
// another copy or the same (row_across_copies.cmake): a row indexes one copy's tables, so across
// copies this must not link.
#include <ianaports/records.hpp>

#include <cstddef>  // std::size_t

std::size_t row_index_of(ianaports::row r);

int main() {
  const ianaports::row_range rows = ianaports::by_port(443, ianaports::protocol::tcp).rows();
  return rows.empty() || row_index_of(*rows.begin()) != (*rows.begin()).index() ? 1 : 0;
}
