// SPDX-License-Identifier: BSL-1.0
// portinfo: small text helpers: display width of UTF-8, shortening with "…", case-insensitive
// search, and showing an untrusted argument in a message.
#ifndef PORTINFO_TEXT_HPP
#define PORTINFO_TEXT_HPP

#include <algorithm>    // std::all_of
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

// Appends the text (of text_columns columns) in at most `width` columns: whole if it fits,
// else cut between code points and ended with "…", which then takes exactly `width` columns.
inline void append_shortened(std::string& out, std::string_view text, std::size_t text_columns,
                             std::size_t width) {
  if (text_columns <= width) {
    out += text;
    return;
  }
  if (width == 0) {
    return;
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
  out.append(text.substr(0, end));
  out += "…";
}

inline std::string shortened(std::string_view text, std::size_t width) {
  std::string out;
  append_shortened(out, text, columns(text), width);
  return out;
}

// Control characters would move the cursor or end a line: on one line of output each becomes
// a space. That is C0 and DEL, and C1 (U+0080-U+009F, UTF-8 C2 80-C2 9F), which some terminals
// obey too. (Descriptions are folded already; this guards against any registry text.)
// Whether text is on one line already (nearly every text is): no control character, and no
// C2 lead byte (which a C1 control would start).
inline bool keeps_on_line(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20U && byte != 0x7FU && byte != 0xC2U;
}

inline bool is_one_line(std::string_view text) {
  return std::all_of(text.begin(), text.end(), keeps_on_line);
}

// The columns a text takes and whether it is on one line, in one pass over it (a table asks
// both of every cell).
struct text_measure {
  std::size_t columns = 0;
  bool one_line = true;
};

inline text_measure measured(std::string_view text) {
  text_measure measure;
  for (const char c : text) {
    measure.columns += starts_code_point(c) ? 1U : 0U;
    measure.one_line &= keeps_on_line(c);
  }
  return measure;
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
// must match exactly. A search asks every row, so the part's first byte is folded once and
// looked for before anything else is compared.
inline bool contains_ignoring_case(std::string_view text, std::string_view part) {
  if (part.size() > text.size()) {
    return false;
  }
  if (part.empty()) {
    return true;
  }
  const char first = ianaports::ascii_lower(part.front());
  const std::size_t last_start = text.size() - part.size();
  for (std::size_t at = 0; at <= last_start; ++at) {
    if (ianaports::ascii_lower(text[at]) != first) {
      continue;
    }
    std::size_t matched = 1;
    while (matched < part.size() &&
           ianaports::ascii_lower(text[at + matched]) == ianaports::ascii_lower(part[matched])) {
      ++matched;
    }
    if (matched == part.size()) {
      return true;
    }
  }
  return false;
}

// An argument as a message shows it: quoted, on one line, and cut if it is long (a
// 10,000-character argument gets a readable error, not a screenful).
inline std::string quoted(std::string_view argument) {
  return "'" + shortened(on_one_line(argument), 40) + "'";
}

}  // namespace portinfo

#endif  // PORTINFO_TEXT_HPP
