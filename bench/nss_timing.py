#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""glibc's services lookups through libnss_ianaports.so.2, against glibc's files backend.

    python3 bench/nss_timing.py [--build build/bench]

Runs the benchmark binary's getservbyname_r and getservbyport_r benchmarks (bench_lookups.cpp:
the same names and ports each time), its getservent_r enumeration (every entry, in the
benchmark's process) and `getent services` (every entry, a process a run) three ways, each in a
mount namespace of its own with a private /etc/nsswitch.conf:

  files, stock        services: files, on this machine's /etc/services
  files, full export  services: files, on `portinfo --all --format services` bound over it
  ianaports           services: ianaports, the module (the whole registry)

and prints one table, with each time as a ratio to the stock files backend and to the full
export (the same entries as the module's). Needs root (for the mount namespace) and unshare(1);
without them it says so and exits 0, as it measures, never checks.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]


def in_namespace(conf: Path, services: Optional[Path], command: List[str], env: Dict[str, str]) -> bytes:
    binds = 'mount --bind "$1" /etc/nsswitch.conf'
    if services is not None:
        binds += ' && mount --bind "$2" /etc/services'
    script = binds + ' && shift 2 && exec "$@"'
    done = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(conf), str(services or conf), *command],
                          capture_output=True, env=env, check=True)
    return done.stdout


def benchmarks(bench: Path, conf: Path, services: Optional[Path], env: Dict[str, str]) -> Dict[str, float]:
    """Median ns an item of each getserv benchmark (its time_per_item, in seconds): a lookup, or
    an entry of the enumeration."""
    out = in_namespace(conf, services, [str(bench), "--benchmark_filter=getserv", "--benchmark_format=json",
                                        "--benchmark_repetitions=5", "--benchmark_min_time=0.2",
                                        "--benchmark_report_aggregates_only=true"], env)
    report = json.loads(out)
    return {b["run_name"] + (" (ns an entry)" if b["run_name"].startswith("enumerate/") else " (ns a lookup)"):
            b["time_per_item"] * 1e9 for b in report["benchmarks"] if b.get("aggregate_name") == "median"}


def getent_ms(conf: Path, services: Optional[Path], env: Dict[str, str]) -> float:
    """Median wall time of `getent services` (every entry), over 5 runs in one namespace."""
    script = ('import subprocess, time, statistics; t = []\n'
              'for _ in range(5):\n'
              '    s = time.perf_counter(); subprocess.run(["getent", "services"], stdout=subprocess.DEVNULL, check=True)\n'
              '    t.append(time.perf_counter() - s)\n'
              'print(statistics.median(t) * 1000)\n')
    return float(in_namespace(conf, services, [sys.executable, "-c", script], env))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build" / "bench"), help="the bench preset's build folder")
    args = parser.parse_args()
    build = Path(args.build)
    bench, module, portinfo = (build / "bench" / "ianaports_bench", build / "tools" / "nss" / "libnss_ianaports.so.2",
                               build / "tools" / "portinfo" / "portinfo")
    if os.geteuid() != 0 or shutil.which("unshare") is None or shutil.which("getent") is None:
        print("nss_timing.py: needs root, unshare(1) and getent(1) for a private nsswitch.conf; not measured")
        return 0
    for needed in (bench, module, portinfo):
        if not needed.exists():
            sys.exit(f"nss_timing.py: {needed} is missing; build the bench preset first")
    env = {**os.environ, "LD_LIBRARY_PATH": str(module.parent)}
    with tempfile.TemporaryDirectory() as scratch:
        files, ianaports, export = Path(scratch, "files.conf"), Path(scratch, "ianaports.conf"), Path(scratch, "services")
        files.write_text("services: files\n")
        ianaports.write_text("services: ianaports\n")
        export.write_bytes(subprocess.run([str(portinfo), "--all", "--format", "services"], capture_output=True,
                                          check=True).stdout)
        stock_lines = sum(1 for line in Path("/etc/services").read_text(errors="replace").split("\n")
                          if line.split("#")[0].strip())
        export_lines = sum(1 for line in export.read_text().split("\n") if line.split("#")[0].strip())
        setups = [(f"files, stock ({stock_lines} lines)", files, None),
                  (f"files, full export ({export_lines} lines)", files, export),
                  ("ianaports module (whole registry)", ianaports, None)]
        results = []
        for label, conf, services in setups:
            start = time.perf_counter()
            times = benchmarks(bench, conf, services, env)
            entries = stock_lines if label.startswith("files, stock") else export_lines
            times["getent services (ms a run)"] = getent_ms(conf, services, env)
            times["getent services (µs an entry)"] = times["getent services (ms a run)"] * 1000 / entries
            results.append((label, times))
            print(f"  measured {label} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    names = list(results[0][1])
    # A lookup is compared with the stock file a machine has; an entry of the enumeration with
    # the files backend reading the same entries (the full export).
    print("| query | " + " | ".join(label for label, _ in results) + " | module ÷ stock files | module ÷ full export |")
    print("|---|" + "---:|" * (len(results) + 2))
    for name in names:
        cells = [f"{times[name]:,.2f}" for _, times in results]
        ratios = [results[2][1][name] / results[base][1][name] for base in (0, 1)]
        print(f"| {name} | " + " | ".join(cells) + "".join(f" | {ratio:.2f}×" for ratio in ratios) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
