#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The generated header and the C++ readers check each other: a drift fails the build, saying so.

    drift_test.py --compiler c++ [--cxxflags "FLAGS"] --registry small.xml

Generates tables from the registry, then compiles a translation unit against them as they are
(it must compile: the harness works) and against copies each doctored as a drift between the
generator and the readers would leave them: the protocols in another order, a name the hash
places elsewhere, a port in another segment, another release's generator. Each copy must fail with the message that names
its drift.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GENERATE = os.path.join(ROOT, "codegen", "generate.py")
sys.path.insert(0, ROOT)  # the generator, as the package codegen
from codegen.generate import TABLES_HEADER  # noqa: E402

TU = '#include <ianaports/ports.hpp>\nint main() { return ianaports::port_of("x").has_value() ? 1 : 0; }\n'


def first_byte_bumped(header: str, table: str) -> str:
    """The header with the first byte of table's literal one higher."""
    match = re.search(r'(struct %s_bytes \{\n  IANAPORTS_TABLE_ROW_BEGIN\(, row, std::size_t\)\n'
                      r'      ")(\\[0-7]{1,3}|[^\\"])' % table, header)
    if not match:
        raise SystemExit(f"no table {table} in the generated header")
    byte = match.group(2)
    value = int(byte[1:], 8) if byte.startswith("\\") else ord(byte)
    return header[:match.start(2)] + "\\%03o" % ((value + 1) % 256) + header[match.end(2):]


DRIFTS = {
    "the protocols in another order": (
        lambda h: h.replace("protocol_udp = 1;", "protocol_udp = 2;").replace("protocol_sctp = 2;", "protocol_sctp = 1;"),
        "order the protocols unlike enum class protocol"),
    "a name the hash places elsewhere": (
        lambda h: first_byte_bumped(h, "name_sample_slot"),
        "does not find names where codegen/perfect_hash.py"),
    "tables of another release's generator": (
        lambda h: h.replace("generator_version_patch = ", "generator_version_patch = 1"),
        "were made by another release's codegen/"),
    "a port in another segment": (
        lambda h: first_byte_bumped(h, "port_sample_segment"),
        "does not find ports in the segments"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--cxxflags", default="")
    parser.add_argument("--registry", required=True)
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ianaports-drift-") as work:
        subprocess.run([sys.executable, GENERATE, "--registry", args.registry, "--output",
                        os.path.join(work, "good")], check=True)
        with open(os.path.join(work, "good", TABLES_HEADER), encoding="utf-8") as f:
            good = f.read()
        source = os.path.join(work, "tu.cpp")
        with open(source, "w", encoding="utf-8") as f:
            f.write(TU)
        cases = {"as generated": (lambda h: h, None), **DRIFTS}
        for number, (name, (doctor, message)) in enumerate(cases.items()):
            folder = os.path.join(work, f"case{number}")
            os.makedirs(os.path.dirname(os.path.join(folder, TABLES_HEADER)))
            with open(os.path.join(folder, TABLES_HEADER), "w", encoding="utf-8") as f:
                f.write(doctor(good))
            done = subprocess.run([args.compiler, "-std=c++17", "-fsyntax-only", *shlex.split(args.cxxflags),
                                   "-I", os.path.join(ROOT, "include"), "-I", folder, source],
                                  capture_output=True, text=True)
            said = done.stdout + done.stderr
            ok = done.returncode == 0 if message is None else done.returncode != 0 and message in said
            print(f"{name}: {'as expected' if ok else 'NOT as expected'}")
            if not ok:
                failures += 1
                print(said[-3000:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
