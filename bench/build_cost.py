#!/usr/bin/env python3
"""What including ianaports costs a build: compile time, peak memory and binary sections.

    python3 bench/build_cost.py -I single_include            # the single header
    python3 bench/build_cost.py -I include -I build/gcc/generated/include

For each compiler (g++, clang++), compiles at -O2, --runs times each (median reported):
  ianaports  a TU that includes <ianaports/ports.hpp> and does one lookup
  baseline   a TU that includes <iostream>, <string>, <vector> and <map>
and prints a Markdown table with the ratios, then links the ianaports TU as a PIE and reports
its .rodata, .rela.dyn and the number of dynamic relocations (size -A, readelf -r).
Time and memory come from /usr/bin/time (GNU time), as `time -v` reports them.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

IANAPORTS_TU = """#include <ianaports/ports.hpp>
int main(int argc, char**) { return ianaports::port_of(argc > 1 ? "http" : "https").value_or(0); }
"""
BASELINE_TU = """#include <iostream>
#include <map>
#include <string>
#include <vector>
int main() {
  std::map<std::string, std::vector<int>> m{{"a", {1}}};
  std::cout << m["a"][0] << "\\n";
}
"""


def timed_compile(compiler, source, flags, output):
    """(seconds, peak KB) of one compile, from GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", compiler, *flags, "-c", source, "-o", output],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"compile failed: {compiler} {source}\n{result.stderr}")
    seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes)


def sections(binary):
    sizes = {}
    for line in subprocess.run(["size", "-A", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("."):
            sizes[parts[0]] = int(parts[1])
    relocations = subprocess.run(["readelf", "-r", binary], capture_output=True, text=True, check=True).stdout
    count = sum(int(n) for n in re.findall(r"contains (\d+) entr", relocations))
    return sizes, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-I", dest="include", action="append", required=True)
    parser.add_argument("--compilers", nargs="+", default=["g++", "clang++"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--std", default="c++17")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        sources = {}
        for name, text in (("ianaports", IANAPORTS_TU), ("baseline", BASELINE_TU)):
            sources[name] = os.path.join(work, name + ".cpp")
            with open(sources[name], "w") as f:
                f.write(text)
        flags = [f"-std={args.std}", "-O2", *("-I" + d for d in args.include)]
        print(f"| compiler | TU | time s (median of {args.runs}, min-max) | peak MB | time ratio | memory ratio |")
        print("|---|---|---|---|---|---|")
        for compiler in args.compilers:
            medians = {}
            for name, source in sources.items():
                runs = [timed_compile(compiler, source, flags, os.path.join(work, name + ".o")) for _ in range(args.runs)]
                seconds = [r[0] for r in runs]
                medians[name] = (statistics.median(seconds), statistics.median(r[1] for r in runs) / 1024)
                medians[name + "_range"] = (min(seconds), max(seconds))
            for name in ("ianaports", "baseline"):
                t, mb = medians[name]
                low, high = medians[name + "_range"]
                ratio_t = t / medians["baseline"][0]
                ratio_m = mb / medians["baseline"][1]
                print(f"| {compiler} | {name} | {t:.2f} ({low:.2f}-{high:.2f}) | {mb:.0f} | {ratio_t:.2f} | {ratio_m:.2f} |")

        binary = os.path.join(work, "ianaports_pie")
        subprocess.run([args.compilers[0], *flags, "-fPIE", "-pie", sources["ianaports"], "-o", binary], check=True)
        sizes, relocations = sections(binary)
        print()
        print(f"PIE linked with {args.compilers[0]} -O2: .rodata {sizes.get('.rodata', 0):,} bytes, "
              f".rela.dyn {sizes.get('.rela.dyn', 0):,} bytes, {relocations} relocations in all "
              f"(a program without ianaports has about 10)")


if __name__ == "__main__":
    main()
