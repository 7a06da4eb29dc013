# SPDX-License-Identifier: BSL-1.0
"""Lay the registry rows out as the flat tables that include/ianaports/detail/tables.hpp reads.

One builder per index, each in a module of its own, in the order the readers use them:

  text.py        the text pool: every distinct string once, in rows of one string literal
  records.py     a row's name, first port and flags, and the text tuples rows share
  names.py       the name index (a perfect hash over the folded names) and port_of's answers
  ports.py       the port index: per protocol, segments of the port space and their rows
  port_names.py  name_of's answers over TCP and UDP: a bit per named port, a rank, a text id

facts.py holds what both halves rely on (flag bits, protocols, limits); layout.py the
vocabulary (Array, Constant, Layout). build() runs the builders and gathers their tables: the
generated header's comments, one a table, are the layout's documentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet, List, Tuple

from registry_xml import PROTOCOLS, Registry, Row

from . import facts
from .layout import Alias, Array, Constant, Layout, StringArray, index_type
from .names import NameIndex, build_name_index, build_name_ports
from .port_names import build_port_names
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
    """The name index's and the port index's lists of rows, in one table, so that either kind
    of list is a span of it: each index's begin column, offset into the one table."""

    rows: List[int]
    name_begin: List[int]  # slot -> its first entry (one past the end at name_slot_count)
    segment_begin: List[int]  # segment -> its first entry

    def arrays(self) -> Tuple[Array, Array, Array]:
        list_index = index_type(len(self.rows))
        return (Array("name_rows_begin", list_index, self.name_begin,
                      "name slot -> its first entry in row_lists (one past the end at name_slot_count)"),
                Array("port_segment_rows_begin", list_index, self.segment_begin,
                      "segment -> its first entry in row_lists: the rows covering it"),
                Array("row_lists", "record_index", self.rows,
                      "lists of rows, each in registry order: by name, then by port segment"))


def merge_row_lists(names: NameIndex, ports: PortIndex) -> RowLists:
    rows: List[int] = []
    name_begin = [0]
    for slot_rows in names.rows_of_slot:
        rows += slot_rows
        name_begin.append(len(rows))
    segment_begin = [len(rows)]
    for segment_rows in ports.segment_rows:
        rows += segment_rows
        segment_begin.append(len(rows))
    return RowLists(rows, name_begin, segment_begin)


def kept_rows(registry: Registry, protocols: Tuple[str, ...]) -> List[Row]:
    """The rows of the protocols kept; rows that hold for every protocol always are."""
    return [row for row in registry.rows if row.transport is None or row.transport in protocols]


def build(registry: Registry, omit: FrozenSet[str] = frozenset(),
          protocols: Tuple[str, ...] = PROTOCOLS) -> Layout:
    """The tables for registry. omit: COLUMN_GROUPS left out (they read ""); protocols: the
    protocols whose rows are kept."""
    rows = kept_rows(registry, protocols)
    pool = TextPool()
    records = build_records(rows, frozenset(c for g in omit for c in COLUMN_GROUPS[g]), pool)
    names = build_name_index(rows)
    name_ports = build_name_ports(rows, names)
    ports = build_port_index(rows)
    lists = merge_row_lists(names, ports)
    text = pool.pack()
    records.renumber(text)
    port_names = build_port_names(rows, records.service_ids)

    record_index, text_tuple_index, tail_tuple_index = records.aliases()
    layout = Layout(text_rows=text.rows, text_row_size=text.row_size)
    layout.aliases = [record_index, Alias("text_id", index_type(len(text.begins) - 2), "a string of the text pool"),
                      text_tuple_index, tail_tuple_index]
    layout.constants = (
        facts.constants() + records.constants()[:1] + text.constants() + names.constants()
        + ports.constants() + name_ports.constants() + port_names.constants() + records.constants()[1:]
        + [Constant("omitted_columns", "std::string_view", ",".join(g for g in COLUMN_GROUPS if g in omit),
                    "column groups left out of this build (generate.py --omit)"),
           Constant("kept_protocols", "std::string_view", ",".join(p for p in PROTOCOLS if p in protocols),
                    "protocols whose rows are in this build (generate.py --protocols)"),
           Constant("name_sample_count", "std::size_t", len(names.sample_slots),
                    "(name, slot) pairs in name_sample_*")])
    name_rows_begin, port_segment_rows_begin, row_lists = lists.arrays()
    layout.arrays = (text.arrays() + records.arrays() + names.arrays() + name_ports.arrays()
                     + port_names.arrays() + [name_rows_begin] + ports.arrays()
                     + [port_segment_rows_begin, row_lists] + names.sample_arrays() + ports.sample_arrays())
    layout.string_arrays = [StringArray("name_sample_names", names.sample_names,
                                        "a few names of the registry, as written, for name_sample_slot")]
    return layout
