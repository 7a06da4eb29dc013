# SPDX-License-Identifier: BSL-1.0
"""Port order: the rows sorted by first port, without a table of their own.

IANA lists its rows by port already. The longest run of rows, in registry order, whose first
ports never decrease is "in order"; record_first_port holds their first ports, and for every
other row (a row without ports, or one of the few out of order, "apart") the first port of
the in-order row before it. That column never decreases, so a binary search finds where any
port's rows begin, and a span's in-order rows are one stretch of registry order: by_range is a
search and a walk, and its results stay in registry order. The apart rows' own first ports are a
short list of their own (flag_apart marks them).

Per block of rows, how many in-order rows before it hold for each protocol: by_range's size()
counts a stretch from them and the rows at its ends. And by_protocol's rows: counted, and listed
where they are few (a walk over the rows would mostly skip), walked where they are many.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Dict, List, Set, Tuple

from ..registry_model import PROTOCOLS, Row

from .layout import Array, Constant, index_type

BLOCK_SHIFT = 5  # rows per block of port_order_count = 1 << BLOCK_SHIFT
LIST_BELOW = 4  # a protocol's rows are listed when fewer than 1 in LIST_BELOW rows name it


def _in_order(rows: List[Row]) -> Set[int]:
    """The longest subsequence of rows with ports whose first ports never decrease (the first
    such in registry order when several are as long): patience sorting with back links."""
    with_ports = [i for i, row in enumerate(rows) if row.ports is not None]
    tails: List[int] = []  # tails[k]: first port ending the best run of length k + 1
    tail_row: List[int] = []  # ...and the row that ends it
    before: Dict[int, int] = {}  # row -> the row before it in its best run
    for i in with_ports:
        first = rows[i].ports[0]
        k = bisect.bisect_right(tails, first)
        if k > 0:
            before[i] = tail_row[k - 1]
        if k == len(tails):
            tails.append(first)
            tail_row.append(i)
        else:
            tails[k] = first
            tail_row[k] = i
    kept: Set[int] = set()
    i = tail_row[-1] if tail_row else None
    while i is not None:
        kept.add(i)
        i = before.get(i)
    return kept


def _holds_for(row: Row, protocol: str) -> bool:
    return row.transport is None or row.transport == protocol


@dataclass
class PortOrder:
    keys: List[int]  # record_first_port
    apart: List[Tuple[int, int]]  # (row, its first port), rows with ports out of order
    block_counts: List[int]  # protocol * (blocks + 1) + b -> in-order rows holding for it before b
    max_span: int  # last - first of the widest in-order row
    protocol_counts: List[int]  # rows naming each protocol
    protocol_lists: List[List[int]]  # rows naming each protocol, where listed; else []

    @property
    def apart_rows(self) -> Set[int]:
        return {row for row, _ in self.apart}

    def constants(self) -> List[Constant]:
        return [
            Constant("port_order_block_shift", "unsigned", BLOCK_SHIFT, "rows per port_order_count block, log2"),
            Constant("port_order_blocks", "std::size_t", len(self.block_counts) // len(PROTOCOLS),
                     "port_order_count entries per protocol"),
            Constant("apart_count", "std::uint32_t", len(self.apart), "rows with ports out of port order"),
            Constant("max_in_order_span", "std::uint16_t", self.max_span,
                     "last port - first port of the widest in-order row"),
        ]

    def arrays(self) -> List[Array]:
        return [
            Array("record_first_port", "std::uint16_t", self.keys,
                  "row -> its first port if in order; else the in-order first port before it (0 at"
                  " first): never decreasing"),
            Array("apart_record", "record_index", [row for row, _ in self.apart],
                  "rows with ports out of port order (flag_apart), ascending"),
            Array("apart_first_port", "std::uint16_t", [first for _, first in self.apart], "their first ports"),
            Array("port_order_count", index_type(len(self.keys)), self.block_counts,
                  "protocol * port_order_blocks + b -> in-order rows holding for that protocol among rows"
                  " [0, b << port_order_block_shift)"),
            Array("protocol_row_count", "std::uint32_t", self.protocol_counts, "protocol -> rows naming it"),
        ]


def build_port_order(rows: List[Row]) -> PortOrder:
    kept = _in_order(rows)
    keys: List[int] = []
    key = 0
    max_span = 0
    for i, row in enumerate(rows):
        if i in kept:
            key = row.ports[0]
            max_span = max(max_span, row.ports[1] - row.ports[0])
        keys.append(key)
    apart = [(i, row.ports[0]) for i, row in enumerate(rows) if row.ports is not None and i not in kept]
    blocks = (len(rows) >> BLOCK_SHIFT) + 2  # b runs to the block past the last row
    block_counts: List[int] = []
    for protocol in PROTOCOLS:
        count = 0
        for b in range(blocks):
            block_counts.append(count)
            count += sum(1 for i in range(b << BLOCK_SHIFT, min((b + 1) << BLOCK_SHIFT, len(rows)))
                         if i in kept and _holds_for(rows[i], protocol))
    protocol_counts = [sum(1 for row in rows if row.transport == p) for p in PROTOCOLS]
    protocol_lists = [[i for i, row in enumerate(rows) if row.transport == p]
                      if count * LIST_BELOW < len(rows) else [] for p, count in zip(PROTOCOLS, protocol_counts)]
    return PortOrder(keys, apart, block_counts, max_span, protocol_counts, protocol_lists)
