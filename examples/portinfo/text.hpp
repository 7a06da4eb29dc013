// SPDX-License-Identifier: BSL-1.0
// portinfo: small text helpers: display width of UTF-8, shortening with "…", case-insensitive
// search, and showing an untrusted argument in a message.
#ifndef PORTINFO_TEXT_HPP
#define PORTINFO_TEXT_HPP

#include <algorithm>    // std::search, std::all_of
#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <ianaports/types.hpp>  // ianaports::ascii_lower

namespace portinfo {

// UTF-8 continuation bytes (10xxxxxx) continue a code point; every other byte starts one.
inline bool starts_code_point(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
}

// Width on a terminal, counted in code points: the registry's non-ASCII text ("FORTÉ",
// "Sollé") is Latin script, one column per code point.
inline std::size_t columns(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    count += starts_code_point(c) ? 1U : 0U;
  }
  return count;
}

// The text in at most `width` columns: whole if it fits, else cut between code points and
// ended with "…".
inline std::string shortened(std::string_view text, std::size_t width) {
  if (columns(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return {};
  }
  std::size_t kept = 0;  // code points kept, leaving one column for "…"
  std::size_t end = 0;
  for (; end < text.size(); ++end) {
    if (starts_code_point(text[end])) {
      if (kept == width - 1) {
        break;
      }
      ++kept;
    }
  }
  return std::string(text.substr(0, end)) + "…";
}

// Control characters would move the cursor or end a line: on one line of output each becomes
// a space. That is C0 and DEL, and C1 (U+0080-U+009F, UTF-8 C2 80-C2 9F), which some terminals
// obey too. (Descriptions are folded already; this guards against any registry text.)
// Whether text is on one line already (nearly every text is): no control character, and no
// C2 lead byte (which a C1 control would start).
inline bool is_one_line(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20U && byte != 0x7FU && byte != 0xC2U;
  });
}

inline std::string on_one_line(std::string_view text) {
  if (is_one_line(text)) {  // a copy will do
    return std::string(text);
  }
  std::string line;
  line.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
    const bool c1 = byte == 0xC2U && next >= 0x80U && next <= 0x9FU;
    if (c1) {
      ++i;  // both bytes of the code point become one space
    }
    line += byte < 0x20U || byte == 0x7FU || c1 ? ' ' : text[i];
  }
  return line;
}

// Case-insensitive for ASCII letters, as service names are (RFC 6335 section 5.1); other bytes
// must match exactly.
inline bool contains_ignoring_case(std::string_view text, std::string_view part) {
  const auto same = [](char a, char b) {
    return ianaports::ascii_lower(a) == ianaports::ascii_lower(b);
  };
  return std::search(text.begin(), text.end(), part.begin(), part.end(), same) != text.end();
}

// An argument as a message shows it: quoted, on one line, and cut if it is long (a
// 10,000-character argument gets a readable error, not a screenful).
inline std::string quoted(std::string_view argument) {
  return "'" + shortened(on_one_line(argument), 40) + "'";
}

}  // namespace portinfo

#endif  // PORTINFO_TEXT_HPP
