// SPDX-License-Identifier: BSL-1.0
// libianaports (static, the bundled release) and a C++ copy of ianaports built from an older
// release, linked into one program: each answers from its own tables (the C library's C++ lives
// in its tables' namespace, as every copy's does). 831/tcp is where the releases disagree.
#include <cstdio>   // std::printf
#include <cstring>  // std::strcmp

#include <ianaports/ianaports.h>

#include "../copies/copy_answers.hpp"

int main(int argc, char**) {
  const copy_inputs in{static_cast<std::uint16_t>(830 + argc), "odr-probe-svc"};  // 831
  const copy_answers older = older_release_copy(in);
  int failures = 0;
  const auto check = [&failures](bool holds, const char* what) {
    std::printf("%s: %s\n", holds ? "ok" : "FAILED", what);
    failures += holds ? 0 : 1;
  };
  check(std::strcmp(ianaports_registry_updated(), "2026-08-17") == 0, "the C library's release");
  check(std::strcmp(older.updated, "2025-08-26") == 0, "the C++ copy's release");
  check(ianaports_status(in.port, IANAPORTS_TCP) == IANAPORTS_RESERVED &&
            std::strcmp(ianaports_name_of(in.port, IANAPORTS_TCP), "") == 0,
        "831/tcp from the C library: reserved, no name");
  for (const copy_answer& answer : older.answers) {
    check(answer.run_time == answer.compile_time, answer.what);
  }
  return failures == 0 ? 0 : 1;
}
