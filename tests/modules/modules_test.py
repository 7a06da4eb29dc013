#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""`import ianaports;` as the manual shows it, with the compiler of the test's build.

    modules_test.py snippets SOURCE_DIR --compiler clang++-19 -I DIR [-I DIR...]
    modules_test.py session SOURCE_DIR --compiler clang++-16

snippets: the module interface unit (modules/ianaports.cppm) is precompiled with plain compiler
commands against the -I folders, then every C++ snippet of the README and the manual that the
module covers is compiled with `import ianaports;` in place of its #include lines, and run. The
headers the module leaves out (the printing headers, the C header) keep their snippets out, each
counted. An importing TU includes <optional> and <string_view> itself, as the README says: the
operators of those types come with their headers, not through the import.

session: the README's `<!-- test: import -->` session, each `$ COMMAND` run as written (the
compiler named there replaced by --compiler) in a scratch folder holding the source tree's
single_include/, modules/ and examples/, must print what the README shows under it.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from api_reference_test import headers_the_module_reads  # noqa: E402
from docs_test import WARNINGS, blocks, build_and_run, pages  # noqa: E402

INCLUDE = re.compile(r'^#include [<"]ianaports/([\w.]+)[>"][^\n]*\n', re.M)
# The compiler the README's session names, which --compiler replaces.
SESSION_COMPILER = "clang++-19"


def module_headers(args) -> set:
    """The public headers the module's global module fragment reads: the module exports their
    names."""
    return headers_the_module_reads(args.compiler, args.include,
                                    os.path.join(args.source_dir, "modules", "ianaports.cppm"))


def importing(code: str, headers: set):
    """The snippet with `import ianaports;` for its #include lines of ianaports' headers, or None
    when it includes a header the module leaves out."""
    if any(header not in headers for header in INCLUDE.findall(code)):
        return None
    code = INCLUDE.sub("", code)
    standard = "#include <optional>\n#include <string_view>\n"
    last_include = list(re.finditer(r"^#include .*\n", code, re.M))
    at = last_include[-1].end() if last_include else 0
    return standard + code[:at] + "\nimport ianaports;\n\n" + code[at:]


def check_snippets(args) -> int:
    flags = ["-std=c++20", *WARNINGS, *("-I" + d for d in args.include)]
    texts = pages(args.source_dir)
    headers = module_headers(args)
    if "ports.hpp" not in headers:
        print(f"the module's headers were not read: {sorted(headers)}")
        return 1
    snippets, left_out = [], 0
    for page, text in texts.items():
        for code in blocks(text, "cpp"):
            rewritten = importing(code, headers)
            if rewritten is None:
                left_out += 1
            else:
                snippets.append((page, rewritten))
    if len(snippets) < 5:
        print(f"only {len(snippets)} snippets the module covers were found")
        return 1
    with tempfile.TemporaryDirectory() as work:
        bmi = os.path.join(work, "ianaports.pcm")
        module = os.path.join(args.source_dir, "modules", "ianaports.cppm")
        built = subprocess.run([args.compiler, *flags, "--precompile", "-x", "c++-module", module, "-o", bmi],
                               capture_output=True, text=True)
        if built.returncode != 0:
            print(f"{args.compiler} could not precompile {module}:\n{built.stderr}")
            return 1
        failures = build_and_run(snippets, "cpp", [], "", lambda code, source, binary: [
            args.compiler, *flags, f"-fmodule-file=ianaports={bmi}", source, bmi, "-o", binary])
    print(f"{len(snippets) - failures} of {len(snippets)} snippets compile and run through import ianaports;"
          f" {left_out} left out (they include a header the module does not cover)")
    return 1 if failures else 0


def check_session(args) -> int:
    readme = pages(args.source_dir)["README.md"]
    session = re.search(r"<!-- test: import -->\n```console\n(.*?)```", readme, re.S)
    if not session:
        print("the README has no <!-- test: import --> console block")
        return 1
    steps = re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", session.group(1), re.M)
    if not any(SESSION_COMPILER in command for command, _ in steps):
        print(f"the README's import session does not name {SESSION_COMPILER}")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for folder in ("single_include", "modules", "examples"):
            os.symlink(os.path.join(os.path.abspath(args.source_dir), folder), os.path.join(work, folder))
        for command, shown in steps:
            command = command.replace(SESSION_COMPILER, shlex.quote(args.compiler))
            ran = subprocess.run(command, shell=True, cwd=work, capture_output=True, text=True)
            if ran.returncode != 0 or ran.stdout != shown:
                failures += 1
                print(f"$ {command}\nexit {ran.returncode}; the README shows:\n{shown}but it prints:\n"
                      f"{ran.stdout}{ran.stderr}")
            else:
                print(f"$ {command}: as shown")
    print(f"{len(steps) - failures} of {len(steps)} commands as the README shows them ({args.compiler})")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("check", choices=("snippets", "session"))
    parser.add_argument("source_dir", help="the source tree: its README.md, docs/ and modules/")
    parser.add_argument("--compiler", required=True, help="a clang++ of C++20 modules (16 or newer)")
    parser.add_argument("-I", dest="include", action="append", default=[], help="the headers and tables")
    args = parser.parse_args()
    return check_snippets(args) if args.check == "snippets" else check_session(args)


if __name__ == "__main__":
    sys.exit(main())
