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
#include <cstdint>  // std::uint8_t, std::uint16_t, std::uint32_t
#if defined(__GLIBCXX__) && __has_include(<bits/stl_iterator_base_types.h>)
// Only the iterator tags: libstdc++'s <iterator> brings in <streambuf> and locales, which took
// 0.4 s of a 0.77 s compile (g++ 12 -O2, a TU doing one lookup). Other libraries: <iterator>.
#include <bits/stl_iterator_base_types.h>  // std::input_iterator_tag, std::forward_iterator_tag
#else
#include <iterator>  // std::input_iterator_tag, std::forward_iterator_tag
#endif
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"
#include "ianaports/detail/tables.hpp"

IANAPORTS_BEGIN_NAMESPACE

// ---------------------------------------------------------------------------------------------
// Vocabulary

// The transport protocols the registry assigns ports for.
enum class protocol : std::uint8_t { tcp, udp, sctp, dccp };

// An inclusive range of ports, such as 6000-6063 (X Window System). A single port is {p, p}.
struct port_range {
  std::uint16_t first;
  std::uint16_t last;

  [[nodiscard]] constexpr bool contains(std::uint16_t port) const noexcept {
    return first <= port && port <= last;
  }

  friend constexpr bool operator==(port_range a, port_range b) noexcept {
    return a.first == b.first && a.last == b.last;
  }
  friend constexpr bool operator!=(port_range a, port_range b) noexcept { return !(a == b); }
};

// What the registry says of a port (see status()).
enum class port_status : std::uint8_t { assigned, reserved, unassigned, dynamic };

// The three ranges of RFC 6335 section 6.
enum class port_class : std::uint8_t {
  system,   // 0-1023
  user,     // 1024-49151
  dynamic,  // 49152-65535: never assigned
};

// One row of the registry: its twelve columns, rendered as in IANA's CSV export. The views
// point into static storage, valid for the whole program, and are not NUL-terminated; a
// record can be copied and kept freely.
struct record {
  std::string_view service;           // as written ("sql*net", "HTTP"...); "" for none
  std::optional<port_range> ports;    // none for a service-name-only registration
  std::optional<protocol> transport;  // none when the row holds for every protocol
  std::string_view description;       // white space folded
  std::string_view assignee;          // "[Id]" person references, joined
  std::string_view contact;           // likewise
  std::string_view registered;        // "2005-12", "2021-10-01" or ""
  std::string_view modified;          // likewise
  std::string_view reference;         // "[RFC3501][RFC9051]"...
  std::optional<std::uint32_t> service_code;
  std::string_view unauthorized_use;  // line breaks kept
  std::string_view notes;             // line breaks kept

  // IANA writes a few single ports as a range, "4748-4748" (6 rows in 2026); this keeps the
  // CSV's Port Number column exact. Such a row's ports are {4748, 4748} all the same.
  bool ports_written_as_range = false;
};

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

// The RFC 6335 range a port is in.
[[nodiscard]] constexpr port_class classify(std::uint16_t port) noexcept;

// RFC 6335 section 5.1: 1-15 characters of A-Z, a-z, 0-9 and '-', at least one letter, no
// leading, trailing or doubled '-'. 98 legacy names in the registry break these rules.
[[nodiscard]] constexpr bool is_valid_service_name(std::string_view name) noexcept;

// The date of the registry release compiled in, from its <updated> element.
inline constexpr std::string_view registry_updated = detail::registry::updated;

// How many distinct service names the registry holds, case ignored: the names by_name() finds.
inline constexpr std::size_t service_name_count = detail::registry::name_count;

// What a lean build left out (CMake IANAPORTS_OMIT_COLUMNS and IANAPORTS_PROTOCOLS): the column
// groups, comma-separated, from description, people (assignee, contact), dates, reference and
// notes (notes, unauthorized use), which then read ""; and the protocols whose rows it keeps
// (rows holding for every protocol are always kept). A full build: "" and "tcp,udp,sctp,dccp".
// status() knows reserved ports without descriptions.
inline constexpr std::string_view omitted_columns = detail::registry::omitted_columns;
inline constexpr std::string_view kept_protocols = detail::registry::kept_protocols;

// Names for the enumerations, and back.
[[nodiscard]] constexpr std::string_view to_string(protocol p) noexcept;
[[nodiscard]] constexpr std::string_view to_string(port_status s) noexcept;
[[nodiscard]] constexpr std::string_view to_string(port_class c) noexcept;
[[nodiscard]] constexpr std::optional<protocol> parse_protocol(
    std::string_view name) noexcept;  // "tcp", "UDP"...

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

#endif  // IANAPORTS_PORTS_HPP
