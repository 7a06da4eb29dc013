// SPDX-License-Identifier: BSL-1.0
// What ianaports is measured against: the containers a program would otherwise fill from the
// registry at start-up, and the C library's own service lookup. Each peer is built from
// ianaports::records(), so it holds the same data, and answers by the same rules:
//   port_of(name, tcp): the first port of the first row with that name, with ports, holding
//                       for tcp (its transport is tcp, or none: "every protocol");
//   name_of(port, p):   the first non-empty name among the rows covering the port for p.
// bench_lookups.cpp checks every answer against ianaports before it measures anything.
#ifndef IANAPORTS_BENCH_PEERS_HPP
#define IANAPORTS_BENCH_PEERS_HPP

#include <algorithm>      // std::lower_bound, std::sort
#include <cstddef>        // std::size_t
#include <cstdint>        // std::uint16_t, std::uint32_t
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <ianaports/records.hpp>

#include "key_lists.hpp"

#if defined(__GLIBC__) || defined(__linux__)
#include <arpa/inet.h>  // htons, ntohs
#include <netdb.h>      // getservbyname_r, getservbyport_r (GNU extensions)
#define IANAPORTS_BENCH_GETSERV 1
#else
#define IANAPORTS_BENCH_GETSERV 0
#endif

namespace ianaports_bench {

// Calls found(folded name, port) for each row that can answer port_of(name, tcp), in registry
// order: the first call for a name is its answer.
template <typename Found>
void for_each_tcp_port(Found found) {
  for (const ianaports::record& row : ianaports::records()) {
    if (!row.service.empty() && row.ports && row.holds_for(ianaports::protocol::tcp)) {
      found(lowered_copy(row.service), row.ports->first);
    }
  }
}

// Copies name, folded to lower case, into scratch: the peers' keys are lower case, and a
// lookup must ignore case as ianaports does. The buffer is reused, so this allocates nothing
// once it has grown.
inline std::string_view fold_into(std::string& scratch, std::string_view name) {
  scratch.assign(name);
  for (char& c : scratch) {
    c = ianaports::ascii_lower(c);
  }
  return scratch;
}

class unordered_map_peer {
 public:
  unordered_map_peer() {
    for_each_tcp_port([&](std::string name, std::uint16_t port) {
      ports_.emplace(std::move(name), port);  // emplace keeps the first row's port
    });
  }

  std::uint32_t port_of(std::string_view name, std::string& scratch) const {
    // C++17 has no heterogeneous find for unordered_map: the key must be a std::string.
    fold_into(scratch, name);
    const auto found = ports_.find(scratch);
    return found == ports_.end() ? no_port : found->second;
  }

 private:
  std::unordered_map<std::string, std::uint16_t> ports_;
};

class sorted_vector_peer {
 public:
  sorted_vector_peer() {
    std::unordered_map<std::string, std::uint16_t> first_port;
    for_each_tcp_port(
        [&](std::string name, std::uint16_t port) { first_port.emplace(std::move(name), port); });
    ports_.assign(first_port.begin(), first_port.end());
    std::sort(ports_.begin(), ports_.end());
  }

  std::uint32_t port_of(std::string_view name, std::string& scratch) const {
    const std::string_view key = fold_into(scratch, name);
    const auto found = std::lower_bound(
        ports_.begin(), ports_.end(), key,
        [](const std::pair<std::string, std::uint16_t>& entry, std::string_view wanted) {
          return std::string_view(entry.first) < wanted;
        });
    return found != ports_.end() && found->first == key ? found->second : no_port;
  }

 private:
  std::vector<std::pair<std::string, std::uint16_t>> ports_;  // by name
};

// port -> name as a sorted array of (protocol, port) keys, tcp and udp. A row for a range of
// ports (6000-6063...) is written out port by port, so one binary search answers any port.
class port_names_peer {
 public:
  port_names_peer() {
    constexpr ianaports::protocol protocols[] = {ianaports::protocol::tcp,
                                                 ianaports::protocol::udp};
    std::vector<bool> named(2 * 0x10000);
    for (const ianaports::record& row : ianaports::records()) {
      if (row.service.empty() || !row.ports) {
        continue;
      }
      for (const ianaports::protocol p : protocols) {
        if (!row.holds_for(p)) {
          continue;
        }
        for (std::uint32_t port = row.ports->first; port <= row.ports->last; ++port) {
          const std::uint32_t key = key_of(static_cast<std::uint16_t>(port), p);
          if (!named[key]) {  // the first name in registry order wins
            named[key] = true;
            names_.push_back({key, row.service});
          }
        }
      }
    }
    std::sort(names_.begin(), names_.end(),
              [](const entry& a, const entry& b) { return a.key < b.key; });
  }

  std::string_view name_of(std::uint16_t port, ianaports::protocol p) const {
    const std::uint32_t key = key_of(port, p);
    const auto found = std::lower_bound(
        names_.begin(), names_.end(), key,
        [](const entry& candidate, std::uint32_t wanted) { return candidate.key < wanted; });
    return found != names_.end() && found->key == key ? found->name : std::string_view();
  }

  std::size_t size() const { return names_.size(); }

 private:
  struct entry {
    std::uint32_t key;
    std::string_view name;  // into ianaports' static tables
  };

  static std::uint32_t key_of(std::uint16_t port, ianaports::protocol p) {
    return (p == ianaports::protocol::udp ? 0x10000U : 0U) | port;
  }

  std::vector<entry> names_;
};

#if IANAPORTS_BENCH_GETSERV
// glibc reads the services database (nsswitch.conf "services:", usually /etc/services) on each
// call. It is a peer for speed only: its data is the machine's, not this registry's.
inline std::uint32_t getservbyname_port(const std::string& name) {
  servent entry{};
  servent* found = nullptr;
  char buffer[1024];
  if (getservbyname_r(name.c_str(), "tcp", &entry, buffer, sizeof buffer, &found) != 0 ||
      found == nullptr) {
    return no_port;
  }
  return ntohs(static_cast<std::uint16_t>(found->s_port));
}

// The length of the name found, 0 for none: enough to use the answer.
inline std::size_t getservbyport_name_size(port_query query) {
  servent entry{};
  servent* found = nullptr;
  char buffer[1024];
  const char* protocol = query.protocol == ianaports::protocol::udp ? "udp" : "tcp";
  if (getservbyport_r(static_cast<int>(htons(query.port)), protocol, &entry, buffer, sizeof buffer,
                      &found) != 0 ||
      found == nullptr) {
    return 0;
  }
  return std::string_view(found->s_name).size();
}

// Every entry of the services database, as getent services reads them (setservent, getservent_r
// until the end, endservent): how many there were, and their names' length, enough to use them.
struct services_walk {
  std::size_t entries = 0;
  std::size_t name_bytes = 0;
};
inline services_walk getservent_walk() {
  services_walk walk;
  servent entry{};
  servent* found = nullptr;
  char buffer[4096];
  setservent(0);
  while (getservent_r(&entry, buffer, sizeof buffer, &found) == 0 && found != nullptr) {
    ++walk.entries;
    walk.name_bytes += std::string_view(found->s_name).size();
  }
  endservent();
  return walk;
}
#endif

}  // namespace ianaports_bench

#endif  // IANAPORTS_BENCH_PEERS_HPP
