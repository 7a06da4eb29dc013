#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""How long portinfo takes to answer, process start included: a command-line tool is judged by that.

    python3 bench/portinfo_timing.py build/rel/tools/portinfo/portinfo [--runs 51]

Runs each query --runs times (output to /dev/null), a call of every query in turn so that the
machine's drift falls on all alike, and prints a Markdown table of the wall time per call:
median, min and max, in milliseconds, and the median against a single lookup's (443/tcp). The time is taken around the whole child process
(fork, exec, dynamic loading, the answer, exit), so it is what a user at a prompt waits. The
first row, /bin/true, is the floor: what starting any process costs on this machine. The last
line gives GNU time's view of the full CSV export (`/usr/bin/time -f "%e s %M KB"`); its
resolution, 10 ms, is too coarse for a single query.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

QUERIES = [
    ["443/tcp"],
    ["https"],
    ["HTTPS/udp"],
    ["443"],
    ["6000-6063/tcp"],
    ["--protocol", "sctp", "80"],
    ["--search", "22"],
    ["--search-name", "http"],
    ["--search-description", "web"],
    ["--status", "8080/tcp"],
    ["--status", "8080"],
    ["--class", "50000"],
    ["--free", "8000-9000/tcp"],
    ["--free", "0-65535"],
    ["--registry-info"],
    ["--version"],
    ["--all", "--format", "csv"],
    ["--all", "--format", "services"],
    ["--all", "--format", "json"],
    ["--all"],
]


def wall_ms(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("portinfo", help="the portinfo binary (build it with -O2)")
    parser.add_argument("--runs", type=int, default=51, help="calls per query (default 51)")
    args = parser.parse_args()
    if not os.access(args.portinfo, os.X_OK):
        sys.exit(f"portinfo_timing.py: {args.portinfo} is not an executable; build portinfo first")

    commands = [["/bin/true"]] + [[args.portinfo] + q for q in QUERIES]
    times = [[] for _ in commands]
    for _ in range(args.runs):
        for command, taken in zip(commands, times):
            taken.append(wall_ms(command))
    lookup = statistics.median(times[1 + QUERIES.index(["443/tcp"])])
    print(f"| query | median ms | min ms | max ms | median ÷ 443/tcp's |  ({args.runs} calls each)")
    print("|---|---:|---:|---:|---:|")
    for command, taken in zip(commands, times):
        shown = "(process start: /bin/true)" if command == ["/bin/true"] else " ".join(command[1:])
        median = statistics.median(taken)
        print(f"| `{shown}` | {median:.2f} | {min(taken):.2f} | {max(taken):.2f} | {median / lookup:.2f} |")

    gnu_time = subprocess.run(
        ["/usr/bin/time", "-f", "%e s %M KB", args.portinfo, "--all", "--format", "csv"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    print(f"\n/usr/bin/time portinfo --all --format csv: {gnu_time.stderr.strip()}")


if __name__ == "__main__":
    main()
