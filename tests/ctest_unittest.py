#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""unittest test classes as CTest tests: each class is one CTest test, found in the file rather
than listed by hand, and a skipped test shows as skipped, never as passed.

    ctest_unittest.py MODULE...     python3 -m unittest -v MODULE..., from the current folder,
                                    with the exit codes below

A test file's own main() parses its options, then calls main(arguments). The exit code is 0
when every test ran and passed, 1 when any failed, and SKIPPED (the tests' SKIP_RETURN_CODE in
tests/CMakeLists.txt) when none failed and any was skipped (a tool missing, say), after naming
each skip and its reason.

    TEST_FILE --list-cases [--where WHERE] [--target TARGET]

prints the file's test classes, one a line, for CMake to register: those whose `where` holds
WHERE and whose `targets` hold TARGET, where they say (a class without them runs everywhere).
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
import unittest
from types import ModuleType
from typing import List, NoReturn

SKIPPED = 77


def cases(module: ModuleType, where: str = "", target: str = "") -> List[str]:
    """The module's test classes (those with test methods) that run in WHERE on TARGET."""
    found = []
    for name, cls in vars(module).items():
        if not (inspect.isclass(cls) and issubclass(cls, unittest.TestCase)
                and cls.__module__ == module.__name__
                and unittest.TestLoader().getTestCaseNames(cls)):
            continue
        if where and where not in getattr(cls, "where", (where,)):
            continue
        if target and target not in getattr(cls, "targets", (target,)):
            continue
        found.append(name)
    return found


def list_cases_if_asked(module: ModuleType, arguments: List[str]) -> None:
    """Prints the cases and exits when the arguments ask for --list-cases; else returns."""
    if "--list-cases" not in arguments:
        return
    parser = argparse.ArgumentParser(prog=os.path.basename(sys.argv[0]))
    parser.add_argument("--list-cases", action="store_true")
    parser.add_argument("--where", default="")
    parser.add_argument("--target", default="")
    args, _ = parser.parse_known_args(arguments)
    print("\n".join(cases(module, args.where, args.target)))
    sys.exit(0)


def main(arguments: List[str], module: str = "__main__") -> NoReturn:
    """Runs the tests unittest's arguments name (verbose), and exits with the codes above."""
    program = unittest.main(module=module, argv=[sys.argv[0], "-v", *arguments], exit=False)
    result = program.result
    if not result.wasSuccessful():
        sys.exit(1)
    if result.skipped:
        for test, reason in result.skipped:
            print("skipped: %s: %s" % (test.id(), reason))
        sys.exit(SKIPPED)
    sys.exit(0)


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())  # as python3 -m unittest finds the modules it names
    main(sys.argv[1:], module=None)
