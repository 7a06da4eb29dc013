# SPDX-License-Identifier: BSL-1.0
"""Render a Layout as the generated C++ header.

Registry text only ever reaches the output inside string literals, escaped byte by byte (see
cpp_string_literal), or inside // comments after sanitize_comment: no input can end a literal
or a comment, splice a line, form a trigraph, or become a preprocessor directive.
"""

from __future__ import annotations

import collections
import hashlib
import re
import struct
from typing import Dict, List, Sequence, Tuple

from .tables.facts import LITERAL_LIMIT
from .tables.layout import Array, Layout, StringArray
from .version import version_parts

GENERATOR = "codegen/generate.py"
# Each line of a literal is a token that the compiler lexes and then joins to the others: with
# lines of a thousand characters rather than 72, g++ spends about 4% fewer instructions on a TU
# that asks one lookup (callgrind), and a line is still one an editor or a diff shows.
TEXT_BYTES_PER_LINE = 1000  # registry text: mostly plain ASCII, so about as many characters
BINARY_BYTES_PER_LINE = 330  # packed integers: 1,320 characters at most, every byte escaped


def _escape(b: int) -> str:
    if 0x20 <= b < 0x7F and b not in b'"\\?':
        return chr(b)
    if b in b'"\\?':
        return "\\" + chr(b)
    return "\\%03o" % b


_ESCAPE_TABLE = {b: _escape(b) for b in range(256)}  # for str.translate of bytes read as latin-1


def _escaped(data: bytes) -> str:
    # str.translate escapes in C: the tables of a large registry are millions of bytes.
    return data.decode("latin-1").translate(_ESCAPE_TABLE)


# Packed integers, byte by byte: every byte that is not plain printable ASCII (", \\ and ? too)
# as an octal escape, so that every escape is one, which _SHORTER_OCTAL then shortens.
_BINARY_ESCAPE_TABLE = {b: (chr(b) if 0x20 <= b < 0x7F and b not in b'"\\?' else "\\%03o" % b)
                        for b in range(256)}
# An octal escape with leading zeros that no octal digit follows: the zeros go ("\000" is "\0").
# The tables' bytes are mostly small numbers' high bytes, zeros (unless a mask made them
# printable): written short, the literals are about a quarter shorter, and compilers read them
# that much faster.
_SHORTER_OCTAL = re.compile(r"\\0(?:0([0-7])|([1-7][0-7]))(?![0-7])")


def _shorter_octal(escaped: str) -> str:
    return _SHORTER_OCTAL.sub(lambda m: "\\" + (m.group(1) or m.group(2)), escaped)


def _escaped_binary(data: bytes) -> str:
    return _shorter_octal(data.decode("latin-1").translate(_BINARY_ESCAPE_TABLE))


# What a byte of a packed table costs in its literal, in characters, shortened as
# _SHORTER_OCTAL shortens it where no digit follows: printable ASCII one, an octal escape two to
# four. (A compiler reads a literal at some tens of instructions a character.)
_BINARY_BYTE_COST = [len(_shorter_octal(_BINARY_ESCAPE_TABLE[b])) for b in range(256)]


def byte_mask(data: bytes) -> int:
    """The byte that, xored into every byte of a packed table, writes its literal shortest (the
    smallest such, 0 when none is shorter than the bytes themselves). Tables of small numbers are
    mostly zero bytes, escapes each; a mask makes the commonest bytes printable, and the
    assembler, which a compiler hands a table's bytes as lines of text, no longer takes a line
    for each zero."""
    counts = collections.Counter(data).items()
    return min(range(256), key=lambda mask: (sum(n * _BINARY_BYTE_COST[b ^ mask] for b, n in counts), mask))


def cpp_string_literal_body(data: bytes) -> str:
    """Bytes as the inside of an ordinary "..." literal that any compiler reads back exactly.

    Printable ASCII stays as it is, but for " and \\ (escaped) and ? (escaped, so no trigraph
    such as ??/ can form). Every other byte is a three-digit octal escape, which never swallows
    a following digit the way \\x does.
    """
    return _escaped(data)


def sanitize_comment(text: str) -> str:
    """Text safe inside a // comment: printable ASCII but \\ and ?, anything else as %XX. A
    file name that is not UTF-8 is shown by its own bytes (Python holds them as surrogates)."""
    return "".join(c if 0x20 <= ord(c) < 0x7F and c not in "\\?%" else
                   "".join("%%%02X" % b for b in c.encode("utf-8", "surrogateescape")) for c in text)


def _split_literal(data: bytes, utf8: bool = True) -> List[str]:
    """Bytes as adjacent literals, one per source line, never cutting a UTF-8 sequence of text
    in two (so each line shows whole characters)."""
    per_line = TEXT_BYTES_PER_LINE if utf8 else BINARY_BYTES_PER_LINE
    lines: List[str] = []
    start = 0
    while start < len(data) or not lines:
        end = min(start + per_line, len(data))
        if utf8:
            while start < end < len(data) and (data[end] & 0xC0) == 0x80:
                end -= 1  # back up to the first byte of the sequence
        lines.append('"' + (_escaped if utf8 else _escaped_binary)(data[start:end]) + '"')
        start = end
    return lines


def _format_value(value, ctype: str) -> str:
    if ctype == "bool":
        return "true" if value else "false"
    if ctype == "std::string_view":
        return '"%s"' % cpp_string_literal_body(value.encode("utf-8"))
    return "0x%016X" % value if ctype == "std::uint64_t" else str(value)


_WIDTHS = {"std::uint8_t": 1, "std::uint16_t": 2, "std::uint32_t": 4, "std::uint64_t": 8}
_STRUCT_CODES = {1: "B", 2: "H", 4: "I", 8: "Q"}  # with "<": little-endian, standard sizes


def packed_row_elements(count: int, width: int) -> int:
    """Elements per row of a packed table: as few rows as a standard-length literal allows
    (one, for most tables), evenly filled, so that no row is padded much."""
    per_literal = max(1, LITERAL_LIMIT // width)
    rows = max(1, (count + per_literal - 1) // per_literal)
    return (count + rows - 1) // rows


def _row_literal(data: bytes, utf8: bool, attributes: str, name: str, parameters: str) -> List[str]:
    """A row's bytes as adjacent literals, a line each, between IANAPORTS_TABLE_ROW_BEGIN and
    _END (config.hpp), which make them a static member function name(parameters) returning them."""
    signature = f"({attributes}, {name}, {parameters})"
    return (["  IANAPORTS_TABLE_ROW_BEGIN" + signature]
            + ["      " + literal for literal in _split_literal(data, utf8)]
            + ["  IANAPORTS_TABLE_ROW_END" + signature])


def _render_literal_rows(name: str, rows: List[bytes], utf8: bool) -> List[str]:
    """A struct whose row(r) returns row r's bytes (NUL-terminated): the literal itself, or with
    g++ the char array it initialises (IANAPORTS_TABLE_ROW_BEGIN in config.hpp says why). A table
    of several rows returns each from an IANAPORTS_NOINLINE function of its own (config.hpp says
    why too)."""
    lines = [f"struct {name} {{"]
    if len(rows) == 1:
        lines += _row_literal(rows[0], utf8, "", "row", "std::size_t")
    else:
        for r, data in enumerate(rows):
            lines += _row_literal(data, utf8, "IANAPORTS_NOINLINE", f"row_{r}", "")
        lines += ["  static constexpr const char* row(std::size_t r) noexcept {", "    switch (r) {"]
        lines += [f"      case {r}: return row_{r}();" for r in range(len(rows) - 1)]
        lines += [f"      default: return row_{len(rows) - 1}();", "    }", "  }"]
    return lines + ["};"]


def _render_array(array: Array, aliases: Dict[str, str]) -> List[str]:
    """An integer table as rows of string literals holding its little-endian bytes, each xored
    with the table's mask (byte_mask), which the packed_table declaration names.

    Compilers read a string literal many times faster than a braced list of numbers: with
    braced lists the tables took about 1.1 s of clang++'s time, with literals a small part of it.
    """
    width = _WIDTHS[aliases.get(array.ctype, array.ctype)]
    count = len(array.values)
    per_row = array.row_elements or packed_row_elements(max(count, 1), width)
    if per_row * width > LITERAL_LIMIT:
        raise AssertionError(f"{array.name}: rows of {per_row * width} bytes exceed the literal limit")
    rows = max(1, (count + per_row - 1) // per_row)
    row_bytes = per_row * width
    # Every row full, zeros after the last value, as a char array's rows were: a table of no
    # values still has one, which the readers may read where a count says nothing is there.
    data = struct.pack("<%d%s" % (count, _STRUCT_CODES[width]), *array.values).ljust(rows * row_bytes, b"\0")
    if array.masked:
        mask = byte_mask(data)
        data = data.translate(bytes(b ^ mask for b in range(256)))
    else:
        mask = 0
    literals = f"{array.name}_bytes"
    return ([f"// {array.comment}"]
            + _render_literal_rows(literals, [data[r * row_bytes:(r + 1) * row_bytes] for r in range(rows)],
                                   utf8=False)
            + [f"inline constexpr packed_table<{array.ctype}, {count}, {rows}, {per_row}, {literals}, {mask}>"
               f" {array.name}{{}};"])


def _render_string_array(array: StringArray) -> List[str]:
    values = array.values or [""]  # C++ has no empty arrays; the count constant says how many
    return [f"// {array.comment}",
            f"inline constexpr std::string_view {array.name}[] = {{"
            + ", ".join('"%s"' % cpp_string_literal_body(v.encode("utf-8")) for v in values) + "};"]


def _render_text_pool(layout: Layout) -> List[str]:
    lines = ["// text_id -> bytes (see text_columns): rows of one string literal each; no string"
             " straddles two rows."]
    oversized = layout.text_row_size - 1 > LITERAL_LIMIT
    if oversized:
        # Only a registry with a single text longer than the limit gets here: such a text
        # cannot be split and still be viewed in place, so its row is a longer literal.
        lines += ["#if defined(__GNUC__)", "#pragma GCC diagnostic push",
                  '#pragma GCC diagnostic ignored "-Woverlength-strings"', "#endif"]
    lines += _render_literal_rows("text_pool", layout.text_rows, utf8=True)
    if oversized:
        lines += ["#if defined(__GNUC__)", "#pragma GCC diagnostic pop", "#endif"]
    return lines


def _render_banner(*, what: str, reader: str, updated: str, source_name: str, sha256: str,
                   local_sources: Sequence[Tuple[str, str]] = ()) -> List[str]:
    local = [f"// with the local services of {sanitize_comment(name)} (SHA-256 {digest}) before its rows."
             for name, digest in local_sources]
    return [
        "// SPDX-License-Identifier: BSL-1.0",
        f"// ianaports: {what}.",
        "// The registry data they hold is IANA's, in the public domain (CC0-1.0): see NOTICE.",
        "//",
        f"// Generated by {GENERATOR} from {sanitize_comment(source_name)}",
        f"// (registry updated {sanitize_comment(updated)}, SHA-256 {sha256}).",
        *local,
        "// Do not edit: regenerate it (the CMake build does so whenever the registry changes).",
        "// The comment above each table says what it holds: this file is the layout's reference;",
        f"// include/ianaports/detail/{reader} reads it.",
        "",
    ]


# How many hex digits of the tables' SHA-256 name them: 48 bits, so that the identity is also
# an integer the preprocessor compares (two copies in one translation unit), and a program of
# many copies still meets a collision with a chance of about copies^2 / 2^49.
TABLES_ID_DIGITS = 12


def tables_identity(tables_lines: Sequence[str], updated: str) -> Tuple[str, str]:
    """The tables' identity, from their own text (every table, constant and type the readers
    see, so every input and option that changes them changes it; file names and the banner do
    not): the hex digits, and the inline namespace that names them, t<registry date>_<digits>.
    The date is for people reading symbols; it is the registry's digits alone, so no input can
    make the name anything but an identifier."""
    digits = hashlib.sha256("\n".join(tables_lines).encode("utf-8")).hexdigest()[:TABLES_ID_DIGITS]
    date = re.sub(r"[^0-9]", "", updated)[:8]
    return digits, f"t{date}_{digits}"


def _render_identity(*, digits: str, namespace: str, description: str) -> List[str]:
    """The include guard and the macros that name these tables. The guard names them too, so
    that another copy's tables are not skipped as these: in a translation unit that already
    holds a copy, they fail to compile, naming both (a guard of one name would keep the first
    copy in silence). Everything sits inside the guard, so that the compiler skips the file
    unread when it is included again."""
    described = '"%s"' % cpp_string_literal_body(description.encode("utf-8", "surrogateescape"))
    guard = f"IANAPORTS_DETAIL_REGISTRY_TABLES_{digits.upper()}_HPP"
    return [
        f"#ifndef {guard}",
        f"#define {guard}",
        "",
        "// One translation unit, one copy of ianaports: another copy's tables are already here.",
        "#if defined(IANAPORTS_TABLES_ID)",
        f"static_assert(IANAPORTS_TABLES_ID == 0x{digits},",
        '              "ianaports: two copies built from different tables in one translation unit: "',
        '              IANAPORTS_TABLES_DESCRIPTION " (included first), and " ' + described,
        '              " (included since). Include one copy in each translation unit.");',
        "#else",
        "",
        "// What these tables are: the code that reads them lives in the inline namespace",
        "// ianaports::v1::IANAPORTS_TABLES_NAMESPACE (config.hpp), so copies built from other",
        "// inputs are other symbols and a program may link several.",
        f"#define IANAPORTS_TABLES_ID 0x{digits}",
        f"#define IANAPORTS_TABLES_NAMESPACE {namespace}",
        f"#define IANAPORTS_TABLES_DESCRIPTION {described}",
        "",
    ], ["#endif  // IANAPORTS_TABLES_ID", f"#endif  // {guard}", ""]


_IDENTITY = re.compile(r"^#define IANAPORTS_TABLES_ID 0x([0-9a-f]+)$", re.M)


def identity_of(header: str) -> str:
    """The identity's hex digits, as a generated header states them."""
    found = _IDENTITY.search(header)
    if not found:
        raise ValueError("not a tables header of this generator: no IANAPORTS_TABLES_ID")
    return found.group(1)


def _render_prologue(*, updated: str) -> List[str]:
    return [
        "#include <cstddef>      // std::size_t",
        "#include <cstdint>      // std::uint16_t, std::uint64_t",
        "#include <string_view>  // std::string_view",
        "",
        '#include "ianaports/detail/config.hpp"',
        '#include "ianaports/detail/packed_table.hpp"',
        "",
        "IANAPORTS_BEGIN_TABLES_DETAIL",
        "namespace registry {",
        "",
        f'inline constexpr std::string_view updated = "{cpp_string_literal_body(updated.encode("utf-8"))}";',
        "// The release whose generator made these tables (include/ianaports/detail/config.hpp):",
        "// part of the tables' identity, as its readers are another release's code.",
        *(f"inline constexpr unsigned generator_version_{part} = {value};"
          for part, value in zip(("major", "minor", "patch"), version_parts())),
        "",
    ]


def _render_declarations(layout: Layout) -> List[str]:
    lines = [f"using {a.name} = {a.ctype};  // {a.comment}" for a in layout.aliases] + [""]
    lines += [f"inline constexpr {c.ctype} {c.name} = {_format_value(c.value, c.ctype)};  // {c.comment}"
              for c in layout.constants]
    return lines + [""]


def describe_tables(*, updated: str, source_name: str, sha256: str, omitted: str, kept: str,
                    index: str, local_sources: Sequence[Tuple[str, str]] = ()) -> str:
    """One line that says what the tables were made from, for a person reading an error."""
    local = "".join(f", local services {name} (SHA-256 {digest[:12]})" for name, digest in local_sources)
    lean = (f", columns omitted: {omitted}" if omitted else "") + f", protocols {kept}, {index} index"
    return f"{source_name} (updated {updated}, SHA-256 {sha256[:12]}){local}{lean}"


def _render_layout(layout: Layout) -> List[str]:
    """A layout's declarations, text pool and tables, in the namespace the caller opened."""
    aliases = {a.name: a.ctype for a in layout.aliases}
    lines = _render_declarations(layout)
    lines += _render_text_pool(layout) + [""]
    for array in layout.arrays:
        lines += _render_array(array, aliases) + [""]
    for strings in layout.string_arrays:
        lines += _render_string_array(strings) + [""]
    return lines


def _render_people(people: Layout, *, digits: str, banner: List[str]) -> List[str]:
    """The people directory's header: its tables and a text pool of its own, which only
    ianaports/people.hpp reads, so that a translation unit that wants no people neither parses
    nor links them. It includes the tables it belongs to, and refuses any other's."""
    guard = f"IANAPORTS_DETAIL_REGISTRY_PEOPLE_{digits.upper()}_HPP"
    return banner + [
        f"#ifndef {guard}",
        f"#define {guard}",
        "",
        '#include "ianaports/detail/registry_tables.hpp"',
        "",
        f"static_assert(IANAPORTS_TABLES_ID == 0x{digits},",
        '              "ianaports: registry_people.hpp was made with other tables than registry_tables.hpp: "',
        '              "generate both again");',
        "",
        "IANAPORTS_BEGIN_TABLES_DETAIL",
        "namespace registry_people {",
        "",
        *_render_layout(people),
        "}  // namespace registry_people",
        "IANAPORTS_END_TABLES_DETAIL",
        "",
        f"#endif  // {guard}",
        "",
    ]


def render(layout: Layout, people: Layout, *, updated: str, source_name: str, sha256: str,
           local_sources: Sequence[Tuple[str, str]] = ()) -> Tuple[str, str]:
    """The tables' header, and their people's."""
    tables = _render_prologue(updated=updated)
    tables += _render_layout(layout)
    tables += ["}  // namespace registry", "IANAPORTS_END_TABLES_DETAIL", ""]
    # The people are the tables' too: a copy whose people differ is another copy.
    digits, namespace = tables_identity(tables + _render_layout(people), updated)
    constants = {c.name: c.value for c in layout.constants}
    description = describe_tables(updated=updated, source_name=source_name, sha256=sha256,
                                  omitted=constants["omitted_columns"], kept=constants["kept_protocols"],
                                  index="fast" if constants["fast_index"] else "compact",
                                  local_sources=local_sources)
    made_from = dict(updated=updated, source_name=source_name, sha256=sha256, local_sources=local_sources)
    lines = _render_banner(what="the IANA Service Name and Transport Protocol Port Number Registry as tables",
                           reader="tables.hpp", **made_from)
    people_banner = _render_banner(what="the people directory of the IANA Service Name and Transport Protocol"
                                        " Port Number Registry", reader="tables/people.hpp", **made_from)
    opening, closing = _render_identity(digits=digits, namespace=namespace, description=description)
    return ("\n".join(lines + opening + tables + closing),
            "\n".join(_render_people(people, digits=digits, banner=people_banner)))
