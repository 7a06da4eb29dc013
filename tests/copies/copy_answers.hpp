// SPDX-License-Identifier: BSL-1.0
// What one copy of ianaports in a program answers, in plain types: copies_test.cpp, which sees
// no copy of ianaports, compares the copies linked into it through this header alone.
#ifndef IANAPORTS_TESTS_COPY_ANSWERS_HPP
#define IANAPORTS_TESTS_COPY_ANSWERS_HPP

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint16_t

struct copy_inputs {
  std::uint16_t port;      // a port the copies' releases disagree on (831/tcp)
  const char* local_name;  // a name only the copy with local services holds
};

// One answer as the copy gives it at run time (through whatever the linker kept), and as its
// own translation unit computed it at compile time (from the tables it included, whatever the
// linker does).
struct copy_answer {
  const char* what;
  long long run_time;
  long long compile_time;
};

struct copy_answers {
  const char* copy;
  const char* tables_namespace;  // IANAPORTS_TABLES_NAMESPACE, as the copy's headers say it
  const void* tables;  // the copy's record_flags: an inline variable, one for each set of tables
  char updated[16];    // registry_updated, read at run time
  copy_answer answers[7];
};

// Each copy's translation unit defines one of these (copy.cpp, built with -DIANAPORTS_TEST_COPY).
copy_answers single_header_copy(const copy_inputs& in);   // single_include/, the bundled release
copy_answers same_tables_copy(const copy_inputs& in);     // include/ and tables of the same inputs
copy_answers older_release_copy(const copy_inputs& in);   // an older release
copy_answers local_services_copy(const copy_inputs& in);  // the bundled release and a local file
copy_answers lean_copy(const copy_inputs& in);            // the bundled release, lean

#endif  // IANAPORTS_TESTS_COPY_ANSWERS_HPP
