# SPDX-License-Identifier: BSL-1.0
"""The records: one entry a row, registry order, and the text tuples rows share.

A row is its name's text id and a byte of flags (facts.py; its first port is port_order.py's), plus the index of
its text tuple: description, assignee, contact and registration date, and a tail tuple of the
last four columns (modification date, reference, unauthorized use, notes). Rows that say the
same share a tuple (a service's tcp and udp rows, usually), and text tuples that end alike share
a tail, which costs one more load and saves most of what a tuple's last columns would take.
The few rows that span ports, or are rare (a service code, one port written as a range), are
short lists rather than columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Set, Tuple

from ..registry_model import PROTOCOLS, Row

from . import facts
from .layout import Alias, Array, Constant, index_type
from .text import PackedText, TextPool

TEXT_COLUMNS = ("description", "assignee", "contact", "registered")  # a text tuple's own
TAIL_COLUMNS = ("modified", "reference", "unauthorized_use", "notes")  # its tail's


def row_flags(row: Row, apart: bool) -> int:
    first, last = row.ports if row.ports is not None else (0, 0)
    transport = PROTOCOLS.index(row.transport) if row.transport is not None else facts.NO_PROTOCOL
    return (transport
            | (facts.FLAG_HAS_PORTS if row.ports is not None else 0)
            | (facts.FLAG_APART if apart else 0)
            | (facts.FLAG_RARE if row.service_code is not None or row.ports_written_as_range else 0)
            | (facts.FLAG_RESERVED if row.description == "Reserved" else 0)
            | (facts.FLAG_SPANS_PORTS if last > first else 0))


@dataclass
class Records:
    service_ids: List[int] = field(default_factory=list)  # row -> text id of its name
    flags: List[int] = field(default_factory=list)
    tuple_of_row: List[int] = field(default_factory=list)
    text_tuples: Dict[Tuple[int, ...], int] = field(default_factory=dict)  # TEXT_COLUMNS ids + tail
    tails: Dict[Tuple[int, ...], int] = field(default_factory=dict)  # TAIL_COLUMNS ids
    spans: List[Tuple[int, int]] = field(default_factory=list)  # (row, last port) when last > first
    rare: List[Tuple[int, int, int]] = field(default_factory=list)  # (row, rare_what bits, service code)

    def renumber(self, text: PackedText) -> None:
        """Text ids from the pool's to the packed ones."""
        self.service_ids = [text.new_id[t] for t in self.service_ids]
        self.text_tuples = {tuple(text.new_id[t] for t in key[:-1]) + key[-1:]: i
                            for key, i in self.text_tuples.items()}
        self.tails = {tuple(text.new_id[t] for t in key): i for key, i in self.tails.items()}

    def aliases(self) -> List[Alias]:
        return [
            Alias("record_index", index_type(max(len(self.flags) - 1, 0)), "a row's position in registry order"),
            Alias("text_tuple_index", index_type(max(len(self.text_tuples) - 1, 0)),
                  "a row's shared text columns"),
            Alias("tail_tuple_index", index_type(max(len(self.tails) - 1, 0)),
                  "a text tuple's last four columns"),
        ]

    def constants(self) -> List[Constant]:
        return [
            Constant("record_count", "std::uint32_t", len(self.flags), "rows in the registry"),
            Constant("rare_count", "std::uint32_t", len(self.rare),
                     "rows with a service code or one port written as N-N"),
            Constant("range_count", "std::uint32_t", len(self.spans), "rows whose ports span more than one"),
            Constant("text_tuple_count", "std::uint32_t", len(self.text_tuples), "distinct text tuples"),
            Constant("tail_tuple_count", "std::uint32_t", len(self.tails), "distinct tail tuples"),
        ]

    def arrays(self) -> List[Array]:
        arrays = [
            Array("record_service", "text_id", self.service_ids, "row -> service name as written"),
            Array("range_record", "record_index", [row for row, _ in self.spans],
                  "rows whose last port is above their first, ascending"),
            Array("range_last_port", "std::uint16_t", [last for _, last in self.spans], "their last ports"),
            Array("record_flags", "std::uint8_t", self.flags,
                  "row -> bits 0-2: protocol index (flag_no_protocol: holds for every protocol), and"
                  " flag_has_ports, flag_apart, flag_rare, flag_reserved, flag_spans_ports"),
            # With every text column left out there is one tuple, and no need for a column of zeros.
            Array("record_texts", "text_tuple_index",
                  self.tuple_of_row if len(self.text_tuples) > 1 else [0],
                  "row -> its text tuple (one entry when text_tuple_count is 1)"),
        ]
        tuples = list(self.text_tuples)
        arrays += [Array("texts_" + column, "text_id", [t[c] for t in tuples], f"text tuple -> {column}")
                   for c, column in enumerate(TEXT_COLUMNS)]
        arrays.append(Array("texts_tail", "tail_tuple_index",
                            [t[-1] for t in tuples] if len(self.tails) > 1 else [0],
                            "text tuple -> its tail tuple (one entry when tail_tuple_count is 1)"))
        tails = list(self.tails)
        arrays += [Array("tail_" + column, "text_id", [t[c] for t in tails], f"tail tuple -> {column}")
                   for c, column in enumerate(TAIL_COLUMNS)]
        arrays += [
            Array("rare_record", "record_index", [row for row, _, _ in self.rare],
                  "rows with a service code or one port written as N-N (flag_rare), ascending"),
            Array("rare_what", "std::uint8_t", [what for _, what, _ in self.rare],
                  "their rare_has_service_code and rare_one_port_as_range bits"),
            Array("rare_service_code", "std::uint32_t", [code for _, _, code in self.rare],
                  "their service codes (0 without one)"),
        ]
        return arrays


def build_records(rows: List[Row], omitted: FrozenSet[str], pool: TextPool, apart: Set[int]) -> Records:
    """The records of rows; omitted: the columns a lean build leaves out, which read "";
    apart: the rows out of port order (port_order.py)."""
    records = Records()

    def text_ids(row: Row, columns) -> Tuple[int, ...]:
        return tuple(pool.id_of("" if column in omitted else getattr(row, column)) for column in columns)

    for i, row in enumerate(rows):
        records.service_ids.append(pool.id_of(row.service))
        first, last = row.ports if row.ports is not None else (0, 0)
        records.flags.append(row_flags(row, i in apart))
        tail = records.tails.setdefault(text_ids(row, TAIL_COLUMNS), len(records.tails))
        key = text_ids(row, TEXT_COLUMNS) + (tail,)
        records.tuple_of_row.append(records.text_tuples.setdefault(key, len(records.text_tuples)))
        if last > first:
            records.spans.append((i, last))
        what = ((facts.RARE_HAS_SERVICE_CODE if row.service_code is not None else 0)
                | (facts.RARE_ONE_PORT_AS_RANGE if row.ports_written_as_range else 0))
        if what:
            records.rare.append((i, what, row.service_code or 0))
    return records
