// SPDX-License-Identifier: BSL-1.0
// The fuzzers' reference: plain linear scans over records(), the simplest possible reading of
// each query's contract in ports.hpp. A fuzzer aborts (a crash libFuzzer reports, with the
// input) when a lookup disagrees with its reference.
#ifndef IANAPORTS_TESTS_FUZZ_REFERENCE_HPP
#define IANAPORTS_TESTS_FUZZ_REFERENCE_HPP

#include <ianaports/ports.hpp>

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

inline bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (fold(a[i]) != fold(b[i])) {
      return false;
    }
  }
  return true;
}

inline bool holds_for(const ip::record& r, ip::protocol p) {
  return !r.transport || *r.transport == p;
}

inline bool same(const ip::record& a, const ip::record& b) {
  return a.service == b.service && a.ports == b.ports && a.transport == b.transport &&
         a.description == b.description && a.assignee == b.assignee && a.contact == b.contact &&
         a.registered == b.registered && a.modified == b.modified && a.reference == b.reference &&
         a.service_code == b.service_code && a.unauthorized_use == b.unauthorized_use &&
         a.notes == b.notes && a.ports_written_as_range == b.ports_written_as_range;
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
    expect(i < want.size() && same(r, *want[i]), what);
    ++i;
  }
  expect(i == want.size(), what);
}

}  // namespace reference

#endif  // IANAPORTS_TESTS_FUZZ_REFERENCE_HPP
