// SPDX-License-Identifier: BSL-1.0
// ianaports: the service-name key and perfect hash. Internal; include ports.hpp.
//
// These are the steps of codegen/perfect_hash.py, which places each name in the slot they
// compute; its constants (multipliers, pilot shift, seed) come from the generated header, and
// tables.hpp checks a few of the generator's (name, slot) pairs at compile time, so that a step
// changed on one side alone fails every build with a message that says so.
#ifndef IANAPORTS_DETAIL_NAME_HASH_HPP
#define IANAPORTS_DETAIL_NAME_HASH_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

constexpr std::uint64_t rotate_left(std::uint64_t value, unsigned bits) noexcept {
  return bits == 0 ? value : (value << bits) | (value >> (64 - bits));
}

constexpr std::uint64_t mix(std::uint64_t value, std::uint64_t multiplier) noexcept {
  value ^= value >> 32;
  value *= multiplier;
  value ^= value >> 32;
  return value;
}

#if IANAPORTS_WORD_LOADS
// Bytes [from, from + 8) of text as a little-endian word, zero past the end of text. Reads no
// byte outside text: short tails are read as overlapping loads that end at its last byte.
inline std::uint64_t load_bytes(std::string_view text, std::size_t from) noexcept {
  const char* at = text.data() + from;
  const std::size_t size = text.size();
  std::uint64_t word = 0;
  if (from >= size) {
    return 0;
  }
  const std::size_t count = size - from < 8 ? size - from : 8;
  if (count == 8) {
    IANAPORTS_MEMCPY(&word, at, 8);
  } else if (size >= 8) {  // the 8 bytes ending at the text's end, shifted down
    IANAPORTS_MEMCPY(&word, at + count - 8, 8);
    word >>= 8 * (8 - count);
  } else if (count >= 4) {  // 4-7 bytes: two 4-byte loads that overlap
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    IANAPORTS_MEMCPY(&low, at, 4);
    IANAPORTS_MEMCPY(&high, at + count - 4, 4);
    word = low | (std::uint64_t{high} << (8 * (count - 4)));
  } else {  // 1-3 bytes: the first, middle and last, which may coincide
    const auto byte = [at](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
    };
    word = byte(0) | byte(count / 2) | byte(count - 1);
  }
  return word;
}

#endif

// Each byte 'A'-'Z' of word made lower case, all others kept (bytes 0x80 and up too).
constexpr std::uint64_t lower_ascii_letters(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101u;
  const std::uint64_t low7 = word & (0x7F * ones);
  const std::uint64_t above_z = low7 + (0x7F - 'Z') * ones;  // top bit: low 7 bits > 'Z'
  const std::uint64_t from_a = low7 + (0x80 - 'A') * ones;   // top bit: low 7 bits >= 'A'
  const std::uint64_t upper = from_a & ~above_z & ~word & (0x80 * ones);
  return word | (upper >> 2);  // 0x80 >> 2 is the case bit, 0x20
}

// A name folded to ASCII lower case (RFC 6335 section 5.1: names compare case-insensitively)
// and packed little-endian into Words words, zero padded, its length in the last byte. The
// length byte keeps "http" apart from "http\0".
template <std::size_t Words>
struct name_key {
  static_assert(Words * 8 <= 256, "a key's last byte holds its length");

  std::uint64_t word[Words] = {};
  // What the hash reads: the name's bytes or-ed with 0x20, padding too, and then the length
  // byte. That folds the case of letters without telling them from other bytes, and takes one
  // instruction, where the fold takes seven: the hash need not wait for the fold, which only
  // the key comparison, after the pilot's load, needs. (Registry names that differ in bit 0x20
  // of other bytes alone would share a hash; the generator rejects them.)
  std::uint64_t hashed[Words] = {};

  // Returns false for a name no registry key can equal: empty or too long for the keys.
  constexpr bool assign(std::string_view name) noexcept {
    if (name.empty() || name.size() >= Words * 8) {
      return false;
    }
    std::uint64_t raw[Words] = {};  // the name's bytes as they are, zero padded
#if IANAPORTS_WORD_LOADS
    if (IANAPORTS_LITTLE_ENDIAN && !IANAPORTS_IS_CONSTANT_EVALUATED()) {
      // Words at a time: folding byte by byte stalls on store forwarding and cost more than
      // the rest of a lookup together. Two words, the registry's case (names of at most 15
      // bytes), have their own path, which keeps the key in registers.
      if constexpr (Words == 2) {
        load_short(name, raw[0], raw[1]);
      } else {
        for (std::size_t i = 0; i < Words; ++i) {
          raw[i] = load_bytes(name, i * 8);
        }
      }
    } else
#endif
    {
      for (std::size_t i = 0; i < name.size(); ++i) {
        raw[i / 8] |= std::uint64_t{static_cast<unsigned char>(name[i])} << (8 * (i % 8));
      }
    }
    constexpr std::uint64_t case_bits = 0x2020202020202020u;
    for (std::size_t i = 0; i < Words; ++i) {
      word[i] = lower_ascii_letters(raw[i]);
      hashed[i] = raw[i] | (i + 1 < Words ? case_bits : case_bits >> 8);
    }
    word[Words - 1] |= std::uint64_t{name.size()} << 56;
    hashed[Words - 1] |= std::uint64_t{name.size()} << 56;
    return true;
  }

  // Each word of hashed multiplied (the first by first_multiplier, the others by
  // word_multiplier), the products rotated apart and xored: they do not wait on one another,
  // so the hash is one multiply and an xor long. name_bucket reads its high half, where every
  // byte of the name counts; name_slot mixes it first.
  [[nodiscard]] constexpr std::uint64_t hash(std::uint64_t seed, std::uint64_t first_multiplier,
                                             std::uint64_t word_multiplier) const noexcept {
    std::uint64_t h = (hashed[0] ^ seed) * first_multiplier;
    for (std::size_t i = 1; i < Words; ++i) {
      h ^= rotate_left((hashed[i] ^ seed) * word_multiplier, (8 * (i - 1)) % 64);
    }
    return h;
  }

  // Is this the key at slot of keys, a packed table of the keys' words, word-major, in rows of
  // 1 << row_shift slots (slot_count of them in all)?
  template <typename Keys>
  [[nodiscard]] constexpr bool equals(const Keys& keys, std::size_t slot, std::size_t slot_count,
                                      unsigned row_shift) const noexcept {
    const std::size_t row = slot >> row_shift;
    const std::size_t column = slot & ((std::size_t{1} << row_shift) - 1);
    bool same = true;
    for (std::size_t i = 0; i < Words; ++i) {
      same = same && word[i] == keys.at(i * (slot_count >> row_shift) + row, column);
    }
    return same;
  }

#if IANAPORTS_WORD_LOADS
 private:
  static std::uint64_t all_ones_if(bool condition) noexcept {
    return condition ? ~std::uint64_t{0} : 0;  // compiled as a set and a negation: no branch
  }

  static std::uint32_t load4(const char* at) noexcept {
    std::uint32_t value = 0;
    IANAPORTS_MEMCPY(&value, at, 4);
    return value;
  }

  // The bytes of a name of 1-15 bytes as two words, with one branch that every name of 4
  // bytes or more takes. Branches on the length (8 bytes or more, 4-7) were mispredicted on
  // about half the lookups of mixed names, at some 15 cycles each. Four 4-byte loads, at
  // offsets clamped to the name, cover any length from 4 to 15; where two overlap they read
  // the same bytes, so or-ing them is exact. low and high come in zero.
  static void load_short(std::string_view name, std::uint64_t& low, std::uint64_t& high) noexcept {
    const char* at = name.data();
    const std::size_t size = name.size();
    if (size >= 4) {
      const std::size_t second = size - 4 < 4 ? size - 4 : 4;  // bytes [second, second + 4)
      const std::size_t third = size - 4 < 8 ? size - 4 : 8;
      low = load4(at) | (std::uint64_t{load4(at + second)} << (8 * second));
      // Bytes 8-11 when the name has them all; the last four bytes, moved from their place
      // (size - 4) to size - 12, the bytes below 8 shifted out. Masks, not conditions, so
      // that no branch depends on the length.
      const std::uint64_t middle = load4(at + third) & all_ones_if(size >= 12);
      const std::uint64_t last =
          (std::uint64_t{load4(at + size - 4)} << 32) >> ((128 - 8 * size) & 63);
      high = middle | (last & all_ones_if(size > 8));
    } else {  // 1-3 bytes: the first, middle and last, which may coincide
      const auto byte = [at](std::size_t i) {
        return std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
      };
      low = byte(0) | byte(size / 2) | byte(size - 1);
    }
  }
#endif
};

// "fastrange" (Lemire): a 32-bit hash scaled to [0, count) without a division.
constexpr std::uint32_t scale(std::uint64_t hash32, std::uint32_t count) noexcept {
  return static_cast<std::uint32_t>(((hash32 & 0xFFFFFFFFu) * count) >> 32);
}

constexpr std::uint32_t name_bucket(std::uint64_t hash, std::uint32_t bucket_count) noexcept {
  return scale(hash >> 32, bucket_count);
}

// The hash mixed, and the pilot xored into its low half's bits from pilot_shift up, which
// scale reads first: a key can reach as many slots as a pilot has values, spread over the
// table. The mix makes the slot independent of the bucket (a product's low bits see only its
// input's low bits), and costs no time: it runs while the pilot loads. After the load come only
// an xor and a scale, a shift for the generator's power-of-two slot counts (a mix after the load
// would lengthen every lookup's critical path).
constexpr std::uint32_t name_slot(std::uint64_t mixed_hash, std::uint64_t pilot,
                                  std::uint32_t slot_count, unsigned pilot_shift) noexcept {
  return scale(mixed_hash ^ (pilot << pilot_shift), slot_count);
}

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_NAME_HASH_HPP
