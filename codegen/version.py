#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Print ianaports' version, MAJOR.MINOR.PATCH, as include/ianaports/detail/config.hpp defines
it (the one version source; CMakeLists.txt reads the same three lines). meson.build asks it."""

import os
import re
import sys

CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include", "ianaports",
                      "detail", "config.hpp")


def parse_version(text: str) -> tuple:
    """(MAJOR, MINOR, PATCH) as integers, from the text of a config.hpp (the file's, or a
    commit's: packaging/dist.py reads it from git); ValueError names the line that is missing."""
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        found = re.search(r"^#define IANAPORTS_VERSION_%s ([0-9]+)$" % part, text, re.M)
        if not found:
            raise ValueError(f"no IANAPORTS_VERSION_{part}")
        parts.append(int(found.group(1)))
    return tuple(parts)


def version_parts() -> tuple:
    """(MAJOR, MINOR, PATCH) as integers, from the config.hpp of this checkout."""
    with open(CONFIG, encoding="utf-8") as f:
        text = f.read()
    try:
        return parse_version(text)
    except ValueError as error:
        sys.exit(f"{CONFIG}: {error}")


def version() -> str:
    return ".".join(str(part) for part in version_parts())


if __name__ == "__main__":
    print(version())
