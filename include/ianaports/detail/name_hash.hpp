// ianaports: the service-name key and perfect hash. Internal; include ports.hpp.
//
// This mirrors codegen/perfect_hash.py bit for bit: the generator places each name in the slot
// these functions compute. A change on one side alone makes names unfindable, which the oracle
// test (every name in the registry) reports at once.
#ifndef IANAPORTS_DETAIL_NAME_HASH_HPP
#define IANAPORTS_DETAIL_NAME_HASH_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

inline constexpr std::uint64_t mix_multiplier = 0xD6E8FEB86659FD93u;
inline constexpr std::uint64_t pilot_multiplier = 0x9E3779B97F4A7C15u;

constexpr std::uint64_t rotate_left(std::uint64_t value, unsigned bits) noexcept {
  return bits == 0 ? value : (value << bits) | (value >> (64 - bits));
}

constexpr std::uint64_t mix(std::uint64_t value) noexcept {
  value ^= value >> 32;
  value *= mix_multiplier;
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
    __builtin_memcpy(&word, at, 8);
  } else if (size >= 8) {  // the 8 bytes ending at the text's end, shifted down
    __builtin_memcpy(&word, at + count - 8, 8);
    word >>= 8 * (8 - count);
  } else if (count >= 4) {  // 4-7 bytes: two 4-byte loads that overlap
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    __builtin_memcpy(&low, at, 4);
    __builtin_memcpy(&high, at + count - 4, 4);
    word = low | (std::uint64_t{high} << (8 * (count - 4)));
  } else {  // 1-3 bytes: the first, middle and last, which may coincide
    const auto byte = [at](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
    };
    word = byte(0) | byte(count / 2) | byte(count - 1);
  }
  return word;
}

// Each byte 'A'-'Z' of word made lower case, all others kept (bytes 0x80 and up too).
constexpr std::uint64_t fold_ascii_upper(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101u;
  const std::uint64_t low7 = word & (0x7F * ones);
  const std::uint64_t above_z = low7 + (0x7F - 'Z') * ones;  // top bit: low 7 bits > 'Z'
  const std::uint64_t from_a = low7 + (0x80 - 'A') * ones;   // top bit: low 7 bits >= 'A'
  const std::uint64_t upper = from_a & ~above_z & ~word & (0x80 * ones);
  return word | (upper >> 2);  // 0x80 >> 2 is the case bit, 0x20
}
#endif

// A name folded to ASCII lower case (RFC 6335 section 5.1: names compare case-insensitively)
// and packed little-endian into Words words, zero padded, its length in the last byte. The
// length byte keeps "http" apart from "http\0".
template <std::size_t Words>
struct name_key {
  std::uint64_t word[Words] = {};

  // Returns false for a name no registry key can equal: empty or too long for the keys.
  constexpr bool assign(std::string_view name) noexcept {
    if (name.empty() || name.size() >= Words * 8 || name.size() > 255) {
      return false;
    }
#if IANAPORTS_WORD_LOADS
    if (!__builtin_is_constant_evaluated()) {
      // Eight bytes at a time: folding byte by byte stalls on store forwarding and cost more
      // than the rest of a lookup together. Two words, the registry's case (names of at most
      // 15 bytes), are written out so that the key stays in registers.
      if constexpr (Words == 2) {
        word[0] = fold_ascii_upper(load_bytes(name, 0));
        word[1] = fold_ascii_upper(load_bytes(name, 8)) | (std::uint64_t{name.size()} << 56);
      } else {
        for (std::size_t i = 0; i < Words; ++i) {
          word[i] = fold_ascii_upper(load_bytes(name, i * 8));
        }
        word[Words - 1] |= std::uint64_t{name.size()} << 56;
      }
      return true;
    }
#endif
    for (std::size_t i = 0; i < name.size(); ++i) {
      auto byte = static_cast<unsigned char>(name[i]);
      if (byte >= 'A' && byte <= 'Z') {
        byte = static_cast<unsigned char>(byte | 0x20);  // only ASCII folds: names are ASCII
      }
      word[i / 8] |= std::uint64_t{byte} << (8 * (i % 8));
    }
    word[Words - 1] |= std::uint64_t{name.size()} << 56;
    return true;
  }

  // The first word mixed, each other word multiplied and rotated into it: the products do not
  // wait on one another, so the hash is about one mix long, not one per word.
  [[nodiscard]] constexpr std::uint64_t hash(std::uint64_t seed) const noexcept {
    std::uint64_t h = mix(seed ^ word[0]);
    for (std::size_t i = 1; i < Words; ++i) {
      h ^= rotate_left((word[i] ^ seed) * pilot_multiplier, (8 * (i - 1)) % 64);
    }
    return h;
  }

  // Is this the key at slot of keys, a packed table with a row per key word?
  template <typename Keys>
  [[nodiscard]] constexpr bool equals(const Keys& keys, std::size_t slot) const noexcept {
    bool same = true;
    for (std::size_t i = 0; i < Words; ++i) {
      same = same && word[i] == keys.at(i, slot);
    }
    return same;
  }
};

// "fastrange" (Lemire): a 32-bit hash scaled to [0, count) without a division.
constexpr std::uint32_t scale(std::uint64_t hash32, std::uint32_t count) noexcept {
  return static_cast<std::uint32_t>(((hash32 & 0xFFFFFFFFu) * count) >> 32);
}

constexpr std::uint32_t name_bucket(std::uint64_t hash, std::uint32_t bucket_count) noexcept {
  return scale(hash >> 32, bucket_count);
}

constexpr std::uint32_t name_slot(std::uint64_t hash, std::uint64_t pilot,
                                  std::uint32_t slot_count) noexcept {
  return scale(mix(hash ^ (pilot * pilot_multiplier)), slot_count);
}

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_NAME_HASH_HPP
