#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Say what changed between two releases of IANA's port number registry.

    python3 codegen/diff.py OLD.xml NEW.xml [--format text|markdown|json] [--ports SPEC]

Two views of one change:

- Rows. A row's key is (service name with A-Z folded to a-z as RFC 6335 names compare, port
  number as written: "", "80", "6000-6063" or "4748-4748", protocol or "" for every protocol).
  The rows under one key pair up in registry order, the n-th old one with the n-th new one. A
  row without a partner is added (listed in NEW's order) or removed (in OLD's order); a pair
  whose columns differ is changed (in OLD's order), with the columns that differ.
- Ports. For every port 0-65535 and protocol (tcp, udp, sctp, dccp), what the C++ API's
  status() and name_of() answer with each release, listing each one whose answer changed,
  by port and then protocol.

--ports 43/tcp,8000-8100/udp,443 limits both views to those ports (PORT or FIRST-LAST, each
with /PROTOCOL or, without one, for all four): the ports listed, and the rows that cover at
least one of them.

Formats (all UTF-8, "\\n" line endings, the same bytes for the same input):
- text (default): a header line naming both files (date, rows), the --ports given, a summary
  line, then the sections Added, Removed, Changed and Ports, those that are not empty:
      + foo 8123/tcp: Foo                   (a row: name, port as written/protocol, description)
      ~ http 80/tcp: World Wide Web HTTP    (a changed row, then a line per changed column)
          Reference: "[RFC2616]" -> "[RFC9110]"
      80/tcp: assigned (http) -> assigned (www)
  One line an entry: registry text shows line breaks, tabs, control and invisible characters
  as escapes (\\n, \\t, \\x85, \\u202e) and a backslash as \\\\; a changed column's long values
  show only the part around the change (json has them in full).
- markdown: a release note: headings, and tables whose cells escape "|", Markdown's other
  punctuation and HTML, with line breaks as <br>.
- json: {"old": {"file", "updated", "rows"}, "new": {...}, "added": [ROW], "removed": [ROW],
  "changed": [{"old": ROW, "new": ROW, "columns": [NAME]}], "ports": [{"port", "protocol",
  "old": {"status", "name"}, "new": {...}}]}, where a ROW maps IANA's twelve CSV column names
  to their values in full; json.dumps(ensure_ascii=False, indent=2).

Exit status: 0 when the report shows no change, 1 when it shows one (so a CI job can watch
ports with --ports), 2 on bad arguments or a bad registry file (`file:line: problem`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

sys.dont_write_bytecode = True
if not __package__:  # run as a file (python3 codegen/diff.py): as the package's module, PEP 366
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    import codegen  # noqa: F401,E402  (the parent package, for the relative imports below)

    __package__ = "codegen"  # pylint: disable=redefined-builtin

from .registry_model import PROTOCOL_CHOICES, PROTOCOLS, Registry, RegistryError, Row, fold_name  # noqa: E402
from .registry_xml import parse_ports, read_registry  # noqa: E402

PORT_COUNT = 65536
DYNAMIC_FIRST = 49152  # RFC 6335 section 6: 49152-65535 are dynamic, never assigned
COLUMNS = ("Service Name", "Port Number", "Transport Protocol", "Description", "Assignee",
           "Contact", "Registration Date", "Modification Date", "Reference", "Service Code",
           "Unauthorized Use Reported", "Assignment Notes")  # IANA's CSV header, in its order
LONG_VALUE = 120  # characters: a changed value longer than this shows in text around the change
CONTEXT = 30  # characters kept each side of the change in such a value

# RFC 6335 section 5.1: names compare case-insensitively, in ASCII only.

# What a terminal or a Markdown viewer would hide or act on: C0 and C1 controls, DEL, line and
# paragraph separators, bidi and zero-width format characters, spaces other than U+0020, and
# lone surrogates. A fixed list, so the output does not depend on Python's Unicode version.
_INVISIBLE = ("\x00-\x1f\x7f-\xa0\xad\u034f\u061c\u115f\u1160\u1680\u180e\u2000-\u200f"
              "\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\ufff9-\ufffb\ud800-\udfff")
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\", '"': '\\"'}
_VISIBLE = re.compile("[\\\\%s]" % _INVISIBLE)  # text: a backslash too
_VISIBLE_QUOTED = re.compile('["\\\\%s]' % _INVISIBLE)  # text, in quotes: and the quote
_VISIBLE_MARKDOWN = re.compile("[%s]" % _INVISIBLE)  # the backslash is Markdown's to escape
# Markdown's emphasis, code, links, raw HTML and entities, and the table's cell separator.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[<>|&~])")  # no "]": without "[" it is plain text


def _escape(match: "re.Match[str]") -> str:
    ch = match.group()
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    return "\\x%02x" % code if code < 0x100 else "\\u%04x" % code


def visible(text: str, pattern: "re.Pattern[str]" = _VISIBLE) -> str:
    """text on one line, nothing hidden: the characters pattern matches written as escapes."""
    return pattern.sub(_escape, text)


def quoted(text: str) -> str:
    return '"' + visible(text, _VISIBLE_QUOTED) + '"'


def markdown(text: str) -> str:
    """text as the content of a Markdown table cell or heading: one line, shown as written."""
    return "<br>".join(_MARKDOWN_SPECIAL.sub(r"\\\1", visible(line, _VISIBLE_MARKDOWN))
                       for line in text.split("\n"))


# --- rows -------------------------------------------------------------------------------------

def row_key(row: Row) -> Tuple[str, str, str]:
    return fold_name(row.service), row.port_text(), row.transport or ""


def columns(row: Row) -> Dict[str, str]:
    """The row's twelve columns, keyed and rendered as IANA's CSV export has them."""
    values = (row.service, row.port_text(), row.transport or "", row.description, row.assignee,
              row.contact, row.registered, row.modified, row.reference,
              "" if row.service_code is None else str(row.service_code), row.unauthorized_use,
              row.notes)
    return dict(zip(COLUMNS, values))


def row_protocols(row: Row) -> Tuple[str, ...]:
    return PROTOCOLS if row.transport is None else (row.transport,)


@dataclass(frozen=True)
class Changed:
    old: Row
    new: Row
    columns: List[str]  # the names of the columns that differ, in IANA's order


def pair_rows(old_rows: Sequence[Row], new_rows: Sequence[Row]
              ) -> Tuple[List[Row], List[Row], List[Changed]]:
    """(added, removed, changed): rows under one key pair up in registry order."""
    waiting: Dict[Tuple[str, str, str], List[int]] = {}
    for index, row in enumerate(new_rows):
        waiting.setdefault(row_key(row), []).append(index)
    paired = [False] * len(new_rows)
    taken: Dict[Tuple[str, str, str], int] = {}
    removed: List[Row] = []
    changed: List[Changed] = []
    for row in old_rows:
        key = row_key(row)
        candidates = waiting.get(key, [])
        nth = taken.get(key, 0)
        if nth == len(candidates):
            removed.append(row)
            continue
        taken[key] = nth + 1
        paired[candidates[nth]] = True
        partner = new_rows[candidates[nth]]
        before, after = columns(row), columns(partner)
        differ = [name for name in COLUMNS if before[name] != after[name]]
        if differ:
            changed.append(Changed(row, partner, differ))
    added = [row for row, done in zip(new_rows, paired) if not done]
    return added, removed, changed


# --- ports: what status() and name_of() answer ------------------------------------------------

Answer = Tuple[str, str]  # (status, name): what status() and name_of() say of a port
_UNASSIGNED: Answer = ("unassigned", "")
_DYNAMIC: Answer = ("dynamic", "")
_RESERVED: Answer = ("reserved", "")


def first_cover(spans: Iterable[Tuple[Tuple[int, int], object]]) -> list:
    """For each port, the value of the first span (registry order) that covers it, else None.

    Each port is filled once: a union-find of "next unfilled port" skips the filled ones, so
    the cost is the ports plus the spans, however much the spans overlap.
    """
    value: list = [None] * PORT_COUNT
    unfilled = list(range(PORT_COUNT + 1))  # unfilled[p] leads to the first unfilled port >= p

    def find(port: int) -> int:
        root = port
        while unfilled[root] != root:
            root = unfilled[root]
        while unfilled[port] != root:
            unfilled[port], port = root, unfilled[port]
        return root

    for (first, last), item in spans:
        port = find(first)
        while port <= last:
            value[port] = item
            unfilled[port] = port + 1
            port = find(port + 1)
    return value


def port_answers(rows: Sequence[Row]) -> Dict[str, List[Answer]]:
    """For each protocol, the answer for every port, by the C++ API's rules: of the rows that
    cover the port for the protocol, name_of() is the first non-empty name; status() is assigned
    when there is one, else reserved when one says "Reserved", else dynamic from 49152, else
    unassigned."""
    answers = {}
    for protocol in PROTOCOLS:
        covering = [row for row in rows if row.ports is not None and row.transport in (None, protocol)]
        names = first_cover((row.ports, ("assigned", row.service)) for row in covering if row.service)
        reserved = first_cover((row.ports, _RESERVED) for row in covering if row.description == "Reserved")
        answers[protocol] = [
            names[port] or reserved[port] or (_DYNAMIC if port >= DYNAMIC_FIRST else _UNASSIGNED)
            for port in range(PORT_COUNT)]
    return answers


@dataclass(frozen=True)
class PortChange:
    port: int
    protocol: str
    old: Answer
    new: Answer


def port_changes(old_rows: Sequence[Row], new_rows: Sequence[Row], watch: "Watch") -> List[PortChange]:
    """Every watched (port, protocol) whose answer differs, by port and then protocol."""
    before, after = port_answers(old_rows), port_answers(new_rows)
    found = []
    for index, protocol in enumerate(PROTOCOLS):
        old, new, watched = before[protocol], after[protocol], watch.ports[protocol]
        found += [(port, index, PortChange(port, protocol, old[port], new[port]))
                  for port in range(PORT_COUNT) if old[port] != new[port] and watched[port]]
    return [change for _, _, change in sorted(found, key=lambda item: item[:2])]


# --- --ports ----------------------------------------------------------------------------------

class Watch:
    """The (port, protocol) pairs a report is limited to: one flag a port, per protocol."""

    def __init__(self, spec: Optional[str] = None) -> None:
        self.spec = spec
        everything = spec is None
        self.ports = {protocol: bytearray(b"\x01" * PORT_COUNT if everything else PORT_COUNT)
                      for protocol in PROTOCOLS}
        if everything:
            return
        for item in spec.split(","):
            span, slash, protocol = item.strip(" ").partition("/")
            if slash and protocol.lower() not in PROTOCOLS:
                raise ValueError(f'"{item}": unknown protocol "{protocol}" (expected {PROTOCOL_CHOICES})')
            try:
                first, last = parse_ports(span, 0)
            except RegistryError as error:
                raise ValueError(f'"{item}": {error.message}') from None
            for name in (protocol.lower(),) if slash else PROTOCOLS:
                self.ports[name][first:last + 1] = b"\x01" * (last - first + 1)

    def covers(self, row: Row) -> bool:
        """Is the row in the report? Without --ports every row is; with it, a row that holds
        for a watched port (so a row without ports is not)."""
        if self.spec is None:
            return True
        if row.ports is None:
            return False
        first, last = row.ports
        return any(self.ports[p].find(1, first, last + 1) != -1 for p in row_protocols(row))


def parse_watch(spec: str) -> Watch:
    """argparse's type for --ports."""
    try:
        return Watch(spec)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# --- the report -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Release:
    file: str  # the path as given on the command line
    registry: Registry


@dataclass(frozen=True)
class Report:
    old: Release
    new: Release
    watch: Watch
    added: List[Row]
    removed: List[Row]
    changed: List[Changed]
    ports: List[PortChange]

    def shows_change(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.ports)


def compare(old: Release, new: Release, watch: Watch) -> Report:
    old_rows, new_rows = old.registry.rows, new.registry.rows
    added, removed, changed = pair_rows(old_rows, new_rows)
    return Report(old, new, watch,
                  added=[row for row in added if watch.covers(row)],
                  removed=[row for row in removed if watch.covers(row)],
                  changed=[c for c in changed if watch.covers(c.old)],  # a pair covers alike
                  ports=port_changes(old_rows, new_rows, watch))


def counted(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary(report: Report) -> str:
    """"3 rows added, 1 removed, 2 changed; 1 port answer changed"."""
    return (f"{counted(len(report.added), 'row')} added, {len(report.removed)} removed,"
            f" {len(report.changed)} changed; {counted(len(report.ports), 'port answer')} changed")


def answer_text(answer: Answer, escape: Callable[[str], str]) -> str:
    """"assigned (http)", "reserved"..."""
    status, name = answer
    return f"{status} ({escape(name)})" if status == "assigned" else status


# --- text -------------------------------------------------------------------------------------

def row_label(row: Row) -> str:
    """How text names a row: `http 80/tcp`, `x11 6000-6063` (every protocol), `(no name) 4/udp`."""
    where = row.port_text() or "(no port)"
    if row.transport is not None:
        where += "/" + row.transport
    return (visible(row.service) if row.service else "(no name)") + " " + where


def elided(old: str, new: str) -> Tuple[str, str]:
    """Two values of a column, quoted; long ones cut to the part around the change (at most
    LONG_VALUE characters of it), "..." outside the quotes where a value goes on."""
    if len(old) <= LONG_VALUE and len(new) <= LONG_VALUE:
        return quoted(old), quoted(new)
    shorter = min(len(old), len(new))
    prefix = 0
    while prefix < shorter and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shorter - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = max(0, prefix - CONTEXT)

    def cut(value: str) -> str:
        end = min(len(value), len(value) - suffix + CONTEXT, start + LONG_VALUE)
        return ("..." if start else "") + quoted(value[start:end]) + ("..." if end < len(value) else "")

    return cut(old), cut(new)


def render_text(report: Report) -> str:
    def release(r: Release) -> str:
        return f"{visible(r.file)} ({visible(r.registry.updated)}, {counted(len(r.registry.rows), 'row')})"

    lines = [release(report.old) + " -> " + release(report.new)]
    if report.watch.spec is not None:
        lines.append("ports watched: " + visible(report.watch.spec))
    lines.append(summary(report))

    def section(title: str, entries: List[str]) -> None:
        if entries:
            lines.extend(["", f"{title} ({len(entries)}):"] + entries)

    def row_line(mark: str, row: Row) -> str:
        return mark + " " + row_label(row) + (": " + visible(row.description) if row.description else "")

    section("Added", [row_line("+", row) for row in report.added])
    section("Removed", [row_line("-", row) for row in report.removed])
    section("Changed", [
        "\n".join([row_line("~", c.old)] + [
            "    %s: %s -> %s" % ((name,) + elided(columns(c.old)[name], columns(c.new)[name]))
            for name in c.columns])
        for c in report.changed])
    section("Ports", [f"{c.port}/{c.protocol}: {answer_text(c.old, visible)} -> {answer_text(c.new, visible)}"
                      for c in report.ports])
    return "\n".join(lines) + "\n"


# --- markdown ---------------------------------------------------------------------------------

def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> List[str]:
    """A Markdown table; the cells are Markdown already."""
    return (["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            + ["| " + " | ".join(cells) + " |" for cells in rows])


_ROW_TABLE = ("Service Name", "Port Number", "Transport Protocol", "Description", "Reference")


def render_markdown(report: Report) -> str:
    old, new = report.old, report.new
    lines = [f"## Port registry changes: {markdown(old.registry.updated)} to {markdown(new.registry.updated)}",
             ""]
    lines += table(("Release", "File", "Updated", "Rows"), [
        (which, markdown(r.file), markdown(r.registry.updated), str(len(r.registry.rows)))
        for which, r in (("old", old), ("new", new))])
    lines.append("")
    if report.watch.spec is not None:
        lines += ["Ports watched: " + markdown(report.watch.spec) + ".", ""]
    lines.append(summary(report) + ".")

    def section(title: str, count: int, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        if count:
            lines.extend(["", f"### {title} ({count})", ""] + table(header, rows))

    def row_cells(row: Row) -> List[str]:
        values = columns(row)
        return [markdown(values[name]) for name in _ROW_TABLE]

    section("Added", len(report.added), _ROW_TABLE, map(row_cells, report.added))
    section("Removed", len(report.removed), _ROW_TABLE, map(row_cells, report.removed))
    section("Changed", len(report.changed), _ROW_TABLE[:3] + ("Column", "Old", "New"), [
        row_cells(c.old)[:3] + [name, markdown(columns(c.old)[name]), markdown(columns(c.new)[name])]
        for c in report.changed for name in c.columns])
    section("Ports", len(report.ports), ("Port", "Protocol", "Old", "New"), [
        (str(c.port), c.protocol, answer_text(c.old, markdown), answer_text(c.new, markdown))
        for c in report.ports])
    return "\n".join(lines) + "\n"


# --- json -------------------------------------------------------------------------------------

def render_json(report: Report) -> str:
    def release(r: Release) -> dict:
        return {"file": r.file, "updated": r.registry.updated, "rows": len(r.registry.rows)}

    def answer(a: Answer) -> dict:
        return {"status": a[0], "name": a[1]}

    document = {
        "old": release(report.old),
        "new": release(report.new),
        "added": [columns(row) for row in report.added],
        "removed": [columns(row) for row in report.removed],
        "changed": [{"old": columns(c.old), "new": columns(c.new), "columns": c.columns}
                    for c in report.changed],
        "ports": [{"port": c.port, "protocol": c.protocol, "old": answer(c.old), "new": answer(c.new)}
                  for c in report.ports],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": render_text, "markdown": render_markdown, "json": render_json}


# --- the command ------------------------------------------------------------------------------

class _Unreadable(Exception):
    pass


def load(path: str) -> Release:
    try:
        return Release(path, read_registry(path))
    except RegistryError as error:
        raise _Unreadable(error.located(path)) from None
    except OSError as error:
        raise _Unreadable(f"{path}: {error.strerror or error}") from None


def write_stdout(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader left (`| head`): say nothing more, and let the exit not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="exit status: 0 no change, 1 a change shown, 2 bad arguments or a bad file")
    parser.add_argument("old", metavar="OLD.xml", help="the earlier registry release")
    parser.add_argument("new", metavar="NEW.xml", help="the later registry release")
    parser.add_argument("--format", choices=tuple(FORMATS), default="text",
                        help="text for a terminal (default), markdown for a release note, json")
    parser.add_argument("--ports", type=parse_watch, default=Watch(), metavar="SPEC",
                        help="only these ports, e.g. 43/tcp,8000-8100/udp,443 (no protocol: all four)")
    args = parser.parse_args(argv)
    try:
        old, new = load(args.old), load(args.new)
    except _Unreadable as error:
        print(error, file=sys.stderr)
        return 2
    report = compare(old, new, args.ports)
    # A lone surrogate (from a file name that is not UTF-8) becomes \udcxx: still UTF-8, and
    # in JSON an escape a reader decodes.
    write_stdout(FORMATS[args.format](report).encode("utf-8", "backslashreplace"))
    return 1 if report.shows_change() else 0


if __name__ == "__main__":
    sys.exit(main())
