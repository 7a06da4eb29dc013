// SPDX-License-Identifier: BSL-1.0
// ianaports_bench: ianaports against its peers, on the same registry and the same queries, in
// one run, so that every figure can be read as a ratio.
//
//   python3 bench/report.py                    # runs it, prints a Markdown table
//   build/bench/bench/ianaports_bench --benchmark_filter=name_to_port
//
// Groups (the part of a name before '/'):
//   name_to_port          throughput: every registered name, ~10% misses, shuffled, mixed case
//   name_to_port_latency  the same, each query waiting for the answer to the last one
//   port_to_name          every port 0-65535, tcp and udp, shuffled
//   iterate               ianaports' row queries, each row read in full
//   ranges                by_range over 10- and 1024-port spans, its size() and empty(), and
//                         by_protocol(p).size(), set against by_port and its rows
// Each iteration asks the whole list; the counter time_per_item is the time per query (per
// row for iterate/records), and the label says which; rows_per_query counts what was read.
#include <benchmark/benchmark.h>

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t, std::uint32_t, std::uint64_t, std::uintptr_t
#include <cstdio>       // std::fprintf
#include <iterator>     // std::begin, std::end
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <ianaports/records.hpp>

#include "key_lists.hpp"
#include "peers.hpp"

#if IANAPORTS_BENCH_GPERF
#include "gperf_peers.hpp"
#endif

#if defined(__GLIBC__)
#include <gnu/libc-version.h>  // gnu_get_libc_version
#endif

namespace {

using namespace ianaports_bench;
using ianaports::protocol;

// Slow peers (they read /etc/services on every call) answer this many queries, spread over the
// lists, rather than all of them.
constexpr std::size_t slow_peer_queries = 256;

struct port_slice {
  ianaports::port_range ports;
  ianaports::protocol protocol;
};

struct inputs {
  name_queries names = make_name_queries();
  std::vector<port_query> ports = make_port_queries();
  std::vector<std::string> slow_names = every_nth(names.lowered, slow_peer_queries);
  std::vector<port_query> slow_ports = every_nth(ports, slow_peer_queries);
  // by_range queries: the port space in 1024-port slices and in 10-port slices, tcp and udp.
  std::vector<port_slice> ranges = slices(1024);
  std::vector<port_slice> short_ranges = slices(10);
  // The by_port queries over TCP alone, the yardstick of the ranges group.
  std::vector<port_query> tcp_ports = [this] {
    std::vector<port_query> tcp;
    for (const port_query query : ports) {
      if (query.protocol == protocol::tcp) {
        tcp.push_back(query);
      }
    }
    return tcp;
  }();

  static std::vector<port_slice> slices(std::uint32_t width) {
    std::vector<port_slice> all;
    for (const protocol p : {protocol::tcp, protocol::udp}) {
      for (std::uint32_t first = 0; first + width - 1 <= 0xFFFF; first += width) {
        all.push_back(
            {{static_cast<std::uint16_t>(first), static_cast<std::uint16_t>(first + width - 1)},
             p});
      }
    }
    return all;
  }
};

struct peers {
  unordered_map_peer unordered_map;
  sorted_vector_peer sorted_vector;
  port_names_peer port_names;
};

// Seen by the benchmarks through volatile pointers only, so the optimiser can assume nothing
// about the queries or the peers' contents (frozen's benchmarks/bench_str_map.cpp does this).
inputs const* volatile the_inputs = nullptr;
peers const* volatile the_peers = nullptr;
// Zero at run time; the compiler cannot know it (see name_to_port_latency).
volatile std::uint32_t opaque_zero = 0;

const inputs& in() {
  return *the_inputs;
}
const peers& peer() {
  return *the_peers;
}

void report_per_item(benchmark::State& state, std::size_t items_per_iteration, const char* item) {
  // kInvert turns "items per second" into seconds per item: the JSON's time_per_item.
  state.counters["time_per_item"] = benchmark::Counter(
      static_cast<double>(items_per_iteration),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetLabel(item);
}

// A name's answer and its address, so that neither can be left uncomputed.
std::uint64_t digest(std::string_view name) {
  return name.size() ^ reinterpret_cast<std::uintptr_t>(name.data());
}

// Throughput: the lookups are independent, so the CPU may overlap several.
template <typename Query, typename Lookup>
void each_query(benchmark::State& state, const std::vector<Query>& queries, Lookup lookup) {
  std::uint64_t checksum = 0;
  for (auto _ : state) {
    for (const Query& query : queries) {
      checksum += lookup(query);
    }
  }
  benchmark::DoNotOptimize(checksum);
  report_per_item(state, queries.size(), "per lookup");
}

// Latency: the next query's index depends on this answer (answer & zero is 0, but the compiler
// cannot know it), so each lookup starts only once the last one is done: the cost of a lookup
// on a program's critical path rather than in a batch.
template <typename Lookup>
void name_to_port_latency(benchmark::State& state, const std::vector<std::string_view>& names,
                          Lookup lookup) {
  const std::uint32_t zero = opaque_zero;
  std::size_t index = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::uint32_t port = lookup(names[index]);
      index += 1 + (port & zero);
      if (index >= names.size()) {
        index = 0;
      }
    }
  }
  benchmark::DoNotOptimize(index);
  report_per_item(state, names.size(), "per lookup");
}

// Reads every row a query finds, in full: a record is made field by field from the tables,
// and DoNotOptimize makes the compiler build all of it.
template <typename Query, typename Rows>
void each_row(benchmark::State& state, const std::vector<Query>& queries, Rows rows) {
  std::size_t rows_per_pass = 0;
  for (auto _ : state) {
    rows_per_pass = 0;
    for (const Query& query : queries) {
      for (ianaports::record row : rows(query)) {
        benchmark::DoNotOptimize(row);
        ++rows_per_pass;
      }
    }
  }
  report_per_item(state, queries.size(), "per query");
  state.counters["rows_per_query"] =
      static_cast<double>(rows_per_pass) / static_cast<double>(queries.size());
}

// A query that answers with a number (size(), empty()), for each of the list.
template <typename Query, typename Count>
void each_count(benchmark::State& state, const std::vector<Query>& queries, Count count) {
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const Query& query : queries) {
      total += count(query);
    }
    benchmark::DoNotOptimize(total);
  }
  report_per_item(state, queries.size(), "per query");
  state.counters["rows_per_query"] = 0;
}

// Every peer must give ianaports' answer to every query: otherwise the benchmarks would not
// compare the same work. Returns the number of disagreements, each printed.
int check_peers_agree() {
  int disagreements = 0;
  const auto expect = [&](const char* who, std::string_view query, std::uint64_t got,
                          std::uint64_t want) {
    if (got != want && ++disagreements <= 10) {
      std::fprintf(stderr, "ianaports_bench: %s answers %llu for \"%.*s\", ianaports %llu\n", who,
                   static_cast<unsigned long long>(got), static_cast<int>(query.size()),
                   query.data(), static_cast<unsigned long long>(want));
    }
  };
  std::string scratch;
  for (std::size_t i = 0; i < in().names.mixed_case_views.size(); ++i) {
    const std::string_view mixed = in().names.mixed_case_views[i];
    const std::string_view lowered = in().names.lowered_views[i];
    const std::uint32_t want = answer(ianaports::port_of(mixed, protocol::tcp));
    expect("ianaports (lowered)", lowered, answer(ianaports::port_of(lowered, protocol::tcp)),
           want);
    expect("unordered_map", mixed, peer().unordered_map.port_of(mixed, scratch), want);
    expect("lower_bound", mixed, peer().sorted_vector.port_of(mixed, scratch), want);
#if IANAPORTS_BENCH_GPERF
    expect("gperf --ignore-case", mixed, gperf_ignore_case_port(mixed), want);
    expect("gperf (case-sensitive)", lowered, gperf_case_sensitive_port(lowered), want);
#endif
  }
  std::size_t found = 0;
  for (const std::string_view name : in().names.mixed_case_views) {
    found += ianaports::by_name(name).empty() ? 0U : 1U;
  }
  expect("the key list (registered names found)", "", found, in().names.registered);
  for (const port_query query : in().ports) {
    const std::string_view want = ianaports::name_of(query.port, query.protocol);
    const std::string_view got = peer().port_names.name_of(query.port, query.protocol);
    if (got != want && ++disagreements <= 10) {
      std::fprintf(
          stderr, "ianaports_bench: lower_bound names %u/%s \"%.*s\", ianaports \"%.*s\"\n",
          unsigned{query.port}, query.protocol == protocol::tcp ? "tcp" : "udp",
          static_cast<int>(got.size()), got.data(), static_cast<int>(want.size()), want.data());
    }
  }
  return disagreements;
}

void add_context() {
#if defined(__clang__)
  benchmark::AddCustomContext("compiler", "clang++ " __clang_version__);
#elif defined(__GNUC__)
  benchmark::AddCustomContext("compiler", "g++ " __VERSION__);
#else
  benchmark::AddCustomContext("compiler", "unknown");
#endif
#ifdef IANAPORTS_BENCH_CXX_FLAGS
  benchmark::AddCustomContext("cxx_flags", IANAPORTS_BENCH_CXX_FLAGS);
#endif
  benchmark::AddCustomContext("cxx_standard", std::to_string(__cplusplus));
  benchmark::AddCustomContext("registry_updated", std::string(ianaports::registry_updated));
  benchmark::AddCustomContext("registry_rows", std::to_string(ianaports::records().size()));
  std::size_t without_tcp = 0;
  for (std::size_t i = 0; i < in().names.lowered_views.size(); ++i) {
    const std::string_view name = in().names.lowered_views[i];
    without_tcp += !ianaports::by_name(name).empty() && !ianaports::port_of(name) ? 1U : 0U;
  }
  benchmark::AddCustomContext("name_queries",
                              std::to_string(in().names.lowered.size()) + ": " +
                                  std::to_string(in().names.registered) + " registered names (" +
                                  std::to_string(without_tcp) + " without a tcp port), " +
                                  std::to_string(in().names.misses) + " misses");
  benchmark::AddCustomContext("port_queries", std::to_string(in().ports.size()) + " (" +
                                                  std::to_string(peer().port_names.size()) +
                                                  " named in the lower_bound array)");
#if IANAPORTS_BENCH_GPERF
  benchmark::AddCustomContext("gperf", IANAPORTS_BENCH_GPERF_VERSION);
#else
  benchmark::AddCustomContext("gperf", "not found at build time: gperf benchmarks left out");
#endif
#if defined(__GLIBC__)
  benchmark::AddCustomContext("glibc", gnu_get_libc_version());
#endif
#if IANAPORTS_BENCH_GETSERV
  std::size_t getserv_found = 0;
  for (const std::string& name : in().slow_names) {
    getserv_found += getservbyname_port(name) != no_port ? 1U : 0U;
  }
  benchmark::AddCustomContext("getserv_queries",
                              std::to_string(in().slow_names.size()) + " names (" +
                                  std::to_string(getserv_found) + " in this machine's services), " +
                                  std::to_string(in().slow_ports.size()) + " ports");
#endif
}

// Lookups as lambdas, not function pointers, so that each benchmark loop is compiled with its
// lookup inlined, whatever the compiler decides about the loop itself.
constexpr auto ianaports_port = [](std::string_view name) {
  return answer(ianaports::port_of(name, protocol::tcp));
};
// The peers fold case into a buffer of their own, reused from query to query.
template <typename Peer>
auto folding_lookup(const Peer& container) {
  return [&container, scratch = std::string()](std::string_view name) mutable {
    return container.port_of(name, scratch);
  };
}

void register_benchmarks() {
  using benchmark::RegisterBenchmark;
  using benchmark::State;

  RegisterBenchmark("name_to_port/ianaports", [](State& state) {
    each_query(state, in().names.mixed_case_views, ianaports_port);
  });
  RegisterBenchmark("name_to_port/unordered_map", [](State& state) {
    each_query(state, in().names.mixed_case_views, folding_lookup(peer().unordered_map));
  });
  RegisterBenchmark("name_to_port/lower_bound", [](State& state) {
    each_query(state, in().names.mixed_case_views, folding_lookup(peer().sorted_vector));
  });
#if IANAPORTS_BENCH_GPERF
  RegisterBenchmark("name_to_port/gperf_ignore_case", [](State& state) {
    each_query(state, in().names.mixed_case_views,
               [](std::string_view name) { return gperf_ignore_case_port(name); });
  });
  // gperf without --ignore-case, given names already folded to lower case (folding not timed):
  // the fastest gperf can be. ianaports_lowered asks ianaports the same folded names, so the
  // two compare like for like; report.py sets them side by side.
  RegisterBenchmark("name_to_port/gperf_case_sensitive_lowered", [](State& state) {
    each_query(state, in().names.lowered_views,
               [](std::string_view name) { return gperf_case_sensitive_port(name); });
  });
#endif
  RegisterBenchmark("name_to_port/ianaports_lowered", [](State& state) {
    each_query(state, in().names.lowered_views, ianaports_port);
  });
#if IANAPORTS_BENCH_GETSERV
  // glibc compares names case-sensitively and /etc/services is lower case: it gets folded names.
  RegisterBenchmark("name_to_port/getservbyname_r_lowered", [](State& state) {
    each_query(state, in().slow_names,
               [](const std::string& name) { return getservbyname_port(name); });
  });
#endif

  RegisterBenchmark("name_to_port_latency/ianaports", [](State& state) {
    name_to_port_latency(state, in().names.mixed_case_views, ianaports_port);
  });
  RegisterBenchmark("name_to_port_latency/unordered_map", [](State& state) {
    name_to_port_latency(state, in().names.mixed_case_views, folding_lookup(peer().unordered_map));
  });
  RegisterBenchmark("name_to_port_latency/lower_bound", [](State& state) {
    name_to_port_latency(state, in().names.mixed_case_views, folding_lookup(peer().sorted_vector));
  });
#if IANAPORTS_BENCH_GPERF
  RegisterBenchmark("name_to_port_latency/gperf_ignore_case", [](State& state) {
    name_to_port_latency(state, in().names.mixed_case_views,
                         [](std::string_view name) { return gperf_ignore_case_port(name); });
  });
#endif

  RegisterBenchmark("port_to_name/ianaports", [](State& state) {
    each_query(state, in().ports, [](port_query query) {
      return digest(ianaports::name_of(query.port, query.protocol));
    });
  });
  RegisterBenchmark("port_to_name/lower_bound", [](State& state) {
    const port_names_peer& port_names = peer().port_names;
    each_query(state, in().ports, [&port_names](port_query query) {
      return digest(port_names.name_of(query.port, query.protocol));
    });
  });
#if IANAPORTS_BENCH_GETSERV
  RegisterBenchmark("port_to_name/getservbyport_r", [](State& state) {
    each_query(state, in().slow_ports,
               [](port_query query) { return getservbyport_name_size(query); });
  });
  // The whole database, entry by entry, in this process: an entry's cost without getent's start
  // and printing (nss_timing.py compares the module with the files backend on the same entries).
  RegisterBenchmark("enumerate/getservent_r", [](State& state) {
    std::size_t entries = 0;
    std::size_t checksum = 0;
    for (auto _ : state) {
      const services_walk walk = getservent_walk();
      entries = walk.entries;
      checksum += walk.name_bytes;
    }
    benchmark::DoNotOptimize(checksum);
    report_per_item(state, entries, "per entry");
  });
#endif

  RegisterBenchmark("iterate/by_port", [](State& state) {
    each_row(state, in().ports,
             [](port_query query) { return ianaports::by_port(query.port, query.protocol); });
  });
  RegisterBenchmark("iterate/by_range", [](State& state) {
    each_row(state, in().ranges, [](const port_slice& slice) {
      return ianaports::by_range(slice.ports, slice.protocol);
    });
  });
  RegisterBenchmark("iterate/by_name", [](State& state) {
    each_row(state, in().names.mixed_case_views,
             [](std::string_view name) { return ianaports::by_name(name); });
  });
  // ranges: by_port and its rows is the yardstick report.py sets the others against.
  RegisterBenchmark("ranges/by_port", [](State& state) {
    each_row(state, in().tcp_ports,
             [](port_query query) { return ianaports::by_port(query.port, query.protocol); });
  });
  RegisterBenchmark("ranges/by_range_10", [](State& state) {
    each_row(state, in().short_ranges, [](const port_slice& slice) {
      return ianaports::by_range(slice.ports, slice.protocol);
    });
  });
  RegisterBenchmark("ranges/by_range_1024", [](State& state) {
    each_row(state, in().ranges, [](const port_slice& slice) {
      return ianaports::by_range(slice.ports, slice.protocol);
    });
  });
  RegisterBenchmark("ranges/by_range_10_size", [](State& state) {
    each_count(state, in().short_ranges, [](const port_slice& slice) {
      return ianaports::by_range(slice.ports, slice.protocol).size();
    });
  });
  RegisterBenchmark("ranges/by_range_10_empty", [](State& state) {
    each_count(state, in().short_ranges, [](const port_slice& slice) {
      return ianaports::by_range(slice.ports, slice.protocol).empty() ? 1U : 0U;
    });
  });
  RegisterBenchmark("ranges/by_range_1024_size", [](State& state) {
    each_count(state, in().ranges, [](const port_slice& slice) {
      return ianaports::by_range(slice.ports, slice.protocol).size();
    });
  });
  RegisterBenchmark("ranges/by_protocol_size", [](State& state) {
    const std::vector<protocol> protocols(std::begin(ianaports::all_protocols),
                                          std::end(ianaports::all_protocols));
    each_count(state, protocols, [](protocol p) { return ianaports::by_protocol(p).size(); });
  });

  RegisterBenchmark("iterate/records", [](State& state) {
    std::size_t rows = 0;
    for (auto _ : state) {
      rows = 0;
      for (ianaports::record row : ianaports::records()) {
        benchmark::DoNotOptimize(row);
        ++rows;
      }
    }
    report_per_item(state, rows, "per row");
  });
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  static const inputs built_inputs;
  static const peers built_peers;
  the_inputs = &built_inputs;
  the_peers = &built_peers;
  if (const int disagreements = check_peers_agree()) {
    std::fprintf(stderr,
                 "ianaports_bench: %d answer(s) differ from ianaports; the peers would not do the "
                 "same work, so nothing is measured\n",
                 disagreements);
    return 1;
  }
  add_context();
  register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
