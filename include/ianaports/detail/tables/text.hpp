// SPDX-License-Identifier: BSL-1.0
// ianaports: reading the text pools of the generated tables. Internal; include ports.hpp.
//
// A pool (codegen/tables/text.py) is every distinct string of its tables once, in rows of one
// string literal each; a string never straddles two rows, so it is viewed in place. The tables
// have two pools: the rows' text, and the people's, which only people.hpp reads.
#ifndef IANAPORTS_DETAIL_TABLES_TEXT_HPP
#define IANAPORTS_DETAIL_TABLES_TEXT_HPP

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/registry_tables.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// String id of a pool: Rows::row(r) is row r's literal, Columns[id] the column where id begins
// (it ends where id + 1 begins), BlockRows[id >> BlockShift] the row of that block's first id.
template <typename Rows, const auto& Columns, const auto& BlockRows, unsigned BlockShift>
constexpr std::string_view pool_text(std::size_t id) noexcept {
  const std::size_t block = id >> BlockShift;
  const std::size_t begin = Columns[id];
  const std::size_t end = Columns[id + 1];
  // Rows are long and blocks short: a block reaches at most into the next row, where columns
  // start again from 0 (the generator checked this for every id).
  const std::size_t block_begin = Columns[block << BlockShift];
  const std::size_t row = BlockRows[block] + (begin < block_begin ? 1U : 0U);
  return {Rows::row(row) + begin, end - begin};
}

}  // namespace detail
IANAPORTS_END_NAMESPACE

IANAPORTS_BEGIN_TABLES_DETAIL

// The text of id in the rows' pool.
constexpr std::string_view text(std::size_t id) noexcept {
  return pool_text<registry::text_pool, registry::text_columns, registry::text_block_row,
                   registry::text_block_shift>(id);
}

IANAPORTS_END_TABLES_DETAIL

#endif  // IANAPORTS_DETAIL_TABLES_TEXT_HPP
