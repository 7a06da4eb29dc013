# SPDX-License-Identifier: BSL-1.0
"""The facts of the layout that the C++ readers rely on, each written once, here.

cpp_emit writes them into the generated header, where include/ianaports/detail/tables.hpp reads
them (and checks the public enumerations against them): a change on this side reaches the C++
side with the next generation, and a drift between the two fails every build with a message
that names it.
"""

from __future__ import annotations

from typing import List

from registry_xml import PROTOCOLS

from .layout import Constant

# The longest string literal every C++ compiler must accept, its NUL excluded (the minimum
# the standard's implementation limits recommend); every row of a packed table or of the text
# pool is one literal no longer than this.
LITERAL_LIMIT = 65535

# record_flags, one byte a row.
FLAG_PROTOCOL_MASK = 7  # bits 0-2: the row's protocol, its index in PROTOCOLS...
NO_PROTOCOL = 7  # ...or this: the row holds for every protocol
FLAG_HAS_PORTS = 8  # the row has a port number or range
FLAG_ONE_PORT_AS_RANGE = 16  # IANA wrote its one port as "N-N"
FLAG_HAS_SERVICE_CODE = 32  # the row is in service_code_record
FLAG_RESERVED = 64  # its description is "Reserved" (kept when descriptions are not)
FLAG_SPANS_PORTS = 128  # its last port is above its first; the row is in range_record

assert len(PROTOCOLS) <= NO_PROTOCOL, "protocol indexes fit below NO_PROTOCOL"


def constants() -> List[Constant]:
    """The facts, as constants of the generated header."""
    facts = [Constant(f"protocol_{name}", "unsigned", index, f"index of {name} in every per-protocol table")
             for index, name in enumerate(PROTOCOLS)]
    facts += [
        Constant("protocol_count", "unsigned", len(PROTOCOLS), "protocols the registry assigns ports for"),
        Constant("literal_limit", "std::size_t", LITERAL_LIMIT,
                 "characters of the longest literal every compiler must accept, NUL excluded"),
        Constant("flag_protocol_mask", "std::uint8_t", FLAG_PROTOCOL_MASK,
                 "record_flags bits 0-2: the row's protocol index..."),
        Constant("flag_no_protocol", "std::uint8_t", NO_PROTOCOL,
                 "...or this: the row holds for every protocol"),
        Constant("flag_has_ports", "std::uint8_t", FLAG_HAS_PORTS, "record_flags: the row has ports"),
        Constant("flag_one_port_as_range", "std::uint8_t", FLAG_ONE_PORT_AS_RANGE,
                 "record_flags: IANA wrote its one port as N-N"),
        Constant("flag_has_service_code", "std::uint8_t", FLAG_HAS_SERVICE_CODE,
                 "record_flags: the row is in service_code_record"),
        Constant("flag_reserved", "std::uint8_t", FLAG_RESERVED,
                 "record_flags: the description says Reserved"),
        Constant("flag_spans_ports", "std::uint8_t", FLAG_SPANS_PORTS,
                 "record_flags: last port > first port; the row is in range_record"),
    ]
    return facts
