# SPDX-License-Identifier: BSL-1.0
"""Lay the registry rows out as the flat tables that include/ianaports/detail/ reads.

Every table is an array of integers or a block of text; nothing is a pointer, so the tables
need no load-time relocation in a position-independent binary. The layout is documented once,
at the top of include/ianaports/detail/tables.hpp, and both sides follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Tuple

import perfect_hash
from registry_xml import PROTOCOLS, Registry, RegistryError, Row

TEXT_ROW_SIZE = 65536  # one string literal per row: 65535 characters + NUL, the C++ minimum limit
NO_TRANSPORT = 7  # record_flags bits 0-2 when a row holds for every protocol
HAS_PORTS = 8  # record_flags bit 3
ONE_PORT_AS_RANGE = 16  # record_flags bit 4: IANA wrote the one port as "N-N"
HAS_SERVICE_CODE = 32  # record_flags bit 5: the row is in service_code_record
RESERVED = 64  # record_flags bit 6: the description says "Reserved" (kept when descriptions are not)
SPANS_PORTS = 128  # record_flags bit 7: last port > first port; the row is in range_record

NAME_PORT_PROTOCOLS = ("tcp", "udp")  # protocols with direct port_of and name_of answers
# Name slots per row of name_keys: the largest power of two whose 64-bit words fit one literal.
KEY_ROW_SLOTS = 1 << (((TEXT_ROW_SIZE - 1) // 8).bit_length() - 1)  # 4,096
PORT_NAME_BLOCK_SHIFT = 6  # 64 ports per bit map word of the direct name_of index

# The columns a lean build may leave out (generate.py --omit), by the names users know them by.
COLUMN_GROUPS = {
    "description": ("description",),
    "people": ("assignee", "contact"),
    "dates": ("registered", "modified"),
    "reference": ("reference",),
    "notes": ("unauthorized_use", "notes"),
}
PORT_BUCKET_SHIFT = 5  # ports per bucket of the port index = 1 << PORT_BUCKET_SHIFT
PORT_BUCKETS = 65536 >> PORT_BUCKET_SHIFT


@dataclass
class Array:
    name: str
    ctype: str  # a std:: integer type or a detail alias of one
    values: List[int]
    comment: str
    row_elements: Optional[int] = None  # values per packed row when the reader relies on it


@dataclass
class Layout:
    aliases: List[Tuple[str, str, str]] = field(default_factory=list)  # (name, type, comment)
    constants: List[Tuple[str, str, int, str]] = field(default_factory=list)  # (name, type, value, comment)
    arrays: List[Array] = field(default_factory=list)
    text_rows: List[bytes] = field(default_factory=list)
    text_row_size: int = TEXT_ROW_SIZE


def unsigned_type(max_value: int) -> str:
    for bits in (8, 16, 32):
        if max_value < (1 << bits):
            return f"std::uint{bits}_t"
    return "std::uint64_t"


def index_type(max_value: int) -> str:
    """At least 16 bits: keeps the common tables at one type, whatever their size."""
    return "std::uint16_t" if max_value < (1 << 16) else unsigned_type(max_value)


class TextPool:
    """Distinct strings, in order of first use, packed into rows of one string literal each.

    A string never straddles two rows, so it can be viewed in place. Once packed, string id t
    spans text_bounds[t] to text_bounds[t + 1], each bound written row << column_bits | column:
    a filler id between two rows (never referenced) ends the last string of a row where the next
    row starts. Id 0 is "".
    """

    def __init__(self) -> None:
        self.ids: Dict[bytes, int] = {b"": 0}
        self.strings: List[bytes] = [b""]

    def id_of(self, text: str) -> int:
        data = text.encode("utf-8")
        found = self.ids.get(data)
        if found is None:
            found = self.ids[data] = len(self.strings)
            self.strings.append(data)
        return found

    def _rows_at(self, row_size: int) -> List[List[int]]:
        """The string ids of each row, filled in order, at row_size - 1 bytes a row (+ NUL)."""
        rows: List[List[int]] = [[]]
        used = 0
        for i, data in enumerate(self.strings):
            if used + len(data) > row_size - 1:
                rows.append([])
                used = 0
            rows[-1].append(i)
            used += len(data)
        return rows

    def pack(self) -> "PackedText":
        longest = max(len(s) for s in self.strings)
        limit = TEXT_ROW_SIZE
        while limit - 1 < longest:
            limit *= 2
        # The fewest rows the standard literal length allows, then the shortest row that still
        # packs into that many: the last row is not padded out to 64 KB.
        row_count = len(self._rows_at(limit))
        low, high = longest + 1, limit
        while low < high:
            middle = (low + high) // 2
            if len(self._rows_at(middle)) <= row_count:
                high = middle
            else:
                low = middle + 1
        row_size = low
        column_bits = max(16, (row_size - 1).bit_length())
        new_id = [0] * len(self.strings)
        bounds: List[int] = []
        texts: List[bytes] = []
        for r, ids in enumerate(self._rows_at(row_size)):
            if r > 0:
                bounds.append(((r - 1) << column_bits) | len(texts[-1]))  # the filler's begin
            row = bytearray()
            for i in ids:
                new_id[i] = len(bounds)
                bounds.append((r << column_bits) | len(row))
                row += self.strings[i]
            texts.append(bytes(row))
        bounds.append(((len(texts) - 1) << column_bits) | len(texts[-1]))  # the last one's end
        return PackedText(row_size, column_bits, texts, new_id, bounds, *self._block_rows(
            bounds, column_bits, sorted(set(new_id))))

    @staticmethod
    def _block_rows(bounds: List[int], column_bits: int, ids: List[int]) -> Tuple[int, List[int]]:
        """Rows for the readers, without a row in every bound: a block of 1 << shift ids knows
        the row of its first id, and a later id of the block is one row further on when its
        column is below the first's. The longest blocks for which that holds for every id."""
        mask = (1 << column_bits) - 1
        for shift in range(8, -1, -1):
            rows = [bounds[b << shift] >> column_bits for b in range((len(bounds) + (1 << shift) - 1) >> shift)]
            if all(rows[t >> shift] + ((bounds[t] & mask) < (bounds[(t >> shift) << shift] & mask))
                   == bounds[t] >> column_bits for t in ids):
                return shift, rows
        raise AssertionError("not reached: with one id a block, the rule holds")


@dataclass
class PackedText:
    row_size: int  # bytes per row of text_pool, its NUL included
    column_bits: int  # a bound is row << column_bits | column
    rows: List[bytes]
    new_id: List[int]  # TextPool id -> text_bounds index
    bounds: List[int]
    block_shift: int  # ids per text_block_row entry, log2
    block_rows: List[int]


def build(registry: Registry, omit: FrozenSet[str] = frozenset(),
          protocols: Tuple[str, ...] = PROTOCOLS) -> Layout:
    """The tables for registry. omit: COLUMN_GROUPS left out (they read ""); protocols: the
    protocols whose rows are kept (rows that hold for every protocol always are)."""
    rows = [row for row in registry.rows if row.transport is None or row.transport in protocols]
    omitted = {column for group in omit for column in COLUMN_GROUPS[group]}
    layout = Layout()
    pool = TextPool()

    # Records, and the text tuples they share (a service's tcp and udp rows usually say the same).
    # A detail tuple's last four columns are a tuple of their own, an "extra": 923 of them serve
    # the 7,436 details, a saving of 37 KB for one more load.
    detail_columns = ("description", "assignee", "contact", "registered")
    extra_columns = ("modified", "reference", "unauthorized_use", "notes")
    details: Dict[Tuple[int, ...], int] = {}  # (text ids of detail_columns..., extra) -> index
    extras: Dict[Tuple[int, ...], int] = {}  # text ids of extra_columns -> index
    service_ids, first_ports, last_ports, flags, detail_ids = [], [], [], [], []
    for row in rows:
        service_ids.append(pool.id_of(row.service))
        first, last = row.ports if row.ports is not None else (0, 0)
        first_ports.append(first)
        last_ports.append(last)
        transport = PROTOCOLS.index(row.transport) if row.transport is not None else NO_TRANSPORT
        flags.append(transport | (HAS_PORTS if row.ports is not None else 0)
                     | (ONE_PORT_AS_RANGE if row.ports_written_as_range else 0)
                     | (HAS_SERVICE_CODE if row.service_code is not None else 0)
                     | (RESERVED if row.description == "Reserved" else 0)
                     | (SPANS_PORTS if last > first else 0))
        def text_ids(columns):
            return tuple(pool.id_of("" if column in omitted else getattr(row, column))
                         for column in columns)
        extra = extras.setdefault(text_ids(extra_columns), len(extras))
        detail_ids.append(details.setdefault(text_ids(detail_columns) + (extra,), len(details)))

    coded = [(i, row.service_code) for i, row in enumerate(rows) if row.service_code is not None]
    spans = [(i, last_ports[i]) for i in range(len(rows)) if last_ports[i] > first_ports[i]]

    # Name index: a perfect hash over the folded names; each slot lists its rows.
    name_rows_by_key: Dict[Tuple[int, ...], List[int]] = {}
    named = [(i, row.service.encode("utf-8")) for i, row in enumerate(rows) if row.service]
    key_words = perfect_hash.key_words_for(max((len(n) for _, n in named), default=0))
    for i, name in named:
        name_rows_by_key.setdefault(perfect_hash.make_key(name, key_words), []).append(i)
    keys = sorted(name_rows_by_key)
    first_with_input: Dict[Tuple[int, ...], int] = {}
    for key in keys:
        other = first_with_input.setdefault(perfect_hash.hash_input(key), name_rows_by_key[key][0])
        if other != name_rows_by_key[key][0]:
            earlier, later = sorted((other, name_rows_by_key[key][0]))
            raise RegistryError(rows[later].line,
                                f"service names {rows[later].service!r} and {rows[earlier].service!r}"
                                f" (line {rows[earlier].line}) differ only in bit 0x20 of bytes"
                                " that are not letters; the name hash cannot tell them apart")
    phf = perfect_hash.build(keys)
    key_row_slots = min(phf.slot_count, KEY_ROW_SLOTS)  # both powers of two
    slot_keys: List[Optional[Tuple[int, ...]]] = [None] * phf.slot_count
    for key, slot in phf.slot_of_key.items():
        slot_keys[slot] = key
    empty_key = (0,) * key_words  # no query's key: its length byte is 1 or more
    name_rows: List[int] = []
    name_rows_begin = [0]
    for key in slot_keys:
        name_rows.extend(name_rows_by_key.get(key, []))
        name_rows_begin.append(len(name_rows))

    # port_of's answer for each name over TCP and UDP, 0 for none: one load in place of a walk
    # over the name's rows, which took a third of a lookup. The few answers that are port 0
    # (none in IANA's releases so far) are listed apart.
    name_port = []
    name_port_zero = []
    for protocol in NAME_PORT_PROTOCOLS:
        for key in slot_keys:
            answer = next((rows[i].ports[0] for i in name_rows_by_key.get(key, [])
                           if rows[i].ports is not None and rows[i].transport in (None, protocol)), None)
            if answer == 0:
                name_port_zero.append(len(name_port))
            name_port.append(answer or 0)

    # Port index: per protocol, the port space cut into segments over which the set of covering
    # rows is constant; a bucket table finds the segment of a port in a step or two.
    segment_starts: List[int] = []
    segment_rows_begin = [0]
    port_rows: List[int] = []
    bucket_segment: List[List[int]] = []
    for p, protocol in enumerate(PROTOCOLS):
        covering = [i for i, row in enumerate(rows)
                    if row.ports is not None and row.transport in (None, protocol)]
        boundaries = {0}
        for i in covering:
            first, last = rows[i].ports
            boundaries.add(first)
            if last < 65535:
                boundaries.add(last + 1)
        starts = sorted(boundaries)
        first_segment = len(segment_starts)
        # Sweep: which rows cover each segment, in registry order.
        opening: Dict[int, List[int]] = {}
        for i in covering:
            opening.setdefault(rows[i].ports[0], []).append(i)
        active: List[int] = []
        for start in starts:
            active = [i for i in active if rows[i].ports[1] >= start] + opening.get(start, [])
            active.sort()
            segment_starts.append(start)
            port_rows.extend(active)
            segment_rows_begin.append(len(port_rows))
        # bucket b -> the segment holding port b << shift (the segments of p are contiguous).
        buckets = []
        s = 0
        for b in range(PORT_BUCKETS + 1):
            port = min(b << PORT_BUCKET_SHIFT, 65535)
            while s + 1 < len(starts) and starts[s + 1] <= port:
                s += 1
            buckets.append(first_segment + s)
        bucket_segment.append(buckets)

    # The two row lists share one table, so that a list is just a span of it. (by_protocol
    # walks the registry instead: a list of each protocol's rows cost 26 KB.)
    port_offset = len(name_rows)
    row_lists = name_rows + port_rows
    segment_rows_begin = [port_offset + b for b in segment_rows_begin]
    list_index = index_type(len(row_lists))

    text = pool.pack()
    layout.text_rows = text.rows
    layout.text_row_size = text.row_size
    service_ids = [text.new_id[t] for t in service_ids]
    details = {tuple(text.new_id[t] for t in key[:-1]) + key[-1:]: d for key, d in details.items()}
    extras = {tuple(text.new_id[t] for t in texts): e for texts, e in extras.items()}

    # name_of's answers over TCP and UDP, direct: per 64-port block a bit map of the ports with a
    # name and where their names start in port_name_text. A bit test, a population count and
    # two loads, where a walk over the port's segment and rows took three times as long. (Text
    # spans, row, column and length in 32 bits, in place of the 16-bit text ids, saved name_of
    # 3% for 24 KB; the name hash's table had a better use for the room.)
    port_name_block = 1 << PORT_NAME_BLOCK_SHIFT
    port_name_bits: List[int] = []
    port_name_base: List[int] = []
    port_name_text: List[int] = []
    for protocol in NAME_PORT_PROTOCOLS:
        name_at: List[Optional[int]] = [None] * 65536
        for i, row in enumerate(rows):
            if row.service and row.ports is not None and row.transport in (None, protocol):
                for port in range(row.ports[0], row.ports[1] + 1):
                    if name_at[port] is None:
                        name_at[port] = service_ids[i]
        for block in range(65536 // port_name_block):
            port_name_base.append(len(port_name_text))
            bits = 0
            for offset in range(port_name_block):
                name = name_at[block * port_name_block + offset]
                if name is not None:
                    bits |= 1 << offset
                    port_name_text.append(name)
            port_name_bits.append(bits)
    record_index = index_type(max(len(rows) - 1, 0))
    text_id = index_type(len(text.bounds) - 2)
    detail_index = index_type(max(len(details) - 1, 0))
    layout.aliases = [
        ("record_index", record_index, "a row's position in registry order"),
        ("text_id", text_id, "a string of the text pool"),
        ("detail_index", detail_index, "a row's shared text columns"),
        ("extra_index", index_type(max(len(extras) - 1, 0)), "a detail's last four columns"),
    ]
    layout.constants = [
        ("record_count", "std::uint32_t", len(rows), "rows in the registry"),
        ("text_block_shift", "unsigned", text.block_shift,
         "text ids per text_block_row entry, log2"),
        ("name_count", "std::uint32_t", len(keys), "distinct service names, case folded"),
        ("name_slot_count", "std::uint32_t", phf.slot_count, "slots of the name hash"),
        ("name_key_row_shift", "unsigned", key_row_slots.bit_length() - 1,
         "name slots per row of name_keys, log2"),
        ("name_key_words", "std::size_t", key_words, "64-bit words per name key"),
        ("name_hash_seed", "std::uint64_t", phf.seed, "seed of the name hash"),
        ("name_bucket_count", "std::uint32_t", phf.bucket_count, "buckets of the name hash"),
        ("port_bucket_shift", "unsigned", PORT_BUCKET_SHIFT, "ports per port-index bucket, log2"),
        ("name_port_protocols", "unsigned", len(NAME_PORT_PROTOCOLS),
         "protocols (the first of tcp, udp...) with direct port_of and name_of answers"),
        ("port_name_block_shift", "unsigned", PORT_NAME_BLOCK_SHIFT,
         "ports per port_name_bits word, log2"),
        ("port_bucket_count", "std::size_t", PORT_BUCKETS, "port-index buckets per protocol"),
        ("service_code_count", "std::uint32_t", len(coded), "rows with a service code"),
        ("name_port_zero_count", "std::uint32_t", len(name_port_zero),
         "port_of answers that are port 0"),
        ("range_count", "std::uint32_t", len(spans), "rows whose ports span more than one"),
        ("detail_count", "std::uint32_t", len(details), "distinct detail tuples"),
        ("extra_count", "std::uint32_t", len(extras), "distinct extra tuples"),
        ("omitted_columns", "std::string_view", ",".join(g for g in COLUMN_GROUPS if g in omit),
         "column groups left out of this build (generate.py --omit)"),
        ("kept_protocols", "std::string_view", ",".join(p for p in PROTOCOLS if p in protocols),
         "protocols whose rows are in this build (generate.py --protocols)"),
    ]

    def array(name, ctype, values, comment, row_elements=None):
        layout.arrays.append(Array(name, ctype, values, comment, row_elements))

    columns = [b & ((1 << text.column_bits) - 1) for b in text.bounds]
    array("text_columns", unsigned_type(max(columns)), columns,
          "text_id t -> the column of text_pool where it begins; it ends where t + 1 begins")
    array("text_block_row", unsigned_type(max(text.block_rows)), text.block_rows,
          "t >> text_block_shift -> the row of that block's first id; a later id of the block is"
          " in the next row when its column is below the first's")
    array("record_service", "text_id", service_ids, "row -> service name as written")
    array("record_first_port", "std::uint16_t", first_ports, "row -> first port (0 without ports)")
    # Few rows span ports (760 of 14,533 in 2026): their last ports are a short list, found by
    # binary search, rather than a column that would mostly repeat record_first_port.
    array("range_record", "record_index", [i for i, _ in spans],
          "rows whose last port is above their first, ascending")
    array("range_last_port", "std::uint16_t", [last for _, last in spans], "their last ports")
    array("record_flags", "std::uint8_t", flags,
          "row -> bits 0-2: protocol (7: none, holds for every protocol); bit 3: has ports;"
          " bit 4: one port written as N-N; bit 5: has a service code; bit 6: reserved;"
          " bit 7: spans ports (in range_record)")
    # With every text column left out there is one tuple, and no need for a column of zeros.
    array("record_detail", "detail_index", detail_ids if len(details) > 1 else [0],
          "row -> its text columns (one entry when detail_count is 1)")
    detail_rows = list(details)
    for c, column in enumerate(detail_columns):
        array("detail_" + column, "text_id", [d[c] for d in detail_rows], f"detail -> {column}")
    array("detail_extra", "extra_index", [d[-1] for d in detail_rows] if len(extras) > 1 else [0],
          "detail -> its extra tuple (one entry when extra_count is 1)")
    extra_rows = list(extras)
    for c, column in enumerate(extra_columns):
        array("extra_" + column, "text_id", [e[c] for e in extra_rows], f"extra -> {column}")
    array("service_code_record", "record_index", [i for i, _ in coded],
          "rows with a service code, ascending")
    array("service_code_value", "std::uint32_t", [c for _, c in coded], "their service codes")
    array("name_pilots", unsigned_type(max(phf.pilots)), phf.pilots, "name hash bucket -> pilot")
    # Word-major, in rows of a power of two of slots, so that a key's words are found with
    # shifts: no division, and no literal over the standard's 65535 characters (4,096 words is
    # 32 KB). (Keys whole, one cache line each but rows of 4,095 to divide by, were slower in an
    # A/B: name -> port by 25%, dependent lookups by 7%.)
    array("name_keys", "std::uint64_t", [(key or empty_key)[w] for w in range(key_words) for key in slot_keys],
          "row w * (name_slot_count >> name_key_row_shift) + (slot >> name_key_row_shift), column"
          " slot's low bits -> word w of the folded name (zero padded, length in the last byte)",
          row_elements=key_row_slots)
    array("name_port", "std::uint16_t", name_port,
          "protocol (tcp, udp) * name_slot_count + name slot -> port_of's answer, 0 for none")
    array("name_port_zero", index_type(len(name_port)), name_port_zero,
          "the indexes of name_port whose 0 is port 0, not none, ascending")
    array("port_name_bits", "std::uint64_t", port_name_bits,
          "protocol (tcp, udp) * 1024 + port / 64 -> bit port % 64: the port has a name")
    array("port_name_base", index_type(len(port_name_text)), port_name_base,
          "same index -> the block's first entry in port_name_text")
    array("port_name_text", "text_id", port_name_text,
          "name_of's answers, in protocol and port order, for the ports with a bit")
    array("name_rows_begin", list_index, name_rows_begin,
          "name slot -> its first entry in row_lists (one past the end at name_slot_count)")
    array("port_bucket_segment", index_type(len(segment_starts)),
          [segment for buckets in bucket_segment for segment in buckets],
          "protocol * (port_bucket_count + 1) + (port >> port_bucket_shift) -> the segment"
          " holding that bucket's first port")
    array("port_segment_start", "std::uint16_t", segment_starts,
          "segment -> its first port (segments of one protocol are contiguous, ascending)")
    array("port_segment_rows_begin", list_index, segment_rows_begin,
          "segment -> its first entry in row_lists: the rows covering it")
    array("row_lists", "record_index", row_lists,
          "lists of rows, each in registry order: by name, then by port segment")
    return layout
