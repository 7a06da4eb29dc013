// SPDX-License-Identifier: BSL-1.0
// The queries every implementation answers in ianaports_bench: made once, from fixed seeds, so
// every run on every machine asks the same questions in the same order.
#ifndef IANAPORTS_BENCH_KEY_LISTS_HPP
#define IANAPORTS_BENCH_KEY_LISTS_HPP

#include <cstddef>        // std::size_t
#include <cstdint>        // std::uint16_t, std::uint32_t, std::uint64_t
#include <optional>       // std::optional
#include <random>         // std::mt19937_64
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_set>  // std::unordered_set
#include <utility>        // std::move, std::swap
#include <vector>         // std::vector

#include <ianaports/records.hpp>

namespace ianaports_bench {

// What a name lookup answers, as one integer every implementation can produce: the port, or
// no_port (no such name, or no tcp port for it). It also feeds the latency chain.
inline constexpr std::uint32_t no_port = 0x10000;

inline std::uint32_t answer(std::optional<std::uint16_t> port) {
  return port ? std::uint32_t{*port} : no_port;
}

// std::shuffle and the std:: distributions are implementation-defined, so libstdc++ and libc++
// would draw different lists from one seed; mt19937_64's raw output is specified by the
// standard. (The modulo bias is irrelevant at these sizes.)
class fixed_random {
 public:
  explicit fixed_random(std::uint64_t seed) : engine_(seed) {}
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(engine_() % bound); }
  bool coin() { return (engine_() >> 63) != 0; }

  template <typename T>
  void shuffle(std::vector<T>& items) {  // Fisher-Yates
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[below(i)]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

inline char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

inline std::string lowered_copy(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    c = ianaports::ascii_lower(c);
  }
  return lowered;
}

// Every distinct service name in the registry once, in mixed case, plus about 10% names that
// are not in it, shuffled together.
struct name_queries {
  std::vector<std::string> mixed_case;  // "hTtPs", "SsH"...
  std::vector<std::string> lowered;     // the same names, same order, lower case
  // Views into the two above, which never change after construction. The peers take a view;
  // getservbyname_r takes the std::string for its NUL terminator.
  std::vector<std::string_view> mixed_case_views;
  std::vector<std::string_view> lowered_views;
  std::size_t registered = 0;  // names in the registry
  std::size_t misses = 0;      // names not in it
};

inline name_queries make_name_queries() {
  name_queries queries;
  std::unordered_set<std::string> seen;  // folded: names compare case-insensitively
  for (const ianaports::record& row : ianaports::records()) {
    if (!row.service.empty() && seen.insert(lowered_copy(row.service)).second) {
      queries.lowered.emplace_back(lowered_copy(row.service));
    }
  }
  queries.registered = queries.lowered.size();

  // Misses look like names: one character appended, prepended or replaced, never a registered
  // name. Nine names to a miss makes them 10% of the list.
  fixed_random random(0x1a9a5e7d);
  constexpr std::string_view alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
  const std::size_t miss_count = queries.registered / 9;
  std::unordered_set<std::string> misses;
  while (misses.size() < miss_count) {
    std::string miss = queries.lowered[random.below(queries.registered)];
    const char extra = alphabet[random.below(alphabet.size())];
    switch (random.below(3)) {
      case 0: miss.push_back(extra); break;
      case 1: miss.insert(miss.begin(), extra); break;
      default: miss[random.below(miss.size())] = extra; break;
    }
    if (ianaports::by_name(miss).empty() && misses.insert(miss).second) {
      queries.lowered.push_back(miss);
    }
  }
  queries.misses = misses.size();

  random.shuffle(queries.lowered);
  for (const std::string& name : queries.lowered) {
    std::string mixed = name;
    for (char& c : mixed) {
      c = random.coin() ? ascii_upper(c) : c;
    }
    queries.mixed_case.push_back(std::move(mixed));
  }
  queries.mixed_case_views.assign(queries.mixed_case.begin(), queries.mixed_case.end());
  queries.lowered_views.assign(queries.lowered.begin(), queries.lowered.end());
  return queries;
}

struct port_query {
  std::uint16_t port;
  ianaports::protocol protocol;
};

// Every port, 0 to 65535, for tcp and for udp: 131072 queries, shuffled.
inline std::vector<port_query> make_port_queries() {
  std::vector<port_query> queries;
  for (const ianaports::protocol protocol : {ianaports::protocol::tcp, ianaports::protocol::udp}) {
    for (std::uint32_t port = 0; port <= 0xFFFF; ++port) {
      queries.push_back({static_cast<std::uint16_t>(port), protocol});
    }
  }
  fixed_random(0x9047).shuffle(queries);
  return queries;
}

// Every stride-th item, for the peers too slow to ask everything (getservbyname_r...).
template <typename T>
std::vector<T> every_nth(const std::vector<T>& items, std::size_t wanted) {
  std::vector<T> picked;
  const std::size_t stride = items.size() > wanted ? items.size() / wanted : 1;
  for (std::size_t i = 0; i < items.size() && picked.size() < wanted; i += stride) {
    picked.push_back(items[i]);
  }
  return picked;
}

}  // namespace ianaports_bench

#endif  // IANAPORTS_BENCH_KEY_LISTS_HPP
