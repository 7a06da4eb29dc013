#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""codegen/diff.py's port view states status()'s and name_of()'s rule in Python; this holds it
to the C++ API, for every port and protocol of a release.

    diff_answers_test.py PROGRAM REGISTRY.xml

PROGRAM is tests/diff_answers.cpp built against REGISTRY's tables. Exits 1, naming the first
ports that differ, when diff.port_answers() and the program disagree.
"""

from __future__ import annotations

import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the package codegen

from codegen import diff  # noqa: E402
from codegen.registry_xml import read_registry  # noqa: E402


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    program, registry = sys.argv[1:]
    expected = diff.port_answers(read_registry(registry).rows)
    lines = subprocess.run([program], capture_output=True, text=True, check=True).stdout.splitlines()
    differing = []
    for line in lines:
        protocol, port, status, name = (line.split(" ", 3) + [""])[:4]
        want = expected[protocol][int(port)]
        if (status, name) != want:
            differing.append(f"{port}/{protocol}: C++ {status} ({name}), diff.py {want[0]} ({want[1]})")
    compared = len(lines)
    if compared != len(diff.PROTOCOLS) * diff.PORT_COUNT:
        differing.append(f"the program printed {compared} answers, not one a port and protocol")
    for difference in differing[:20]:
        print(difference)
    if differing:
        print(f"{len(differing)} answers differ")
        return 1
    print(f"{compared} answers alike: every port and protocol of {os.path.basename(registry)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
