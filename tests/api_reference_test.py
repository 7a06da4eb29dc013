#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The API reference (docs/api.md) cannot drift from the headers: every public declaration of
include/ianaports/*.hpp has its entry, and every entry names a declaration that exists; and
every name of the C header, ianaports.h, is in the C API's (docs/c-api.md); and the module
(modules/ianaports.cppm) exports every public name of the headers it reads, and nothing else.

    api_reference_test.py SOURCE_DIR --compiler clang++ -I GENERATED_INCLUDE_DIR

The declarations are clang's, not a reading of the text: a translation unit including every
public header is parsed with -ast-dump=json, and what namespace ianaports declares in those
headers is kept, the detail namespaces, private and implicit members, constructors, member
operators and an iterator's standard member types left out (they are named by their class's
entry). An entry is a third-level heading holding the name in a code span (### `port_of`); a
member or an enumerator is named, as a word, in its class's or enumeration's entry.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from typing import Dict, Iterator, List, Optional, Set, Tuple

# An iterator's standard member types: what every iterator has, not this API's own names.
ITERATOR_TYPES = {"value_type", "reference", "pointer", "difference_type", "iterator_category",
                  "iterator_concept"}
KEPT_KINDS = {"FunctionDecl", "FunctionTemplateDecl", "CXXMethodDecl", "VarDecl", "FieldDecl",
              "CXXRecordDecl", "ClassTemplateDecl", "EnumDecl", "EnumConstantDecl", "TypeAliasDecl",
              "TypedefDecl"}


def ast_of(source_dir: str, compiler: str, includes: List[str]) -> Iterator[dict]:
    """clang's AST of every public header, as the JSON objects of what namespace ianaports holds."""
    public = os.path.join(source_dir, "include", "ianaports")
    headers = sorted(name for name in os.listdir(public) if name.endswith(".hpp"))
    lines = []
    for name in headers:
        if name == "fmt.hpp":  # {fmt}'s integration, where {fmt} is installed
            lines += ["#if __has_include(<fmt/format.h>)", f"#include <ianaports/{name}>", "#endif"]
        else:
            lines.append(f"#include <ianaports/{name}>")
    with tempfile.TemporaryDirectory() as work:
        tu = os.path.join(work, "every_header.cpp")
        with open(tu, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        dumped = subprocess.run([compiler, "-std=c++20", "-fsyntax-only", "-Xclang", "-ast-dump=json",
                                 "-Xclang", "-ast-dump-filter=ianaports",
                                 "-I", os.path.join(source_dir, "include"), *("-I" + d for d in includes), tu],
                                capture_output=True, text=True)
    if dumped.returncode != 0:
        sys.exit(f"{compiler} could not parse the public headers:\n{dumped.stderr}")
    decoder = json.JSONDecoder()
    text, at = dumped.stdout, 0
    while True:
        at = text.find("{", at)
        if at < 0:
            return
        node, at = decoder.raw_decode(text, at)
        yield node


class Walker:
    """Collects the public declarations, as paths inside ianaports ("row", "service"). clang's JSON
    names a location's file only when it differs from the last location written, so the walk
    follows every location in the order they were written."""

    def __init__(self, public_dir: str):
        self.public_dir = public_dir + os.sep
        self.file: Optional[str] = None
        self.found: Set[Tuple[str, ...]] = set()
        self.header_of: Dict[Tuple[str, ...], str] = {}  # each declaration's public header

    def _follow(self, location: dict) -> Optional[str]:
        """Reads a location (a bare one, or spelling and expansion); returns the spelling's file."""
        if "spellingLoc" in location:
            spelled = self._follow(location["spellingLoc"])
            self._follow(location["expansionLoc"])
            return spelled
        self.file = location.get("file", self.file)
        return self.file

    def _is_public_file(self, path: Optional[str]) -> bool:
        return bool(path) and path.startswith(self.public_dir) and os.sep not in path[len(self.public_dir):]

    def walk(self, node: dict, scope: Optional[Tuple[str, ...]], public: bool = True) -> None:
        """scope: the path inside ianaports, or None outside it (or in what is not public)."""
        declared_in = self._follow(node.get("loc", {}))
        for end in ("begin", "end"):
            self._follow(node.get("range", {}).get(end, {}))
        kind, name = node.get("kind"), node.get("name", "")
        if node.get("isImplicit"):
            return
        if kind == "NamespaceDecl":
            if scope is None and name == "ianaports":
                inner: Optional[Tuple[str, ...]] = ()
            elif scope is None or name == "detail":
                inner = None
            else:
                inner = scope if node.get("isInline") else scope + (name,)
            self._walk_all(node, inner)
            return
        keep = (scope is not None and public and name and kind in KEPT_KINDS
                and self._is_public_file(declared_in)
                and not (kind == "CXXMethodDecl" and not scope)  # a member defined out of its class
                and not (scope and kind == "CXXMethodDecl" and name.startswith("operator"))
                and not (scope and name in ITERATOR_TYPES))
        if keep:
            self.found.add(scope + (name,))
            self.header_of.setdefault(scope + (name,), os.path.basename(declared_in or ""))
        if kind in ("CXXRecordDecl", "EnumDecl") and keep:
            access = "private" if node.get("tagUsed") == "class" else "public"
            for child in node.get("inner", []):
                if child.get("kind") == "AccessSpecDecl":
                    access = child.get("access", access)
                self.walk(child, scope + (name,), access == "public")
        elif kind == "ClassTemplateDecl" and keep:
            for child in node.get("inner", []):
                self.walk(child, scope, public)
        else:
            self._walk_all(node, None)

    def _walk_all(self, node: dict, scope: Optional[Tuple[str, ...]]) -> None:
        for child in node.get("inner", []):
            self.walk(child, scope)


def entries(reference: str) -> Dict[str, str]:
    """Each code span of a ### heading, with its entry's text (to the next heading)."""
    found: Dict[str, str] = {}
    parts = re.split(r"^(#{1,3} .*)$", reference, flags=re.M)
    for heading, body in zip(parts[1::2], parts[2::2]):
        if heading.startswith("### "):
            for name in re.findall(r"`([^`]+)`", heading):
                found[name] = body
    return found


def named_in(text: str, name: str) -> bool:
    if not re.match(r"\w", name):
        return name in text
    return re.search(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text) is not None


def c_api_problems(source_dir: str) -> List[str]:
    """Every name ianaports.h declares (its functions, types, enumerators and the row's fields)
    is named in docs/c-api.md."""
    with open(os.path.join(source_dir, "include", "ianaports", "ianaports.h"), encoding="utf-8") as f:
        header = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)  # the names, not the comments
    names = set(re.findall(r"\b(?:ianaports|IANAPORTS)_\w+", header)) - {"IANAPORTS_H", "IANAPORTS_C_ENUM"}
    body = header[header.index("typedef struct ianaports_row_info"):]
    names |= set(re.findall(r"^\s+(?:int|unsigned(?: long)?|ianaports_record_source) (\w+);", body[:body.index("}")],
                            re.M))
    with open(os.path.join(source_dir, "docs", "c-api.md"), encoding="utf-8") as f:
        manual = f.read()
    missing = sorted(name for name in names if not name.endswith("_") and not named_in(manual, name))
    problems = [f"ianaports.h: {name} is not in docs/c-api.md" for name in missing]
    if len(names) < 40:
        problems.append(f"ianaports.h's names were not read: {sorted(names)}")
    return problems


def headers_the_module_reads(compiler: str, includes: List[str], module: str) -> Set[str]:
    """The public headers (a folder ianaports/ of an include folder) that the module interface
    unit reads, as the compiler finds them (ports.hpp brings port_types.hpp, records.hpp types.hpp...): their names."""
    deps = subprocess.run([compiler, "-std=c++20", "-x", "c++", "-M", *("-I" + d for d in includes), module],
                          capture_output=True, text=True, check=True).stdout
    public = {os.path.realpath(os.path.join(d, "ianaports")) for d in includes}
    return {os.path.basename(path) for path in deps.replace("\\\n", " ").split()
            if os.path.realpath(os.path.dirname(path)) in public}


def module_problems(source_dir: str, compiler: str, includes: List[str], walker: Walker) -> List[str]:
    """The module exports (export using) every namespace-scope name, and every literal, that the
    public headers its global module fragment reads declare; and names nothing else."""
    module = os.path.join(source_dir, "modules", "ianaports.cppm")
    with open(module, encoding="utf-8") as f:
        exported = set(re.findall(r"^using ianaports::((?:literals::)?[\w\"]+);", f.read(), re.M))
    try:
        read = headers_the_module_reads(compiler, [os.path.join(source_dir, "include"), *includes], module)
    except subprocess.CalledProcessError as error:
        return [f"{compiler} could not read the module's headers:\n{error.stderr}"]
    expected = {"::".join(path) for path in walker.found
                if (len(path) == 1 or path[0] == "literals") and walker.header_of.get(path) in read}
    problems = [f"modules/ianaports.cppm does not export {name} ({walker.header_of[tuple(name.split('::'))]})"
                for name in sorted(expected - exported)]
    problems += [f"modules/ianaports.cppm exports {name}, which no header it reads declares"
                 for name in sorted(exported - expected)]
    if len(read) < 3 or len(exported) < 40:
        problems.append(f"the module's headers or exports were not read: {sorted(read)}, {len(exported)} names")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source_dir")
    parser.add_argument("--compiler", required=True, help="a clang++, whose AST is read")
    parser.add_argument("-I", dest="include", action="append", default=[], help="the generated tables")
    args = parser.parse_args()
    walker = Walker(os.path.realpath(os.path.join(args.source_dir, "include", "ianaports")))
    for node in ast_of(os.path.realpath(args.source_dir), args.compiler, args.include):
        walker.walk(node, None)
    with open(os.path.join(args.source_dir, "docs", "api.md"), encoding="utf-8") as f:
        documented = entries(f.read())

    problems = []
    tops = {path[0] for path in walker.found}
    if len(walker.found) < 50 or not {"port_of", "row", "protocol"} <= tops:
        problems.append(f"the headers' declarations were not read: {sorted(walker.found)}")
    for path in sorted(walker.found):
        name = "::".join(path)
        if len(path) == 1 and path[0] not in documented:
            problems.append(f"{name}: no entry (a heading ### `{name}`)")
        elif len(path) > 1:
            owner = next((documented[part] for part in reversed(path[:-1]) if part in documented), None)
            if owner is None:
                problems.append(f"{name}: no entry for {'::'.join(path[:-1])}")
            elif not named_in(owner, path[-1]):
                problems.append(f"{name}: not named in the entry of {'::'.join(path[:-1])}")
    for name in sorted(set(documented) - tops):
        problems.append(f"docs/api.md has an entry for {name}, which no public header declares")
    problems += c_api_problems(args.source_dir)
    problems += module_problems(args.source_dir, args.compiler, args.include, walker)
    for problem in problems:
        print(problem)
    print(f"{len(walker.found)} public declarations of the C++ headers, the C header's names,"
          f" the module's exports; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
