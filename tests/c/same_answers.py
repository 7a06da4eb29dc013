#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The C API answers as the C++ API does: answers.c (over libianaports) and answers.cpp (over the
headers) print every answer, one a line, and must print the same bytes.

    same_answers.py C_PROGRAM CXX_PROGRAM [--emulator ARG...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("c_program")
    parser.add_argument("cxx_program")
    parser.add_argument("--emulator", action="append", default=[])
    args = parser.parse_args()
    printed = []
    for program in (args.c_program, args.cxx_program):
        run = subprocess.run([*args.emulator, program], capture_output=True)
        if run.returncode != 0:
            print(f"{program} failed ({run.returncode}):\n{run.stderr.decode(errors='replace')}")
            return 1
        printed.append(run.stdout.split(b"\n"))
    c_lines, cxx_lines = printed
    if len(cxx_lines) < 65536 * 4:
        print(f"the C++ answers are {len(cxx_lines)} lines: too few to be every answer")
        return 1
    for number, (c_line, cxx_line) in enumerate(zip(c_lines, cxx_lines), 1):
        if c_line != cxx_line:
            print(f"line {number} differs:\n  C:   {c_line[:300]!r}\n  C++: {cxx_line[:300]!r}")
            return 1
    if len(c_lines) != len(cxx_lines):
        print(f"C printed {len(c_lines)} lines, C++ {len(cxx_lines)}")
        return 1
    print(f"{len(c_lines)} lines of answers, the same from C and from C++")
    return 0


if __name__ == "__main__":
    sys.exit(main())
