// SPDX-License-Identifier: BSL-1.0
// One copy of ianaports in a program of several (copies_test.cpp): built once a copy, each time
// with another copy's headers on the include path, and IANAPORTS_TEST_COPY the function that
// reports it.
#include <ianaports/records.hpp>

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include "copy_answers.hpp"

#define IANAPORTS_TEST_STRING(x) #x
#define IANAPORTS_TEST_EXPANDED_STRING(x) IANAPORTS_TEST_STRING(x)

namespace {

using ianaports::protocol;

// The questions, each asked once of run-time inputs and once in constant evaluation of the
// inputs copies_test.cpp passes (831, "odr-probe-svc").
constexpr std::uint16_t disputed_port = 831;
constexpr std::string_view local_name = "odr-probe-svc";

constexpr long long name_length(std::uint16_t port) {
  return static_cast<long long>(ianaports::name_of(port, protocol::tcp).size());
}
constexpr long long first_letter(std::uint16_t port) {
  const std::string_view name = ianaports::name_of(port, protocol::tcp);
  return name.empty() ? -1 : name.front();
}
constexpr long long local_port(std::string_view name) {
  const auto port = ianaports::port_of(name, protocol::tcp);
  return port ? *port : -1;
}
constexpr long long port_rows(std::uint16_t port) {
  return static_cast<long long>(ianaports::by_port(port, protocol::tcp).size());
}
// The first row on the port, through a row handle: its name's length (-1: none).
constexpr long long first_row_name(std::uint16_t port) {
  const ianaports::row_range rows = ianaports::by_port(port, protocol::tcp).rows();
  return rows.empty() ? -1 : static_cast<long long>((*rows.begin()).service().size());
}
long long row_count() {
  return static_cast<long long>(ianaports::records().size());
}

// The registry's date, as this translation unit's tables hold it.
struct date_text {
  char text[16] = {};
};
constexpr date_text compiled_date() {
  date_text date;
  const std::string_view updated = ianaports::registry_updated;
  for (std::size_t i = 0; i < updated.size() && i + 1 < sizeof date.text; ++i) {
    date.text[i] = updated[i];
  }
  return date;
}

}  // namespace

copy_answers IANAPORTS_TEST_COPY(const copy_inputs& in) {
  constexpr long long compiled_rows = static_cast<long long>(ianaports::records().size());
  constexpr date_text compiled = compiled_date();
  const std::string_view updated = ianaports::registry_updated;
  const long long same_date = updated == std::string_view(compiled.text) ? 1 : 0;
  copy_answers out{
      IANAPORTS_TEST_EXPANDED_STRING(IANAPORTS_TEST_COPY),
      IANAPORTS_TEST_EXPANDED_STRING(IANAPORTS_TABLES_NAMESPACE),
      &ianaports::detail::registry::record_flags,
      {},
      {{"name_of(port).size()", name_length(in.port), name_length(disputed_port)},
       {"name_of(port).front()", first_letter(in.port), first_letter(disputed_port)},
       {"port_of(local name)", local_port(in.local_name), local_port(local_name)},
       {"by_port(port).size()", port_rows(in.port), port_rows(disputed_port)},
       {"first row's name size", first_row_name(in.port), first_row_name(disputed_port)},
       {"records().size()", row_count(), compiled_rows},
       {"registry_updated is the compiled date", same_date, 1}}};
  for (std::size_t i = 0; i < updated.size() && i + 1 < sizeof out.updated; ++i) {
    out.updated[i] = updated[i];
  }
  return out;
}
