// SPDX-License-Identifier: BSL-1.0
// gperf's perfect hash tables for the registry's names, generated at build time by
// bench/CMakeLists.txt from make_gperf_keywords.py's keyword file: one table with
// --ignore-case, one without.
#ifndef IANAPORTS_BENCH_GPERF_PEERS_HPP
#define IANAPORTS_BENCH_GPERF_PEERS_HPP

#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view

// The generated code calls size_t and memcmp unqualified, as C does.
#include <stddef.h>  // NOLINT(modernize-deprecated-headers)
#include <string.h>  // NOLINT(modernize-deprecated-headers)

#include "key_lists.hpp"

namespace ianaports_bench {

// The keyword type named in the keyword file; gperf --omit-struct-type leaves its declaration
// to us, so the two tables share it.
struct gperf_service_port {
  const char* name;
  int tcp_port;  // -1: the name is registered, but not for tcp
};

// Included here rather than compiled in a translation unit of their own, so that the compiler
// may inline gperf's lookup into the benchmark loop as it does ianaports'; a separate object
// file would charge gperf a call per lookup. gperf 3.1's C++ output has no `register` (which
// C++17 rejects) but trips two of our warnings, silenced for these two files only.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"                  // unsigned int hval = len;
#pragma GCC diagnostic ignored "-Wsign-conversion"             // likewise, with clang
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // {""} fills the empty slots
#endif
#include "gperf_case_sensitive.hpp"
#include "gperf_ignore_case.hpp"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

inline std::uint32_t gperf_answer(const gperf_service_port* found) {
  return found != nullptr && found->tcp_port >= 0 ? static_cast<std::uint32_t>(found->tcp_port)
                                                  : no_port;
}

inline std::uint32_t gperf_ignore_case_port(std::string_view name) {
  return gperf_answer(gperf_ignore_case::find(name.data(), name.size()));
}

// Matches only lower-case queries, as the keys are lower case: give it folded names.
inline std::uint32_t gperf_case_sensitive_port(std::string_view lowered_name) {
  return gperf_answer(gperf_case_sensitive::find(lowered_name.data(), lowered_name.size()));
}

}  // namespace ianaports_bench

#endif  // IANAPORTS_BENCH_GPERF_PEERS_HPP
