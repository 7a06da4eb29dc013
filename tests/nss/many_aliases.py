#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The local services of test_nss.py's ManyAliases case (issue 19): a port with 5,000 aliases,
and its names written again on it in each way that reaches the NSS module.

Usage: many_aliases.py DIR   writes DIR/many_aliases.services and DIR/many_aliases.xml
                             (tests/CMakeLists.txt, at configure time, in that order)

A repeat on the services line itself (the same name, any case) the generator drops; one that
another local row brings, over a range or without a protocol, reaches the module, which must
list each name once, and never the entry's own name as an alias. test_nss.py imports what the
module must answer from here.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, List, Tuple

# Ports IANA leaves unassigned (40001-40022, 40024-40100 for tcp and udp).
PORT, PROTOCOL, NAME = 40001, "tcp", "big-entry"
NUMBERED = ["alias-%05d" % i for i in range(1, 5001)]

# 40001/tcp: the line's name, then its aliases once each, in order: the numbered ones, a name
# the registry has on other ports (its rows come after these, in by_name's list), and the XML
# file's one new name.
ALIASES: List[str] = NUMBERED + ["gopher", "late-alias"]

# Some of the other entries the XML rows make (alias-00010, without a protocol, makes one on
# each protocol): (port, protocol) -> the entry's name, then its aliases.
OTHER_ENTRIES: Dict[Tuple[int, str], List[str]] = {
    (40002, "tcp"): ["alias-00010", "ALIAS-00020", "BIG-ENTRY", "Late-Alias"],
    (40003, "tcp"): ["alias-00010", "Late-Alias"],
    (40001, "udp"): ["alias-00010"],
    (40009, "udp"): ["late-alias"],
}

SERVICES_LINE = " ".join([NAME, "%d/%s" % (PORT, PROTOCOL)] + NUMBERED +
                         ["Alias-00007", "BIG-entry", "gopher", "alias-05000"]) + "  # 5,000 aliases\n"

XML = """<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: BSL-1.0 -->
<!-- Written by tests/nss/many_aliases.py: names of 40001/tcp again, over ranges and protocols. -->
<registry xmlns="http://www.iana.org/assignments">
  <record><name>alias-00010</name><number>40001-40003</number></record>
  <record><name>ALIAS-00020</name><protocol>tcp</protocol><number>40001-40002</number></record>
  <record><name>BIG-ENTRY</name><protocol>tcp</protocol><number>40001-40002</number></record>
  <record><name>late-alias</name><protocol>udp</protocol><number>40009</number></record>
  <record><name>late-alias</name><protocol>tcp</protocol><number>40001</number></record>
  <record><name>Late-Alias</name><protocol>tcp</protocol><number>40001-40003</number></record>
</registry>
"""


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    header = "# SPDX-License-Identifier: BSL-1.0\n# Written by tests/nss/many_aliases.py.\n"
    for name, text in [("many_aliases.services", header + SERVICES_LINE), ("many_aliases.xml", XML)]:
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:  # unchanged: no rebuild
            path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
