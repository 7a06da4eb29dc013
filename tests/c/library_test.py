#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""libianaports.so needs libc alone at run time and exports the C API alone: its NEEDED entries
(readelf -d) are libc's, and the symbols it defines (nm -D) are exactly the functions
ianaports.h declares.

    library_test.py LIBRARY HEADER [--readelf readelf] [--nm nm]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("header")
    parser.add_argument("--readelf", default="readelf")
    parser.add_argument("--nm", default="nm")
    args = parser.parse_args()
    dynamic = subprocess.run([args.readelf, "-d", args.library], capture_output=True, text=True, check=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    soname = re.findall(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", dynamic)
    defined = subprocess.run([args.nm, "-D", "--defined-only", args.library], capture_output=True, text=True,
                             check=True).stdout
    exported = {line.split()[-1].split("@")[0] for line in defined.splitlines()
                if line.split() and line.split()[-2] in ("T", "W", "D", "B", "R", "V", "i")}
    with open(args.header, encoding="utf-8") as f:
        declared = set(re.findall(r"\b(ianaports_\w+)\(", f.read()))
    problems = []
    if not needed or any(not name.startswith("libc.so") for name in needed):
        problems.append(f"NEEDED is {needed}: libc alone was expected")
    if len(soname) != 1 or not re.fullmatch(r"libianaports\.so\.\d+", soname[0]):
        problems.append(f"SONAME is {soname}: libianaports.so.<major> was expected")
    if exported != declared:
        problems.append(f"exported but not declared: {sorted(exported - declared)};"
                        f" declared but not exported: {sorted(declared - exported)}")
    for problem in problems:
        print(problem)
    print(f"NEEDED {needed}, SONAME {soname}, {len(exported)} symbols exported: {sorted(exported)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
