// SPDX-License-Identifier: BSL-1.0
// Lookups allocate nothing: a replaced global operator new counts every allocation while every
// kind of query runs over the whole registry.
#include <doctest/doctest.h>

#include <ianaports/records.hpp>

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint16_t
#include <cstdlib>  // std::malloc, std::free
#include <new>      // std::bad_alloc

namespace {
std::size_t allocations = 0;
}  // namespace

// Out of line: g++ 12 at -O2 and above inlines them into the library's callers and then warns,
// -Wmismatched-new-delete, that free() gets a pointer from operator new, not seeing that this
// operator new is malloc's.
[[gnu::noinline]] void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) {
    return p;
  }
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return operator new(size);
}
[[gnu::noinline]] void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  operator delete(p);
}
void operator delete(void* p, std::size_t) noexcept {
  operator delete(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  operator delete(p);
}

TEST_CASE("no lookup allocates") {
  namespace ip = ianaports;
  std::size_t sink = 0;  // results feed this, so the work cannot be skipped
  const std::size_t before = allocations;
  for (const ip::record& r : ip::records()) {
    sink += r.description.size() + r.notes.size();
    for (const ip::record& same_name : ip::by_name(r.service)) {
      sink += same_name.service.size();
    }
    sink += ip::port_of(r.service).value_or(0);
    sink += ip::is_valid_service_name(r.service) ? 1U : 0U;
  }
  for (const ip::protocol p : ip::all_protocols) {
    for (std::uint32_t port = 0; port < 65536; ++port) {
      const auto port16 = static_cast<std::uint16_t>(port);
      sink += ip::by_port(port16, p).size() + ip::name_of(port16, p).size();
      sink += static_cast<std::size_t>(ip::status(port16, p)) +
              static_cast<std::size_t>(ip::classify(port16));
    }
    for (const ip::record& r : ip::by_range({1000, 9000}, p)) {
      sink += r.service.size();
    }
    sink += ip::by_protocol(p).size();
  }
  const std::size_t during = allocations - before;
  CHECK(during == 0);
  CHECK(sink > 0);
}
