# SPDX-License-Identifier: BSL-1.0
"""The text pool: every distinct string of the tables once, in rows of one string literal each.

A string never straddles two rows, so it can be viewed in place. Once packed, string id t spans
columns text_columns[t] to text_columns[t + 1] of its row, and a filler id between two rows
(never referenced) ends the last string of a row where the next row starts. Id 0 is "".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

from .facts import LITERAL_LIMIT
from .layout import Array, Constant, unsigned_type


class TextPool:
    """Distinct strings, in order of first use; ids are handed out as strings are added, and
    renumbered by pack()."""

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

    def _row_count(self, row_size: int) -> int:
        """len(self._rows_at(row_size)), without the lists: _row_size's search asks it often."""
        count, used, room = 1, 0, row_size - 1
        for length in map(len, self.strings):
            used += length
            if used > room:
                count, used = count + 1, length
        return count

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

    def _row_size(self) -> int:
        """The fewest rows a standard-length literal allows, then the shortest row that still
        packs into that many: the last row is not padded out to the limit. (A text longer than
        the limit gets a row of its own, as long as it needs.)"""
        longest = max(len(s) for s in self.strings)
        limit = LITERAL_LIMIT + 1
        while limit - 1 < longest:
            limit *= 2
        row_count = self._row_count(limit)
        low, high = longest + 1, limit
        while low < high:
            middle = (low + high) // 2
            if self._row_count(middle) <= row_count:
                high = middle
            else:
                low = middle + 1
        return low

    def pack(self) -> "PackedText":
        row_size = self._row_size()
        new_id = [0] * len(self.strings)
        rows_of_ids = self._rows_at(row_size)
        begins: List[Tuple[int, int]] = []  # (row, column) of each packed id; the filler's too
        texts: List[bytes] = []
        for r, ids in enumerate(rows_of_ids):
            if r > 0:
                begins.append((r - 1, len(texts[-1])))  # the filler: ends the previous row
            row = bytearray()
            for i in ids:
                new_id[i] = len(begins)
                begins.append((r, len(row)))
                row += self.strings[i]
            texts.append(bytes(row))
        begins.append((len(texts) - 1, len(texts[-1])))  # the last string's end
        block_shift, block_rows = _block_rows(begins, sorted(set(new_id)))
        return PackedText(row_size, texts, new_id, begins, block_shift, block_rows)


def _block_rows(begins: List[Tuple[int, int]], ids: List[int]) -> Tuple[int, List[int]]:
    """Rows for the readers, without a row in every entry: a block of 1 << shift ids knows the
    row of its first id, and a later id of the block is one row further on when its column is
    below the first's. The longest blocks for which that holds for every id."""
    for shift in range(8, -1, -1):
        rows = [begins[b << shift][0] for b in range((len(begins) + (1 << shift) - 1) >> shift)]
        if all(rows[t >> shift] + (begins[t][1] < begins[(t >> shift) << shift][1]) == begins[t][0]
               for t in ids):
            return shift, rows
    raise AssertionError("not reached: with one id a block, the rule holds")


@dataclass
class PackedText:
    row_size: int  # bytes per row of text_pool, its NUL included
    rows: List[bytes]
    new_id: List[int]  # TextPool id -> packed id
    begins: List[Tuple[int, int]]  # packed id -> (row, column) where it begins
    block_shift: int  # ids per text_block_row entry, log2
    block_rows: List[int]

    def arrays(self) -> List[Array]:
        columns = [column for _, column in self.begins]
        return [
            Array("text_columns", unsigned_type(max(columns)), columns,
                  "text_id t -> the column of text_pool where it begins; it ends where t + 1 begins"),
            Array("text_block_row", unsigned_type(max(self.block_rows)), self.block_rows,
                  "t >> text_block_shift -> the row of that block's first id; a later id of the block"
                  " is in the next row when its column is below the first's"),
        ]

    def constants(self) -> List[Constant]:
        return [Constant("text_block_shift", "unsigned", self.block_shift,
                         "text ids per text_block_row entry, log2")]
