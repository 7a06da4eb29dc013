# SPDX-License-Identifier: BSL-1.0
"""The service-name key and perfect hash, mirrored in include/ianaports/detail/name_hash.hpp.

A name's key is its ASCII-lower-cased bytes packed little-endian into `words` 64-bit words,
zero-padded, with the name's length in the key's last byte (so "http" and "http\\0" differ).
The hash is "hash and displace" (PTHash, Pibiri and Trani, SIGIR 2021): a key's hash picks a
bucket, the bucket's pilot picks the slot. Buckets and slots are powers of two, rounded up from
half the names and the names: a lookup then finds both with shifts, not multiplies, and the
pilots fit in a byte. Against a minimal table that costs a few slots' keys and saves a
dependent lookup a multiply.

The constants reach name_hash.hpp through the generated header; the steps are written on both
sides, and a change to one side alone fails every build: the header carries a few (name, slot)
pairs that detail/tables.hpp checks at compile time.
"""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from .registry_model import fold_name_bytes

MASK64 = (1 << 64) - 1
MIX_MULTIPLIER = 0xD6E8FEB86659FD93
PILOT_MULTIPLIER = 0x9E3779B97F4A7C15
MAX_PILOT = 0xFF  # pilots are 8 bits; a bucket no pilot places means a new seed
PILOT_SHIFT = 24  # a pilot moves the top 8 bits of the hash's low half
PILOT_STEP = 0x9D  # odd: step * PILOT_STEP mod 256 visits every pilot once
FIRST_SEED = 0x1A4A_9017_5EED_0001  # fixed: same input, same tables
KEYS_PER_BUCKET = 2  # names per bucket at most, before the count is rounded up to a power of two


def key_words_for(max_length: int) -> int:
    """Words per key: room for the longest name plus its length byte, at least 16 bytes."""
    return max(2, (max_length + 1 + 7) // 8)


def make_key(name: bytes, words: int) -> Tuple[int, ...]:
    folded = fold_name_bytes(name)
    assert len(folded) < 8 * words and len(folded) < 256
    buffer = bytearray(8 * words)
    buffer[: len(folded)] = folded
    buffer[-1] = len(folded)
    return tuple(int.from_bytes(buffer[8 * i: 8 * i + 8], "little") for i in range(words))


def mix(value: int) -> int:
    value ^= value >> 32
    value = (value * MIX_MULTIPLIER) & MASK64
    value ^= value >> 32
    return value


def rotate_left(value: int, bits: int) -> int:
    return ((value << bits) | (value >> (64 - bits))) & MASK64 if bits else value


def hash_input(key: Sequence[int]) -> Tuple[int, ...]:
    """What the hash reads: the key with every byte but the length or-ed with 0x20. That folds
    the case of letters without telling them from other bytes, so a lookup can start hashing
    before its full fold (which the key comparison alone needs) is done. Two registry names
    that differ only in bit 0x20 of a byte that is not a letter share a hash input, and no
    perfect hash can part them (tables.py reports that)."""
    case_bits = int.from_bytes(b"\x20" * 8, "little")
    last = case_bits >> 8  # the length byte, as it is
    return tuple(word | (last if i == len(key) - 1 else case_bits) for i, word in enumerate(key))


def hash_key(key: Sequence[int], seed: int) -> int:
    """Each word of the hash input multiplied, the products rotated apart and xored: they do not
    wait on one another, so a lookup's hash is one multiply and an xor long. bucket_of reads its
    high half, where every byte of the key counts; slot_of takes it mixed."""
    return _hash_of_input(hash_input(key), seed)


def _hash_of_input(words: Sequence[int], seed: int) -> int:
    """hash_key of the key whose hash input is words (a seed's search hashes each key anew)."""
    h = ((words[0] ^ seed) * MIX_MULTIPLIER) & MASK64
    for i in range(1, len(words)):
        h ^= rotate_left(((words[i] ^ seed) * PILOT_MULTIPLIER) & MASK64, (8 * (i - 1)) % 64)
    return h


def bucket_of(h: int, bucket_count: int) -> int:
    return ((h >> 32) * bucket_count) >> 32


def slot_of(mixed: int, pilot: int, slot_count: int) -> int:
    """mixed is mix(hash_key(...)); the pilot is xored into the top 8 bits of its low half,
    which fastrange reads first: a key can reach 256 slots, one in each 256th of the table. The
    mix makes the slot independent of the bucket (a product's low bits see only its input's low
    bits: names that differ in their high bytes alone collided in one bucket for every pilot).
    A lookup mixes while it loads the pilot, and after the load only xors and scales."""
    return (((mixed ^ (pilot << PILOT_SHIFT)) & 0xFFFFFFFF) * slot_count) >> 32


class PerfectHash:
    def __init__(self, seed: int, bucket_count: int, slot_count: int, pilots: List[int],
                 slot_of_key: Dict[Tuple[int, ...], int]):
        self.seed = seed
        self.slot_count = slot_count
        self.bucket_count = bucket_count
        self.pilots = pilots
        self.slot_of_key = slot_of_key


def build(keys: Sequence[Tuple[int, ...]]) -> PerfectHash:
    """A perfect hash over distinct keys; deterministic for a given key list."""
    n = len(keys)
    # A power of two, so that a lookup's bucket is a shift of the hash, not a multiply: a few
    # cycles off its critical path for at most twice the pilots.
    bucket_count = 1 << (max(1, (n + KEYS_PER_BUCKET - 1) // KEYS_PER_BUCKET) - 1).bit_length()
    slot_count = 1 << (max(1, n) - 1).bit_length()
    inputs = [hash_input(k) for k in keys]  # the same for every seed
    seed = FIRST_SEED
    for _attempt in range(64):
        result = _try_seed(keys, inputs, seed, bucket_count, slot_count)
        if result is not None:
            return result
        seed = (seed * PILOT_MULTIPLIER + 1) & MASK64
    # A seed fails when two keys of one bucket land in one slot whatever the pilot (they agree
    # on the slot's bits below the pilot's: for IANA's registry about half the seeds), or when a
    # key finds every slot its pilots reach taken (odds 0.9^256). 64 failures in a row are not
    # expected.
    raise RuntimeError("no perfect hash found for the service names")


def _try_seed(keys, inputs, seed, bucket_count, slot_count):
    hashes = [_hash_of_input(words, seed) for words in inputs]
    buckets: List[List[int]] = [[] for _ in range(bucket_count)]
    for index, h in enumerate(hashes):
        buckets[bucket_of(h, bucket_count)].append(index)
    order = sorted(range(bucket_count), key=lambda b: (-len(buckets[b]), b))
    taken = [False] * slot_count
    pilots = [0] * bucket_count
    slot_of_key: Dict[Tuple[int, ...], int] = {}
    for b in order:
        members = buckets[b]
        if not members:
            continue
        mixed = [mix(hashes[i]) for i in members]
        for step in range(MAX_PILOT + 1):
            # Pilots in a scattered order: counting up moves the slots by xor of small numbers,
            # which probes near slots first and made the search as slow as linear probing.
            pilot = (step * PILOT_STEP) & MAX_PILOT
            slots = [slot_of(m, pilot, slot_count) for m in mixed]
            if len(set(slots)) == len(slots) and not any(taken[s] for s in slots):
                break
        else:
            return None
        pilots[b] = pilot
        for i, s in zip(members, slots):
            taken[s] = True
            slot_of_key[keys[i]] = s
    return PerfectHash(seed, bucket_count, slot_count, pilots, slot_of_key)
