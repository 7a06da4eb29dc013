# SPDX-License-Identifier: BSL-1.0
"""The name index: a perfect hash over the case-folded service names (perfect_hash.py, mirrored
in include/ianaports/detail/name_hash.hpp), the rows each name has, and port_of's answers.

Slot s holds the key of one name (word-major in name_keys, zeros when empty) and owns a run of
row_lists; name_port lists port_of's answer over TCP and UDP for every slot, so that a lookup
reads one entry where a walk over the name's rows took a third of its time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from .. import perfect_hash
from ..registry_model import PROTOCOLS, RegistryError, Row

from .facts import LITERAL_LIMIT
from .layout import Array, Constant, index_type, unsigned_type

Key = Tuple[int, ...]

# Protocols with direct port_of and name_of answers: the first of PROTOCOLS, where nearly every
# row is.
DIRECT_PROTOCOLS = PROTOCOLS[:2]
# Name slots per row of name_keys: the largest power of two whose 64-bit words fit one literal,
# so that a key's words are found with shifts.
KEY_ROW_SLOTS = 1 << ((LITERAL_LIMIT // 8).bit_length() - 1)
SAMPLES = 4  # (name, slot) pairs the C++ side checks its hash against


@dataclass
class NameIndex:
    fast: bool  # keys stored for a two-word comparison; else a hit is confirmed on the name's text
    key_words: int  # 64-bit words a key
    phf: perfect_hash.PerfectHash
    slot_keys: List[Optional[Key]]  # slot -> its key, None when empty
    rows_of_slot: List[List[int]]  # slot -> its rows, registry order
    sample_names: List[str]  # a few names, as written, and their slots
    sample_slots: List[int]

    @property
    def name_count(self) -> int:
        return len(self.phf.slot_of_key)

    def constants(self) -> List[Constant]:
        return [
            Constant("name_count", "std::uint32_t", self.name_count, "distinct service names, case folded"),
            Constant("name_slot_count", "std::uint32_t", self.phf.slot_count, "slots of the name hash"),
            Constant("name_key_row_shift", "unsigned", min(self.phf.slot_count, KEY_ROW_SLOTS).bit_length() - 1,
                     "name slots per row of name_keys, log2"),
            Constant("name_key_words", "std::size_t", self.key_words, "64-bit words per name key"),
            Constant("name_hash_seed", "std::uint64_t", self.phf.seed, "seed of the name hash"),
            Constant("name_bucket_count", "std::uint32_t", self.phf.bucket_count, "buckets of the name hash"),
            Constant("name_mix_multiplier", "std::uint64_t", perfect_hash.MIX_MULTIPLIER,
                     "the name hash's first multiplier, and its mix's"),
            Constant("name_word_multiplier", "std::uint64_t", perfect_hash.PILOT_MULTIPLIER,
                     "the name hash's multiplier of a key's later words"),
            Constant("name_pilot_shift", "unsigned", perfect_hash.PILOT_SHIFT,
                     "a pilot moves the bits of the mixed hash above this one"),
        ]

    def arrays(self) -> List[Array]:
        empty_key = (0,) * self.key_words  # no query's key: its length byte is 1 or more
        keys = [(key or empty_key)[w] for w in range(self.key_words) for key in self.slot_keys] if self.fast else []
        return [
            Array("name_pilots", unsigned_type(max(self.phf.pilots)), self.phf.pilots, "name hash bucket -> pilot"),
            # Word-major, in rows of a power of two of slots: a key's words are found with shifts,
            # and no literal is longer than the limit. (Keys whole would take one cache line
            # each, but rows of a length to divide by: slower, measured.)
            Array("name_keys", "std::uint64_t", keys,
                  "row w * (name_slot_count >> name_key_row_shift) + (slot >> name_key_row_shift),"
                  " column slot's low bits -> word w of the folded name (zero padded, length in the"
                  " last byte); empty in a compact index, which compares the name's text",
                  row_elements=min(self.phf.slot_count, KEY_ROW_SLOTS) if keys else None, masked=True),
        ]

    def sample_arrays(self) -> List[Array]:
        return [Array("name_sample_slot", "std::uint32_t", self.sample_slots,
                      "the slots of name_sample_names: tables.hpp checks that its hash finds them there")]


def build_name_index(rows: List[Row], fast: bool) -> NameIndex:
    """The perfect hash over the rows' distinct folded names, and each name's rows; fast: with
    the keys stored (else compact)."""
    rows_by_key: Dict[Key, List[int]] = {}
    named = [(i, row.service.encode("utf-8")) for i, row in enumerate(rows) if row.service]
    key_words = perfect_hash.key_words_for(max((len(n) for _, n in named), default=0))
    for i, name in named:
        rows_by_key.setdefault(perfect_hash.make_key(name, key_words), []).append(i)
    keys = sorted(rows_by_key)
    _check_hash_inputs_differ(keys, rows_by_key, rows)
    phf = perfect_hash.build(keys)
    slot_keys: List[Optional[Key]] = [None] * phf.slot_count
    for key, slot in phf.slot_of_key.items():
        slot_keys[slot] = key
    rows_of_slot = [rows_by_key.get(key, []) if key is not None else [] for key in slot_keys]
    # Samples spread over the sorted keys: first, last and between.
    picks = sorted({keys[(len(keys) - 1) * k // max(SAMPLES - 1, 1)] for k in range(SAMPLES)}) if keys else []
    return NameIndex(fast, key_words, phf, slot_keys, rows_of_slot,
                     [rows[rows_by_key[key][0]].service for key in picks],
                     [phf.slot_of_key[key] for key in picks])


def _check_hash_inputs_differ(keys: List[Key], rows_by_key: Dict[Key, List[int]], rows: List[Row]) -> None:
    """Two names the hash reads alike cannot be parted by any pilot: an error at the later one,
    in its own file (a local file's or the registry's), naming the earlier one's."""
    first_with_input: Dict[Key, int] = {}
    for key in keys:
        other = first_with_input.setdefault(perfect_hash.hash_input(key), rows_by_key[key][0])
        if other != rows_by_key[key][0]:
            earlier, later = (rows[i] for i in sorted((other, rows_by_key[key][0])))
            where = f"line {earlier.line}" if earlier.path == later.path else f"{earlier.path}:{earlier.line}"
            raise RegistryError(later.line, f"service names {later.service!r} and {earlier.service!r}"
                                            f" ({where}) differ only in bit 0x20 of bytes that are not"
                                            " letters; the name hash cannot tell them apart",
                                path=later.path or None)


@dataclass
class NamePorts:
    """port_of's answer for every slot over each of DIRECT_PROTOCOLS, 0 for none; the few
    answers that are port 0 are listed apart."""

    ports: List[int]  # protocol * slot_count + slot -> port
    zero: List[int]  # indexes of ports whose 0 is port 0, ascending
    protocols: int  # how many of DIRECT_PROTOCOLS have answers: all, or none (a compact index)

    def constants(self) -> List[Constant]:
        return [
            Constant("name_port_protocols", "unsigned", self.protocols,
                     "protocols (the first of tcp, udp...) with direct port_of and name_of answers"),
            Constant("name_port_zero_count", "std::uint32_t", len(self.zero), "port_of answers that are port 0"),
        ]

    def arrays(self) -> List[Array]:
        return [
            Array("name_port", "std::uint16_t", self.ports,
                  "protocol (tcp, udp) * name_slot_count + name slot -> port_of's answer, 0 for none",
                  masked=True),
            Array("name_port_zero", index_type(len(self.ports)), self.zero,
                  "the indexes of name_port whose 0 is port 0, not none, ascending"),
        ]


def build_name_ports(rows: List[Row], index: NameIndex) -> NamePorts:
    """The answers, for a fast index; a compact one asks the name's rows (no table)."""
    ports: List[int] = []
    zero: List[int] = []
    if not index.fast:
        return NamePorts(ports, zero, 0)
    for protocol in DIRECT_PROTOCOLS:
        for slot_rows in index.rows_of_slot:
            answer = next((rows[i].ports[0] for i in slot_rows
                           if rows[i].ports is not None and rows[i].transport in (None, protocol)), None)
            if answer == 0:
                zero.append(len(ports))
            ports.append(answer or 0)
    return NamePorts(ports, zero, len(DIRECT_PROTOCOLS))
