// SPDX-License-Identifier: BSL-1.0
// ianaports' vocabulary of ports, without the tables: the protocols, port ranges and classes, a
// port's status, service names, with their names. ports.hpp includes it; types.hpp adds a
// registry row and a person to it.
//
// clang-format off
//   #include <ianaports/port_types.hpp>
//
//   static_assert(ianaports::range_of(ianaports::port_class::user) == ianaports::port_range{1024, 49151});
//   static_assert(ianaports::parse_protocol("UDP") == ianaports::protocol::udp);
// clang-format on
#ifndef IANAPORTS_PORT_TYPES_HPP
#define IANAPORTS_PORT_TYPES_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t, std::uint16_t, std::uint32_t
#include <optional>     // std::optional
#include <string_view>  // std::string_view

#include "ianaports/detail/config.hpp"

IANAPORTS_BEGIN_NAMESPACE

// The transport protocols the registry assigns ports for.
enum class protocol : std::uint8_t { tcp, udp, sctp, dccp };

// Every protocol, in the enumeration's order: for (ianaports::protocol p :
// ianaports::all_protocols).
inline constexpr protocol all_protocols[] = {protocol::tcp, protocol::udp, protocol::sctp,
                                             protocol::dccp};

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

// What the registry says of a port (see ianaports::status).
enum class port_status : std::uint8_t { assigned, reserved, unassigned, dynamic };

// The three ranges of RFC 6335 section 6.
enum class port_class : std::uint8_t {
  system,   // 0-1023
  user,     // 1024-49151
  dynamic,  // 49152-65535: never assigned
};

// The ports of an RFC 6335 range: range_of(port_class::dynamic) is {49152, 65535}.
[[nodiscard]] constexpr port_range range_of(port_class c) noexcept;

// The RFC 6335 range a port is in.
[[nodiscard]] constexpr port_class classify(std::uint16_t port) noexcept;

// ASCII letters lowered, every other byte as it is: how service names compare (RFC 6335
// section 5.1: case-insensitively, in ASCII).
[[nodiscard]] constexpr char ascii_lower(char c) noexcept;

// Are a and b the same service name, by that rule? ("HTTP" and "http" are.)
[[nodiscard]] constexpr bool same_service_name(std::string_view a, std::string_view b) noexcept;

// RFC 6335 section 5.1: 1-15 characters of A-Z, a-z, 0-9 and '-', at least one letter, no
// leading, trailing or doubled '-'. Some legacy names in the registry break these rules.
[[nodiscard]] constexpr bool is_valid_service_name(std::string_view name) noexcept;

// Text a terminal might obey rather than show, found by find_control: where it starts (the
// text's size when there is none), its bytes, and its code point.
struct text_control {
  std::size_t at = 0;
  std::size_t size = 0;
  std::uint32_t code = 0;  // U+FFFD for a byte of no well-formed UTF-8
};

// The first control in text from `from` on: a C0 control (U+0000-U+001F, tab and line feed
// too), DEL, a C1 control (U+0080-U+009F), a bidirectional formatting character (U+061C,
// U+200E, U+200F, U+202A-U+202E, U+2066-U+2069: they reorder what follows them on screen), or
// a byte of no well-formed UTF-8, one at a time (a lone 0x9B is CSI to an 8-bit terminal).
// The registry's text and a local file's may hold any of them; a program that shows text to a
// person replaces or escapes them (portinfo writes a space).
[[nodiscard]] constexpr text_control find_control(std::string_view text,
                                                  std::size_t from = 0) noexcept;

// Can a services(5) file (/etc/services) hold the name? It splits a line at white space and
// starts a comment at '#', so not a name holding either, a control (find_control: C0, DEL, C1,
// bidirectional formatting, text that is not UTF-8), or nothing; programs print these names
// as they are (getent). Every valid service name can, and so can every name in IANA's registry.
[[nodiscard]] constexpr bool fits_services_file(std::string_view name) noexcept;

// Names for the enumerations ("" for a value outside them), and back.
[[nodiscard]] constexpr std::string_view to_string(protocol p) noexcept;
[[nodiscard]] constexpr std::string_view to_string(port_status s) noexcept;
[[nodiscard]] constexpr std::string_view to_string(port_class c) noexcept;
[[nodiscard]] constexpr std::optional<protocol> parse_protocol(
    std::string_view name) noexcept;  // "tcp", "UDP"...

// ---------------------------------------------------------------------------------------------
// Definitions

namespace detail {

// The names, in each enumeration's order.
inline constexpr std::string_view protocol_names[] = {"tcp", "udp", "sctp", "dccp"};
inline constexpr std::string_view port_status_names[] = {"assigned", "reserved", "unassigned",
                                                         "dynamic"};
inline constexpr std::string_view port_class_names[] = {"system", "user", "dynamic"};
inline constexpr port_range port_class_ranges[] = {{0, 1023}, {1024, 49151}, {49152, 65535}};

template <typename Value, std::size_t Size, typename Enum>
constexpr Value entry_of(const Value (&table)[Size], Enum value, Value none) noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < Size ? table[index] : none;
}

}  // namespace detail

constexpr port_range range_of(port_class c) noexcept {
  return detail::entry_of(detail::port_class_ranges, c, port_range{0, 0});
}

constexpr port_class classify(std::uint16_t port) noexcept {
  constexpr std::uint16_t last_system = range_of(port_class::system).last;
  constexpr std::uint16_t last_user = range_of(port_class::user).last;
  if (port <= last_system) {
    return port_class::system;
  }
  return port <= last_user ? port_class::user : port_class::dynamic;
}

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool same_service_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) {
      return false;
    }
  }
  return true;
}

constexpr bool is_valid_service_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 15 || name.front() == '-' || name.back() == '-') {
    return false;
  }
  bool letter = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = ascii_lower(name[i]);
    if (c >= 'a' && c <= 'z') {
      letter = true;
    } else if (c == '-') {
      if (name[i - 1] == '-') {  // i > 0: name.front() is not '-'
        return false;
      }
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return letter;
}

namespace detail {

// The well-formed UTF-8 sequence at text[at] (Unicode's table 3-7: no overlong form, no
// surrogate, nothing past U+10FFFF): its size and code point; size 0 when there is none.
struct utf8_sequence {
  std::size_t size = 0;
  std::uint32_t code = 0;
};

constexpr utf8_sequence utf8_at(std::string_view text, std::size_t at) noexcept {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80U) {
    return {1, lead};
  }
  std::size_t size = 0;
  std::uint32_t code = 0;
  std::uint32_t least = 0;  // below it, an overlong form
  if (lead >= 0xC2U && lead <= 0xDFU) {
    size = 2;
    code = lead & 0x1FU;
    least = 0x80U;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    size = 3;
    code = lead & 0x0FU;
    least = 0x800U;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    size = 4;
    code = lead & 0x07U;
    least = 0x10000U;
  } else {
    return {};
  }
  if (text.size() - at < size) {
    return {};
  }
  for (std::size_t i = 1; i < size; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0U) != 0x80U) {
      return {};
    }
    code = (code << 6U) | (next & 0x3FU);
  }
  if (code < least || code > 0x10FFFFU || (code >= 0xD800U && code <= 0xDFFFU)) {
    return {};
  }
  return {size, code};
}

constexpr bool is_control(std::uint32_t code) noexcept {
  return code < 0x20U || (code >= 0x7FU && code <= 0x9FU) || code == 0x061CU || code == 0x200EU ||
         code == 0x200FU || (code >= 0x202AU && code <= 0x202EU) ||
         (code >= 0x2066U && code <= 0x2069U);
}

#if IANAPORTS_WORD_LOADS
// Does the word hold a byte a services file cannot take as plain ASCII: a space or control
// (below 0x21), DEL, '#', or 0x80 and up (which the byte loop decodes)? Told for the word as a
// whole (the borrow tricks answer "any byte", not which one).
template <typename Word>
constexpr bool word_needs_byte_loop(Word x) noexcept {
  constexpr Word ones = static_cast<Word>(~Word{0}) / Word{0xFF};  // 0x01 in every byte
  constexpr Word highs = static_cast<Word>(ones * Word{0x80});
  const auto zero_byte = [](Word v) { return static_cast<Word>((v - ones) & ~v); };
  const auto below_21 = static_cast<Word>((x - ones * Word{0x21}) & ~x);
  return ((x | below_21 | zero_byte(static_cast<Word>(x ^ (ones * Word{0x7F}))) |
           zero_byte(static_cast<Word>(x ^ (ones * Word{'#'})))) &
          highs) != 0;
}

// Is the name (sizeof(Word) bytes or more) plain ASCII that fits, read a word at a time, the
// last word overlapping the one before? False when the byte loop must decide.
template <typename Word>
constexpr bool fits_by_words(std::string_view name) noexcept {
  for (std::size_t at = 0;; at += sizeof(Word)) {
    at = at + sizeof(Word) > name.size() ? name.size() - sizeof(Word) : at;
    Word word = 0;  // C++17 constexpr functions may not declare a variable uninitialised
    IANAPORTS_MEMCPY(&word, name.data() + at, sizeof(Word));
    if (word_needs_byte_loop(word)) {
      return false;
    }
    if (at + sizeof(Word) == name.size()) {
      return true;
    }
  }
}
#endif

}  // namespace detail

constexpr text_control find_control(std::string_view text, std::size_t from) noexcept {
  for (std::size_t at = from; at < text.size();) {
    const detail::utf8_sequence sequence = detail::utf8_at(text, at);
    if (sequence.size == 0) {
      return {at, 1, 0xFFFDU};
    }
    if (detail::is_control(sequence.code)) {
      return {at, sequence.size, sequence.code};
    }
    at += sequence.size;
  }
  return {text.size(), 0, 0};
}

constexpr bool fits_services_file(std::string_view name) noexcept {
#if IANAPORTS_WORD_LOADS
  // At run time a word at a time first, as nearly every name is plain ASCII: a walk over the
  // services file asks this of every row, and the byte loop took a dozen instructions a byte.
  if (!IANAPORTS_IS_CONSTANT_EVALUATED() && name.size() >= sizeof(std::uint32_t) &&
      (name.size() >= sizeof(std::uint64_t) ? detail::fits_by_words<std::uint64_t>(name)
                                            : detail::fits_by_words<std::uint32_t>(name))) {
    return true;
  }
#endif
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte <= 0x20U || byte == 0x7FU || byte == '#') {
      return false;
    }
    if (byte >= 0x80U) {  // decoded from here on (names are ASCII, nearly all: this is rare)
      return find_control(name, i).at == name.size() &&
             name.find_first_of(" #", i) == std::string_view::npos;
    }
  }
  return !name.empty();
}

constexpr std::string_view to_string(protocol p) noexcept {
  return detail::entry_of(detail::protocol_names, p, std::string_view{});
}

constexpr std::string_view to_string(port_status s) noexcept {
  return detail::entry_of(detail::port_status_names, s, std::string_view{});
}

constexpr std::string_view to_string(port_class c) noexcept {
  return detail::entry_of(detail::port_class_names, c, std::string_view{});
}

constexpr std::optional<protocol> parse_protocol(std::string_view name) noexcept {
  for (const protocol p : all_protocols) {
    if (same_service_name(name, to_string(p))) {  // the names are lower case
      return p;
    }
  }
  return std::nullopt;
}

IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_PORT_TYPES_HPP
