# SPDX-License-Identifier: BSL-1.0
"""The port index: per protocol, the port space cut into segments over which the rows covering
a port do not change, and a bucket table that finds a port's segment in a step or two.

A row covers a port for a protocol when its ports hold the port and it names that protocol or
none. Segment g starts at port_segment_start[g] and owns a run of row_lists: its covering rows,
registry order. A range row is one segment, not one entry a port.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

from ..registry_model import PROTOCOLS, Row

from .layout import Array, Constant, index_type

BUCKET_SHIFT = 5  # ports per bucket = 1 << BUCKET_SHIFT
BUCKETS = 65536 >> BUCKET_SHIFT
# The ports of the (protocol, port) -> segment pairs tables.hpp checks, one a protocol, in turn:
# every protocol's offset, the first bucket and others, the last port. Each pair costs every TU
# a constant evaluation of the segment search.
SAMPLE_PORTS = (0, 80, 443, 65535)


@dataclass
class PortIndex:
    segment_starts: List[int]  # segment -> first port; each protocol's run ascending
    segment_rows: List[List[int]]  # segment -> its covering rows, registry order
    bucket_segment: List[int]  # protocol * (BUCKETS + 1) + bucket -> segment of its first port
    samples: List[Tuple[int, int, int]]  # (protocol index, port, segment)

    def constants(self) -> List[Constant]:
        return [
            Constant("port_bucket_shift", "unsigned", BUCKET_SHIFT, "ports per port-index bucket, log2"),
            Constant("port_bucket_count", "std::size_t", BUCKETS, "port-index buckets per protocol"),
            Constant("port_sample_count", "std::size_t", len(self.samples),
                     "(protocol, port) -> segment pairs in port_sample_*"),
        ]

    def arrays(self) -> List[Array]:
        return [
            Array("port_bucket_segment", index_type(len(self.segment_starts)), self.bucket_segment,
                  "protocol * (port_bucket_count + 1) + (port >> port_bucket_shift) -> the segment"
                  " holding that bucket's first port"),
            Array("port_segment_start", "std::uint16_t", self.segment_starts,
                  "segment -> its first port (segments of one protocol are contiguous, ascending)"),
        ]

    def sample_arrays(self) -> List[Array]:
        return [
            Array("port_sample_protocol", "std::uint8_t", [p for p, _, _ in self.samples],
                  "sample (protocol, port) pairs..."),
            Array("port_sample_port", "std::uint16_t", [port for _, port, _ in self.samples], "..."),
            Array("port_sample_segment", "std::uint32_t", [g for _, _, g in self.samples],
                  "...and the segment holding each: tables.hpp checks that it finds them there"),
        ]


def build_port_index(rows: List[Row], fast: bool) -> PortIndex:
    """The segments, for a fast index; a compact one has none (the port order serves)."""
    if not fast:
        return PortIndex([], [], [], [])
    segment_starts: List[int] = []
    segment_rows: List[List[int]] = []
    bucket_segment: List[int] = []
    samples: List[Tuple[int, int, int]] = []
    for p, protocol in enumerate(PROTOCOLS):
        covering = [i for i, row in enumerate(rows)
                    if row.ports is not None and row.transport in (None, protocol)]
        starts = _segment_starts(rows, covering)
        first_segment = len(segment_starts)
        # Sweep: which rows cover each segment, in registry order.
        opening: Dict[int, List[int]] = {}
        for i in covering:
            opening.setdefault(rows[i].ports[0], []).append(i)
        active: List[int] = []
        for start in starts:
            active = sorted([i for i in active if rows[i].ports[1] >= start] + opening.get(start, []))
            segment_starts.append(start)
            segment_rows.append(active)
        # bucket b -> the segment holding port b << shift (the segments of p are contiguous).
        s = 0
        for b in range(BUCKETS + 1):
            port = min(b << BUCKET_SHIFT, 65535)
            while s + 1 < len(starts) and starts[s + 1] <= port:
                s += 1
            bucket_segment.append(first_segment + s)
        port = SAMPLE_PORTS[p % len(SAMPLE_PORTS)]
        samples.append((p, port, first_segment + max(s for s in range(len(starts)) if starts[s] <= port)))
    return PortIndex(segment_starts, segment_rows, bucket_segment, samples)


def _segment_starts(rows: List[Row], covering: List[int]) -> List[int]:
    """Where the covering rows change: 0, every first port, and every port after a last."""
    boundaries = {0}
    for i in covering:
        first, last = rows[i].ports
        boundaries.add(first)
        if last < 65535:
            boundaries.add(last + 1)
    return sorted(boundaries)
