#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""clang-tidy over some sources, each once, as the build's first compile command has it.

    clang_tidy_once.py CLANG_TIDY BUILD_DIR [CLANG_TIDY OPTION...] -- SOURCE...

clang-tidy -p BUILD_DIR checks a source once for every entry the compile database holds for it;
a build that compiles a file in several targets (the build types the tests compile too, two
standards) holds it several times, and the same checks ran that many times over. This writes a
database of each SOURCE's first entry into a temporary folder and runs clang-tidy on it, with its
exit status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile


def first_entries(database: list, sources: list) -> list:
    """The first entry of each source, in the order of sources; an error for one not there."""
    first = {}
    for entry in database:
        path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        first.setdefault(path, entry)
    missing = [s for s in sources if os.path.normpath(s) not in first]
    if missing:
        sys.exit("clang_tidy_once.py: not in the compile database: " + ", ".join(missing))
    return [first[os.path.normpath(s)] for s in sources]


def main() -> int:
    if len(sys.argv) < 5 or "--" not in sys.argv:
        sys.exit(__doc__.split("\n\n")[1])
    split = sys.argv.index("--")
    clang_tidy, build, options, sources = sys.argv[1], sys.argv[2], sys.argv[3:split], sys.argv[split + 1:]
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        database = json.load(f)
    with tempfile.TemporaryDirectory(prefix="ianaports-tidy-") as work:
        with open(os.path.join(work, "compile_commands.json"), "w", encoding="utf-8") as f:
            json.dump(first_entries(database, sources), f)
        return subprocess.run([clang_tidy, "-p", work, *options, *sources], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
