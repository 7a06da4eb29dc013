// SPDX-License-Identifier: BSL-1.0
// ianaports: integer tables stored as string literals. Internal; include ports.hpp.
//
// The generator writes each integer table as the little-endian bytes of its values inside
// string literals, because compilers read a literal many times faster than a braced list of
// numbers (about 1.1 s of clang++ time for the registry as braced lists). A row of a table is one
// literal of at most 65535 characters, the longest every C++ compiler must accept, which a
// function returns (Literals::row(r)), itself or, with g++, as the char array it initialises
// (IANAPORTS_TABLE_ROW_BEGIN in config.hpp says why).
#ifndef IANAPORTS_DETAIL_PACKED_TABLE_HPP
#define IANAPORTS_DETAIL_PACKED_TABLE_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// The unsigned T whose little-endian bytes start at from. A function of the value's type alone,
// not of its table: each table is a type of its own, and its own copy of this cost a TU that
// asked one lookup some forty instantiations, most of them never called. g++ remembers each
// constant evaluation of a call by its arguments: from points into a char array there, which it
// hashes by the array's name (into a literal, it would hash the literal's every byte).
template <typename T>
constexpr T load_little_endian(const char* from) noexcept {
  if constexpr (sizeof(T) == 1) {  // a byte is a byte
    return static_cast<T>(static_cast<unsigned char>(*from));
  } else {
#if IANAPORTS_WORD_LOADS
    // At run time, one load: the bytes are little-endian, like the machine. g++ 12 does not
    // merge the byte reads below into a load, and make_record spent 840 instructions a row
    // in them (callgrind, portinfo --search 22).
    if (IANAPORTS_LITTLE_ENDIAN && !IANAPORTS_IS_CONSTANT_EVALUATED()) {
      T value = 0;  // C++17 constexpr functions may not declare a variable uninitialised
      IANAPORTS_MEMCPY(&value, from, sizeof(T));
      return value;
    }
#endif
    // Byte by byte: the only way constant evaluation can read the bytes. One expression, with
    // no loop and no call: constant evaluation counts every step of a loop against its limit,
    // and g++ spends as long on a call as on the byte it reads.
    using byte = unsigned char;
    if constexpr (sizeof(T) == 2) {
      return static_cast<T>(T{byte(from[0])} | T{byte(from[1])} << 8);
    } else if constexpr (sizeof(T) == 4) {
      return static_cast<T>(T{byte(from[0])} | T{byte(from[1])} << 8 | T{byte(from[2])} << 16 |
                            T{byte(from[3])} << 24);
    } else {  // eight bytes (written as std::uint64_t, which T is here, for cppcheck)
      using word = std::uint64_t;
      return static_cast<T>(word{byte(from[0])} | word{byte(from[1])} << 8 |
                            word{byte(from[2])} << 16 | word{byte(from[3])} << 24 |
                            word{byte(from[4])} << 32 | word{byte(from[5])} << 40 |
                            word{byte(from[6])} << 48 | word{byte(from[7])} << 56);
    }
  }
}

// Count values of the unsigned type T, RowElements to a row, in the rows Literals::row(r)
// returns, every byte xored with ByteMask (0, or for a table whose values a lookup compares or
// returns, the generator's choice, which writes the literal shortest). Rows are evenly filled
// rather than a power of two long: padding cost more memory than a division by a constant costs
// time.
template <typename T, std::size_t Count, std::size_t Rows, std::size_t RowElements,
          typename Literals, unsigned ByteMask>
struct packed_table {
  static_assert(Rows * RowElements >= Count, "the rows hold every value");
  static_assert(ByteMask <= 0xFF, "the mask is a byte");

  static constexpr std::size_t rows = Rows;

  // ByteMask in every byte of a T.
  static constexpr T mask = static_cast<T>(ByteMask * (static_cast<T>(~T{0}) / 0xFFU));

  // Row r's bytes (r < Rows).
  static constexpr const char* row(std::size_t r) noexcept { return Literals::row(r); }

  static constexpr std::size_t size() noexcept { return Count; }

  // The value at index (< Count).
  // One statement: constant evaluation counts each statement it runs against its limit, and a
  // walk over the registry reads a table or two a row.
  [[nodiscard]] constexpr T operator[](std::size_t index) const noexcept {
    return static_cast<T>(
        load_little_endian<T>(Literals::row(Rows == 1 ? 0 : index / RowElements) +
                              (Rows == 1 ? index : index % RowElements) * sizeof(T)) ^
        mask);
  }

  // The value at column of row, for a table whose rows are fields (name_keys: a row per key
  // word), read without dividing.
  [[nodiscard]] constexpr T at(std::size_t row, std::size_t column) const noexcept {
    return static_cast<T>(load_little_endian<T>(Literals::row(row) + column * sizeof(T)) ^ mask);
  }
};

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_PACKED_TABLE_HPP
