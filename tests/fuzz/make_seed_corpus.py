#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Seed corpus for fuzz_names: one file per distinct service name of the registry, read from
the oracle's expected_rows.txt (first field of each row).

    make_seed_corpus.py EXPECTED_ROWS OUTPUT_DIR
"""

import os
import sys


def main() -> int:
    rows, output = sys.argv[1], sys.argv[2]
    os.makedirs(output, exist_ok=True)
    names = set()
    with open(rows, "rb") as f:
        for line in f.read().split(b"\n")[2:]:
            name = line.split(b"\t", 1)[0]
            if name:
                names.add(name)
    for i, name in enumerate(sorted(names)):
        with open(os.path.join(output, "name-%05d" % i), "wb") as out:
            out.write(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
