#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Run ianaports_bench and print its results as a Markdown table.

    python3 bench/report.py                       # build/bench/bench/ianaports_bench
    python3 bench/report.py path/to/ianaports_bench --repetitions 9 --min-time 1

Build the binary first: cmake --preset bench && cmake --build --preset bench.

Each benchmark runs --repetitions times (interleaved at random with the others, so that a
change of machine load or clock touches every implementation alike). For each group
(name_to_port, port_to_name...) the table gives each implementation's median time per query
over the repetitions, its min-max, and the ratio of ianaports' median to the peer's: below 1x,
ianaports is faster. A peer is set against the ianaports benchmark asking the same queries:
name_to_port/gperf_case_sensitive_lowered against name_to_port/ianaports_lowered, say. The last
column sets fastest repetition against fastest: on a shared machine whose speed drifts by a
third for seconds at a time, the medians of two benchmarks can come from different spells, and
the fastest repetitions, from the fast spells of both, compare the code alone.
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join(REPO, "build", "bench", "bench", "ianaports_bench")
COUNTER = "time_per_item"  # seconds per query (or per row), set by bench_lookups.cpp


def run_benchmarks(binary, repetitions, min_time, benchmark_filter, interleave):
    command = [binary, f"--benchmark_repetitions={repetitions}", f"--benchmark_min_time={min_time}",
               "--benchmark_format=json", f"--benchmark_enable_random_interleaving={str(interleave).lower()}"]
    if benchmark_filter:
        command.append(f"--benchmark_filter={benchmark_filter}")
    # The benchmark's own messages (a peer disagreeing with ianaports...) go to stderr, shown as is.
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"report.py: {binary} failed (exit status {result.returncode}); nothing to report")
    if not result.stdout.strip():
        sys.exit(f"report.py: {binary} printed no results (does --filter match any benchmark?)")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        sys.exit(f"report.py: {binary} did not print JSON ({error})")


def describe_caches(caches):
    kinds = {"Data": "d", "Instruction": "i", "Unified": ""}
    parts = []
    for cache in caches:
        size = cache["size"]
        text = f"L{cache['level']}{kinds.get(cache['type'], cache['type'])} "
        text += f"{size >> 20} MiB" if size >= 1 << 20 else f"{size >> 10} KiB"
        if cache["num_sharing"] > 1:
            text += f" (shared by {cache['num_sharing']})"
        parts.append(text)
    return ", ".join(parts)


def format_ns(value):
    if value < 10:
        return f"{value:.2f}"
    if value < 1000:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def format_ratio(ratio):
    # Two significant digits however small: getservbyname_r is thousands of times slower.
    decimals = 2 if ratio >= 0.1 else 1 - math.floor(math.log10(ratio))
    return f"{ratio:.{decimals}f}×"


YARDSTICK = "by_port"  # the ranges group's benchmarks are set against this one's, per row
RANGES = "ranges"


def collect_rows(benchmarks):
    """{implementation: rows read a query} of the ranges group."""
    return {run["run_name"].partition("/")[2]: run.get("rows_per_query", 0)
            for run in benchmarks if run.get("run_type") == "iteration"
            and run["run_name"].startswith(RANGES + "/")}


def print_ranges(implementations, rows):
    """The ranges group: each query's time, and its time a row against by_port's (a query
    that reads no row, size() or empty(), against by_port's time a query)."""
    print(f"## {RANGES}\n")
    print("| query | ns a query, median | min–max | rows a query | ns a row |"
          f" ÷ {YARDSTICK} (a row; size, empty: a query) |")
    print("|---|---:|---:|---:|---:|---:|")
    medians = {name: statistics.median(times) for name, (_, times) in implementations.items()}
    base = medians.get(YARDSTICK)
    base_rows = rows.get(YARDSTICK) or 1
    for name, (_, times) in implementations.items():
        per_row = medians[name] / rows[name] if rows.get(name) else None
        if base is None or name == YARDSTICK:
            ratio = "—"
        elif per_row is not None:
            ratio = format_ratio(per_row / (base / base_rows))
        else:
            ratio = format_ratio(medians[name] / base)
        print(f"| {name} | {format_ns(medians[name])} | {format_ns(min(times))}–{format_ns(max(times))}"
              f" | {rows.get(name, 0):.2f} | {format_ns(per_row) if per_row is not None else '—'} | {ratio} |")
    print()


def collect(benchmarks):
    """{group: {implementation: (label, [ns per item, one per repetition])}}, in the order the
    benchmarks are registered (interleaving runs them in random order)."""
    groups = {}
    for run in sorted(benchmarks, key=lambda run: run.get("family_index", 0)):
        if run.get("run_type") != "iteration":
            continue  # the mean/median/stddev rows: we compute our own from the repetitions
        if run.get("error_occurred"):
            sys.exit(f"report.py: {run['name']} failed: {run.get('error_message', '?')}")
        if COUNTER not in run:
            sys.exit(f"report.py: {run['name']} has no {COUNTER} counter; is this ianaports_bench?")
        group, _, implementation = run["run_name"].partition("/")
        label, times = groups.setdefault(group, {}).setdefault(implementation, (run.get("label", ""), []))
        times.append(run[COUNTER] * 1e9)
    return groups


def reference_for(implementation, implementations):
    """The ianaports benchmark asking the same queries: ianaports + the longest shared suffix."""
    best = "ianaports" if "ianaports" in implementations else None
    for candidate in implementations:
        suffix = candidate[len("ianaports"):]
        if (candidate.startswith("ianaports") and suffix and implementation.endswith(suffix)
                and (best is None or len(candidate) > len(best))):
            best = candidate
    return best


def print_report(data, repetitions, min_time, interleave):
    context = data["context"]
    groups = collect(data["benchmarks"])
    if not groups:
        sys.exit("report.py: no benchmark ran (check --filter)")

    print("# ianaports benchmarks\n")
    print(f"- Compiler: {context.get('compiler', '?')}, flags `{context.get('cxx_flags', '?')}`,"
          f" `__cplusplus` {context.get('cxx_standard', '?')}")
    print(f"- Machine: {context.get('host_name', '?')}, {context.get('num_cpus', '?')} CPUs at"
          f" {context.get('mhz_per_cpu', '?')} MHz, CPU scaling"
          f" {'on' if context.get('cpu_scaling_enabled') else 'off'};"
          f" caches {describe_caches(context.get('caches', []))}")
    load = context.get("load_avg", [])
    print(f"- Load average at start: {', '.join(f'{x:.2f}' for x in load) or '?'};"
          f" {context.get('date', '?')}")
    print(f"- Peers: gperf {context.get('gperf', 'n/a')}, glibc {context.get('glibc', 'n/a')};"
          f" Google Benchmark library built as {context.get('library_build_type', '?')}")
    print(f"- Registry updated {context.get('registry_updated', '?')},"
          f" {context.get('registry_rows', '?')} rows")
    print(f"- Name queries: {context.get('name_queries', '?')}; port queries:"
          f" {context.get('port_queries', '?')}; getserv*_r: {context.get('getserv_queries', 'n/a')}")
    print(f"- {repetitions} repetitions of at least {min_time} s each"
          f"{', randomly interleaved' if interleave else ''}; times are per query"
          " (per row for iterate/records): median, and min-max over the repetitions\n")

    rows = collect_rows(data["benchmarks"])
    for group, implementations in groups.items():
        if group == RANGES:
            print_ranges(implementations, rows)
            continue
        print(f"## {group}\n")
        print("| implementation | ns, median | ns, min–max | unit | ianaports ÷ peer, medians |"
              " fastest ÷ fastest |")
        print("|---|---:|---:|---|---|---:|")
        medians = {name: statistics.median(times) for name, (_, times) in implementations.items()}
        fastest = {name: min(times) for name, (_, times) in implementations.items()}
        for name, (label, times) in implementations.items():
            reference = reference_for(name, medians)
            if name.startswith("ianaports") or reference is None:
                ratio = fastest_ratio = "—"
            else:
                ratio = f"{reference} / {name} = {format_ratio(medians[reference] / medians[name])}"
                fastest_ratio = format_ratio(fastest[reference] / fastest[name])
            print(f"| {name} | {format_ns(medians[name])} | {format_ns(min(times))}–{format_ns(max(times))}"
                  f" | {label} | {ratio} | {fastest_ratio} |")
        print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", default=DEFAULT_BINARY,
                        help=f"the ianaports_bench executable (default: {os.path.relpath(DEFAULT_BINARY)})")
    parser.add_argument("--repetitions", type=int, default=9,
                        help="runs of each benchmark (default 9: more spells of the machine's speed"
                             " in each median)")
    parser.add_argument("--min-time", type=float, default=0.3,
                        help="seconds each repetition runs at least (default 0.3)")
    parser.add_argument("--filter", default="", help="only the benchmarks matching this regex")
    parser.add_argument("--no-interleave", action="store_true",
                        help="run each benchmark's repetitions back to back")
    parser.add_argument("--json", metavar="FILE", help="also save the benchmark's JSON here")
    args = parser.parse_args()

    if not os.path.isfile(args.binary) or not os.access(args.binary, os.X_OK):
        sys.exit(f"report.py: no benchmark executable at {args.binary}\n"
                 "  build it: cmake --preset bench && cmake --build --preset bench")
    if args.repetitions < 1:
        sys.exit("report.py: --repetitions must be 1 or more")

    interleave = not args.no_interleave
    data = run_benchmarks(args.binary, args.repetitions, args.min_time, args.filter, interleave)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1)
    print_report(data, args.repetitions, args.min_time, interleave)


if __name__ == "__main__":
    main()
