// SPDX-License-Identifier: BSL-1.0
// ianaports: integer tables stored as string literals. Internal; include ports.hpp.
//
// The generator writes each integer table as the little-endian bytes of its values inside
// string literals, because compilers read a literal many times faster than a braced list of
// numbers (about 1.1 s of clang++ time for the registry as braced lists). A row of a table is one
// literal of at most 65535 characters, the longest every C++ compiler must accept, which a
// function returns (Literals::row(r)): not a char array, which clang++ would hold as a value a
// byte (codegen/cpp_emit.py says more).
#ifndef IANAPORTS_DETAIL_PACKED_TABLE_HPP
#define IANAPORTS_DETAIL_PACKED_TABLE_HPP

#include <cstddef>  // std::size_t

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// Count values of the unsigned type T, RowElements to a row, in the rows Literals::row(r)
// returns. Rows are evenly filled rather than a power of two long: padding cost more memory than
// a division by a constant costs time.
template <typename T, std::size_t Count, std::size_t Rows, std::size_t RowElements,
          typename Literals>
struct packed_table {
  static_assert(Rows * RowElements >= Count, "the rows hold every value");

  static constexpr std::size_t rows = Rows;

  // Row r's bytes (r < Rows).
  static constexpr const char* row(std::size_t r) noexcept { return Literals::row(r); }

  static constexpr std::size_t size() noexcept { return Count; }

  // The value at index (< Count).
  // One statement: constant evaluation counts each statement it runs against its limit, and a
  // walk over the registry reads a table or two a row.
  [[nodiscard]] constexpr T operator[](std::size_t index) const noexcept {
    if constexpr (sizeof(T) == 1) {  // a byte read in place
      return static_cast<T>(static_cast<unsigned char>(Literals::row(
          Rows == 1 ? 0 : index / RowElements)[Rows == 1 ? index : index % RowElements]));
    } else {
      return load(Literals::row(Rows == 1 ? 0 : index / RowElements) +
                  (Rows == 1 ? index : index % RowElements) * sizeof(T));
    }
  }

  // The value at column of row, for a table whose rows are fields (name_keys: a row per key
  // word), read without dividing.
  [[nodiscard]] constexpr T at(std::size_t row, std::size_t column) const noexcept {
    return load(Literals::row(row) + column * sizeof(T));
  }

 private:
  static constexpr T load(const char* from) noexcept {
    if constexpr (sizeof(T) == 1) {  // a byte is a byte: no loop for constant evaluation to step
      return static_cast<T>(static_cast<unsigned char>(*from));
    }
#if IANAPORTS_WORD_LOADS
    // At run time, one load: the bytes are little-endian, like the machine. g++ 12 does not
    // merge the byte loop below into a load, and make_record spent 840 instructions a row
    // in it (callgrind, portinfo --search 22).
    if (IANAPORTS_LITTLE_ENDIAN && !IANAPORTS_IS_CONSTANT_EVALUATED()) {
      T value = 0;  // C++17 constexpr functions may not declare a variable uninitialised
      IANAPORTS_MEMCPY(&value, from, sizeof(T));
      return value;
    }
#endif
    // Byte by byte: the only way constant evaluation can read the literal; one expression
    // rather than a loop, as constant evaluation counts every step of a loop against its limit.
    const auto byte = [from](std::size_t i) {
      return static_cast<T>(T{static_cast<unsigned char>(from[i])} << (8 * (i % sizeof(T))));
    };
    if constexpr (sizeof(T) == 2) {
      return static_cast<T>(byte(0) | byte(1));
    } else if constexpr (sizeof(T) == 4) {
      return static_cast<T>(byte(0) | byte(1) | byte(2) | byte(3));
    } else {
      return static_cast<T>(byte(0) | byte(1) | byte(2) | byte(3) | byte(4) | byte(5) | byte(6) |
                            byte(7));
    }
  }
};

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_PACKED_TABLE_HPP
