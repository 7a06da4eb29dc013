# SPDX-License-Identifier: BSL-1.0
"""Read IANA's service-names-port-numbers.xml into plain rows (registry_model.py's).

Each <record> becomes one Row holding the twelve columns IANA publishes, rendered the way
IANA's CSV export renders them (see render_* below). Anything the generator cannot represent
faithfully is an error that names the line, never a silent guess.

Parsing is streamed with pyexpat (the standard library's XML parser) so that memory stays
bounded by one record at a time plus the rows kept, and so that a <!DOCTYPE> is refused at
its first byte, before any entity could be declared or expanded.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO, Iterable, List, Optional, Tuple, Union
from xml.parsers import expat

from .registry_model import (CHANGED_WHILE_READ, PROTOCOL_CHOICES, PROTOCOLS, FileIdentity, Person, Registry,
                            RegistryError, Row)

NAMESPACE = "http://www.iana.org/assignments"
MAX_NAME_BYTES = 255  # the name index stores a name's length in one byte
MAX_DEPTH = 32  # IANA's registry nests 5 deep; far deeper is an attack on the recursive reader

# XML white space (XML 1.0 section 2.3); other Unicode spaces are text, not layout.
_XML_SPACE = " \t\r\n"
_XML_SPACE_RUN = re.compile("[ \t\r\n]+")
_PORT_RANGE = re.compile(r"([0-9]+)(?:-([0-9]+))?\Z")
_DIGITS = re.compile(r"[0-9]+\Z")
_LETTER = re.compile("[A-Za-z]")


# --- a minimal element tree, built for one <record> at a time ---------------------------------

@dataclass
class _Node:
    tag: str  # local name; elements outside the IANA namespace keep "{uri}name"
    attrs: dict
    line: int
    children: List[Union[str, "_Node"]]

    def text(self) -> str:
        """All character data below this node, markup dropped."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def plain_text(node: _Node) -> str:
    """The text of an element that holds text only (<name>, <number>...); markup is an error."""
    for child in node.children:
        if isinstance(child, _Node):
            raise RegistryError(child.line, f"unexpected <{child.tag}> inside <{node.tag}>")
    return "".join(node.children)


def _check_empty(node: _Node) -> None:
    if node.children:
        raise RegistryError(node.line, f"<{node.tag}> must be empty")


def fold_space(text: str) -> str:
    """Every run of XML white space becomes one space; the ends are trimmed."""
    return _XML_SPACE_RUN.sub(" ", text).strip(" ")


def xref_label(xref: _Node) -> str:
    """How IANA prints a cross-reference: its own text, else RFC1234, else its data."""
    text = fold_space(xref.text())
    if text:
        return text
    data = xref.attrs.get("data", "")
    if xref.attrs.get("type") == "rfc":
        return data.upper()
    return data


def render_flowed(node: _Node) -> str:
    """Flowed text (descriptions, paragraphs, assignees): markup to text, white space folded.

    <br/> is white space here; an inline <xref> is its [label].
    """
    parts: List[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            _check_empty(child)
            parts.append(" ")
        elif child.tag == "xref":
            parts.append("[" + xref_label(child) + "]")
        else:
            raise RegistryError(child.line, f"unexpected <{child.tag}> inside <{node.tag}>")
    return fold_space("".join(parts))


def render_lines(node: _Node) -> str:
    """Text whose line breaks matter (notes, unauthorized use).

    Text is kept as written; <br/> is a line break (a newline written right after it is the
    same break, not a second one); an inline <xref> is its [label]; each <paragraph> is flowed
    text on a line of its own. The ends are trimmed.
    """
    blocks: List[str] = []
    loose: List[str] = []
    after_break = False

    def close_loose() -> None:
        text = "".join(loose).strip(_XML_SPACE)
        if text:
            blocks.append(text)
        loose.clear()

    for child in node.children:
        if isinstance(child, str):
            if after_break and child.startswith("\n"):
                child = child[1:]
            loose.append(child)
            after_break = False
            continue
        after_break = False
        if child.tag == "br":
            _check_empty(child)
            loose.append("\n")
            after_break = True
        elif child.tag == "xref":
            loose.append("[" + xref_label(child) + "]")
        elif child.tag == "paragraph":
            close_loose()
            blocks.append(render_flowed(child))
        else:
            raise RegistryError(child.line, f"unexpected <{child.tag}> inside <{node.tag}>")
    close_loose()
    return "\n".join(b for b in blocks if b)


def parse_ports(text: str, line: int) -> Tuple[int, int]:
    match = _PORT_RANGE.match(text)
    if not match:
        raise RegistryError(line, f'port number "{shorten(text)}" is not a port (0-65535) or a range N-M')
    bounds = []
    for digits in match.groups():
        if digits is None:
            continue
        if len(digits) > 1 and digits[0] == "0":
            raise RegistryError(line, f'port number "{shorten(text)}" has a leading zero')
        if len(digits) > 5 or int(digits) > 65535:
            raise RegistryError(line, f'port number "{shorten(text)}" is out of range 0-65535')
        bounds.append(int(digits))
    if len(bounds) == 1:
        return bounds[0], bounds[0]
    first, last = bounds
    if first > last:
        raise RegistryError(line, f'port range "{text}" is reversed (first > last)')
    return first, last


def escaped(text: str) -> str:
    """Text from a file as a message shows it: ASCII, every other character and every control
    character escaped (\\x1b, \\xe9), so that none reaches a terminal as anything but text."""
    return text.encode("unicode_escape").decode("ascii")


def shorten(text: str, limit: int = 40) -> str:
    """escaped(text), cut at limit characters."""
    text = escaped(text)
    return text if len(text) <= limit else text[:limit] + "..."


_RECORD_CHILDREN = {"name", "protocol", "number", "description", "assignee", "contact",
                    "xref", "note", "unauthorized", "sc"}
_SINGLE_CHILDREN = ("name", "protocol", "number", "description", "assignee", "contact",
                    "note", "unauthorized", "sc")


def _record_children(record: _Node) -> Tuple[dict, List[_Node]]:
    """The record's single-valued children by tag (None when absent), and its <xref>s."""
    by_tag: dict = {}
    for child in record.children:
        if isinstance(child, _Node):
            if child.tag not in _RECORD_CHILDREN:
                raise RegistryError(child.line, f"unknown element <{child.tag}> in <record>")
            by_tag.setdefault(child.tag, []).append(child)
    single = {}
    for tag in _SINGLE_CHILDREN:
        found = by_tag.get(tag, [])
        if len(found) > 1:
            raise RegistryError(found[1].line, f"<record> has more than one <{tag}>")
        single[tag] = found[0] if found else None
    return single, by_tag.get("xref", [])


def _service(name: Optional[_Node]) -> str:
    if name is None:
        return ""  # a row of no service: a reserved or unassigned port
    service = plain_text(name)
    if service != service.strip(_XML_SPACE):
        # Kept as written, the name would be found by no lookup one would type; trimmed, it
        # would not be what the file says. Neither is right, so it is an error.
        raise RegistryError(name.line, f'service name "{shorten(service)}" begins or ends with'
                                       " white space")
    check_service_name(service, name.line)
    return service


def check_service_name(service: str, line: int) -> None:
    """The rules every service name is held to, the registry's and a local file's alike."""
    if len(service.encode("utf-8")) > MAX_NAME_BYTES:
        raise RegistryError(line, f"service name is longer than {MAX_NAME_BYTES} bytes")
    # RFC 6335, section 5.1: a name holds a letter, so that no name reads as a port number;
    # nor, to a reader of "443/tcp" (portinfo's queries), as a port and a protocol.
    before, slash, after = service.rpartition("/")
    if slash and after.lower() in PROTOCOLS and not _LETTER.search(before):
        raise RegistryError(line, f'service name "{shorten(service)}" reads as a port and protocol:'
                                  " a name needs a letter of its own (RFC 6335, section 5.1)")
    if service and not _LETTER.search(service):
        raise RegistryError(line, f'service name "{shorten(service)}" has no letter, so it reads as'
                                  " a port number: a name needs one (RFC 6335, section 5.1)")


def _ports(number: Optional[_Node]) -> Tuple[Optional[Tuple[int, int]], bool]:
    """The ports, and whether one port is written as a range ("4748-4748")."""
    if number is None:
        return None, False
    text = plain_text(number)
    ports = parse_ports(text, number.line)
    return ports, ports[0] == ports[1] and "-" in text


def _transport(protocol: Optional[_Node]) -> Optional[str]:
    if protocol is None:
        return None
    transport = plain_text(protocol)
    if transport not in PROTOCOLS:
        raise RegistryError(protocol.line, f'unknown transport protocol "{shorten(transport)}"'
                                           f" (expected {PROTOCOL_CHOICES})")
    return transport


def _service_code(sc: Optional[_Node]) -> Optional[int]:
    if sc is None:
        return None
    code = plain_text(sc)
    if not _DIGITS.match(code) or len(code) > 10 or int(code) > 0xFFFFFFFF:
        raise RegistryError(sc.line, f'service code "{shorten(code)}" is not a number 0-4294967295')
    return int(code)


def _labels(xrefs: List[_Node], people: bool) -> str:
    """The record's own <xref>s as "[label]"s: the people's, or the references'."""
    return "".join("[" + xref_label(x) + "]" for x in xrefs if (x.attrs.get("type") == "person") == people)


def record_to_row(record: _Node, path: str) -> Row:
    single, xrefs = _record_children(record)
    ports, written_as_range = _ports(single["number"])
    own_people = _labels(xrefs, people=True)

    def flowed(tag: str, absent: str = "") -> str:
        return render_flowed(single[tag]) if single[tag] is not None else absent

    def lines(tag: str) -> str:
        return render_lines(single[tag]) if single[tag] is not None else ""

    return Row(
        line=record.line,
        service=_service(single["name"]),
        ports=ports,
        ports_written_as_range=written_as_range,
        transport=_transport(single["protocol"]),
        description=flowed("description"),
        # A record without <assignee> or <contact> names its people by its own person xrefs.
        assignee=flowed("assignee", own_people),
        contact=flowed("contact", own_people),
        registered=record.attrs.get("date", ""),
        modified=record.attrs.get("updated", ""),
        reference=_labels(xrefs, people=False),
        service_code=_service_code(single["sc"]),
        unauthorized_use=lines("unauthorized"),
        notes=lines("note"),
        path=path,
    )


_PERSON_FIELDS = ("name", "org", "uri", "updated")


def person_of(node: _Node) -> Person:
    """A <person>: its id attribute (required) and fields, each text only and at most once
    (but <uri>, which may come more than once)."""
    if "id" not in node.attrs:
        raise RegistryError(node.line, "<person> has no id attribute")
    fields = {}
    for child in node.children:
        if not isinstance(child, _Node):
            continue
        if child.tag not in _PERSON_FIELDS:
            raise RegistryError(child.line, f"unknown element <{child.tag}> in <person>")
        if child.tag in fields and child.tag != "uri":
            raise RegistryError(child.line, f"<person> has more than one <{child.tag}>")
        # A few people have several addresses: kept in order, a space between (a URI has none).
        fields[child.tag] = (fields[child.tag] + " " if child.tag in fields else "") + plain_text(child)
    return Person(node.line, node.attrs["id"], fields.get("name", ""), fields.get("org", ""),
                  fields.get("uri", ""), fields.get("updated", ""))


# --- the streaming reader ---------------------------------------------------------------------

class _Reader:
    """Feeds expat and keeps only what a row needs."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.parser = expat.ParserCreate(encoding=None, namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.buffer_text = True
        self.parser.XmlDeclHandler = self._xml_decl
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._entity
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._chars
        self.depth = 0
        self.stack: List[_Node] = []  # open elements we keep (the current record or <updated>)
        self.updated: Optional[str] = None
        self.updated_line = 1
        self.rows: List[Row] = []
        self.people: List[Person] = []
        self.in_people = False  # inside <people>, where each <person> is kept
        self.saw_root = False

    def _line(self) -> int:
        return self.parser.CurrentLineNumber

    def _xml_decl(self, version, encoding, standalone) -> None:
        if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise RegistryError(self._line(), f'encoding "{shorten(encoding)}" is not UTF-8')

    def _doctype(self, name, system_id, public_id, has_internal_subset) -> None:
        # Entity definitions can expand without bound ("billion laughs") or read other files;
        # IANA's registry has no DOCTYPE, so any DOCTYPE is refused before it is read.
        raise RegistryError(self._line(), "a <!DOCTYPE> is not allowed in a registry file")

    def _entity(self, *args) -> None:
        raise RegistryError(self._line(), "entity declarations are not allowed in a registry file")

    @staticmethod
    def _local(name: str) -> str:
        uri, _, local = name.rpartition(" ")
        # Outside IANA's namespace, escaped: a namespace URI is file text, and reaches messages.
        return local if uri == NAMESPACE else shorten("{%s}%s" % (uri, local) if uri else "{}" + local, 80)

    def _start(self, name: str, attrs: dict) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RegistryError(self._line(), f"elements nested more than {MAX_DEPTH} deep")
        tag = self._local(name)
        if self.depth == 1:
            if tag != "registry":
                raise RegistryError(self._line(), f"root element is <{_describe(name)}>, expected <registry>"
                                                  f" in namespace {NAMESPACE}")
            self.saw_root = True
            return
        if self.stack:
            node = _Node(tag, dict(attrs), self._line(), [])
            self.stack[-1].children.append(node)
            self.stack.append(node)
        elif self.depth == 2 and tag in ("record", "updated"):
            self.stack.append(_Node(tag, dict(attrs), self._line(), []))
        elif self.depth == 2 and tag == "people":
            self.in_people = True
        elif self.depth == 3 and self.in_people and tag == "person":
            self.stack.append(_Node(tag, dict(attrs), self._line(), []))

    def _end(self, name: str) -> None:
        self.depth -= 1
        if self.depth == 1:
            self.in_people = False
        if not self.stack:
            return
        node = self.stack.pop()
        if self.stack:
            return  # an element inside the record closed; the record is still open
        if node.tag == "record":
            self.rows.append(record_to_row(node, self.path))
        elif node.tag == "person":
            self.people.append(person_of(node))
        elif node.tag == "updated":
            if self.updated is not None:
                raise RegistryError(node.line, "<registry> has more than one <updated>")
            self.updated = plain_text(node).strip(_XML_SPACE)
            self.updated_line = node.line

    def _chars(self, data: str) -> None:
        if self.stack:
            self.stack[-1].children.append(data)


def _describe(expat_name: str) -> str:
    """An element's name as messages show it ({uri}local), escaped: a tag is file text too."""
    uri, _, local = expat_name.rpartition(" ")
    return shorten(f"{{{uri}}}{local}" if uri else local, 80)


CHUNK_BYTES = 1 << 20


def read_registry(path: str, require_updated: bool = True) -> Registry:
    """Parse the registry at path; raises RegistryError (with a line) on anything malformed.

    The file is fed to expat in chunks and hashed on the way: memory holds one record's
    elements at a time, plus the rows, and the bytes hashed are the bytes parsed. A file that
    changes while it is read (rewritten in place, or replaced by a rename) would give tables of
    neither version under a hash of neither, so the file's identity is taken before and after,
    and any difference is an error, reported before whatever parse error the change caused.
    A file of local services in IANA's format (require_updated False) may have no <updated>.
    """
    with open_regular_file(path) as f:
        before = FileIdentity.of(os.fstat(f.fileno()))
        try:
            reader, sha256 = _parse(path, _chunks(f))
        except RegistryError:
            _check_unchanged(path, f, before)
            raise
        _check_unchanged(path, f, before)
    return _registry_of(reader, sha256, before, require_updated)


def parse_registry(path: str, data: bytes, identity: FileIdentity, require_updated: bool = True) -> Registry:
    """The registry in data, the bytes of path read whole (by read_whole_file) as identity."""
    reader, sha256 = _parse(path, [data])
    return _registry_of(reader, sha256, identity, require_updated)


def _parse(path: str, chunks: Iterable[bytes]) -> Tuple[_Reader, str]:
    """The reader that has read the chunks, and their SHA-256."""
    reader = _Reader(path)
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in chunks:
            if size == 0 and chunk[:2] in (b"\xff\xfe", b"\xfe\xff"):
                raise RegistryError(1, "the file is UTF-16, not UTF-8")
            size += len(chunk)
            digest.update(chunk)
            reader.parser.Parse(chunk, False)
        if size == 0:
            raise RegistryError(1, "the file is empty")
        reader.parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise RegistryError(error.lineno, "not well-formed XML: " + expat.ErrorString(error.code)) from None
    return reader, digest.hexdigest()


def _registry_of(reader: _Reader, sha256: str, identity: FileIdentity, require_updated: bool) -> Registry:
    if require_updated and reader.updated is None:
        raise RegistryError(1, "no <updated> date in <registry>")
    if require_updated and not reader.updated:
        raise RegistryError(reader.updated_line, "the <updated> date is empty")
    return Registry(updated=reader.updated or "", rows=reader.rows, sha256=sha256, identity=identity,
                    people=reader.people)


# --- opening and reading input files ----------------------------------------------------------

_FILE_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def open_regular_file(path: str) -> BinaryIO:
    """path opened to be read, when it is a regular file; else OSError (a directory: EISDIR, as
    open() says) or RegistryError. Opened without blocking, so that a FIFO is refused at once,
    not waited on until a writer comes; a device such as /dev/zero would never end. Only a
    regular file has the identity (FileIdentity) and date that every input is checked by."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _FILE_KINDS if test(mode)), "a special file")
            raise RegistryError(None, f"cannot read it: it is {kind}, not a regular file")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_whole_file(path: str, limit: int) -> Tuple[bytes, FileIdentity]:
    """The bytes of the regular file at path, and its identity as they were read: OSError when
    it cannot be read, RegistryError when it is no regular file, holds more than limit bytes or
    changed while it was read (the same check as read_registry's)."""
    with open_regular_file(path) as f:
        before = FileIdentity.of(os.fstat(f.fileno()))
        parts: List[bytes] = []
        size = 0
        if before.size <= limit:  # else too large already: not read
            for chunk in _chunks(f):
                size += len(chunk)
                if size > limit:
                    break  # it grew as it was read
                parts.append(chunk)
        _check_unchanged(path, f, before)
        if max(before.size, size) > limit:
            raise RegistryError(None, f"cannot read it: it is larger than {limit >> 20} MiB, the most"
                                      " it may be")
    return b"".join(parts), before


def _chunks(f):
    """The file's bytes, CHUNK_BYTES at a time (a seam the generator tests use)."""
    while True:
        chunk = f.read(CHUNK_BYTES)
        if not chunk:
            return
        yield chunk


def _check_unchanged(path: str, f, before: FileIdentity) -> None:
    """Raise unless the open file and the file path names now are both what was opened."""
    if FileIdentity.of(os.fstat(f.fileno())) != before or FileIdentity.at(path) != before:
        raise RegistryError(None, CHANGED_WHILE_READ)
