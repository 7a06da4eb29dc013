# SPDX-License-Identifier: BSL-1.0
"""Lay the registry rows out as the flat tables that include/ianaports/detail/tables/ reads.

One builder per index, each in a module of its own, in the order the readers use them:

  text.py        the text pool: every distinct string once, in rows of one string literal
  records.py     a row's name, first port and flags, and the text tuples rows share
  names.py       the name index (a perfect hash over the folded names) and port_of's answers
  port_order.py  the rows in port order (no table of their own), by_range's and by_protocol's counts
  ports.py       the port index: per protocol, segments of the port space and their rows
  port_names.py  name_of's answers over TCP and UDP: a bit per named port, a rank, a text id
  people.py      the people directory the rows' [Id]s refer to, sorted for person_of

A compact index (a lean build's) leaves out the name keys, the port segments and the direct
answers: lookups by name confirm a hit on the name's text, and lookups by port search the port
order, a few times slower for a fraction of the tables.

facts.py holds what both halves rely on (flag bits, protocols, limits); layout.py the
vocabulary (Array, Constant, Layout). build() runs the builders and gathers their tables: the
generated header's comments, one a table, are the layout's documentation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import FrozenSet, List, Tuple

from ..registry_model import PROTOCOLS, Registry, Row

from . import facts
from .layout import Alias, Array, Constant, Layout, StringArray, index_type
from .names import NameIndex, build_name_index, build_name_ports
from .people import build_people
from .port_names import build_port_names
from .port_order import PortOrder, build_port_order
from .ports import PortIndex, build_port_index
from .records import build_records
from .text import TextPool

# The columns a lean build may leave out (generate.py --omit), by the names users know them by.
COLUMN_GROUPS = {
    "description": ("description",),
    "people": ("assignee", "contact"),
    "dates": ("registered", "modified"),
    "reference": ("reference",),
    "notes": ("unauthorized_use", "notes"),
}


@dataclass
class RowLists:
    """The lists of rows of the indexes, in one table, so that any list is a span of it: the
    name index's (a slot's rows), the port index's (a segment's) and by_protocol's (a sparse
    protocol's rows); each begin column is offset into the one table."""

    rows: List[int]
    name_begin: List[int]  # slot -> its first entry (one past the end at name_slot_count)
    segment_begin: List[int]  # segment -> its first entry
    protocol_begin: List[int]  # protocol -> its first entry (one past the end for the last)

    def arrays(self) -> Tuple[Array, Array, Array, Array]:
        list_index = index_type(len(self.rows))
        return (Array("name_rows_begin", list_index, self.name_begin,
                      "name slot -> its first entry in row_lists (one past the end at name_slot_count)"),
                Array("port_segment_rows_begin", list_index, self.segment_begin,
                      "segment -> its first entry in row_lists: the rows covering it"),
                Array("protocol_rows_begin", list_index, self.protocol_begin,
                      "protocol -> its first entry in row_lists: the rows naming it, when listed (an"
                      " empty list for a protocol with rows: walk the registry instead)"),
                Array("row_lists", "record_index", self.rows,
                      "lists of rows, each in registry order: by name, by port segment, by protocol"))


def merge_row_lists(names: NameIndex, ports: PortIndex, order: PortOrder) -> RowLists:
    rows: List[int] = []

    def add(lists: List[List[int]]) -> List[int]:
        begins = [len(rows)]
        for listed in lists:
            rows.extend(listed)
            begins.append(len(rows))
        return begins

    name_begin = add(names.rows_of_slot)
    segment_begin = add(ports.segment_rows)
    protocol_begin = add(order.protocol_lists)
    return RowLists(rows, name_begin, segment_begin, protocol_begin)


def kept_rows(registry: Registry, protocols: Tuple[str, ...]) -> List[Row]:
    """The rows of the protocols kept; rows that hold for every protocol always are."""
    return [row for row in registry.rows if row.transport is None or row.transport in protocols]


INDEXES = ("fast", "compact")


def build(registry: Registry, omit: FrozenSet[str] = frozenset(),
          protocols: Tuple[str, ...] = PROTOCOLS, index: str = "fast") -> Tuple[Layout, Layout]:
    """The tables for registry, and its people's (their own text pool: a program that asks for
    no person carries none of it). omit: COLUMN_GROUPS left out (they read ""); protocols: the
    protocols whose rows are kept; index: fast (the name keys, the port segments, the direct
    answers) or compact (none of them: lookups search and walk the port order instead)."""
    fast = index == "fast"
    rows = kept_rows(registry, protocols)
    local_rows = len(kept_rows(replace(registry, rows=registry.rows[:registry.local_rows]), protocols))
    pool = TextPool()
    order = build_port_order(rows)
    records = build_records(rows, frozenset(c for g in omit for c in COLUMN_GROUPS[g]), pool,
                            order.apart_rows)
    names = build_name_index(rows, fast)
    name_ports = build_name_ports(rows, names)
    ports = build_port_index(rows, fast)
    lists = merge_row_lists(names, ports, order)
    text = pool.pack()
    records.renumber(text)
    port_names = build_port_names(rows, records.service_ids, fast)

    record_index, text_tuple_index, tail_tuple_index = records.aliases()
    layout = Layout(text_rows=text.rows, text_row_size=text.row_size)
    layout.aliases = [record_index, Alias("text_id", index_type(len(text.begins) - 2), "a string of the text pool"),
                      text_tuple_index, tail_tuple_index]
    layout.constants = (
        facts.constants() + records.constants()[:1] + text.constants() + names.constants()
        + ports.constants() + name_ports.constants() + port_names.constants() + records.constants()[1:]
        + order.constants()
        + [Constant("fast_index", "bool", fast, "the name keys, port segments and direct answers are here"),
           Constant("omitted_columns", "std::string_view", ",".join(g for g in COLUMN_GROUPS if g in omit),
                    "column groups left out of this build (generate.py --omit)"),
           Constant("kept_protocols", "std::string_view", ",".join(p for p in PROTOCOLS if p in protocols),
                    "protocols whose rows are in this build (generate.py --protocols)"),
           Constant("kept_protocol_bits", "std::uint8_t",
                    sum(1 << index for index, p in enumerate(PROTOCOLS) if p in protocols),
                    "the same, bit i for protocol index i"),
           Constant("local_row_count", "std::uint32_t", local_rows,
                    "rows [0, local_row_count) are the user's own services (generate.py --local)"),
           Constant("name_sample_count", "std::size_t", len(names.sample_slots),
                    "(name, slot) pairs in name_sample_*")])
    name_rows_begin, port_segment_rows_begin, protocol_rows_begin, row_lists = lists.arrays()
    layout.arrays = (text.arrays() + records.arrays() + order.arrays() + names.arrays() + name_ports.arrays()
                     + port_names.arrays() + [name_rows_begin] + ports.arrays()
                     + [port_segment_rows_begin, protocol_rows_begin, row_lists]
                     + names.sample_arrays() + ports.sample_arrays())
    layout.string_arrays = [StringArray("name_sample_names", names.sample_names,
                                        "a few names of the registry, as written, for name_sample_slot")]
    return layout, build_people(registry.people if "people" not in omit else [])
