# SPDX-License-Identifier: BSL-1.0
"""The vocabulary of a layout: what the builders make and cpp_emit renders.

A Layout is integer arrays, named constants and type aliases, and the text pool's rows; nothing
in it is a pointer, so the tables need no load-time relocation in a position-independent binary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Union


@dataclass
class Array:
    name: str
    ctype: str  # a std:: integer type or an alias of the layout's
    values: List[int]
    comment: str  # what the table holds, for the generated header: the layout's documentation
    row_elements: Optional[int] = None  # values per packed row, when the reader relies on it
    # Whether its bytes may be xored with a mask (cpp_emit.byte_mask): for a table whose values a
    # lookup compares or returns, where the xor costs nothing, and not one whose values a lookup
    # goes on to read the next table at, where it adds to every step's latency.
    masked: bool = False


@dataclass
class Constant:
    name: str
    ctype: str  # an integer type, or std::string_view
    value: Union[int, str]
    comment: str


@dataclass
class Alias:
    name: str
    ctype: str
    comment: str


@dataclass
class Layout:
    aliases: List[Alias] = field(default_factory=list)
    constants: List[Constant] = field(default_factory=list)
    arrays: List[Array] = field(default_factory=list)
    string_arrays: List["StringArray"] = field(default_factory=list)
    text_rows: List[bytes] = field(default_factory=list)
    text_row_size: int = 0  # bytes a row of text_pool, its NUL included


def unsigned_type(max_value: int) -> str:
    for bits in (8, 16, 32):
        if max_value < (1 << bits):
            return f"std::uint{bits}_t"
    return "std::uint64_t"


def index_type(max_value: int) -> str:
    """At least 16 bits: keeps the common tables at one type, whatever their size."""
    return "std::uint16_t" if max_value < (1 << 16) else unsigned_type(max_value)


@dataclass
class StringArray:
    """A short array of strings (never registry-sized: the text pool holds those)."""

    name: str
    values: List[str]
    comment: str
