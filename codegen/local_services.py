# SPDX-License-Identifier: BSL-1.0
"""A user's own services, read from their files and set before the registry's rows.

    generate.py --registry r.xml --local site.services --local more.xml --local-conflicts error

A local file is in one of two formats, told apart by its content:

- services(5), as admins keep /etc/services: `name port/protocol [alias...] [# comment]`. The
  comment is the row's description; each alias is a row of its own on the same port and
  protocol, after the name's (as IANA lists http, www, www-http).
- IANA's own XML (`<record>`s, every column), for those who want every column; its <updated>
  date and <people> are not read.

Local rows come first, in file order, so that the rules of the first row (port_of, name_of)
give the local answer. A local row that repeats a registry row (the same name, ignoring case,
on ports and a protocol a registry row of that name already covers: `x11 6000/tcp` beside
IANA's `x11 6000-6063/tcp`) is dropped without a word: most of a distribution's /etc/services
does, and what stays are the names IANA does not have. The others are checked
against the registry, and each conflict is one line, `file:line: problem`:

    site.services:3: billing-api 8123/tcp takes a port IANA assigns to xyz
    site.services:4: name foo is registered by IANA on port 1234/tcp

warn (the default) prints them and goes on, error fails, ignore says nothing. A services(5) line
for a protocol the registry does not have (Debian's /etc/services lists AppleTalk's ddp) is left
out, and said so the same way.

A local file is read as the registry is: from a regular file (not a FIFO, which would hold the
build, nor a device), here of at most MAX_LOCAL_BYTES, and the header is made only if the file
is, when the header takes its place, the one that was read (generate.py checks every input).
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Tuple

from .registry_model import PROTOCOLS, FileIdentity, Registry, RegistryError, Row, fold_name, ports_text
from .registry_xml import check_service_name, escaped, parse_registry, read_whole_file, shorten

CONFLICT_MODES = ("warn", "error", "ignore")
# A local file is read whole, then parsed: bounded, at about four times IANA's whole registry
# in XML (3.9 MB in 2026) and a thousand times a distribution's /etc/services.
MAX_LOCAL_BYTES = 16 << 20


@dataclass(frozen=True)
class LocalFile:
    path: str
    sha256: str
    identity: FileIdentity  # of the file as it was read: checked again before the header is written
    # The rows of each services(5) line (its name's, then its aliases') or XML <record> (one),
    # in file order; each row's line is its line in this file. Grouped as read, not by line
    # number: two <record>s on one line are two entries, not a name and its alias.
    entries: List[List[Row]]
    left_out: List[Tuple[int, str]]  # lines of other protocols (ddp): (line, why)

    @property
    def rows(self) -> List[Row]:
        return [row for entry in self.entries for row in entry]


class LocalError(Exception):
    """A bad local file: its path, and a RegistryError with the line."""

    def __init__(self, path: str, error: RegistryError) -> None:
        super().__init__(error.located(path))
        self.path = path


def _row(path: str, line: int, name: str, ports: Tuple[int, int], transport: str, description: str) -> Row:
    return Row(path=path, line=line, service=name, ports=ports, ports_written_as_range=False, transport=transport,
               description=description, assignee="", contact="", registered="", modified="", reference="",
               service_code=None, unauthorized_use="", notes="")


# The white space that parts a services(5) line's fields, as glibc's reader (nss_files,
# files-parse.c) sees it: C's isspace() in the C locale. Not str.split()'s, which also parts
# at NBSP, U+001C-U+001F, NEL and the like, where glibc reads one name.
_SERVICES_SPACE = " \t\n\v\f\r"
_SERVICES_SPACE_RUN = re.compile("[ \t\n\v\f\r]+")


def _services_line(path: str, number: int, line: str) -> List[Row]:
    """The rows of one services(5) line: the name's, then one for each alias."""
    text, _, comment = line.partition("#")
    fields = [field for field in _SERVICES_SPACE_RUN.split(text) if field]
    if not fields:
        return []
    if len(fields) < 2:
        raise RegistryError(number, f"'{shorten(fields[0])}' has no port/protocol (services(5): name"
                                    " port/protocol [alias...])")
    name, where, aliases = fields[0], fields[1], fields[2:]
    port_text, slash, protocol = where.partition("/")
    if not slash or not port_text.isdigit() or not port_text.isascii():
        raise RegistryError(number, f"'{shorten(where)}' is not a port/protocol, such as 8123/tcp")
    port = int(port_text)
    if port > 65535:
        raise RegistryError(number, f"port {port_text} is out of range: ports are 0 to 65535")
    if not protocol:
        raise RegistryError(number, f"'{shorten(where)}' has no protocol, such as 8123/tcp")
    if protocol not in PROTOCOLS:
        # Valid services(5) (Debian's /etc/services lists AppleTalk's ddp), but not a protocol
        # the registry or the API has: left out, and said so as a conflict is.
        raise _OtherProtocol(f"{escaped(name)} {escaped(where)}: {escaped(protocol)} is not one of the"
                             f" registry's protocols ({', '.join(PROTOCOLS)}); left out")
    for service in [name] + aliases:
        check_service_name(service, number)
    description = comment.strip(_SERVICES_SPACE)
    return [_row(path, number, service, (port, port), protocol, description) for service in [name] + aliases]


class _OtherProtocol(Exception):
    """A services(5) line for a protocol the registry does not have."""


def _read_services(data: bytes, path: str) -> Tuple[List[List[Row]], List[Tuple[int, str]]]:
    """The rows of each line of a services(5) file that has any, and the lines left out:
    (line, why)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise RegistryError(line, "not UTF-8") from None
    entries: List[List[Row]] = []
    left_out: List[Tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        try:
            rows = _services_line(path, number, line.rstrip("\r"))
        except _OtherProtocol as other:
            left_out.append((number, str(other)))
            continue
        if rows:
            entries.append(rows)
    return entries, left_out


def read_local(path: str) -> LocalFile:
    """One local file, in either format, read once and whole; raises LocalError naming the file
    and line."""
    try:
        data, identity = read_whole_file(path, MAX_LOCAL_BYTES)
        if data.lstrip()[:1] == b"<":
            registry = parse_registry(path, data, identity, require_updated=False)
            entries, left_out = [[row] for row in registry.rows], []
        else:
            entries, left_out = _read_services(data, path)
    except OSError as error:
        raise LocalError(path, RegistryError(None, f"cannot read it: {error.strerror}")) from None
    except RegistryError as error:
        raise LocalError(path, error) from None
    return LocalFile(path, hashlib.sha256(data).hexdigest(), identity, entries, left_out)


class _RegistryIndex:
    """What the repeat and conflict checks ask of the registry's rows, indexed so that each
    local row costs a look-up, not a scan of the registry (a scan made 100,000 local lines take
    minutes)."""

    def __init__(self, rows: List[Row]) -> None:
        self.named: List[Row] = [r for r in rows if r.service and r.ports is not None]
        self.first_with_name: Dict[str, Row] = {}
        self.by_name: Dict[str, List[Row]] = {}
        for r in self.named:
            self.first_with_name.setdefault(fold_name(r.service), r)
            self.by_name.setdefault(fold_name(r.service), []).append(r)
        self.no_port = {fold_name(r.service) for r in rows if r.service and r.ports is None}
        # A row on one port is found by its port. Ranges are few (8 named ones in 2026): they
        # are sorted by their first port, and a look-up reads those that start at or below it.
        self.on_port: Dict[int, List[Tuple[int, Row]]] = {}
        ranges: List[Tuple[int, int, Row]] = []
        for order, r in enumerate(self.named):
            if r.ports[0] == r.ports[1]:
                self.on_port.setdefault(r.ports[0], []).append((order, r))
            else:
                ranges.append((r.ports[0], order, r))
        ranges.sort(key=lambda entry: entry[:2])
        self.range_firsts = [first for first, _, _ in ranges]
        self.ranges = [(order, r) for _, order, r in ranges]

    def covering(self, port: int, transport: Optional[str]) -> List[Row]:
        """The named rows whose ports hold port, for transport (None: any), registry order."""
        starting = self.ranges[:bisect.bisect_right(self.range_firsts, port)]
        found = self.on_port.get(port, []) + [(order, r) for order, r in starting if port <= r.ports[1]]
        found.sort(key=lambda entry: entry[0])
        return [r for _, r in found
                if r.transport is None or transport is None or r.transport == transport]

    def repeats(self, local: Row) -> bool:
        """Whether a registry row of the local row's name already says what it says."""
        name = fold_name(local.service)
        if local.ports is None:
            return name in self.no_port
        return any(r.ports[0] <= local.ports[0] and local.ports[1] <= r.ports[1]
                   and (r.transport is None or r.transport == local.transport)
                   for r in self.by_name.get(name, []))


def _conflicts(local: Row, index: _RegistryIndex) -> List[str]:
    if local.ports is None:
        return []
    name = fold_name(local.service)
    where = f"{ports_text(local.ports)}/{local.transport}" if local.transport else ports_text(local.ports)
    problems = []
    covering = index.covering(local.ports[0], local.transport)
    if covering and all(fold_name(r.service) != name for r in covering):
        problems.append(f"{escaped(local.service)} {where} takes a port IANA assigns to"
                        f" {escaped(covering[0].service)}")
    registered = index.first_with_name.get(name)
    if registered is not None and all(fold_name(r.service) != name for r in covering):
        on = f"{ports_text(registered.ports)}/{registered.transport}" if registered.transport else ports_text(registered.ports)
        problems.append(f"name {escaped(local.service)} is registered by IANA on port {on}")
    return problems


@dataclass(frozen=True)
class Merged:
    registry: Registry  # the local rows kept, then the registry's
    local_count: int
    conflicts: List[str]  # "file:line: problem", in file order


def merge(registry: Registry, locals_: List[LocalFile]) -> Merged:
    """The local rows before the registry's, without repeats; and the conflicts.

    The rows of one services(5) line (its name, then its aliases) stay together: when an alias
    is kept, so is the line's name before it, repeat or not, so that the name the line gives
    its port still names it (`discard 9/tcp sink null` keeps discard first on 9/tcp)."""
    index = _RegistryIndex(registry.rows)
    kept: List[Row] = []
    seen = set()
    conflicts: List[str] = []
    said = set()  # the files whose lines left out are said: a file given twice says them once
    for local in locals_:
        if (local.identity.device, local.identity.inode) not in said:
            said.add((local.identity.device, local.identity.inode))
            conflicts += [f"{local.path}:{line}: {why}" for line, why in local.left_out]
        for group in local.entries:
            keep = []
            for row in group:
                key = (fold_name(row.service), row.ports, row.transport)
                if (row.service and index.repeats(row)) or key in seen:
                    continue  # a repeat of a registry row, or of an earlier local one
                seen.add(key)
                keep.append(row)
            if keep and keep[0] is not group[0] and (fold_name(group[0].service), group[0].ports,
                                                     group[0].transport) not in seen:
                seen.add((fold_name(group[0].service), group[0].ports, group[0].transport))
                keep.insert(0, group[0])  # the line's name, before the aliases it keeps
            for row in keep:
                kept.append(row)
                if row is group[0] and index.repeats(row):
                    continue  # kept for its aliases: IANA's own row, no conflict
                conflicts += [f"{local.path}:{row.line}: {problem}" for problem in _conflicts(row, index)]
    return Merged(replace(registry, rows=kept + registry.rows,
                          local_files=tuple((local.path, local.identity) for local in locals_)),
                  len(kept), conflicts)


def describe(locals_: List[LocalFile]) -> List[Tuple[str, str]]:
    """(file name, SHA-256) of each local file, for the generated header's banner."""
    return [(os.path.basename(f.path), f.sha256) for f in locals_]
