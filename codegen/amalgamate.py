#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Write the single-header edition of ianaports: the lookups and the tables in one file.

    python3 codegen/amalgamate.py --registry registry/service-names-port-numbers.xml --output single_include

writes single_include/ianaports/ports.hpp, which needs nothing but a C++17 compiler: no
Python, no CMake, no other file. It is include/ianaports/ports.hpp with each of its own
"ianaports/..." includes replaced, once, by that file's text, and the generated tables in place
of ianaports/detail/registry_tables.hpp. Beside it go the opt-in headers (types.hpp and
records.hpp with the record and the rows, people.hpp with the people's generated tables,
services.hpp, ostream.hpp, fmt.hpp, format.hpp, and the detail headers they need) as they are,
but that they include ports.hpp for what it holds; and the vocabulary's own headers
(port_types.hpp, detail/config.hpp) whole too, though ports.hpp holds them, so that types.hpp
and port_types.hpp compile without the tables, as include/'s do. Code written against include/
compiles against either. A folder, not one header, so that a translation unit that
looks up ports parses neither the rows' code nor the people's tables (those a fifth of the
tables' text).
`--check` compares instead of writing, and exits 1 with the command to run when they differ.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Dict, Optional, Set, Tuple

sys.dont_write_bytecode = True
if not __package__:  # run as a file (python3 codegen/amalgamate.py): as the package's module, PEP 366
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    import codegen  # noqa: F401,E402  (the parent package, for the relative imports below)

    __package__ = "codegen"  # pylint: disable=redefined-builtin

from . import generate  # noqa: E402
from .cpp_emit import GENERATOR, identity_of, sanitize_comment  # noqa: E402
from .registry_model import RegistryError  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE_DIR = os.path.join(ROOT, "include")
TABLES = generate.TABLES_HEADER.replace(os.sep, "/")  # as the headers include it
PEOPLE_TABLES = TABLES.rsplit("/", 1)[0] + "/" + generate.PEOPLE_HEADER_NAME
_SPDX_LINE = re.compile(r"\A// SPDX-License-Identifier: [^\n]*\n")
_OWN_INCLUDE = re.compile(r'^#include "(ianaports/[^"]+)"[^\n]*$', re.M)


SINGLE_HEADER = "ianaports/ports.hpp"
# The headers beside it that it does not hold (the opt-in ones, and types.hpp), with the files
# they need.
COMPANIONS = ("ianaports/types.hpp", "ianaports/records.hpp", "ianaports/detail/records_impl.hpp",
              "ianaports/detail/tables/records.hpp",
              "ianaports/people.hpp", "ianaports/detail/tables/people.hpp", PEOPLE_TABLES, "ianaports/services.hpp",
              "ianaports/ostream.hpp", "ianaports/fmt.hpp", "ianaports/format.hpp",
              "ianaports/detail/text_form.hpp")
# Headers the single header holds that also go beside it whole, under the same guards, so that
# the vocabulary (types.hpp, port_types.hpp) compiles without the tables, as include/'s does: a
# library that passes records around in its own headers then brings no copy of the tables.
ALSO_APART = ("ianaports/detail/config.hpp", "ianaports/port_types.hpp")
COMMAND = ("python3 codegen/amalgamate.py --registry registry/service-names-port-numbers.xml"
           " --output single_include")


def _read_header(name: str, generated: Dict[str, str]) -> str:
    if name in generated:
        return _SPDX_LINE.sub("", generated[name], count=1)
    with open(os.path.join(INCLUDE_DIR, name), encoding="utf-8") as f:
        return _SPDX_LINE.sub("", f.read(), count=1)  # the banner carries it once for the file


def _single_header(generated: Dict[str, str]) -> Tuple[str, Set[str]]:
    """ports.hpp with its own includes replaced by their text, each once; and those headers."""
    seen: Set[str] = set()

    def expand(name: str) -> str:
        if name in seen:
            return ""
        seen.add(name)
        body = _OWN_INCLUDE.sub(lambda m: expand(m.group(1)).rstrip("\n"), _read_header(name, generated))
        return f"// ---- {name} ----\n{body}"

    # One guard around the whole file, named after its tables as theirs is: included again, the
    # file is skipped unread; a single header of other tables is read, and its tables refuse
    # to join these.
    guard = f"IANAPORTS_SINGLE_HEADER_{identity_of(generated[TABLES]).upper()}_HPP"
    return f"#ifndef {guard}\n#define {guard}\n\n{expand(SINGLE_HEADER)}\n#endif  // {guard}\n", seen


def _companion(name: str, in_single_header: Set[str], generated: Dict[str, str]) -> str:
    """An opt-in header as it is, but that what the single header holds is included from it
    (ALSO_APART's headers, which go beside it whole, as themselves)."""
    included = []

    def include(match) -> str:
        held = match.group(1) in in_single_header and match.group(1) not in ALSO_APART
        wanted = SINGLE_HEADER if held else match.group(1)
        if wanted in included:
            return ""
        included.append(wanted)
        return f'#include "{wanted}"' + ("  // the vocabulary and the tables" if wanted == SINGLE_HEADER else "")

    return f"// ---- {name} ----\n" + _OWN_INCLUDE.sub(include, _read_header(name, generated))


def _banner(header: str, registry_path: str, registry) -> str:
    what = ("the lookups and the IANA registry tables in one file" if header == SINGLE_HEADER
            else f"{header}, held by ianaports/ports.hpp and apart, without the tables" if header in ALSO_APART
            else f"{header}, opt-in, for use with ianaports/ports.hpp")
    return "\n".join([
        "// SPDX-License-Identifier: BSL-1.0",
        f"// ianaports, single-header edition: {what}.",
        "// The code is under the Boost Software License 1.0 (https://www.boost.org/LICENSE_1_0.txt);",
        "// the registry data is IANA's, in the public domain (CC0-1.0, https://www.iana.org/help/licensing-terms).",
        "//",
        f"// Generated by codegen/amalgamate.py from include/ianaports/ and the tables {GENERATOR}",
        f"// made from {sanitize_comment(os.path.basename(registry_path))} (registry updated"
        f" {sanitize_comment(registry.updated)},",
        f"// SHA-256 {registry.sha256}).",
        "// Do not edit: change the sources and run",
        "//   " + COMMAND,
        "",
    ])


def amalgamate(registry_path: str) -> Dict[str, str]:
    """Each header of the edition (a path under the output folder) and its text."""
    (tables_text, people_text), registry, _ = generate.generate(registry_path)
    generated = {TABLES: tables_text, PEOPLE_TABLES: people_text}
    single, in_single_header = _single_header(generated)
    headers = {SINGLE_HEADER: single}
    headers.update((name, _companion(name, in_single_header, generated)) for name in COMPANIONS + ALSO_APART)
    public = {"ianaports/" + f for f in os.listdir(os.path.join(INCLUDE_DIR, "ianaports")) if f.endswith(".hpp")}
    if public - headers.keys():
        raise RuntimeError(f"amalgamate: public headers the edition would not carry: {sorted(public - headers.keys())};"
                           " add each to COMPANIONS or ALSO_APART")
    return {name: _banner(name, registry_path, registry) + "\n" + text for name, text in headers.items()}


def _read(path: str) -> Optional[str]:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except OSError:
        return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", required=True, help="the registry XML file")
    parser.add_argument("--output", required=True, help="the folder to write ianaports/*.hpp into (or check)")
    parser.add_argument("--check", action="store_true", help="fail if --output is not up to date")
    args = parser.parse_args(argv)
    try:
        headers = amalgamate(args.registry)
    except RegistryError as error:
        print(error.located(args.registry), file=sys.stderr)
        return 1
    for header, text in headers.items():
        path = os.path.join(args.output, header)
        if not args.check:
            generate.write_atomically(path, text)
        elif _read(path) != text:
            print(f"{sanitize_comment(path)} is out of date with include/ and the registry."
                  f" Regenerate it with:\n  {COMMAND}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
