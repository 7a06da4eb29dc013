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

constexpr std::uint64_t mix(std::uint64_t value) noexcept {
  value ^= value >> 32;
  value *= mix_multiplier;
  value ^= value >> 32;
  return value;
}

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

  [[nodiscard]] constexpr std::uint64_t hash(std::uint64_t seed) const noexcept {
    std::uint64_t h = seed;
    for (std::size_t i = 0; i < Words; ++i) {
      h = mix(h ^ word[i]);
    }
    return h;
  }

  // Is this the key at slot of keys, a table of Words-word keys?
  template <typename Keys>
  [[nodiscard]] constexpr bool equals(const Keys& keys, std::size_t slot) const noexcept {
    for (std::size_t i = 0; i < Words; ++i) {
      if (word[i] != keys[slot * Words + i]) {
        return false;
      }
    }
    return true;
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
