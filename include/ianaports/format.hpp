// SPDX-License-Identifier: BSL-1.0
// ianaports: std::formatter for the vocabulary, opt-in, where the standard library has
// std::format (C++20; IANAPORTS_HAS_STD_FORMAT then says 1). Each takes a string's format
// specification: std::format("{:>8}", p). For {fmt}, include ianaports/fmt.hpp instead.
//
// clang-format off
//   #include <ianaports/format.hpp>
//
//   std::string line = std::format("{} {}", ianaports::protocol::udp, ianaports::port_range{6000, 6063});
// clang-format on
#ifndef IANAPORTS_FORMAT_HPP
#define IANAPORTS_FORMAT_HPP

#include "ianaports/detail/config.hpp"

#if IANAPORTS_CPLUSPLUS >= 202002L && __has_include(<format>)
#include <format>  // std::formatter
// libc++ 16 ships std::format before announcing it, behind -fexperimental-library.
#if defined(__cpp_lib_format) || \
    (defined(_LIBCPP_VERSION) && !defined(_LIBCPP_HAS_NO_INCOMPLETE_FORMAT))
#define IANAPORTS_HAS_STD_FORMAT 1
#endif
#endif
#ifndef IANAPORTS_HAS_STD_FORMAT
#define IANAPORTS_HAS_STD_FORMAT 0
#endif

#if IANAPORTS_HAS_STD_FORMAT
#include <string_view>  // std::string_view

#include "ianaports/detail/text_form.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// Prints a value's text form (text_form.hpp) as std::format prints a string_view, specification
// and all.
template <typename Value>
struct std_formatter_of : std::formatter<std::string_view, char> {
  template <typename FormatContext>
  auto format(const Value& value, FormatContext& context) const {
    return std::formatter<std::string_view, char>::format(text_of(value), context);
  }
};

}  // namespace detail
IANAPORTS_END_NAMESPACE

template <>
struct std::formatter<ianaports::protocol, char>
    : ianaports::detail::std_formatter_of<ianaports::protocol> {};
template <>
struct std::formatter<ianaports::port_status, char>
    : ianaports::detail::std_formatter_of<ianaports::port_status> {};
template <>
struct std::formatter<ianaports::port_class, char>
    : ianaports::detail::std_formatter_of<ianaports::port_class> {};
template <>
struct std::formatter<ianaports::port_range, char>
    : ianaports::detail::std_formatter_of<ianaports::port_range> {};
template <>
struct std::formatter<ianaports::record, char>
    : ianaports::detail::std_formatter_of<ianaports::record> {};
#endif  // IANAPORTS_HAS_STD_FORMAT

#endif  // IANAPORTS_FORMAT_HPP
