// SPDX-License-Identifier: BSL-1.0
// The fuzzers' reference: plain linear scans over records(), the simplest possible reading of
// each query's contract in ports.hpp and records.hpp. A fuzzer aborts (a crash libFuzzer reports,
// with the input) when a lookup disagrees with its reference.
#ifndef IANAPORTS_TESTS_FUZZ_REFERENCE_HPP
#define IANAPORTS_TESTS_FUZZ_REFERENCE_HPP

#include <ianaports/records.hpp>

#include <cstdio>       // std::fprintf
#include <cstdlib>      // std::abort
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace reference {

namespace ip = ianaports;

// Every row, read once: the scans below then cost string comparisons only.
inline const std::vector<ip::record>& all_rows() {
  static const std::vector<ip::record> rows(ip::records().begin(), ip::records().end());
  return rows;
}

inline void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "lookup disagrees with the reference: %s\n", what);
    std::abort();
  }
}

inline void expect_rows(const ip::record_range& found, const std::vector<const ip::record*>& want,
                        const char* what) {
  expect(found.size() == want.size(), what);
  expect(found.empty() == want.empty(), what);
  std::size_t i = 0;
  for (const ip::record& r : found) {
    expect(i < want.size() && r == *want[i], what);
    ++i;
  }
  expect(i == want.size(), what);
}

}  // namespace reference

#endif  // IANAPORTS_TESTS_FUZZ_REFERENCE_HPP
