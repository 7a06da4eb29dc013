#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The README and the manual (docs/*.md) stay true: each C++ snippet compiles warning-free and
runs, and the output shown after the Quick start command, in the portinfo session and in the
codegen/diff.py session is what those commands print.

    docs_test.py SOURCE_DIR --compiler g++ -I DIR [-I DIR...] --lookup PATH [--portinfo PATH]
                 [--cxxflags "FLAGS"] [--emulator ARG...] [--exe-suffix .exe]

--cxxflags are the build's own compiler flags (-stdlib=libc++, say); on a cross build,
--emulator (one argument each, CMake's CMAKE_CROSSCOMPILING_EMULATOR) runs what was built.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

WARNINGS = ["-Wall", "-Wextra", "-Wpedantic", "-Wconversion", "-Wshadow", "-Werror"]


def pages(source_dir: str):
    """The README, then the manual's pages by name, as .ci/run reads them: {path: text}."""
    docs = os.path.join(source_dir, "docs")
    paths = [os.path.join(source_dir, "README.md")]
    paths += [os.path.join(docs, name) for name in sorted(os.listdir(docs)) if name.endswith(".md")]
    read = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            read[os.path.relpath(path, source_dir)] = f.read()
    return read


def blocks(text: str, language: str):
    return re.findall(r"^```" + language + r"\n(.*?)^```", text, re.S | re.M)


def standard_of(code: str) -> str:
    """C++20 for what needs it (the literals, std::format), C++17 for the rest, as users write."""
    return "-std=c++20" if "literals" in code or "std::format" in code else "-std=c++17"


def check_session(text: str, marker: str, program: str, command: list, **run_options):
    """The console block after <!-- test: MARKER -->: each "$ PROGRAM ARGS" line, run as
    COMMAND ARGS, must print what follows it. Returns (commands run, failures), or (None, 0)
    when no page has such a block."""
    session = re.search(r"<!-- test: " + re.escape(marker) + r" -->\n```console\n(.*?)```", text, re.S)
    if not session:
        print(f"no {marker} in the README or docs/")
        return None, 0
    ran = failed = 0
    for arguments, shown in re.findall(r"^\$ " + re.escape(program) + r" (.*)\n((?:(?!\$ ).*\n)*)",
                                       session.group(1), re.M):
        ran += 1
        printed = subprocess.run([*command, *shlex.split(arguments)], capture_output=True, text=True,
                                 **run_options).stdout
        if printed != shown:
            failed += 1
            print(f"the manual shows for {program} {arguments}:\n{shown}but it prints:\n{printed}")
        else:
            print(f"{program} {arguments}: as shown")
    return ran, failed


def build_and_run(snippets, extension: str, emulator: list, exe_suffix: str, command_of) -> int:
    """Builds each (page, code) snippet with command_of(code, source, binary) and runs it: the
    number that fail to build or to run."""
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for number, (page, code) in enumerate(snippets, 1):
            source = os.path.join(work, f"snippet{number}.{extension}")
            binary = os.path.join(work, f"snippet{number}{exe_suffix}")
            with open(source, "w", encoding="utf-8") as f:
                f.write(code)
            command = command_of(code, source, binary)
            built = subprocess.run(command, capture_output=True, text=True)
            ran = subprocess.run([*emulator, binary], capture_output=True, text=True) if built.returncode == 0 else None
            if built.returncode != 0 or ran.returncode != 0:
                failures += 1
                print(f"{extension} snippet {number} ({page}) failed:\n{code}\n{built.stderr}{ran.stderr if ran else ''}")
            else:
                print(f"{extension} snippet {number} ({page}): compiles and runs ({command[1]})")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source_dir", help="the source tree: its README.md and docs/")
    parser.add_argument("--compiler", required=True)
    parser.add_argument("-I", dest="include", action="append", default=[])
    parser.add_argument("--lookup", required=True)
    parser.add_argument("--portinfo", help="check the README's portinfo session against this binary")
    parser.add_argument("--cxxflags", default="", help="more compiler flags, as one string")
    parser.add_argument("--emulator", action="append", default=[], help="runs the programs built")
    parser.add_argument("--exe-suffix", default="", help="the target's (\".exe\")")
    parser.add_argument("--c-compiler", help="compiles the C snippets, against --c-library")
    parser.add_argument("--c-library", help="libianaports, static (the C API's snippets link it)")
    parser.add_argument("--c-include", help="where ianaports.h is (include/: the single header has it not)")
    args = parser.parse_args()
    extra_flags = shlex.split(args.cxxflags)
    texts = pages(args.source_dir)
    readme = texts["README.md"]
    every_page = "\n".join(texts.values())

    failures = 0
    snippets = [(page, code) for page, text in texts.items() for code in blocks(text, "cpp")]
    if not snippets:
        print("no C++ snippets found in the README or docs/")
        return 1
    failures += build_and_run(snippets, "cpp", args.emulator, args.exe_suffix, lambda code, source, binary: [
        args.compiler, standard_of(code), *extra_flags, *WARNINGS, *("-I" + d for d in args.include),
        source, "-o", binary])
    # The C snippets (the C API's), C99 and strict, linked with the library by the C driver.
    c_snippets = [(page, code) for page, text in texts.items() for code in blocks(text, "c")]
    if args.c_compiler and args.c_library:
        failures += build_and_run(c_snippets, "c", args.emulator, args.exe_suffix, lambda code, source, binary: [
            args.c_compiler, "-std=c99", "-pedantic-errors", *WARNINGS,
            *("-I" + d for d in ([args.c_include] if args.c_include else args.include)),
            source, args.c_library, "-o", binary])
        snippets += c_snippets
    elif c_snippets:
        print(f"{len(c_snippets)} C snippets not compiled: no --c-compiler and --c-library")

    # The Quick start's last command and the output shown under it.
    quickstart = re.search(r"<!-- ci: quickstart -->\n```sh\n(.*?)```\s*```text\n(.*?)```", readme, re.S)
    if not quickstart:
        print("no quick start command followed by its output")
        return 1
    command_line = quickstart.group(1).strip().splitlines()[-1]
    lookup_args = command_line.split("lookup", 1)[1].split()
    shown = quickstart.group(2)
    printed = subprocess.run([*args.emulator, args.lookup, *lookup_args], capture_output=True, text=True).stdout
    if printed != shown:
        failures += 1
        print(f"the Quick start shows:\n{shown}but lookup {' '.join(lookup_args)} prints:\n{printed}")
    else:
        print("quick start output: as shown")
    checks = len(snippets) + 1
    if args.portinfo:
        ran, failed = check_session(every_page, "portinfo session", "portinfo",
                                    [*args.emulator, args.portinfo], env={**os.environ, "COLUMNS": "100"})
        if ran is None:
            return 1
        checks, failures = checks + ran, failures + failed
    # codegen/diff.py runs on the host (Python: no emulator), from the source tree.
    source_dir = os.path.abspath(args.source_dir)
    ran, failed = check_session(every_page, "diff session", "python3 codegen/diff.py",
                                [sys.executable, os.path.join(source_dir, "codegen", "diff.py")], cwd=source_dir)
    if ran is None:
        return 1
    checks, failures = checks + ran, failures + failed
    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
