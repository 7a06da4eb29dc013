// SPDX-License-Identifier: BSL-1.0
// ianaports: operator<< for the vocabulary, opt-in, as it needs <ostream> (which ports.hpp
// keeps out of a translation unit that only looks up).
//
//   #include <ianaports/ostream.hpp>
//   #include <ianaports/records.hpp>  // by_port
//
//   std::cout << ianaports::protocol::tcp << ' ' << ianaports::port_range{6000, 6063} << '\n';
//   for (const ianaports::record& row : ianaports::by_port(80, ianaports::protocol::tcp)) {
//     std::cout << row << '\n';  // "http 80/tcp"
//   }
#ifndef IANAPORTS_OSTREAM_HPP
#define IANAPORTS_OSTREAM_HPP

#include <ostream>      // std::ostream
#include <string_view>  // std::string_view

#include "ianaports/detail/text_form.hpp"
#include "ianaports/types.hpp"

IANAPORTS_BEGIN_NAMESPACE

inline std::ostream& operator<<(std::ostream& out, protocol p) {
  return out << to_string(p);
}

inline std::ostream& operator<<(std::ostream& out, port_status s) {
  return out << to_string(s);
}

inline std::ostream& operator<<(std::ostream& out, port_class c) {
  return out << to_string(c);
}

inline std::ostream& operator<<(std::ostream& out, port_range ports) {
  return out << detail::ports_text(ports).view();
}

inline std::ostream& operator<<(std::ostream& out, const record& row) {
  detail::write_record(row, [&out](std::string_view piece) { out << piece; });
  return out;
}

IANAPORTS_END_NAMESPACE

#endif  // IANAPORTS_OSTREAM_HPP
