#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Replace the registry file with IANA's newest release, or say why not.

    update.py [--url URL] [--output FILE] [--timeout SECONDS] [--allow-older] [--check]

Fetches the registry (IANA's page by default) and takes it only when it is whole, valid and
newer: the download is read by the generator's own reader, so a file the build would refuse is
never written, and the file is replaced by a rename, so that a build sees the old release or
the new one, never half of either. The server's validators (ETag, Last-Modified) are
remembered beside the file (FILE.http.json) and sent with the next request, which then costs
one round trip when nothing changed. Each outcome is one line (and the release diff's summary
after an update):

    exit 0   updated (the file replaced, what changed printed), or already up to date
    exit 1   --check only: a newer release exists (nothing is written)
    exit 2   a usage error
    exit 3   not updated: a network error or timeout, an HTTP error, an HTML page, a truncated
             or malformed download, a release older than the file's (--allow-older takes it),
             or one with fewer than half the file's rows. The file is left byte for byte as it
             was.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Dict, Optional, Sequence

sys.dont_write_bytecode = True
if not __package__:  # run as a file (python3 codegen/update.py): as the package's module, PEP 366
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    import codegen  # noqa: F401,E402  (the parent package, for the relative imports below)

    __package__ = "codegen"  # pylint: disable=redefined-builtin

from . import diff  # noqa: E402
from .generate import write_all_atomically  # noqa: E402
from .registry_model import FileIdentity, Registry, RegistryError  # noqa: E402
from .registry_xml import parse_registry, read_registry  # noqa: E402

IANA_URL = "https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml"
BUNDLED = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "registry",
                       "service-names-port-numbers.xml")
# A release is about 2 MB; anything far beyond is not one.
MAX_BYTES = 64 << 20
CHUNK_BYTES = 1 << 16

UPDATED, UP_TO_DATE, NEWER_EXISTS, NOT_UPDATED = 0, 0, 1, 3


class NotUpdated(Exception):
    """Why the download is not taken: the line printed, and the file left as it was."""


@dataclass(frozen=True)
class Download:
    data: bytes
    validators: Dict[str, str]  # "etag", "last_modified": what the server said, if it did


def validators_path(output: str) -> str:
    return output + ".http.json"


def remembered_validators(output: str, current: Optional[Registry]) -> Dict[str, str]:
    """The validators of the last download, when they describe the file as it is now (one
    replaced by hand since gets a whole request)."""
    try:
        with open(validators_path(output), encoding="utf-8") as f:
            saved = json.load(f)
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict) or current is None or saved.get("sha256") != current.sha256:
        return {}
    return {key: saved[key] for key in ("etag", "last_modified") if isinstance(saved.get(key), str)}


def request_headers(validators: Dict[str, str]) -> Dict[str, str]:
    headers = {"User-Agent": "ianaports-update", "Accept": "application/xml, text/xml"}
    if "etag" in validators:
        headers["If-None-Match"] = validators["etag"]
    if "last_modified" in validators:
        headers["If-Modified-Since"] = validators["last_modified"]
    return headers


def fetch(url: str, validators: Dict[str, str], timeout: float) -> Optional[Download]:
    """The body at url; None when the server says it has not changed (304). The timeout bounds
    the whole download, not each read, so that a server trickling bytes cannot hold it."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers=request_headers(validators))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the user's URL)
            content_type = response.headers.get("Content-Type", "")
            length = response.headers.get("Content-Length")
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise NotUpdated(f"timed out after {timeout:g} s, {size} bytes read")
                chunk = response.read1(CHUNK_BYTES)  # what has come, not a whole chunk
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_BYTES:
                    raise NotUpdated(f"the download is over {MAX_BYTES >> 20} MiB: not a registry release")
                chunks.append(chunk)
            found = {"etag": response.headers.get("ETag"), "last_modified": response.headers.get("Last-Modified")}
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise NotUpdated(f"HTTP error {error.code} {error.reason} from {url}") from None
    except (socket.timeout, TimeoutError):
        raise NotUpdated(f"timed out after {timeout:g} s waiting for {url}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise NotUpdated(f"timed out after {timeout:g} s waiting for {url}") from None
        raise NotUpdated(f"network error: {reason}") from None
    except (OSError, ValueError) as error:  # a connection reset mid-body, a malformed URL...
        raise NotUpdated(f"network error: {error}") from None
    data = b"".join(chunks)
    if length is not None and length.isdigit() and len(data) < int(length):
        raise NotUpdated(f"the download stopped after {len(data)} of {length} bytes")
    if "html" in content_type.lower() or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise NotUpdated(f"{url} sent an HTML page, not the registry's XML")
    return Download(data, {key: value for key, value in found.items() if value})


def read_download(url: str, data: bytes) -> Registry:
    """The download, read as the build reads a registry: any problem is a refusal."""
    now = time.time_ns()
    try:
        return parse_registry(url, data, FileIdentity(0, 0, len(data), now, now))
    except RegistryError as error:
        raise NotUpdated(f"the download is not a valid registry: {error.located(url)}") from None


def check_acceptable(new: Registry, current: Optional[Registry], allow_older: bool) -> None:
    if current is None:
        return
    if new.updated < current.updated and not allow_older:
        raise NotUpdated(f"the download is the release of {new.updated}, older than the file's"
                         f" ({current.updated}); --allow-older takes it")
    if 2 * len(new.rows) < len(current.rows):
        raise NotUpdated(f"the download has {len(new.rows)} rows, fewer than half the file's"
                         f" {len(current.rows)}: not taken")


def current_registry(output: str) -> Optional[Registry]:
    """The file's release; None when there is no file, or none the build could read."""
    if not os.path.exists(output):
        return None
    try:
        return read_registry(output)
    except (OSError, RegistryError) as error:
        message = error.located(output) if isinstance(error, RegistryError) else str(error)
        print(f"{output}: the file is not a readable registry ({message}); a valid download replaces it")
        return None


def write_validators(output: str, download: Download, new: Registry) -> None:
    """The server's validators, replaced whole. They describe the file's bytes (their SHA-256),
    so that a file replaced by hand afterwards is not asked for as if unchanged."""
    saved = dict(download.validators, sha256=new.sha256, updated=new.updated)
    try:
        write_all_atomically([(validators_path(output), json.dumps(saved, indent=2, sort_keys=True) + "\n")])
    except OSError as error:  # the update stands; the next request is simply a whole one
        print(f"{validators_path(output)}: not written ({error})")


def describe(current: Optional[Registry], new: Registry) -> str:
    if current is None:
        return f"the release of {new.updated} ({len(new.rows)} rows)"
    return f"{current.updated} -> {new.updated} ({len(current.rows)} -> {len(new.rows)} rows)"


def update(args: argparse.Namespace) -> int:
    output = args.output
    current = current_registry(output)
    download = fetch(args.url, remembered_validators(output, current), args.timeout)
    if download is None:
        print(f"{output}: up to date, {current.updated if current else 'unknown'} (not modified on the server)")
        return UP_TO_DATE
    new = read_download(args.url, download.data)
    if current is not None and new.sha256 == current.sha256:
        print(f"{output}: up to date, {new.updated} (the same bytes)")
        if not args.check:
            write_validators(output, download, new)  # for next time; the file is not touched
        return UP_TO_DATE
    check_acceptable(new, current, args.allow_older)
    if args.check:
        print(f"{output}: a newer release is available, {describe(current, new)}; nothing written")
        return NEWER_EXISTS
    write_all_atomically([(output, download.data)])
    write_validators(output, download, new)
    print(f"{output}: updated, {describe(current, new)}")
    if current is not None:
        report = diff.compare(diff.Release(output, current), diff.Release(args.url, new), diff.Watch())
        print(diff.summary(report))
    return UPDATED


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=IANA_URL, help="where the registry is fetched (default: IANA's page)")
    parser.add_argument("--output", default=BUNDLED,
                        help="the file to replace (default: this checkout's registry/service-names-port-numbers.xml)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds for the whole download (default 60)")
    parser.add_argument("--allow-older", action="store_true", help="take a release older than the file's")
    parser.add_argument("--check", action="store_true",
                        help="only say whether a newer release exists (exit 1 when one does); write nothing")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parser().parse_args(argv)
    if args.timeout <= 0:
        parser().error("--timeout must be more than 0")
    try:
        return update(args)
    except NotUpdated as refusal:
        print(f"{args.output}: not updated: {refusal}", file=sys.stderr)
        return NOT_UPDATED


if __name__ == "__main__":
    sys.exit(main())
