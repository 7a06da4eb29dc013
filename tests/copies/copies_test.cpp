// SPDX-License-Identifier: BSL-1.0
// Copies of ianaports built from different inputs, linked into one program (tests/CMakeLists.txt
// builds it at -O0 and -O2, the copies in either link order): each answers from its own tables,
// and two copies of the same inputs are one copy. This file sees no copy; the copies report in
// plain types (copy_answers.hpp).
#include <cstdio>   // std::printf
#include <cstring>  // std::strcmp

#include "copy_answers.hpp"

namespace {

int failures = 0;

void check(bool holds, const char* what, const char* first, const char* second = "") {
  if (!holds) {
    std::printf("FAILED: %s: %s %s\n", what, first, second);
    ++failures;
  }
}

}  // namespace

int main(int argc, char**) {
  // Run-time inputs: 831 with no argument, so that no optimiser folds the copies' answers.
  const copy_inputs in{static_cast<std::uint16_t>(830 + argc), "odr-probe-svc"};
  const copy_answers copies[] = {single_header_copy(in), same_tables_copy(in),
                                 older_release_copy(in), local_services_copy(in), lean_copy(in)};
  enum : unsigned { single, same, older, local, lean };

  // Each copy answers at run time as its own translation unit did at compile time.
  for (const copy_answers& copy : copies) {
    std::printf("%s: tables %s, updated %s\n", copy.copy, copy.tables_namespace, copy.updated);
    for (const copy_answer& answer : copy.answers) {
      std::printf("  %-40s %lld (compiled: %lld)\n", answer.what, answer.run_time,
                  answer.compile_time);
      check(answer.run_time == answer.compile_time, answer.what, copy.copy);
    }
  }
  // The same inputs, through the single header and through include/: one copy, one set of tables.
  check(std::strcmp(copies[single].tables_namespace, copies[same].tables_namespace) == 0,
        "the same inputs name the same namespace", copies[single].tables_namespace,
        copies[same].tables_namespace);
  check(copies[single].tables == copies[same].tables, "the same inputs hold their tables once",
        copies[same].copy);
  // Other inputs: other namespaces, other tables.
  const copy_answers* const distinct[] = {&copies[single], &copies[older], &copies[local],
                                          &copies[lean]};
  for (const copy_answers* a : distinct) {
    for (const copy_answers* b : distinct) {
      if (a < b) {
        check(std::strcmp(a->tables_namespace, b->tables_namespace) != 0,
              "other inputs name another namespace", a->copy, b->copy);
        check(a->tables != b->tables, "other inputs hold other tables", a->copy, b->copy);
      }
    }
  }
  // The copies' tables do differ where this test looks (it would prove nothing otherwise).
  check(std::strcmp(copies[single].updated, copies[older].updated) != 0,
        "the releases' dates differ", copies[single].updated, copies[older].updated);
  const unsigned port_of_local = 2;
  check(copies[local].answers[port_of_local].run_time > 0 &&
            copies[single].answers[port_of_local].run_time < 0,
        "the local name is the local copy's alone", in.local_name);
  check(copies[single].answers[0].run_time != copies[older].answers[0].run_time,
        "the releases name the port differently", "831/tcp");
  std::printf("%s\n",
              failures == 0 ? "every copy answered from its own tables" : "copies mixed up");
  return failures == 0 ? 0 : 1;
}
