#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Generate ianaports' constexpr tables from IANA's service-names-port-numbers.xml.

    python3 codegen/generate.py --registry registry/service-names-port-numbers.xml --output build/gen

writes build/gen/ianaports/detail/registry_tables.hpp (or, with --header FILE, that file), and
beside it registry_people.hpp, the people directory's tables, which only ianaports/people.hpp
reads. The output depends on the registry's bytes alone (fixed seeds, no clock, no hash
randomisation), and the files are replaced atomically: on any error the previous ones stay as
they were. (Both are on disk before either is renamed; a people header that is not its tables'
is refused at compile time.) Errors are printed
as `file:line: problem`, exit 1. --depfile FILE lists what the header was made from (the
registry and the generator's own modules) for the build tool, in Make's syntax.

The header is dated as its newest input, not as now. A build tool that compares dates then
makes it again for any input newer than those it was made from, even a registry swapped in
after the generator last looked whose date is older than the header's would be.

Every input, the registry and each --local file, is read from a regular file, and must be the
file that was read when the header takes its place: one that changed is an error, and nothing
is written; one that changes in the instant after has the new header removed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import replace
from typing import FrozenSet, List, Optional, Sequence, Tuple, Union

sys.dont_write_bytecode = True  # keep the source tree clean when run from the build
if not __package__:  # run as a file (python3 codegen/generate.py): as the package's module, PEP 366
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    import codegen  # noqa: F401,E402  (the parent package, for the relative imports below)

    __package__ = "codegen"  # pylint: disable=redefined-builtin

from . import cpp_emit, local_services, tables, version  # noqa: E402
from .registry_model import (CHANGED_WHILE_READ, PROTOCOLS, FileIdentity, Registry,  # noqa: E402
                            RegistryError)
from .registry_xml import read_registry  # noqa: E402

TABLES_HEADER = os.path.join("ianaports", "detail", "registry_tables.hpp")
PEOPLE_HEADER_NAME = "registry_people.hpp"  # beside the tables' header, which it includes
# What --output writes under its folder (--describe says it, for the build tools).
OUTPUTS = (TABLES_HEADER, os.path.join(os.path.dirname(TABLES_HEADER), PEOPLE_HEADER_NAME))


def description() -> dict:
    """What the build tools ask of the generator before they run it (--describe prints it as
    JSON): the files --output writes, the tables' header first, and the values each option
    takes, so that CMake checks a setting when it is configured, with the generator's names."""
    return {"outputs": [path.replace(os.sep, "/") for path in OUTPUTS],
            "column_groups": list(tables.COLUMN_GROUPS), "protocols": list(PROTOCOLS),
            "indexes": list(tables.INDEXES), "local_conflicts": list(local_services.CONFLICT_MODES)}
CODEGEN_DIR = os.path.dirname(os.path.abspath(__file__))


def write_atomically(path: str, text: str, before_replace=None, mtime_ns: Optional[int] = None,
                     errors: str = "strict") -> None:
    """Write text to path by rename, so readers see the old file or the new one, never half.
    before_replace(), when given, runs once the new text is on disk and may raise to keep the
    old file. mtime_ns: the file's date, set before it takes path's place. errors: how
    characters UTF-8 cannot encode are written ("surrogateescape": a path's own bytes)."""
    write_all_atomically([(path, text)], before_replace, mtime_ns, errors)


def write_all_atomically(files: Sequence[Tuple[str, Union[str, bytes]]], before_replace=None,
                         mtime_ns: Optional[int] = None, errors: str = "strict") -> None:
    """write_atomically for several files at once: every new text is on disk, and
    before_replace() has passed, before the first takes its place; then each is renamed. Bytes
    are written as they are (a registry release), text as UTF-8."""
    temporaries: List[str] = []
    try:
        for path, text in files:
            directory = os.path.dirname(path)
            os.makedirs(directory or ".", exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=os.path.basename(path),
                                                 dir=directory or ".")
            temporaries.append(temporary)
            if isinstance(text, bytes):
                with os.fdopen(handle, "wb") as binary:
                    binary.write(text)
            else:
                with os.fdopen(handle, "w", encoding="utf-8", errors=errors, newline="\n") as out:
                    out.write(text)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a header is for everyone
            if mtime_ns is not None:
                os.utime(temporary, ns=(mtime_ns, mtime_ns))
        if before_replace is not None:
            before_replace()
        while temporaries:
            os.replace(temporaries[0], files[len(files) - len(temporaries)][0])
            temporaries.pop(0)
    except BaseException:
        for temporary in temporaries:
            os.unlink(temporary)
        raise


def generate(registry_path: str, omit: FrozenSet[str] = frozenset(),
             protocols: Tuple[str, ...] = PROTOCOLS, index: str = "fast",
             local_paths: Sequence[str] = ()) -> Tuple[Tuple[str, str], Registry, List[str]]:
    """The texts of the tables' header and of their people's, the registry they were made from
    (its local rows first), and the conflicts of the local services with the registry
    ("file:line: problem")."""
    registry = read_registry(registry_path)
    local_files = [local_services.read_local(path) for path in local_paths]
    merged = local_services.merge(registry, local_files)
    registry = replace(merged.registry, local_rows=merged.local_count)
    layout, people = tables.build(registry, omit, protocols, index)
    texts = cpp_emit.render(layout, people, updated=registry.updated, source_name=os.path.basename(registry_path),
                           sha256=registry.sha256, local_sources=local_services.describe(local_files))
    return texts, registry, merged.conflicts


def generator_files() -> List[str]:
    """The generator's own modules that this run loaded, and the version it names the tables
    with (config.hpp): the header depends on them too."""
    found = {os.path.abspath(__file__), os.path.abspath(version.CONFIG)}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path and os.path.abspath(path).startswith(CODEGEN_DIR + os.sep):
            found.add(os.path.abspath(path))
    return sorted(found)


def depfile_text(target: str, inputs: List[str]) -> str:
    """A Make-syntax dependency file, which Ninja and Meson read too: space, '#' and '$' escaped."""
    def escape(path: str) -> str:
        return path.replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")
    return escape(target) + ":" + "".join(" \\\n  " + escape(p) for p in inputs) + "\n"


class InputChanged(Exception):
    """An input is not the file its tables were made from: `path: problem`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


def first_changed(inputs: Sequence[Tuple[str, FileIdentity]]) -> Optional[str]:
    """The path of the first input that is not now the file that was read, else None."""
    return next((path for path, identity in inputs if FileIdentity.at(path) != identity), None)


def _choices(parser: argparse.ArgumentParser, option: str, value: str,
             allowed: Tuple[str, ...]) -> List[str]:
    """A comma- or semicolon-separated list (CMake passes lists with ';'), each item allowed."""
    items = [item for item in value.replace(";", ",").split(",") if item]
    for item in items:
        if item not in allowed:
            parser.error(f"{option}: unknown {item!r}; choose from {', '.join(allowed)}")
    return items


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="generate.py --describe [KEY] prints, as JSON (or KEY's values a"
                                            " line), the files --output writes under its folder (outputs) and"
                                            " the values of each option")
    parser.add_argument("--registry", required=True, help="the registry XML file")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--output", help="include directory to write " + TABLES_HEADER + " into")
    where.add_argument("--header", help="the header file to write (its folder is the caller's)")
    parser.add_argument("--depfile", help="write the header's inputs here, for the build tool")
    parser.add_argument("--omit", default="", metavar="GROUP,...",
                        help="leave these columns out; they then read \"\": "
                             + ", ".join(tables.COLUMN_GROUPS) + " (a lean build)")
    parser.add_argument("--protocols", default=",".join(PROTOCOLS), metavar="PROTOCOL,...",
                        help="keep only the rows for these protocols, and the rows that hold for"
                             " every protocol (default: all four)")
    parser.add_argument("--index", choices=("auto",) + tables.INDEXES, default="auto",
                        help="fast: name keys, port segments and direct answers; compact: none of"
                             " them, lookups search instead; auto (default): compact for a lean"
                             " build (--omit or --protocols), else fast")
    parser.add_argument("--local", action="append", default=[], metavar="FILE",
                        help="a file of your own services (services(5) or IANA's XML), set before"
                             " the registry's rows; repeatable")
    parser.add_argument("--local-conflicts", choices=local_services.CONFLICT_MODES, default="warn",
                        help="what a local service that conflicts with the registry does: warn"
                             " (default; printed, and the tables made), error (nothing made), ignore")
    return parser


def _made(args: argparse.Namespace, omit: List[str], protocols: List[str]
          ) -> Optional[Tuple[Tuple[str, str], Registry]]:
    """The headers' texts and the registry, with the local conflicts reported as asked; None
    (the problem printed) when nothing may be written."""
    index = args.index
    if index == "auto":
        index = "compact" if omit or set(protocols) != set(PROTOCOLS) else "fast"
    try:
        texts, registry, conflicts = generate(args.registry, frozenset(omit), tuple(protocols), index, args.local)
    except local_services.LocalError as error:
        print(error, file=sys.stderr)
        return None
    except RegistryError as error:
        print(error.located(args.registry), file=sys.stderr)
        return None
    except OSError as error:
        print(f"{args.registry}: {error.strerror}", file=sys.stderr)
        return None
    if args.local_conflicts != "ignore":
        for conflict in conflicts:
            print(conflict, file=sys.stderr)
    if conflicts and args.local_conflicts == "error":
        print(f"{len(conflicts)} local services conflict with the registry; nothing was written"
              " (--local-conflicts error)", file=sys.stderr)
        return None
    return texts, registry


def _write(args: argparse.Namespace, texts: Tuple[str, str], registry: Registry) -> int:
    """The depfile, then both headers, held to the rule every input is held to: the headers are
    made from files that are, when they take their place, those that were read."""
    header = args.header or os.path.join(args.output, TABLES_HEADER)
    people_header = os.path.join(os.path.dirname(header), PEOPLE_HEADER_NAME)
    read = [(args.registry, registry.identity)] + list(registry.local_files)

    def inputs_unchanged() -> None:
        changed = first_changed(read)
        if changed is not None:
            raise InputChanged(changed, CHANGED_WHILE_READ)

    modules = generator_files()
    inputs = [os.path.abspath(args.registry)] + [os.path.abspath(p) for p in args.local] + modules
    if args.depfile:
        # Before the header, so that a depfile that cannot be written leaves the header as it was.
        try:
            write_atomically(args.depfile, depfile_text(header, inputs), errors="surrogateescape")
        except OSError as error:
            print(f"{args.depfile}: cannot write the depfile: {error.strerror}", file=sys.stderr)
            return 1
    try:
        # The dates of the inputs as they were read: what the header is dated by is known
        # before it takes its place, so that after that nothing can fail but the check below.
        newest = max([identity.mtime_ns for _, identity in read]
                     + [os.stat(path).st_mtime_ns for path in modules])
        write_all_atomically([(people_header, texts[1]), (header, texts[0])],
                             before_replace=inputs_unchanged, mtime_ns=newest)
        changed = first_changed(read)
        if changed is not None:  # in the instant since the check before the replace
            # Too late to keep the earlier headers: the new ones, made from what the file was,
            # are removed rather than the earlier ones put back, which are as stale and whose
            # date a file swapped in with an older one would not make a build tool distrust.
            os.unlink(header)
            os.unlink(people_header)
            raise InputChanged(changed, "changed while the tables were made from it; their headers"
                                        " are removed (build again)")
    except InputChanged as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        where = f"{args.output}: cannot write {TABLES_HEADER}" if args.output else f"{header}: cannot write it"
        print(f"{where}: {error.strerror}", file=sys.stderr)
        return 1
    return 0


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--describe"] and len(argv) <= 2:
        described = description()
        # One key's values a line (for Meson, which reads no JSON), or all of it as JSON.
        print("\n".join(described[argv[1]]) if len(argv) == 2 else json.dumps(described))
        return 0
    parser = _parser()
    args = parser.parse_args(argv)
    if hasattr(sys.stderr, "reconfigure"):
        # A path that is not UTF-8 reaches us with its bytes as surrogates: messages print
        # those bytes back, as the user gave them.
        sys.stderr.reconfigure(errors="surrogateescape")
    omit = _choices(parser, "--omit", args.omit, tuple(tables.COLUMN_GROUPS))
    protocols = _choices(parser, "--protocols", args.protocols, PROTOCOLS)
    made = _made(args, omit, protocols)
    return 1 if made is None else _write(args, *made)

if __name__ == "__main__":
    sys.exit(main())
