# SPDX-License-Identifier: BSL-1.0
"""The facts of the layout that the C++ readers rely on, each written once, here.

cpp_emit writes them into the generated header, where include/ianaports/detail/tables.hpp reads
them (and checks the public enumerations against them): a change on this side reaches the C++
side with the next generation, and a drift between the two fails every build with a message
that names it.
"""

from __future__ import annotations

from typing import List

from ..registry_model import PROTOCOLS

from .layout import Constant

# The longest string literal every C++ compiler must accept, its NUL excluded (the minimum
# the standard's implementation limits recommend); every row of a packed table or of the text
# pool is one literal no longer than this.
LITERAL_LIMIT = 65535

# record_flags, one byte a row.
FLAG_PROTOCOL_MASK = 7  # bits 0-2: the row's protocol, its index in PROTOCOLS...
NO_PROTOCOL = 7  # ...or this: the row holds for every protocol
FLAG_HAS_PORTS = 8  # the row has a port number or range
FLAG_APART = 16  # the row has ports but is out of port order: its first port is in apart_first_port
FLAG_RARE = 32  # the row is in rare_record: it has a service code, or writes one port as N-N
FLAG_RESERVED = 64  # its description is "Reserved" (kept when descriptions are not)
FLAG_SPANS_PORTS = 128  # its last port is above its first; the row is in range_record

# What a rare row has (rare_what), for the few rows whose columns are exceptions.
RARE_HAS_SERVICE_CODE = 1
RARE_ONE_PORT_AS_RANGE = 2

assert len(PROTOCOLS) <= NO_PROTOCOL, "protocol indexes fit below NO_PROTOCOL"


def constants() -> List[Constant]:
    """The facts, as constants of the generated header."""
    facts = [Constant(f"protocol_{name}", "unsigned", index, f"index of {name} in every per-protocol table")
             for index, name in enumerate(PROTOCOLS)]
    facts += [
        Constant("protocol_count", "unsigned", len(PROTOCOLS), "protocols the registry assigns ports for"),
        Constant("flag_protocol_mask", "std::uint8_t", FLAG_PROTOCOL_MASK,
                 "record_flags bits 0-2: the row's protocol index..."),
        Constant("flag_no_protocol", "std::uint8_t", NO_PROTOCOL,
                 "...or this: the row holds for every protocol"),
        Constant("flag_has_ports", "std::uint8_t", FLAG_HAS_PORTS, "record_flags: the row has ports"),
        Constant("flag_apart", "std::uint8_t", FLAG_APART,
                 "record_flags: out of port order; the first port is in apart_first_port"),
        Constant("flag_rare", "std::uint8_t", FLAG_RARE,
                 "record_flags: the row is in rare_record (a service code, or one port as N-N)"),
        Constant("rare_has_service_code", "std::uint8_t", RARE_HAS_SERVICE_CODE,
                 "rare_what: the row's service code is its rare_service_code"),
        Constant("rare_one_port_as_range", "std::uint8_t", RARE_ONE_PORT_AS_RANGE,
                 "rare_what: IANA writes the row's one port as N-N"),
        Constant("flag_reserved", "std::uint8_t", FLAG_RESERVED,
                 "record_flags: the description says Reserved"),
        Constant("flag_spans_ports", "std::uint8_t", FLAG_SPANS_PORTS,
                 "record_flags: last port > first port; the row is in range_record"),
    ]
    return facts
