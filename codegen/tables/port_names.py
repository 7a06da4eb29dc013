# SPDX-License-Identifier: BSL-1.0
"""name_of's answers over TCP and UDP, direct: per 64-port block a bit map of the ports that
have a name, where the block's names start in port_name_text, and the names, as text ids.

A bit test, a population count and two loads, where a walk over the port's segment and its rows
takes several times as long. The names are text ids, not spans (row, column, length): spans
would spare name_of a load but take twice the room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from ..registry_model import Row

from .layout import Array, Constant, index_type
from .names import DIRECT_PROTOCOLS

BLOCK_SHIFT = 6  # 64 ports a bit map word


@dataclass
class PortNames:
    bits: List[int]  # protocol * blocks + block -> bit map of the named ports
    base: List[int]  # same index -> the block's first entry in text
    text: List[int]  # the names' text ids, protocol and port order

    def constants(self) -> List[Constant]:
        return [Constant("port_name_block_shift", "unsigned", BLOCK_SHIFT, "ports per port_name_bits word, log2")]

    def arrays(self) -> List[Array]:
        blocks = 65536 >> BLOCK_SHIFT
        return [
            Array("port_name_bits", "std::uint64_t", self.bits,
                  f"protocol (tcp, udp) * {blocks} + port / {1 << BLOCK_SHIFT} -> bit port %"
                  f" {1 << BLOCK_SHIFT}: the port has a name"),
            Array("port_name_base", index_type(max(len(self.text), 1)), self.base,
                  "same index -> the block's first entry in port_name_text"),
            Array("port_name_text", "text_id", self.text,
                  "name_of's answers, in protocol and port order, for the ports with a bit"),
        ]


def build_port_names(rows: List[Row], service_ids: List[int], fast: bool) -> PortNames:
    """service_ids: each row's name as a (packed) text id. A compact index has none (name_of
    asks the rows covering the port)."""
    block = 1 << BLOCK_SHIFT
    names = PortNames([], [], [])
    if not fast:
        return names
    for protocol in DIRECT_PROTOCOLS:
        name_at: List[Optional[int]] = [None] * 65536  # the first named row's name wins
        for i, row in enumerate(rows):
            if row.service and row.ports is not None and row.transport in (None, protocol):
                for port in range(row.ports[0], row.ports[1] + 1):
                    if name_at[port] is None:
                        name_at[port] = service_ids[i]
        for first in range(0, 65536, block):
            names.base.append(len(names.text))
            bits = 0
            for offset in range(block):
                name = name_at[first + offset]
                if name is not None:
                    bits |= 1 << offset
                    names.text.append(name)
            names.bits.append(bits)
    return names
