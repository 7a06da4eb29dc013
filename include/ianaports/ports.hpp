// SPDX-License-Identifier: BSL-1.0
// ianaports: the IANA Service Name and Transport Protocol Port Number Registry, at compile time.
//
//   #include <ianaports/ports.hpp>
//
//   static_assert(ianaports::port_of("https") == 443);
//   static_assert(ianaports::name_of(22) == "ssh");
//   static_assert(ianaports::status(8080, ianaports::protocol::tcp) ==
//   ianaports::port_status::assigned);
//
// Every row of the registry is here, with all twelve columns IANA publishes. Every function is
// constexpr and noexcept, allocates nothing, and accepts any input: a name that is empty,
// megabytes long, not ASCII or holding NUL bytes is simply not found.
//
// Names compare case-insensitively (RFC 6335 section 5.1); results come in registry order.
// https://www.iana.org/assignments/service-names-port-numbers/
#ifndef IANAPORTS_PORTS_HPP
#define IANAPORTS_PORTS_HPP

#include <cstddef>  // std::size_t, std::ptrdiff_t
#include <cstdint>  // std::uint16_t, std::uint32_t
#if defined(__GLIBCXX__) && __has_include(<bits/stl_iterator_base_types.h>)
// Only the iterator tags: libstdc++'s <iterator> brings in <streambuf> and locales, which took
// half of the compile time of a TU doing one lookup (g++ 12 -O2). Other libraries: <iterator>.
#include <bits/stl_iterator_base_types.h>  // std::input_iterator_tag, std::forward_iterator_tag
#else
#include <iterator>  // std::input_iterator_tag, std::forward_iterator_tag
#endif
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/row_span.hpp"
#include "ianaports/types.hpp"  // protocol, port_range, port_status, port_class, record...

IANAPORTS_BEGIN_NAMESPACE

// ---------------------------------------------------------------------------------------------
// record_range: the rows a query found, as a cheap view (a few integers) over static tables.
// Iterating yields records by value; begin(), end(), size() and empty() are constexpr.

class record_range {
 public:
  class iterator {
   public:
    using value_type = record;
    using reference = record;  // made on the fly from the tables
    using pointer = void;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;  // C++17 forward iterators need record&
#if IANAPORTS_CPLUSPLUS >= 202002L
    using iterator_concept = std::forward_iterator_tag;
#endif

    constexpr iterator() noexcept = default;
    constexpr record operator*() const noexcept;
    constexpr iterator& operator++() noexcept;
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.position_ == b.position_ && a.span_.listed == b.span_.listed;
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept {
      return !(a == b);
    }

   private:
    friend class record_range;
    constexpr iterator(const detail::row_span& span, const detail::row_filter& filter,
                       std::uint32_t position) noexcept
        : span_(span), filter_(filter), position_(position) {}

    detail::row_span span_{};
    detail::row_filter filter_{};
    std::uint32_t position_ = 0;
  };

  constexpr record_range() noexcept = default;

  [[nodiscard]] constexpr iterator begin() const noexcept {
    return {span_, filter_, span_.first};
  }
  [[nodiscard]] constexpr iterator end() const noexcept {
    return {span_, filter_, span_.last};
  }
  [[nodiscard]] constexpr bool empty() const noexcept {
    return span_.first == span_.last;
  }
  // Constant time, but for by_range and by_protocol, which count their rows.
  [[nodiscard]] constexpr std::size_t size() const noexcept;

 private:
  friend constexpr record_range records() noexcept;
  friend constexpr record_range by_name(std::string_view) noexcept;
  friend constexpr record_range by_port(std::uint16_t, protocol) noexcept;
  friend constexpr record_range by_range(port_range, protocol) noexcept;
  friend constexpr record_range by_protocol(protocol) noexcept;

  constexpr explicit record_range(detail::row_span span, detail::row_filter filter = {}) noexcept
      : span_(span), filter_(filter) {}

  detail::row_span span_{};
  detail::row_filter filter_{};  // by_range, by_protocol: the rows in span_ they keep
};

// ---------------------------------------------------------------------------------------------
// Queries

// Every row, in registry order.
[[nodiscard]] constexpr record_range records() noexcept;

// The rows with this service name, any protocol: by_name("HTTP") holds http/tcp, http/udp...
[[nodiscard]] constexpr record_range by_name(std::string_view service) noexcept;

// The rows covering port for p: rows naming p and rows that hold for every protocol.
[[nodiscard]] constexpr record_range by_port(std::uint16_t port, protocol p) noexcept;

// The rows for p (as in by_port) whose ports overlap the range. An empty range (first > last)
// overlaps nothing.
[[nodiscard]] constexpr record_range by_range(port_range ports, protocol p) noexcept;

// The rows naming p.
[[nodiscard]] constexpr record_range by_protocol(protocol p) noexcept;

// The port of a service: the first port of the first row with that name that holds for p.
[[nodiscard]] constexpr std::optional<std::uint16_t> port_of(std::string_view service,
                                                             protocol p = protocol::tcp) noexcept;

// The service on a port: the first non-empty name among the rows covering it ("http" for
// 80/tcp, not its aliases "www" and "www-http"); "" when none.
[[nodiscard]] constexpr std::string_view name_of(std::uint16_t port,
                                                 protocol p = protocol::tcp) noexcept;

// assigned: a covering row has a name; else reserved: a covering row says "Reserved"; else
// dynamic for 49152 and up (RFC 6335 section 6); else unassigned (rows that say Unassigned,
// De-registered or Removed, or no row at all).
[[nodiscard]] constexpr port_status status(std::uint16_t port, protocol p) noexcept;

// classify(port), is_valid_service_name(name), to_string(...) and parse_protocol(name) are in
// ianaports/types.hpp, with the types: they need no tables.

// What the build holds (defined at the end of this file, once the tables are in):
//   registry_updated    the date of the registry release compiled in, its <updated> element
//   service_name_count  how many distinct service names it holds, case ignored: the names
//                       by_name() finds
//   omitted_columns     what a lean build left out (CMake IANAPORTS_OMIT_COLUMNS): column groups,
//                       comma-separated, from description, people (assignee, contact), dates,
//                       reference and notes (notes, unauthorized use), which then read ""; a full
//                       build: "". status() knows reserved ports without descriptions.
//   kept_protocols      the protocols whose rows it keeps (CMake IANAPORTS_PROTOCOLS), rows that
//                       hold for every protocol always kept; a full build: "tcp,udp,sctp,dccp"

#if IANAPORTS_HAS_CONSTEVAL
// C++20: ports as literals, checked at compile time. An unknown name does not compile.
//   using namespace ianaports::literals;
//   static_assert("https"_tcp == 443);
namespace literals {
consteval std::uint16_t operator""_tcp(const char* name, std::size_t size);
consteval std::uint16_t operator""_udp(const char* name, std::size_t size);
consteval std::uint16_t operator""_sctp(const char* name, std::size_t size);
consteval std::uint16_t operator""_dccp(const char* name, std::size_t size);
}  // namespace literals
#endif

IANAPORTS_END_NAMESPACE

#include "ianaports/detail/ports_impl.hpp"

IANAPORTS_BEGIN_NAMESPACE
inline constexpr std::string_view registry_updated = detail::tables_updated;
inline constexpr std::size_t service_name_count = detail::tables_name_count;
inline constexpr std::string_view omitted_columns = detail::tables_omitted_columns;
inline constexpr std::string_view kept_protocols = detail::tables_kept_protocols;
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_PORTS_HPP
