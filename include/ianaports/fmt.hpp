// SPDX-License-Identifier: BSL-1.0
// ianaports: fmt::formatter for the vocabulary, opt-in: {fmt} (https://fmt.dev) must be on the
// include path. Every one takes a string's format specification: fmt::format("{:>8}", p).
//
//   #include <ianaports/fmt.hpp>
//   #include <ianaports/records.hpp>  // by_name
//
//   fmt::print("{} {}\n", ianaports::protocol::udp, ianaports::port_range{6000, 6063});
//   fmt::print("{}\n", *ianaports::by_name("https").begin());  // "https 443/tcp"
#ifndef IANAPORTS_FMT_HPP
#define IANAPORTS_FMT_HPP

#include <fmt/format.h>  // fmt::formatter

#include <string_view>  // std::string_view

#include "ianaports/detail/text_form.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_NAMESPACE
namespace detail {

// Prints a value's text form (text_form.hpp) as fmt prints a string_view, specification and all.
template <typename Value>
struct fmt_formatter_of : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const Value& value, FormatContext& context) const -> decltype(context.out()) {
    return fmt::formatter<std::string_view>::format(text_of(value), context);
  }
};

}  // namespace detail
IANAPORTS_END_NAMESPACE

template <>
struct fmt::formatter<ianaports::protocol>
    : ianaports::detail::fmt_formatter_of<ianaports::protocol> {};
template <>
struct fmt::formatter<ianaports::port_status>
    : ianaports::detail::fmt_formatter_of<ianaports::port_status> {};
template <>
struct fmt::formatter<ianaports::port_class>
    : ianaports::detail::fmt_formatter_of<ianaports::port_class> {};
template <>
struct fmt::formatter<ianaports::port_range>
    : ianaports::detail::fmt_formatter_of<ianaports::port_range> {};
template <>
struct fmt::formatter<ianaports::record> : ianaports::detail::fmt_formatter_of<ianaports::record> {
};

#endif  // IANAPORTS_FMT_HPP
