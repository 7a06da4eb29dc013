// SPDX-License-Identifier: BSL-1.0
// ianaports: how the vocabulary reads as text, for the opt-in integrations (ostream.hpp,
// fmt.hpp, format.hpp), which all print the same. Internal; include one of those.
//
//   protocol::tcp          tcp            (to_string, likewise the other enumerations)
//   port_range{80, 80}     80
//   port_range{6000, 6063} 6000-6063
//   a record               http 80/tcp    name, ports, protocol: "x11 6000-6063/tcp",
//                                         "flex-lm 27000-27009" (every protocol), "0/tcp"
//                                         (no name), "sql*net" (no ports)
#ifndef IANAPORTS_DETAIL_TEXT_FORM_HPP
#define IANAPORTS_DETAIL_TEXT_FORM_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "ianaports/types.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// A port range's text in a buffer of its own: "65535-65535" is the longest.
class ports_text {
 public:
  constexpr explicit ports_text(port_range ports) noexcept {
    append(ports.first);
    if (ports.last != ports.first) {
      text_[size_++] = '-';
      append(ports.last);
    }
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {text_, size_}; }

 private:
  constexpr void append(std::uint16_t port) noexcept {
    char digits[5] = {};
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + port % 10);
      port = static_cast<std::uint16_t>(port / 10);
    } while (port != 0);
    while (count > 0) {
      text_[size_++] = digits[--count];
    }
  }

  char text_[11] = {};
  std::size_t size_ = 0;
};

// Writes a record's text in pieces, each passed to write(std::string_view), so that a stream
// and a format buffer alike take it without a string in between.
template <typename Write>
constexpr void write_record(const record& row, Write&& write) {
  write(row.service);
  if (row.ports) {
    if (!row.service.empty()) {
      write(std::string_view(" "));
    }
    write(ports_text(*row.ports).view());
    if (row.transport) {
      write(std::string_view("/"));
      write(to_string(*row.transport));
    }
  }
}

// The text forms whole, for the formatters.
inline std::string_view text_of(protocol p) noexcept {
  return to_string(p);
}
inline std::string_view text_of(port_status s) noexcept {
  return to_string(s);
}
inline std::string_view text_of(port_class c) noexcept {
  return to_string(c);
}
inline std::string text_of(port_range ports) {
  return std::string(ports_text(ports).view());
}
inline std::string text_of(const record& row) {
  std::string text;
  write_record(row, [&text](std::string_view piece) { text += piece; });
  return text;
}

}  // namespace detail
IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_DETAIL_TEXT_FORM_HPP
