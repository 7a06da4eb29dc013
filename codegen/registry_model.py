# SPDX-License-Identifier: BSL-1.0
"""The registry as the generator holds it: rows, people, and the file they were read from.

What every part of the generator shares, whatever reads the files (registry_xml.py IANA's XML,
local_services.py a user's services files) or uses the rows (the builders of tables/, diff.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

PROTOCOLS = ("tcp", "udp", "sctp", "dccp")  # order = ianaports::protocol enumerators
PROTOCOL_CHOICES = ", ".join(PROTOCOLS[:-1]) + " or " + PROTOCOLS[-1]  # for messages

_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
_FOLD_TEXT = str.maketrans(_UPPER, _LOWER)
_FOLD_BYTES = bytes.maketrans(_UPPER.encode("ascii"), _LOWER.encode("ascii"))


def fold_name(name: str) -> str:
    """A service name as RFC 6335 compares names: ASCII letters folded to lower case, every other
    character as it is (the C++ same_service_name's rule)."""
    return name.translate(_FOLD_TEXT)


def fold_name_bytes(name: bytes) -> bytes:
    """fold_name, over a name's UTF-8 bytes."""
    return name.translate(_FOLD_BYTES)


def ports_text(ports: Optional[Tuple[int, int]], written_as_range: bool = False) -> str:
    """Ports as IANA writes them: "" for none, "80", "6000-6063", and "4748-4748" for the one
    port a few rows write as a range."""
    if ports is None:
        return ""
    first, last = ports
    return str(first) if first == last and not written_as_range else f"{first}-{last}"


class RegistryError(Exception):
    """A problem in the registry file, at a line (None: the file as a whole); or in another
    file, when path says which (a row's, Row.path, for a problem found once rows are merged)."""

    def __init__(self, line: Optional[int], message: str, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path

    def located(self, path: str) -> str:
        """The message as the generator prints it: `path:line: problem`, path the error's own
        when it has one."""
        path = self.path or path
        return f"{path}:{self.line}: {self.message}" if self.line is not None else f"{path}: {self.message}"


@dataclass(frozen=True)
class FileIdentity:
    """What tells one version of a file from another: a file replaced (by rename) has another
    inode, one rewritten in place another size or change time."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @staticmethod
    def of(status: os.stat_result) -> "FileIdentity":
        return FileIdentity(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns,
                            status.st_ctime_ns)

    @staticmethod
    def at(path: str) -> Optional["FileIdentity"]:
        """The identity of the file path names now; None when there is none."""
        try:
            return FileIdentity.of(os.stat(path))
        except OSError:
            return None


CHANGED_WHILE_READ = "changed while it was being read; nothing was written (build again)"


@dataclass(frozen=True)
class Row:
    """One <record>, its twelve columns as IANA's CSV shows them."""

    line: int
    service: str
    ports: Optional[Tuple[int, int]]  # inclusive (first, last); None when no <number>
    ports_written_as_range: bool  # "4748-4748": one port written as a range (a few rows)
    transport: Optional[str]  # one of PROTOCOLS; None when the row holds for every protocol
    description: str
    assignee: str
    contact: str
    registered: str
    modified: str
    reference: str
    service_code: Optional[int]
    unauthorized_use: str
    notes: str
    path: str = ""  # the file the row was read from, which line is a line of

    def port_text(self) -> str:
        """The port number as IANA wrote it ("" without one)."""
        return ports_text(self.ports, self.ports_written_as_range)


@dataclass(frozen=True)
class Person:
    """One <person> of the registry's <people>: the directory the rows' [Id]s refer to. The
    fields are as written ("" when absent), white space and all."""

    line: int
    id: str
    name: str
    org: str
    uri: str  # as IANA writes it, "mailto:someone&example.com"; several joined by a space
    updated: str


@dataclass(frozen=True)
class Registry:
    updated: str  # the registry's own <updated> date
    rows: List[Row]
    sha256: str  # of the input file's bytes
    identity: FileIdentity  # of the file as it was read
    people: List[Person] = field(default_factory=list)  # registry order
    local_rows: int = 0  # rows[:local_rows] are a user's own (local_services.py), not IANA's
    # The files of those rows, as they were read: (path, identity), in the order given.
    local_files: Tuple[Tuple[str, FileIdentity], ...] = ()
