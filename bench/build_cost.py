#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""What including ianaports costs a build: compile time, peak memory and binary sections.

    python3 bench/build_cost.py -I single_include            # the single header
    python3 bench/build_cost.py -I include -I build/gcc/generated/include

For each compiler (g++, clang++), compiles at -O2, --runs times each (median reported):
  ianaports  a TU that includes <ianaports/ports.hpp> and does one lookup
  std_only   the standard headers ports.hpp includes, and nothing of ianaports: the floor
  baseline   a TU that includes <iostream>, <string>, <vector> and <map>
  constexpr_walk_*  a static_assert over a loop on rows() reading one column of every row
and prints a Markdown table with the ratios (to the baseline, and to the one-lookup TU). Then it links two PIEs and reports their .rodata,
.rela.dyn and number of dynamic relocations (size -A, readelf -r): the one-lookup TU, a TU
that asks every query and reads every column, which links every table ("the full tables"), and
the same with every person of the directory (people.hpp) too.
With --module-compiler (a clang++ of C++20 modules, clang++-19 say), it also compiles the one-lookup
TU through `import ianaports;` against the same TU through the #include, in C++20 at -O2 with
that compiler, and the same pair with a static_assert (which the importing TU pays for in
constant evaluation): through the BMI as CMake's ianaports::module builds it (whose object file
holds the exported inline functions, -fmodules-codegen) and through a plain --precompile's. The
module's own build (modules/ianaports.cppm), once for all its importers, is reported apart.
For a lean build, point -I at tables generated with generate.py --omit/--protocols.
Time is each compile's wall time, to the microsecond; memory is the peak resident set of the
compiler's processes, as the kernel reports it to wait4 (what GNU time's %M reads too; its %e
counts whole hundredths of a second, coarse beside a compile of a few tenths).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

IANAPORTS_TU = """#include <ianaports/ports.hpp>
int main(int argc, char**) { return ianaports::port_of(argc > 1 ? "http" : "https").value_or(0); }
"""
EVERY_QUERY_TU = """#include <ianaports/records.hpp>
#include <cstddef>
#include <string_view>
namespace ip = ianaports;
static std::size_t read(const ip::record& r) {
  return r.service.size() + r.description.size() + r.assignee.size() + r.contact.size() +
         r.registered.size() + r.modified.size() + r.reference.size() + r.unauthorized_use.size() +
         r.notes.size() + (r.ports ? r.ports->first : 0u) + (r.service_code ? 1u : 0u);
}
int main(int argc, char** argv) {
  const std::string_view name = argc > 1 ? argv[1] : "http";
  const auto port = static_cast<std::uint16_t>(argc * 80);
  std::size_t sum = 0;
  for (const ip::record& r : ip::records()) sum += read(r);
  for (const ip::record& r : ip::by_name(name)) sum += read(r);
  for (const ip::protocol p : {ip::protocol::tcp, ip::protocol::sctp}) {
    for (const ip::record& r : ip::by_port(port, p)) sum += read(r);
    for (const ip::record& r : ip::by_range({port, 9000}, p)) sum += read(r);
    for (const ip::record& r : ip::by_protocol(p)) sum += read(r);
    sum += ip::port_of(name, p).value_or(0) + ip::name_of(port, p).size();
    sum += static_cast<std::size_t>(ip::status(port, p));
  }
  sum += static_cast<std::size_t>(ip::classify(port)) + ip::is_valid_service_name(name);
  return static_cast<int>(sum & 0x7F);
}
"""
# Whole-registry walks in constant evaluation, reading one column of each row through the row
# handles: the protocol as an optional (transport()), and as a test (holds_for()).
WALK_TRANSPORT_TU = """#include <ianaports/records.hpp>
#include <cstddef>
constexpr std::size_t tcp_rows() {
  std::size_t count = 0;
  for (const ianaports::row r : ianaports::rows()) {
    count += r.transport() == ianaports::protocol::tcp ? 1U : 0U;
  }
  return count;
}
static_assert(tcp_rows() == ianaports::by_protocol(ianaports::protocol::tcp).size());
int main() {}
"""
WALK_HOLDS_FOR_TU = """#include <ianaports/records.hpp>
#include <cstddef>
constexpr std::size_t rows_for_tcp() {
  std::size_t count = 0;
  for (const ianaports::row r : ianaports::rows()) {
    count += r.holds_for(ianaports::protocol::tcp) ? 1U : 0U;
  }
  return count;
}
static_assert(rows_for_tcp() >= ianaports::by_protocol(ianaports::protocol::tcp).size());
int main() {}
"""
STD_ONLY_TU = """#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
int main(int argc, char**) {
  const std::optional<std::uint16_t> port = argc > 1 ? std::optional<std::uint16_t>(80) : std::nullopt;
  return static_cast<int>(std::string_view("http").size()) + port.value_or(0);
}
"""
# The same, and every person of the directory (people.hpp): what people add to the full tables.
EVERY_QUERY_AND_PERSON_TU = EVERY_QUERY_TU.replace(
    "#include <ianaports/records.hpp>", "#include <ianaports/people.hpp>\n#include <ianaports/records.hpp>").replace(
    "  return static_cast<int>(sum & 0x7F);",
    "  for (const ip::person& p : ip::people()) {\n"
    "    sum += p.id.size() + p.name.size() + p.org.size() + p.uri.size() + p.updated.size();\n"
    "  }\n"
    "  sum += ip::person_of(name).has_value() ? 1u : 0u;\n"
    "  return static_cast<int>(sum & 0x7F);")
# One run-time lookup, through the module and through the header; and with a static_assert too,
# whose comparisons of an optional and a string_view need their headers in the importing TU.
IMPORT_TU = """import ianaports;
int main(int argc, char**) { return ianaports::port_of(argc > 1 ? "http" : "https").value_or(0); }
"""
STATIC_ASSERT_LINE = 'static_assert(ianaports::port_of("https") == 443 && ianaports::name_of(22) == "ssh");\n'
IMPORT_STATIC_ASSERT_TU = "#include <optional>\n#include <string_view>\n" + IMPORT_TU.replace(
    "int main", STATIC_ASSERT_LINE + "int main")
IANAPORTS_STATIC_ASSERT_TU = IANAPORTS_TU.replace("int main", STATIC_ASSERT_LINE + "int main")
MODULE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "modules", "ianaports.cppm")
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
    """(seconds, peak KB) of one compile."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen([compiler, *flags, "-c", source, "-o", output],
                                   stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"compile failed: {compiler} {source}\n{errors.read()}")
    return seconds, usage.ru_maxrss


def sections(binary):
    sizes = {}
    for line in subprocess.run(["size", "-A", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("."):
            sizes[parts[0]] = int(parts[1])
    relocations = subprocess.run(["readelf", "-r", binary], capture_output=True, text=True, check=True).stdout
    count = sum(int(n) for n in re.findall(r"contains (\d+) entr", relocations))
    return sizes, count


def median_compile(compiler, source, flags, output, runs):
    """(median seconds, median peak MB) of runs compiles."""
    measured = [timed_compile(compiler, source, flags, output) for _ in range(runs)]
    return statistics.median(m[0] for m in measured), statistics.median(m[1] for m in measured) / 1024


# The BMI as modules/CMakeLists.txt builds it with clang: the module's object file holds the
# inline functions it exports, and an importer calls them rather than compiling its own copies.
MODULE_CODEGEN = "-Xclang=-fmodules-codegen"


def import_against_include(compiler, includes, runs, work):
    """The table of --module-compiler: each TU through the import (the BMI as CMake builds it,
    and as a plain --precompile makes it) and through the #include, interleaved run by run, with
    the ratios; then the module's own build, once for all its importers, and the compiler's floor."""
    flags = ["-std=c++20", "-O2", *("-I" + d for d in includes)]
    precompile_flags = [*flags, "--precompile", "-x", "c++-module"]
    plain_bmi, cmake_bmi = os.path.join(work, "plain.pcm"), os.path.join(work, "cmake.pcm")
    precompile = median_compile(compiler, MODULE, precompile_flags, plain_bmi, runs)
    precompile_codegen = median_compile(compiler, MODULE, [*precompile_flags, MODULE_CODEGEN], cmake_bmi, runs)
    module_object = median_compile(compiler, cmake_bmi, ["-O2"], os.path.join(work, "module.o"), runs)
    variants = (("include", flags), ("import, CMake's BMI", [*flags, f"-fmodule-file=ianaports={cmake_bmi}"]),
                ("import, plain BMI", [*flags, f"-fmodule-file=ianaports={plain_bmi}"]))
    pairs = (("one lookup", IMPORT_TU, IANAPORTS_TU), ("one lookup and a static_assert", IMPORT_STATIC_ASSERT_TU,
                                                       IANAPORTS_STATIC_ASSERT_TU))
    print()
    print(f"| {compiler}, -std=c++20 -O2 | through import s | peak MB | through #include s | peak MB |"
          " import ÷ include (time) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, imported, included in pairs:
        runs_of = {kind: [] for kind, _ in variants}
        for kind, _ in variants:
            with open(os.path.join(work, f"{kind}.cpp"), "w") as f:
                f.write(included if kind == "include" else imported)
        for _ in range(runs):
            for kind, kind_flags in variants:
                runs_of[kind].append(timed_compile(compiler, os.path.join(work, f"{kind}.cpp"), kind_flags,
                                                   os.path.join(work, "tu.o")))
        t = {kind: statistics.median(r[0] for r in measured) for kind, measured in runs_of.items()}
        mb = {kind: statistics.median(r[1] for r in measured) / 1024 for kind, measured in runs_of.items()}
        for kind in ("import, CMake's BMI", "import, plain BMI"):
            print(f"| {label} ({kind}) | {t[kind]:.2f} | {mb[kind]:.0f} | {t['include']:.2f} | {mb['include']:.0f} |"
                  f" {t[kind] / t['include']:.2f} |")
    empty = os.path.join(work, "empty.cpp")
    with open(empty, "w") as f:
        f.write("int main() {}\n")
    floor = median_compile(compiler, empty, flags, os.path.join(work, "empty.o"), runs)
    print(f"| the module's plain precompile, once a build | {precompile[0]:.2f} | {precompile[1]:.0f} | | | |")
    print(f"| CMake's: the precompile, then the module's object | {precompile_codegen[0]:.2f} +"
          f" {module_object[0]:.2f} | {max(precompile_codegen[1], module_object[1]):.0f} | | | |")
    print(f"| an empty TU, the compiler's floor | {floor[0]:.2f} | {floor[1]:.0f} | | | |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-I", dest="include", action="append", required=True)
    parser.add_argument("--compilers", nargs="+", default=["g++", "clang++"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--std", default="c++17")
    parser.add_argument("--module-compiler", help="a clang++ of C++20 modules: import against #include")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        sources = {}
        tus = (("ianaports", IANAPORTS_TU), ("std_only", STD_ONLY_TU), ("baseline", BASELINE_TU),
               ("constexpr_walk_transport", WALK_TRANSPORT_TU),
               ("constexpr_walk_holds_for", WALK_HOLDS_FOR_TU))
        for name, text in tus:
            sources[name] = os.path.join(work, name + ".cpp")
            with open(sources[name], "w") as f:
                f.write(text)
        flags = [f"-std={args.std}", "-O2", *("-I" + d for d in args.include)]
        print(f"| compiler | TU | time s (median of {args.runs}, min-max) | peak MB | time ratio |"
              " memory ratio | time ÷ one lookup |")
        print("|---|---|---|---|---|---|---|")
        for compiler in args.compilers:
            medians = {}
            # Interleaved, a run of every TU at a time, so that the machine's drift over the
            # minutes this takes falls on every TU alike and leaves the ratios alone.
            runs_of = {name: [] for name in sources}
            for _ in range(args.runs):
                for name, source in sources.items():
                    runs_of[name].append(timed_compile(compiler, source, flags, os.path.join(work, name + ".o")))
            for name, runs in runs_of.items():
                seconds = [r[0] for r in runs]
                medians[name] = (statistics.median(seconds), statistics.median(r[1] for r in runs) / 1024)
                medians[name + "_range"] = (min(seconds), max(seconds))
            for name, _ in tus:
                t, mb = medians[name]
                low, high = medians[name + "_range"]
                ratio_t = t / medians["baseline"][0]
                ratio_m = mb / medians["baseline"][1]
                print(f"| {compiler} | {name} | {t:.3f} ({low:.3f}-{high:.3f}) | {mb:.0f} | {ratio_t:.3f} |"
                      f" {ratio_m:.2f} | {t / medians['ianaports'][0]:.2f} |")

        every_query = os.path.join(work, "every_query.cpp")
        with open(every_query, "w") as f:
            f.write(EVERY_QUERY_TU)
        every_person = os.path.join(work, "every_person.cpp")
        with open(every_person, "w") as f:
            f.write(EVERY_QUERY_AND_PERSON_TU)
        print()
        print(f"| PIE, {args.compilers[0]} -O2 | .rodata bytes | .rela.dyn bytes | dynamic relocations |")
        print("|---|---:|---:|---:|")
        for label, source in (("one lookup", sources["ianaports"]), ("every query (full tables)", every_query),
                              ("every query and every person (people.hpp)", every_person)):
            binary = os.path.join(work, "pie")
            subprocess.run([args.compilers[0], *flags, "-fPIE", "-pie", source, "-o", binary], check=True)
            sizes, relocations = sections(binary)
            print(f"| {label} | {sizes.get('.rodata', 0):,} | {sizes.get('.rela.dyn', 0):,} | {relocations} |")
        print()
        print("(A program without ianaports has about 10 dynamic relocations.)")
        if args.module_compiler:
            import_against_include(args.module_compiler, args.include, args.runs, work)


if __name__ == "__main__":
    main()
