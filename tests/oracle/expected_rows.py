#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Independent oracle for the IANA service-names/port-numbers registry reader.

Usage: expected_rows.py REGISTRY.xml OUTPUT.txt [LOCAL-SERVICES-FILE...]

Reads the registry with xml.dom.minidom and writes one escaped, TAB-separated
line per <record> (see the column rules below).  This is deliberately a second,
from-scratch implementation of the column rules so that comparing its output
with the project's generator catches mistakes in either one.

Output (UTF-8, "\\n" line ends):
    updated<TAB><registry date>
    rows<TAB><record count>
    service ports transport description assignee contact registered modified
        reference service_code unauthorized_use notes      (one line per record)
    people<TAB><person count>
    id name org uri updated                                (one line per person)
    local<TAB><count>     the first <count> rows are the local services' (given files)

Local services files (services(5) lines, or IANA's XML) are read here too, from scratch: each
services(5) line is a row for its name and one for each alias, its comment the description; a
local row is left out when a registry row of its name (ignoring ASCII case) covers its ports
and protocol, or when an earlier local row has its name, ports and protocol.

Unexpected shapes (an unknown element inside a text field, a repeated
single-valued element) are reported as errors rather than guessed at, so that
a change in the registry format shows up as a test failure.
"""
from __future__ import annotations

import os
import re
import sys
import xml.dom.minidom
from typing import List

XML_WS = " \t\r\n"                  # XML white space; other Unicode spaces are text
SERVICES_SPACE = " \t\n\v\f\r"       # what glibc parts a services(5) line at: C's isspace()
SERVICES_WS = re.compile(r"[ \t\n\v\f\r]+")
WS_RUN = re.compile(r"[ \t\r\n]+")
TEXT_NODES = (xml.dom.Node.TEXT_NODE, xml.dom.Node.CDATA_SECTION_NODE)
ELEMENT = xml.dom.Node.ELEMENT_NODE


class OracleError(Exception):
    pass


def fold(s: str) -> str:
    """Collapse every run of XML white space to one space, trim both ends."""
    return WS_RUN.sub(" ", s).strip(" ")


def escape(s: str) -> str:
    """%-escape '%', C0 controls and DEL; everything else stays raw.

    Working on characters is equivalent to working on UTF-8 bytes here,
    because every byte of a multi-byte UTF-8 sequence is >= 0x80."""
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "%" or c < 0x20 or c == 0x7F:
            out.append("%%%02X" % c)
        else:
            out.append(ch)
    return "".join(out)


def elements(node, name: str):
    """Direct child elements of `node` with local name `name`."""
    return [c for c in node.childNodes if c.nodeType == ELEMENT and c.localName == name]


def only_child(node, name: str):
    """The single direct child element `name`, or None; error if repeated."""
    found = elements(node, name)
    if len(found) > 1:
        raise OracleError("<%s> appears %d times in one <%s>" % (name, len(found), node.localName))
    return found[0] if found else None


def plain_text(el) -> str:
    """Text content of an element that must hold text only."""
    parts = []
    for c in el.childNodes:
        if c.nodeType in TEXT_NODES:
            parts.append(c.data)
        elif c.nodeType == ELEMENT:
            raise OracleError("unexpected <%s> inside <%s>" % (c.localName, el.localName))
    return "".join(parts)


def all_text(el) -> str:
    """Text content of an element, descending into any child elements."""
    parts = []
    for c in el.childNodes:
        if c.nodeType in TEXT_NODES:
            parts.append(c.data)
        elif c.nodeType == ELEMENT:
            parts.append(all_text(c))
    return "".join(parts)


def xref_label(x) -> str:
    """[label] of an xref: its folded text, else data (upper-cased for RFCs)."""
    label = fold(all_text(x))
    if not label:
        data = x.getAttribute("data")
        label = data.upper() if x.getAttribute("type") == "rfc" else data
    return "[" + label + "]"


def render_folded(el) -> str:
    """Description-style rendering: <br/> is white space, <xref> is [label],
    then all XML white space is folded and trimmed."""
    parts = []
    for c in el.childNodes:
        if c.nodeType in TEXT_NODES:
            parts.append(c.data)
        elif c.nodeType == ELEMENT:
            if c.localName == "br":
                parts.append(" ")
            elif c.localName == "xref":
                parts.append(xref_label(c))
            else:
                raise OracleError("unexpected <%s> inside <%s>" % (c.localName, el.localName))
    return fold("".join(parts))


def render_note(el) -> str:
    """Note-style rendering (used for <note> and <unauthorized>).

    Text keeps its layout.  <br/> is "\\n"; the XML wraps right after a <br/>,
    so one "\\n" at the very start of the text node that directly follows the
    <br/> is the same line break and is dropped.  Each <paragraph> is a folded
    block of its own; the loose content around paragraphs forms blocks that
    are trimmed and dropped when empty.  Blocks are joined with "\\n"."""
    blocks: List[str] = []
    loose: List[str] = []
    after_br = False

    def flush_loose() -> None:
        text = "".join(loose).strip(XML_WS)
        if text:
            blocks.append(text)
        del loose[:]

    for c in el.childNodes:
        if c.nodeType in TEXT_NODES:
            text = c.data
            if after_br and text.startswith("\n"):
                text = text[1:]
            loose.append(text)
        elif c.nodeType == ELEMENT:
            if c.localName == "br":
                loose.append("\n")
            elif c.localName == "xref":
                loose.append(xref_label(c))
            elif c.localName == "paragraph":
                flush_loose()
                # A paragraph is a block even if it renders empty (none do today).
                blocks.append(render_folded(c))
            else:
                raise OracleError("unexpected <%s> inside <%s>" % (c.localName, el.localName))
        else:
            continue  # comments / processing instructions: ignore, keep after_br state
        after_br = c.nodeType == ELEMENT and c.localName == "br"
    flush_loose()
    return "\n".join(blocks)


def record_row(rec) -> List[str]:
    def text_of(name: str) -> str:
        el = only_child(rec, name)
        return plain_text(el) if el is not None else ""

    def folded_of(name: str) -> str:
        el = only_child(rec, name)
        return render_folded(el) if el is not None else ""

    def note_of(name: str) -> str:
        el = only_child(rec, name)
        return render_note(el) if el is not None else ""

    # Only the record's own xrefs count; xrefs inside note/description/assignee don't.
    own_xrefs = elements(rec, "xref")
    persons = "".join(xref_label(x) for x in own_xrefs if x.getAttribute("type") == "person")
    reference = "".join(xref_label(x) for x in own_xrefs if x.getAttribute("type") != "person")

    # <assignee>/<contact> elements win; without them both fall back to the
    # record's own person xrefs (so they can be equal).
    assignee_el = only_child(rec, "assignee")
    contact_el = only_child(rec, "contact")
    assignee = render_folded(assignee_el) if assignee_el is not None else persons
    contact = render_folded(contact_el) if contact_el is not None else persons

    return [
        text_of("name").strip(XML_WS),      # service
        text_of("number"),                  # ports, as written
        text_of("protocol"),                # transport
        folded_of("description"),
        assignee,
        contact,
        rec.getAttribute("date"),           # registered ("" when absent)
        rec.getAttribute("updated"),        # modified
        reference,
        text_of("sc"),                      # service_code
        note_of("unauthorized"),
        note_of("note"),
    ]


def ascii_lower(s: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def services_lines(path: str) -> List[List[List[str]]]:
    """Each line's rows: its name's, then one for each alias."""
    lines = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f.read().split("\n"):
            code, _, comment = line.rstrip("\r").partition("#")
            fields = SERVICES_WS.split(code.strip(SERVICES_SPACE)) if code.strip(SERVICES_SPACE) else []
            if not fields:
                continue
            port, _, proto = fields[1].partition("/")
            if proto not in ("tcp", "udp", "sctp", "dccp"):
                continue  # a protocol the registry does not have (ddp): left out
            lines.append([[name, str(int(port)), proto, comment.strip(SERVICES_SPACE)] + [""] * 8
                          for name in [fields[0]] + fields[2:]])
    return lines


def local_lines(path: str) -> List[List[List[str]]]:
    with open(path, "rb") as f:
        xml_file = f.read().lstrip()[:1] == b"<"
    if not xml_file:
        return services_lines(path)
    root = xml.dom.minidom.parse(path).documentElement
    root.normalize()
    return [[record_row(rec)] for rec in elements(root, "record")]


def ports_of(text: str):
    if not text:
        return None
    first, _, last = text.partition("-")
    return int(first), int(last or first)


def kept_local_rows(registry_rows: List[List[str]], paths: List[str]) -> List[List[str]]:
    """The rule of local_services.py, written again: repeats of a registry row (its name on
    ports and a protocol a registry row of that name covers) and of earlier local rows are left
    out, but a line that keeps an alias keeps its name before it."""
    def key(row):
        return ascii_lower(row[0]), ports_of(row[1]), row[2]

    def repeats(row) -> bool:
        name, ports, proto = key(row)
        return bool(name) and any(
            ascii_lower(r[0]) == name and
            ((ports is None and not r[1]) or
             (ports is not None and r[1] and ports_of(r[1])[0] <= ports[0] and ports[1] <= ports_of(r[1])[1]
              and r[2] in ("", proto)))
            for r in registry_rows)

    kept, seen = [], set()
    for path in paths:
        for line in local_lines(path):
            keep = []
            for row in line:
                if repeats(row) or key(row) in seen:
                    continue
                seen.add(key(row))
                keep.append(row)
            if keep and keep[0] is not line[0] and key(line[0]) not in seen:
                seen.add(key(line[0]))
                keep.insert(0, line[0])
            kept += keep
    return kept


def build_lines(path: str, locals_: List[str]) -> List[str]:
    doc = xml.dom.minidom.parse(path)
    root = doc.documentElement
    root.normalize()  # merge adjacent text nodes so "\n after <br/>" is reliable
    updated_el = only_child(root, "updated")
    if updated_el is None:
        raise OracleError("root <%s> has no <updated> child" % root.localName)
    registry_rows = []
    for i, rec in enumerate(elements(root, "record"), 1):
        try:
            registry_rows.append(record_row(rec))
        except OracleError as e:
            raise OracleError("record #%d: %s" % (i, e))
    local = kept_local_rows(registry_rows, locals_)
    rows = local + registry_rows
    lines = ["updated\t" + escape(plain_text(updated_el).strip(XML_WS)),
             "rows\t%d" % len(rows)]
    lines += ["\t".join(escape(f) for f in row) for row in rows]
    # The people directory: every <person> of <people>, its five fields as written (several
    # <uri>s joined by a space).
    people = [p for section in elements(root, "people") for p in elements(section, "person")]
    lines.append("people\t%d" % len(people))
    for person in people:
        def field(name: str) -> str:
            return " ".join(plain_text(el) for el in elements(person, name))
        lines.append("\t".join(escape(f) for f in (person.getAttribute("id"), field("name"), field("org"),
                                                   field("uri"), field("updated"))))
    lines.append("local\t%d" % len(local))
    return lines


def main(argv: List[str]) -> int:
    if len(argv) < 3:
        print("usage: %s REGISTRY.xml OUTPUT.txt [LOCAL-SERVICES-FILE...]" % argv[0], file=sys.stderr)
        return 1
    src, dst, locals_ = argv[1], argv[2], argv[3:]
    tmp = dst + ".tmp"
    try:
        lines = build_lines(src, locals_)
        os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)  # Make, unlike Ninja, does not
        with open(tmp, "wb") as f:
            f.write("".join(line + "\n" for line in lines).encode("utf-8"))
        os.replace(tmp, dst)
    except Exception as e:  # any failure: message on stderr, exit 1
        print("expected_rows.py: %s: %s" % (src, e), file=sys.stderr)
        try:
            os.remove(tmp)
        except OSError:
            pass
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
