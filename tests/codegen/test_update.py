#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Tests of codegen/update.py, run as a user runs it (a subprocess), against a real HTTP server
on the loopback address that serves the releases of tests/data/ and crafted bad answers. Each
outcome is one test, and each compares the file's bytes before and after.

    python3 -m unittest -v tests/codegen/test_update.py      (from the project root)
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from typing import Callable, Dict, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
UPDATE = os.path.join(ROOT, "codegen", "update.py")
BUNDLED = os.path.join(ROOT, "registry", "service-names-port-numbers.xml")
OLDER = os.path.join(ROOT, "tests", "data", "service-names-port-numbers-2025-08-26.xml")
OLDEST = os.path.join(ROOT, "tests", "data", "service-names-port-numbers-2024-03-18.xml")

sys.path.insert(0, ROOT)  # the generator, as the package codegen
from codegen import diff  # noqa: E402

NOT_UPDATED = 3


def read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def few_rows_release() -> bytes:
    """A valid release, dated after every other, with a few rows of the bundled one."""
    data = read(BUNDLED)
    first = data.index(b"<record")
    kept_until = first
    for _ in range(20):
        kept_until = data.index(b"</record>", kept_until) + len(b"</record>")
    tail = data.index(b"</registry>", data.rindex(b"</record>"))
    cut = data[:kept_until] + b"\n  " + data[tail:]
    return re.sub(rb"<updated>[0-9-]+</updated>", b"<updated>2099-01-01</updated>", cut, count=1)


class Registry(http.server.BaseHTTPRequestHandler):
    """GET /NAME answers with the route of that name (Server.routes)."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.requests.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path.lstrip("/"))
        if route is None:
            self.send_error(404)
            return
        route(self)

    def log_message(self, *args) -> None:  # quiet
        pass

    # --- the answers ---------------------------------------------------------------------------

    def release(self, data: bytes, etag: str = '"v1"') -> None:
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Mon, 17 Aug 2026 00:00:00 GMT")
        self.end_headers()
        self.wfile.write(data)

    def body(self, data: bytes, content_type: str = "application/xml", length: Optional[int] = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True

    def trickle(self) -> None:
        """A byte a tenth of a second: each read gets something, the whole never comes."""
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def stall(self) -> None:
        """Nothing at all, not even a status line, for longer than the client waits."""
        time.sleep(4)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, routes: Dict[str, Callable[[Registry], None]]) -> None:
        super().__init__(("127.0.0.1", 0), Registry)
        self.routes = routes
        self.requests = []


class UpdateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        bundled, older, oldest = read(BUNDLED), read(OLDER), read(OLDEST)
        cls.server = Server({
            "bundled.xml": lambda h: h.release(bundled),
            "older.xml": lambda h: h.release(older, '"older"'),
            "oldest.xml": lambda h: h.release(oldest, '"oldest"'),
            "few-rows.xml": lambda h: h.release(few_rows_release(), '"few"'),
            "error.xml": lambda h: h.send_error(500, "Internal Server Error"),
            "page.html": lambda h: h.body(b"<!DOCTYPE html><html><body>Not here</body></html>", "text/html"),
            "html-as-xml.xml": lambda h: h.body(b"\n<!doctype html>\n<html><p>Maintenance</p></html>"),
            "truncated.xml": lambda h: h.body(bundled[:len(bundled) // 2], length=len(bundled)),
            "malformed.xml": lambda h: h.body(bundled[:len(bundled) // 2]),
            "trickle.xml": Registry.trickle,
            "stall.xml": Registry.stall,
        })
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}/"

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.shutdown()
        cls.server.server_close()

    def setUp(self) -> None:
        self.work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.work)
        self.output = os.path.join(self.work, "registry", "service-names-port-numbers.xml")
        os.makedirs(os.path.dirname(self.output))
        self.server.requests.clear()

    def have(self, release: str) -> bytes:
        shutil.copyfile(release, self.output)
        return read(self.output)

    def update(self, route: str, *options: str, timeout: float = 30) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, UPDATE, "--url", self.base + route, "--output", self.output,
                               "--timeout", str(timeout), *options],
                              capture_output=True, text=True, timeout=60)

    def assert_refused(self, result: subprocess.CompletedProcess, before: bytes, why: str) -> None:
        self.assertEqual(result.returncode, NOT_UPDATED, result.stdout + result.stderr)
        self.assertRegex(result.stderr, f"^{re.escape(self.output)}: not updated: .*{why}")
        self.assertEqual(read(self.output), before, "the file must be left byte for byte as it was")
        self.assertEqual(sorted(os.listdir(os.path.dirname(self.output))), [os.path.basename(self.output)],
                         "nothing else may be written beside it")

    # --- newer and valid -----------------------------------------------------------------------

    def test_a_newer_release_replaces_the_file_and_says_what_changed(self) -> None:
        self.have(OLDER)
        result = self.update("bundled.xml")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(read(self.output), read(BUNDLED))
        report = diff.compare(diff.load(OLDER), diff.load(BUNDLED), diff.Watch())
        self.assertEqual(result.stdout,
                         f"{self.output}: updated, 2025-08-26 -> 2026-08-17 (14485 -> 14533 rows)\n"
                         f"{diff.summary(report)}\n")
        with open(self.output + ".http.json", encoding="utf-8") as f:
            validators = json.load(f)
        self.assertEqual(validators["etag"], '"v1"')
        self.assertEqual(validators["updated"], "2026-08-17")

    def test_no_file_yet_takes_the_release(self) -> None:
        result = self.update("bundled.xml")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, f"{self.output}: updated, the release of 2026-08-17 (14533 rows)\n")
        self.assertEqual(read(self.output), read(BUNDLED))

    # --- nothing to do -------------------------------------------------------------------------

    def test_not_modified_writes_nothing(self) -> None:
        self.have(OLDER)
        self.assertEqual(self.update("bundled.xml").returncode, 0)
        before = os.stat(self.output)
        result = self.update("bundled.xml")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, f"{self.output}: up to date, 2026-08-17 (not modified on the server)\n")
        self.assertEqual(self.server.requests[-1][1].get("If-None-Match"), '"v1"')
        self.assertEqual(self.server.requests[-1][1].get("If-Modified-Since"), "Mon, 17 Aug 2026 00:00:00 GMT")
        after = os.stat(self.output)
        self.assertEqual((after.st_ino, after.st_mtime_ns), (before.st_ino, before.st_mtime_ns))

    def test_the_same_release_writes_nothing(self) -> None:
        before = self.have(BUNDLED)
        status = os.stat(self.output)
        result = self.update("bundled.xml")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, f"{self.output}: up to date, 2026-08-17 (the same bytes)\n")
        self.assertEqual(read(self.output), before)
        self.assertEqual(os.stat(self.output).st_mtime_ns, status.st_mtime_ns, "an unchanged file is not rewritten")

    def test_validators_of_a_file_replaced_by_hand_are_not_sent(self) -> None:
        self.have(OLDER)
        self.assertEqual(self.update("bundled.xml").returncode, 0)
        self.have(OLDER)  # by hand: the remembered validators describe other bytes now
        result = self.update("bundled.xml")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("If-None-Match", self.server.requests[-1][1])
        self.assertEqual(read(self.output), read(BUNDLED))

    # --- --check -------------------------------------------------------------------------------

    def test_check_says_a_newer_release_exists_and_writes_nothing(self) -> None:
        before = self.have(OLDER)
        result = self.update("bundled.xml", "--check")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout, f"{self.output}: a newer release is available, 2025-08-26 -> 2026-08-17"
                                        " (14485 -> 14533 rows); nothing written\n")
        self.assertEqual(read(self.output), before)
        self.assertEqual(os.listdir(os.path.dirname(self.output)), [os.path.basename(self.output)])

    def test_check_when_up_to_date(self) -> None:
        self.have(BUNDLED)
        result = self.update("bundled.xml", "--check")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("up to date", result.stdout)

    # --- refused: the file stays as it was -----------------------------------------------------

    def test_http_error(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("error.xml"), before, "HTTP error 500")

    def test_missing_page(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("no-such.xml"), before, "HTTP error 404")

    def test_network_error(self) -> None:
        with socket.socket() as closed:  # a port nothing listens on
            closed.bind(("127.0.0.1", 0))
            port = closed.getsockname()[1]
        before = self.have(OLDER)
        result = subprocess.run([sys.executable, UPDATE, "--url", f"http://127.0.0.1:{port}/r.xml",
                                 "--output", self.output], capture_output=True, text=True, timeout=60)
        self.assert_refused(result, before, "network error")

    def test_a_server_that_never_answers_times_out(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("stall.xml", timeout=1), before, "timed out after 1 s")

    def test_a_server_that_trickles_times_out(self) -> None:
        started = time.monotonic()
        before = self.have(OLDER)
        self.assert_refused(self.update("trickle.xml", timeout=1), before, "timed out after 1 s")
        self.assertLess(time.monotonic() - started, 8, "the timeout bounds the whole download")

    def test_an_html_page(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("page.html"), before, "sent an HTML page")

    def test_an_html_page_called_xml(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("html-as-xml.xml"), before, "sent an HTML page")

    def test_a_truncated_download(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("truncated.xml"), before, "the download stopped after")

    def test_a_malformed_download_is_read_as_the_build_reads_it(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("malformed.xml"), before,
                            re.escape(f"the download is not a valid registry: {self.base}malformed.xml:"))

    def test_an_older_release(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("oldest.xml"), before,
                            re.escape("the release of 2024-03-18, older than the file's (2025-08-26);"
                                      " --allow-older takes it"))

    def test_an_older_release_when_allowed(self) -> None:
        self.have(OLDER)
        result = self.update("oldest.xml", "--allow-older")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(read(self.output), read(OLDEST))
        self.assertIn("updated, 2025-08-26 -> 2024-03-18", result.stdout)

    def test_a_release_with_fewer_than_half_the_rows(self) -> None:
        before = self.have(OLDER)
        self.assert_refused(self.update("few-rows.xml"), before,
                            "the download has 20 rows, fewer than half the file's 14485: not taken")

    def test_usage_errors(self) -> None:
        for options in (["--timeout", "0"], ["--no-such-option"]):
            result = subprocess.run([sys.executable, UPDATE, *options], capture_output=True, text=True)
            self.assertEqual(result.returncode, 2, options)
            self.assertIn("usage:", result.stderr)


if __name__ == "__main__":
    unittest.main()
