#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Compile every translation unit of this build again with another build type's flags.

    build_types.py COMPILE_COMMANDS.json --current "FLAGS" --build-type NAME="FLAGS"

Warnings differ with the optimisation level (g++ 12 warns at -O3 where it is silent at -O2),
and our builds treat warnings as errors, so a build type nobody built is a build that may fail.
This takes each command CMake wrote to compile_commands.json for our own sources, swaps the
build type's flags (the current build's, --current, for the other's, --build-type), and
compiles to nowhere. One command for each source and C++ standard is enough: the rest differ
only in which registry's tables they include. Exits 1, with the compiler's output, when any
command fails.

With --syntax-only (clang++), no code is generated: clang's warnings come from its front end,
which sees what the build type changes (the macros its flags define: __OPTIMIZE__, NDEBUG), and
the few its code generator can give (inline assembly, a call to a function declared with a
warning attribute, a frame over a size asked for) are none our sources can raise. g++ warns
from its optimisers too, so it compiles.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys
from typing import List, Tuple

# Output and dependency-file flags, each followed by its argument: replaced or dropped.
_FLAGS_WITH_ARGUMENT = {"-o", "-MT", "-MF", "-MQ"}
_FLAGS_ALONE = {"-MD", "-MMD"}


def retargeted(arguments: List[str], current: List[str], wanted: List[str],
               syntax_only: bool = False) -> List[str]:
    """The compile command with the current build type's flags replaced by wanted's, writing
    no output and no dependency file (and, syntax_only, generating no code)."""
    out: List[str] = [arguments[0]] + wanted
    to_drop = list(current)
    skip_next = False
    for argument in arguments[1:]:
        if skip_next:
            skip_next = False
        elif argument in _FLAGS_WITH_ARGUMENT:
            skip_next = True
        elif argument in _FLAGS_ALONE:
            pass
        elif argument in to_drop:
            to_drop.remove(argument)
        else:
            out.append(argument)
    return out + (["-fsyntax-only"] if syntax_only else ["-o", os.devnull])


def commands(path: str, source_dir: str, skipped: List[str]) -> List[Tuple[str, List[str], str]]:
    """(source, arguments, directory) of each of our sources but the skipped ones, one a source
    and standard."""
    seen = set()
    found = []
    skipped = [os.path.realpath(s) for s in skipped]
    with open(path, encoding="utf-8") as f:
        for entry in json.load(f):
            source = os.path.realpath(entry["file"])
            if not source.startswith(os.path.realpath(source_dir) + os.sep) or source in skipped:
                continue
            arguments = entry.get("arguments") or shlex.split(entry["command"])
            standard = next((a for a in arguments if a.startswith("-std=")), "")
            if (source, standard) in seen:
                continue
            seen.add((source, standard))
            found.append((source, arguments, entry["directory"]))
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("compile_commands")
    parser.add_argument("--source-dir", required=True, help="only sources below it are ours")
    parser.add_argument("--current", default="", help="the flags of the build type just built")
    parser.add_argument("--build-type", required=True, metavar="NAME=FLAGS",
                        help="the build type to compile with, and its flags")
    parser.add_argument("--syntax-only", action="store_true",
                        help="check without generating code: clang++, whose warnings all come "
                             "from its front end, which the build type's flags reach")
    parser.add_argument("--skip", action="append", default=[], metavar="SOURCE",
                        help="a source of ours with nothing to check (repeatable)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    name, _, flags = args.build_type.partition("=")
    found = commands(args.compile_commands, args.source_dir, args.skip)
    if not found:
        print(f"{args.compile_commands}: no command for a source under {args.source_dir}",
              file=sys.stderr)
        return 1

    def compile_one(item):
        source, arguments, directory = item
        command = retargeted(arguments, shlex.split(args.current), shlex.split(flags),
                             args.syntax_only)
        done = subprocess.run(command, cwd=directory, capture_output=True, text=True)
        return source, command, done

    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for source, command, done in pool.map(compile_one, found):
            status = "ok" if done.returncode == 0 else "FAILED"
            print(f"{name}: {status}: {shlex.join(command)}")
            if done.returncode != 0:
                failures += 1
                print(done.stdout + done.stderr)
    print(f"{name} ({flags or 'no flags'}): {len(found) - failures} of {len(found)} translation"
          " units compile without a warning")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
