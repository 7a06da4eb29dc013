#!/usr/bin/env python3
"""Generate ianaports' constexpr tables from IANA's service-names-port-numbers.xml.

    python3 codegen/generate.py --registry registry/service-names-port-numbers.xml --output build/gen

writes build/gen/ianaports/detail/registry_tables.hpp. The output depends on the registry's
bytes alone (fixed seeds, no clock, no hash randomisation), and is replaced atomically: on any
error the previous file stays as it was. Errors are printed as `file:line: problem`, exit 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from typing import FrozenSet, List, Tuple

sys.dont_write_bytecode = True  # keep the source tree clean when run from the build

import cpp_emit  # noqa: E402
import tables  # noqa: E402
from registry_xml import PROTOCOLS, Registry, RegistryError, read_registry  # noqa: E402

TABLES_HEADER = os.path.join("ianaports", "detail", "registry_tables.hpp")


def write_atomically(path: str, text: str) -> None:
    """Write text to path by rename, so readers see the old file or the new one, never half."""
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".hpp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a header is for everyone
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def generate(registry_path: str, omit: FrozenSet[str] = frozenset(),
             protocols: Tuple[str, ...] = PROTOCOLS) -> Tuple[str, Registry]:
    """The tables header's text, and the registry it was made from."""
    registry = read_registry(registry_path)
    layout = tables.build(registry, omit, protocols)
    text = cpp_emit.render(layout, updated=registry.updated, source_name=os.path.basename(registry_path),
                           sha256=registry.sha256)
    return text, registry


def _choices(parser: argparse.ArgumentParser, option: str, value: str,
             allowed: Tuple[str, ...]) -> List[str]:
    """A comma- or semicolon-separated list (CMake passes lists with ';'), each item allowed."""
    items = [item for item in value.replace(";", ",").split(",") if item]
    for item in items:
        if item not in allowed:
            parser.error(f"{option}: unknown {item!r}; choose from {', '.join(allowed)}")
    return items


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", required=True, help="the registry XML file")
    parser.add_argument("--output", required=True,
                        help="include directory to write ianaports/detail/registry_tables.hpp into")
    parser.add_argument("--omit", default="", metavar="GROUP,...",
                        help="leave these columns out; they then read \"\": "
                             + ", ".join(tables.COLUMN_GROUPS) + " (a lean build)")
    parser.add_argument("--protocols", default=",".join(PROTOCOLS), metavar="PROTOCOL,...",
                        help="keep only the rows for these protocols, and the rows that hold for"
                             " every protocol (default: all four)")
    args = parser.parse_args(argv)
    omit = _choices(parser, "--omit", args.omit, tuple(tables.COLUMN_GROUPS))
    protocols = _choices(parser, "--protocols", args.protocols, PROTOCOLS)
    try:
        text, _ = generate(args.registry, frozenset(omit), tuple(protocols))
    except RegistryError as error:
        print(f"{args.registry}:{error.line}: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{args.registry}: {error.strerror}", file=sys.stderr)
        return 1
    try:
        write_atomically(os.path.join(args.output, TABLES_HEADER), text)
    except OSError as error:
        print(f"{args.output}: cannot write {TABLES_HEADER}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
