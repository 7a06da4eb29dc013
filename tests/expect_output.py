#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""A command's exit status and output, checked together (CTest's PASS_REGULAR_EXPRESSION alone
ignores the exit status): what must not compile fails, for the reason it must; a program
succeeds, printing what it must.

    expect_output.py --fails REGEX COMMAND...
    expect_output.py --succeeds REGEX COMMAND...

Passes when the command exits non-zero (--fails) or zero (--succeeds) and its output, stdout and
stderr together, matches REGEX (Python's re.search), Windows' CRLF line ends read as LF.
"""

from __future__ import annotations

import re
import subprocess
import sys


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[1] not in ("--fails", "--succeeds"):
        sys.exit("usage: expect_output.py --fails|--succeeds REGEX COMMAND...")
    must_fail, pattern, command = sys.argv[1] == "--fails", sys.argv[2], sys.argv[3:]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    output = done.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    sys.stdout.write(output)
    if (done.returncode != 0) != must_fail:
        sys.exit("expect_output.py: the command %s (exit %d); it must %s" % (
            "failed" if done.returncode else "succeeded", done.returncode, "fail" if must_fail else "succeed"))
    if not re.search(pattern, output):
        sys.exit("expect_output.py: exit %d, as it must, but the output does not match %r" % (done.returncode, pattern))
    print("expect_output.py: exit %d and the output, as they must be" % done.returncode)


if __name__ == "__main__":
    main()
