// SPDX-License-Identifier: BSL-1.0
// portinfo: small text helpers: display width of UTF-8, shortening with "…", case-insensitive
// search, controls shown as spaces, and showing an untrusted argument in a message.
#ifndef PORTINFO_TEXT_HPP
#define PORTINFO_TEXT_HPP

#include <algorithm>    // std::all_of
#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <ianaports/port_types.hpp>  // ianaports::ascii_lower, ianaports::find_control

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

// Text from the registry, a local file or the command line is shown, never obeyed: each control
// a terminal might act on (ianaports::find_control: C0 and DEL, C1, the bidirectional
// formatting characters, and bytes of no well-formed UTF-8) becomes a space, so that it can
// neither move the cursor, end a line, nor turn what follows around (issue 19). A byte of ASCII
// text says at once that it is none; the rest is decoded only in the few texts that have more.
inline bool is_ascii_text(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20U && byte < 0x7FU;
}

inline bool has_control(std::string_view text) {
  return !std::all_of(text.begin(), text.end(), is_ascii_text) &&
         ianaports::find_control(text).at != text.size();
}

// The columns a text takes and whether it has no control, in one pass over it (a table asks
// both of every cell).
struct text_measure {
  std::size_t columns = 0;
  bool one_line = true;
};

inline text_measure measured(std::string_view text) {
  text_measure measure;
  bool ascii = true;
  for (const char c : text) {
    measure.columns += starts_code_point(c) ? 1U : 0U;
    ascii &= is_ascii_text(c);
  }
  measure.one_line = ascii || ianaports::find_control(text).at == text.size();
  return measure;
}

// The text with each control a space; line feeds kept where `keep_line_feeds` says (a CSV
// field on a terminal, whose quotes hold its line breaks).
inline std::string without_controls(std::string_view text, bool keep_line_feeds) {
  std::string shown;
  shown.reserve(text.size());
  for (std::size_t from = 0;;) {
    const ianaports::text_control control = ianaports::find_control(text, from);
    shown.append(text.substr(from, control.at - from));
    if (control.at == text.size()) {
      return shown;
    }
    shown += keep_line_feeds && control.code == '\n' ? '\n' : ' ';
    from = control.at + control.size;
  }
}

// On one line, as a table cell, a comment or a message shows text.
inline std::string on_one_line(std::string_view text) {
  if (!has_control(text)) {  // nearly every text: a copy will do
    return std::string(text);
  }
  return without_controls(text, false);
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
