#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Tests of the portinfo program (tools/portinfo/), run by CTest.

Usage: test_portinfo.py --portinfo BINARY [--expected-rows FILE] [TestCase ...]
       test_portinfo.py --list-cases --where main|release|hostile|local --target posix|windows

Each TestCase below is one behaviour; CTest runs them one by one, each class where its `where`
says: over the build's tables (main), over the bundled release, whose exact answers it knows
(release), over the hostile fixture (hostile), over the local services fixtures (local); and on
the targets its `targets` name. With no TestCase named, all run. (PYTHONPATH holds tests/, for
ctest_unittest.)

Small cases assert exact output against the bundled registry (release of 2026-08-17). The
Whole* cases check every row against tests/oracle/expected_rows.py, an independent reading of
the registry XML (xml.dom.minidom, none of the generator's code): pass its output with
--expected-rows, or the script runs it on registry/service-names-port-numbers.xml (slow). The
Whole* cases hold for any registry, so CTest also runs them against a portinfo built over the
hostile fixture (tests/fixtures/hostile.xml: quotes, CR, tabs, C1 controls, non-ASCII).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Tuple

import ctest_unittest  # tests/, on PYTHONPATH

REPO = Path(__file__).resolve().parents[2]
PORTINFO: List[str] = []  # the command that runs portinfo (an emulator first, on a cross build)
TARGET_WINDOWS = [False]  # portinfo is a Windows program (run under Wine); set from the command line
EXPECTED_ROWS_FILE = ""  # likewise; "" → computed on first use
# The tests that check portinfo against the oracle over the whole port space or a spread of
# names take one item in SAMPLE_STRIDE under an emulator (qemu-user, Wine) or a sanitizer
# (--sampled), where each run costs a program's start under it: the answers are the same code's
# as on the build machine, where every item is checked, and the target's own lookups are checked
# for every port and name by the oracle's suite, which runs there in one process; what differs
# by target (output, arguments, exit statuses) is checked by every test, on every target, and
# the lookups under the sanitizers are the fuzzers' to try, by the million.
SAMPLE_STRIDE = [1]
SAMPLED_STRIDE = 16  # SAMPLE_STRIDE under an emulator or with --sampled

sys.path.insert(0, str(REPO))  # the package codegen
sys.dont_write_bytecode = True
from codegen import diff  # noqa: E402  (codegen/diff.py: IANA's CSV columns, which portinfo writes too)

# IANA's CSV header, as diff.py reads IANA's CSV: portinfo's CSV must carry it exactly.
CSV_HEADER = ",".join(diff.COLUMNS)
JSON_KEYS = ["service", "ports", "transport", "description", "assignee", "contact", "registered",
             "modified", "reference", "service_code", "unauthorized_use", "notes", "source"]
PROTOCOLS = ["tcp", "udp", "sctp", "dccp"]
# The first line of every services export, as it reads for the bundled release.
SERVICES_HEADER = ("# services(5) from the IANA Service Name and Transport Protocol Port Number Registry of "
                   "2026-08-17, written by portinfo (ianaports)\n")


class Result(NamedTuple):
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


def run(*args: str, columns: Optional[str] = "100") -> Result:
    """Runs portinfo with stdout a pipe (not a terminal), so $COLUMNS sets the table width."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    done = subprocess.run([*PORTINFO, *args], capture_output=True, env=env, timeout=120)
    if TARGET_WINDOWS[0] and not done.stdout:
        # Under Wine a run now and then prints nothing at all (seen once in 1,000s of runs, in
        # CI): asked again, the same answer is an empty one, and a lost one comes back.
        done = subprocess.run([*PORTINFO, *args], capture_output=True, env=env, timeout=120)
    return Result(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))


# --- The oracle's rows ----------------------------------------------------------------------


class Expected(NamedTuple):
    updated: str
    rows: List[List[str]]  # twelve columns, as tests/oracle/expected_rows.py reads them
    people: List[List[str]]  # id, name, org, uri, updated: the <people> directory, in order
    local: int  # rows[:local] are local services (generate.py --local)


def unescape(field: str) -> str:
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), field)


_expected: Optional[Expected] = None


def expected() -> Expected:
    global _expected
    if _expected is None:
        path = EXPECTED_ROWS_FILE
        if not path:
            path = os.path.join(tempfile.mkdtemp(prefix="portinfo-test-"), "expected_rows.txt")
            subprocess.run([sys.executable, str(REPO / "tests/oracle/expected_rows.py"),
                            str(REPO / "registry/service-names-port-numbers.xml"), path], check=True)
        # Split on "\n" only: the text holds U+0085 and U+2028, which splitlines() would break at.
        lines = Path(path).read_bytes().decode("utf-8").split("\n")
        updated = unescape(lines[0].split("\t")[1])
        count = int(lines[1].split("\t")[1])
        rows = [[unescape(f) for f in line.split("\t")] for line in lines[2:2 + count]]
        assert len(rows) == count and all(len(r) == 12 for r in rows), path
        at = 2 + count
        people_count = int(lines[at].split("\t")[1])
        people = [[unescape(f) for f in line.split("\t")] for line in lines[at + 1:at + 1 + people_count]]
        assert len(people) == people_count and all(len(p) == 5 for p in people), path
        local = int(lines[at + 1 + people_count].split("\t")[1])
        _expected = Expected(updated, rows, people, local)
    return _expected


def port_range(row: List[str]) -> Optional[Tuple[int, int]]:
    if not row[1]:
        return None
    first, _, last = row[1].partition("-")
    return int(first), int(last or first)


def port_text(row: List[str]) -> str:
    """The Port Number column as the registry writes it ("4748-4748" included)."""
    return row[1]


def csv_row(row: List[str]) -> List[str]:
    return [row[0], port_text(row)] + row[2:]


def holds_for(row: List[str], protocol: Optional[str]) -> bool:
    return protocol is None or row[2] in ("", protocol)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Searches ignore the case of ASCII letters only, as RFC 6335 names compare."""
    return text.translate(ASCII_LOWER)


# What a terminal might obey rather than show: C0, DEL, C1, and the bidirectional formatting
# characters (issue 19). portinfo shows each as a space (a byte of no UTF-8 too).
CONTROLS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"


def one_line(text: str) -> str:
    """Controls as spaces, as portinfo shows text in a table, a comment or a message."""
    return re.sub("[%s]" % CONTROLS, " ", text)


def on_terminal(text: str) -> str:
    """Controls but line feeds as spaces, as portinfo shows a CSV field on a terminal."""
    return re.sub("[%s]" % CONTROLS.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"), " ", text)


def assert_nothing_obeyed(test: unittest.TestCase, data: bytes, what) -> None:
    """The output is UTF-8 with no control but the line feeds that end its lines."""
    text = data.decode("utf-8")  # strict: a byte of no UTF-8 (a raw 0x9B is CSI) fails here
    found = re.search("[%s]" % CONTROLS.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"), text)
    test.assertIsNone(found, "%r: %r reaches the terminal, at ...%r..." % (
        what, found and found.group(), found and text[max(0, found.start() - 30):found.end() + 10]))


def run_on_terminal(*args: str) -> bytes:
    """portinfo's stdout, with stdout a terminal (a pseudo-terminal in raw mode, so that the bytes
    read are the bytes written). Reading until portinfo's end hangs up can lose its last bytes
    on Linux (the hang-up may overtake data still on its way), so this end keeps the terminal
    open, and once portinfo has exited writes a mark of its own after portinfo's bytes: what
    comes before the mark is everything portinfo wrote."""
    import pty  # POSIX only; the callers skip elsewhere
    import select
    import tty
    mark = b"\0end of portinfo's output\0"
    master, slave = pty.openpty()
    tty.setraw(slave)
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["COLUMNS"] = "100"
    out = bytearray()
    try:
        with subprocess.Popen([*PORTINFO, *args], stdout=slave, stderr=subprocess.DEVNULL,
                              env=env) as child:
            deadline = time.monotonic() + 120
            marked = False
            while not out.endswith(mark):
                if not marked and child.poll() is not None:
                    os.write(slave, mark)
                    marked = True
                if time.monotonic() > deadline:
                    child.kill()
                    raise AssertionError("portinfo %s: no end on a terminal" % " ".join(args))
                if select.select([master], [], [], 0.1)[0]:
                    out += os.read(master, 1 << 16)
    finally:
        os.close(slave)
        os.close(master)
    return bytes(out[:-len(mark)])


def parse_csv(data: bytes) -> List[List[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def rows_of_csv_output(result: Result) -> List[List[str]]:
    rows = parse_csv(result.out)
    assert rows[0] == CSV_HEADER.split(","), rows[0]
    return rows[1:]


def statuses(protocol: str) -> List[str]:
    """status() of every port for a protocol, from the oracle's rows: assigned if a covering row
    has a name, else reserved if one says "Reserved", else dynamic from 49152, else unassigned."""
    named = bytearray(65536)
    reserved = bytearray(65536)
    for row in expected().rows:
        ports = port_range(row)
        if ports is None or not holds_for(row, protocol) or not (row[0] or row[3] == "Reserved"):
            continue
        marks = named if row[0] else reserved
        for port in range(ports[0], ports[1] + 1):
            marks[port] = 1
    return ["assigned" if named[p] else "reserved" if reserved[p] else
            "dynamic" if p >= 49152 else "unassigned" for p in range(65536)]


def as_ranges(ports: List[int]) -> List[str]:
    ranges: List[List[int]] = []
    for port in ports:
        if ranges and ranges[-1][1] + 1 == port:
            ranges[-1][1] = port
        else:
            ranges.append([port, port])
    return [str(a) if a == b else "%d-%d" % (a, b) for a, b in ranges]


# Where a class runs (ctest_unittest.cases): the portinfo builds of tests/CMakeLists.txt.
EVERY_PORTINFO = ("main", "hostile", "local")


class PortinfoTest(unittest.TestCase):
    maxDiff = None
    where: Tuple[str, ...] = ("main",)
    targets: Tuple[str, ...] = ("posix", "windows")

    def assert_output(self, args: List[str], out: str, code: int = 0, err: str = "", columns: str = "100"):
        result = run(*args, columns=columns)
        self.assertEqual(result.text, out, args)
        self.assertEqual(result.err, err, args)
        self.assertEqual(result.code, code, args)

    def assert_usage_error(self, args: List[str], message: str):
        result = run(*args)
        self.assertEqual(result.code, 2, (args, result))
        self.assertEqual(result.out, b"", args)
        first, _, rest = result.err.partition("\n")
        self.assertEqual(first, "portinfo: " + message, args)
        self.assertTrue(rest.startswith("usage: portinfo [OPTIONS] QUERY..."), (args, rest))


# --- Lookups --------------------------------------------------------------------------------

HTTPS_443 = (
    "Service  Port  Proto  Description                 Reference\n"
    "https    443   tcp    http protocol over TLS/SSL  [RFC9110]\n"
    "https    443   udp    http protocol over TLS/SSL  [RFC9110]\n"
    "https    443   sctp   HTTPS                       [RFC9260]\n")


class Lookup(PortinfoTest):
    where = ("release",)  # exact answers of the bundled release
    def test_port_every_protocol(self):
        self.assert_output(["443"], HTTPS_443)

    def test_port_and_protocol(self):
        self.assert_output(["443/tcp"], (
            "Service  Port  Proto  Description                 Reference\n"
            "https    443   tcp    http protocol over TLS/SSL  [RFC9110]\n"))

    def test_name_every_protocol(self):
        # The fourth row is a registration of the name over TCP with no port.
        self.assert_output(["https"], HTTPS_443 + "https          tcp    HTTP over SSL/TLS\n")

    def test_name_ignores_case_with_protocol(self):
        self.assert_output(["HTTPS/udp"], (
            "Service  Port  Proto  Description                 Reference\n"
            "https    443   udp    http protocol over TLS/SSL  [RFC9110]\n"))

    def test_range_overlap(self):
        self.assert_output(["6000-6063/tcp"], (
            "Service  Port       Proto  Description      Reference\n"
            "x11      6000-6063  tcp    X Window System\n"))
        self.assert_output(["6010/tcp"], (
            "Service  Port       Proto  Description      Reference\n"
            "x11      6000-6063  tcp    X Window System\n"))

    def test_protocol_option(self):
        sctp_80 = ("Service  Port  Proto  Description  Reference\n"
                   "http     80    sctp   HTTP         [RFC9260]\n")
        self.assert_output(["--protocol", "sctp", "80"], sctp_80)
        self.assert_output(["80", "--protocol=SCTP"], sctp_80)
        # A protocol written in the query wins over --protocol.
        self.assert_output(["--protocol", "udp", "80/sctp"], sctp_80)

    def test_several_queries_in_order(self):
        self.assert_output(["22/tcp", "80/sctp"], (
            "Service  Port  Proto  Description                      Reference\n"
            "ssh      22    tcp    The Secure Shell (SSH) Protocol  [RFC4251]\n"
            "http     80    sctp   HTTP                             [RFC9260]\n"))

    def test_name_holding_a_slash(self):
        self.assert_output(["914c/g/udp"], (
            "Service  Port  Proto  Description                        Reference\n"
            "914c/g   211   udp    Texas Instruments 914C/G Terminal\n"))

    def test_options_after_double_dash_are_queries(self):
        self.assert_output(["--", "443"], HTTPS_443)

    def test_unknown_name_is_exit_1_not_a_usage_error(self):
        self.assert_output(["a-b"], "", code=1, err="portinfo: nothing found for 'a-b'\n")
        self.assert_output(["no-such-service"], "", code=1,
                           err="portinfo: nothing found for 'no-such-service'\n")

    def test_dynamic_port_has_no_row(self):
        self.assert_output(["49200/udp"], "", code=1, err="portinfo: nothing found for '49200/udp'\n")

    def test_some_found_some_not_is_exit_1_after_the_results(self):
        self.assert_output(["443", "nope"], HTTPS_443, code=1, err="portinfo: nothing found for 'nope'\n")


class WholeLookup(PortinfoTest):
    """Lookups agree with the oracle's rows, in registry order."""
    where = EVERY_PORTINFO

    def check(self, query: str, keep):
        want = [csv_row(r) for r in expected().rows if keep(r)]
        result = run(query, "--format", "csv")
        self.assertEqual(rows_of_csv_output(result), want, query)
        self.assertEqual(result.code, 0 if want else 1, query)

    def test_ports(self):
        for port in [0, 1, 7, 80, 443, 1000, 4748, 6010, 65535]:
            covers = lambda r, port=port: port_range(r) is not None and port_range(r)[0] <= port <= port_range(r)[1]
            self.check(str(port), covers)
            for protocol in PROTOCOLS:
                self.check("%d/%s" % (port, protocol), lambda r: covers(r) and holds_for(r, protocol))

    def test_ranges(self):
        for first, last in [(0, 10), (1000, 1010), (6000, 6063), (65530, 65535)]:
            overlaps = lambda r: port_range(r) is not None and port_range(r)[0] <= last and first <= port_range(r)[1]
            self.check("%d-%d" % (first, last), overlaps)
            self.check("%d-%d/udp" % (first, last), lambda r: overlaps(r) and holds_for(r, "udp"))

    def test_names(self):
        named = [r[0] for r in expected().rows if re.fullmatch(r"[A-Za-z0-9-]+", r[0])]
        spread = max(1, len(set(named)) // 40) * SAMPLE_STRIDE[0]
        for name in sorted(set(named))[::spread] + named[:3]:
            same = lambda r: ascii_lower(r[0]) == ascii_lower(name)
            self.check(name.upper(), same)
            self.check(name + "/tcp", lambda r: same(r) and holds_for(r, "tcp"))


# --- Searches -------------------------------------------------------------------------------


class Search(PortinfoTest):
    where = ("release",)  # exact answers of the bundled release
    def test_port_number_as_written(self):
        self.assert_output(["--search", "22129"], (
            "Service  Port         Proto  Description  Reference\n"
            "         22129-22221         Unassigned\n"))

    def test_name_ignores_case(self):
        self.assert_output(["--search-name", "SMTP"], (
            "Service  Port  Proto  Description           Reference\n"
            "smtp     25    tcp    Simple Mail Transfer  [RFC-ietf-emailcore-rfc5321bis-43]\n"
            "smtp     25    udp    Simple Mail Transfer  [RFC-ietf-emailcore-rfc5321bis-43]\n"
            "rsmtp    2390  tcp    RSMTP\n"
            "rsmtp    2390  udp    RSMTP\n"))

    def test_description_with_protocol(self):
        # Rows that hold for every protocol (webdav names no protocol) count for udp too.
        self.assert_output(["--search-description", "world wide web", "--protocol", "udp"], (
            "Service   Port  Proto  Description                                                   Reference\n"
            "http      80    udp    World Wide Web HTTP                                           [RFC9110]\n"
            "www       80    udp    World Wide Web HTTP                                           [RFC9110]\n"
            "www-http  80    udp    World Wide Web HTTP\n"
            "www-dev   2784  udp    world wide web - development\n"
            "webdav                 World Wide Web Distributed Authoring and Versioning (WebDAV)\n"))

    def test_nothing_found(self):
        self.assert_output(["--search", "x"], "", code=1, err="portinfo: nothing found for 'x'\n")
        self.assert_output(["--search-name", "zzzzzz", "--format", "json"], "[]\n", code=1,
                           err="portinfo: nothing found for 'zzzzzz'\n")


class WholeSearch(PortinfoTest):
    """Every search against the oracle's rows, in registry order."""
    where = EVERY_PORTINFO

    def check(self, args: List[str], keep):
        want = [csv_row(r) for r in expected().rows if keep(r)]
        result = run(*args, "--format", "csv")
        self.assertEqual(rows_of_csv_output(result), want, args)
        self.assertEqual(result.code, 0 if want else 1, args)

    def test_search_port(self):
        for text in ["22", "2212", "-6", "0", "65535", "443"]:
            self.check(["--search", text], lambda r: text in port_text(r))
        self.check(["--search", "80", "--protocol", "dccp"], lambda r: "80" in port_text(r) and holds_for(r, "dccp"))

    def test_search_name(self):
        for text in ["http", "SQL", "x11", "*", "é", "-"]:
            self.check(["--search-name", text], lambda r: ascii_lower(text) in ascii_lower(r[0]))

    def test_search_description(self):
        for text in ["web", "CONTROL", "Reserved", "FORTÉ", "\""]:
            self.check(["--search-description", text], lambda r: ascii_lower(text) in ascii_lower(r[3]))

    def test_all(self):
        self.check(["--all"], lambda r: True)
        for protocol in PROTOCOLS:
            self.check(["--all", "--protocol", protocol], lambda r: holds_for(r, protocol))


# --- Status, class, free ports --------------------------------------------------------------


class Status(PortinfoTest):
    where = ("release",)  # exact answers of the bundled release
    def test_assigned(self):
        self.assert_output(["--status", "8080/tcp"], (
            "8080/tcp: assigned\n"
            "Service   Port  Proto  Description                   Reference\n"
            "http-alt  8080  tcp    HTTP Alternate (see port 80)\n"))

    def test_every_protocol(self):
        self.assert_output(["--status", "8080"], (
            "8080/tcp: assigned\n"
            "Service   Port  Proto  Description                   Reference\n"
            "http-alt  8080  tcp    HTTP Alternate (see port 80)\n"
            "\n"
            "8080/udp: assigned\n"
            "Service   Port  Proto  Description                   Reference\n"
            "http-alt  8080  udp    HTTP Alternate (see port 80)\n"
            "\n"
            "8080/sctp: unassigned\n"
            "\n"
            "8080/dccp: unassigned\n"))

    def test_reserved_and_unassigned_show_their_rows(self):
        self.assert_output(["--status", "0/tcp"], (
            "0/tcp: reserved\n"
            "Service  Port  Proto  Description  Reference\n"
            "         0     tcp    Reserved     [RFC6335]\n"))
        self.assert_output(["--status", "4", "--protocol", "udp"], (
            "4/udp: unassigned\n"
            "Service  Port  Proto  Description  Reference\n"
            "         4     udp    Unassigned\n"))

    def test_json(self):
        self.assert_output(["--status", "49200/udp", "--format", "json"], (
            '[\n  {"port":49200,"transport":"udp","status":"dynamic","rows":[]}\n]\n'))
        result = run("--status", "22", "--format", "json")
        answers = json.loads(result.text)
        self.assertEqual([(a["transport"], a["status"], [r["service"] for r in a["rows"]]) for a in answers],
                         [("tcp", "assigned", ["ssh"]), ("udp", "assigned", ["ssh"]),
                          ("sctp", "assigned", ["ssh"]), ("dccp", "unassigned", [])])

class Class(PortinfoTest):
    where = ("release",)  # exact answers of the bundled release
    def test_ranges_of_rfc_6335(self):
        for port, answer in [(0, "system (0-1023)"), (1023, "system (0-1023)"), (1024, "user (1024-49151)"),
                             (49151, "user (1024-49151)"), (49152, "dynamic (49152-65535)"),
                             (65535, "dynamic (49152-65535)")]:
            self.assert_output(["--class", str(port)], "%d: %s\n" % (port, answer))

    def test_json(self):
        self.assert_output(["--class", "50000", "--format", "json"], '{"port":50000,"class":"dynamic"}\n')


class Free(PortinfoTest):
    where = ("release",)  # exact answers of the bundled release
    def test_ranges(self):
        self.assert_output(["--free", "8000-8100/tcp"], (
            "8011-8014\n8018\n8024\n8028-8031\n8035-8039\n8045-8050\n8062-8065\n8068-8069\n"
            "8071-8073\n8075-8076\n8078-8079\n8085\n8089\n8092-8096\n8098-8099\n"))

    def test_single_port(self):
        self.assert_output(["--free", "8011/tcp"], "8011\n")
        self.assert_output(["--free", "8080/tcp"], "", code=1, err="portinfo: no unassigned port in '8080/tcp'\n")

    def test_dynamic_ports_are_not_free(self):
        self.assert_output(["--free", "49152-65535/udp"], "", code=1,
                           err="portinfo: no unassigned port in '49152-65535/udp'\n")

    def test_json(self):
        self.assert_output(["--free", "8010-8020/tcp", "--format", "json"],
                           '[{"first":8011,"last":8014},{"first":8018,"last":8018}]\n')


class WholeStatusAndFree(PortinfoTest):
    """--status and --free against status() computed from the oracle's rows."""
    where = EVERY_PORTINFO

    def test_every_port_against_the_oracle(self):
        """A port every 331 (--status PORT answers for the four protocols; one in SAMPLED_STRIDE
        of them under an emulator), and the PORT/PROTO form for some of them."""
        want = {p: statuses(p) for p in PROTOCOLS}
        for port in range(0, 65536, 331 * SAMPLE_STRIDE[0]):
            result = run("--status", str(port))
            self.assertEqual(re.findall(r"^(\d+)/(\w+): (\w+)$", result.text, re.MULTILINE),
                             [(str(port), p, want[p][port]) for p in PROTOCOLS], port)
        for port, protocol in zip(range(0, 65536, 331 * 17), PROTOCOLS * 3):
            result = run("--status", "%d/%s" % (port, protocol))
            self.assertEqual(result.text.split("\n")[0], "%d/%s: %s" % (port, protocol, want[protocol][port]))

    def test_whole_port_space_against_the_oracle(self):
        per_protocol = {p: statuses(p) for p in PROTOCOLS}
        for protocol in PROTOCOLS:
            want = as_ranges([p for p in range(65536) if per_protocol[protocol][p] == "unassigned"])
            self.assertEqual(run("--free", "0-65535/" + protocol).text.split("\n")[:-1], want, protocol)
        # Without a protocol: the ports unassigned for all four.
        want = as_ranges([p for p in range(65536) if all(per_protocol[q][p] == "unassigned" for q in PROTOCOLS)])
        self.assertEqual(run("--free", "0-65535").text.split("\n")[:-1], want)


# --- Formats --------------------------------------------------------------------------------


def csv_field(field: str) -> str:
    """RFC 4180, written independently of portinfo: quote a field with , " CR or LF."""
    if any(c in field for c in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


class WholeCsv(PortinfoTest):
    """--all --format csv: IANA's CSV export, every row and column."""
    where = EVERY_PORTINFO

    def test_rows_read_back_with_the_csv_module(self):
        result = run("--all", "--format", "csv")
        self.assertEqual(result.code, 0)
        rows = parse_csv(result.out)
        self.assertEqual(rows[0], CSV_HEADER.split(","))
        self.assertEqual(len(rows) - 1, len(expected().rows))
        for number, (got, row) in enumerate(zip(rows[1:], expected().rows), 1):
            self.assertEqual(got, csv_row(row), "row %d" % number)

    def test_bytes(self):
        # LF line ends, as IANA's own file; quotes only where RFC 4180 needs them.
        want = CSV_HEADER + "\n" + "".join(",".join(csv_field(f) for f in csv_row(r)) + "\n"
                                           for r in expected().rows)
        self.assertEqual(run("--all", "--format", "csv").text, want)


class WholeJson(PortinfoTest):
    """--all --format json: one array of objects with stable keys, every row."""
    where = EVERY_PORTINFO

    def test_objects(self):
        result = run("--all", "--format", "json")
        self.assertEqual(result.code, 0)
        objects = json.loads(result.out.decode("utf-8"), object_pairs_hook=lambda pairs: pairs)
        self.assertEqual(len(objects), len(expected().rows))
        for number, (pairs, row) in enumerate(zip(objects, expected().rows), 1):
            self.assertEqual([k for k, _ in pairs], JSON_KEYS, "row %d" % number)
            got = dict(pairs)
            ports = port_range(row)
            want = dict(zip(JSON_KEYS, row))
            want["source"] = "local" if number <= expected().local else "registry"
            want["ports"] = None if ports is None else [("first", ports[0]), ("last", ports[1])]
            want["transport"] = row[2] or None
            want["service_code"] = int(row[9]) if row[9] else None
            self.assertEqual(got, want, "row %d" % number)

    def test_one_object_a_line_and_no_raw_control_characters(self):
        lines = run("--all", "--format", "json").out.split(b"\n")
        self.assertEqual((lines[0], lines[-2], lines[-1]), (b"[", b"]", b""))
        for line in lines[1:-2]:
            self.assertTrue(line.startswith(b"  {") and line.rstrip(b",").endswith(b"}"))
            self.assertIsNone(re.search(rb"[\x00-\x1f]", line))


def services_lines(data: bytes) -> Dict[Tuple[int, str], List[str]]:
    """Reads a services file as services(5) says: '#' starts a comment, then blanks and tabs
    separate the official name, port/protocol and aliases. A port/protocol may appear once."""
    entries: Dict[Tuple[int, str], List[str]] = {}
    for line in data.split(b"\n"):
        fields = re.split(rb"[ \t]+", line.split(b"#", 1)[0].strip(b" \t"))
        if fields == [b""]:
            continue
        port, _, protocol = fields[1].decode().partition("/")
        key = (int(port), protocol)
        assert key not in entries, "%s appears twice" % (key,)
        entries[key] = [f.decode("utf-8") for f in [fields[0]] + fields[2:]]
    return entries


class WholeServices(PortinfoTest):
    """--all --format services, read back by the rules of services(5)."""
    where = EVERY_PORTINFO

    def test_every_name_alias_and_port(self):
        """Every (name, port, protocol) the API answers is a line's name or alias: a range one line
        a port, a row written without a protocol on each protocol (the test builds keep all four)."""
        want: Dict[Tuple[int, str], List[str]] = {}
        for row in expected().rows:
            ports = port_range(row)
            if not row[0] or ports is None or re.search("[ #%s]" % CONTROLS, row[0]):
                continue
            for protocol in [row[2]] if row[2] else PROTOCOLS:
                for port in range(ports[0], ports[1] + 1):
                    names = want.setdefault((port, protocol), [])
                    if ascii_lower(row[0]) not in (ascii_lower(n) for n in names):
                        names.append(row[0])
        result = run("--all", "--format", "services")
        self.assertEqual(result.code, 0)
        got = services_lines(result.out)
        self.assertEqual(sorted(got), sorted(want))
        for key in want:
            self.assertEqual(got[key], want[key], key)  # the first name, then its aliases in order

    def test_first_line_names_the_release(self):
        first = run("--all", "--format", "services").out.split(b"\n", 1)[0].decode("utf-8")
        self.assertEqual(first, "# services(5) from the IANA Service Name and Transport Protocol Port Number"
                                " Registry of %s, written by portinfo (ianaports)" % one_line(expected().updated))

    def test_comment_is_the_description_of_the_first_name(self):
        first_row: Dict[Tuple[int, str], List[str]] = {}
        for row in expected().rows:
            ports = port_range(row)
            if row[0] and ports:
                for protocol in [row[2]] if row[2] else PROTOCOLS:
                    for port in range(ports[0], ports[1] + 1):
                        first_row.setdefault((port, protocol), row)
        for line in run("--all", "--format", "services").out.decode("utf-8").split("\n")[1:-1]:
            head, hash_, comment = line.partition("#")
            port, _, protocol = re.split(r"[ \t]+", head)[1].partition("/")
            description = first_row[(int(port), protocol)][3]
            self.assertEqual(comment, " " + one_line(description) if description else "", line)


class Formats(PortinfoTest):
    """Each format on small cases, exactly."""
    where = ("release",)  # exact answers of the bundled release

    def test_csv(self):
        self.assert_output(["80/sctp", "--format", "csv"], CSV_HEADER + "\n" + (
            "http,80,sctp,HTTP,[Randall_Stewart],[Randall_Stewart],,2022-02-07,[RFC9260],,,"
            "Defined TXT keys: u=<username> p=<password> path=<path to document>\n"))

    def test_csv_quotes_and_line_breaks(self):
        self.assert_output(["whois++/tcp", "--format=csv"], CSV_HEADER + "\n" + (
            'whois++,63,tcp,whois++,[Rickard_Schoultz],[Rickard_Schoultz],,,,,,"This entry is an alias to '
            '""whoispp"".\nThis entry is now historic, not usable for use with many\n'
            'common service discovery mechanisms."\n'))

    def test_csv_nothing_found_is_the_header(self):
        self.assert_output(["a-b", "--format", "csv"], CSV_HEADER + "\n", code=1,
                           err="portinfo: nothing found for 'a-b'\n")

    def test_json(self):
        self.assert_output(["discard/dccp", "--format", "json"], (
            '[\n  {"service":"discard","ports":{"first":9,"last":9},"transport":"dccp","description":"Discard",'
            '"assignee":"[Eddie_Kohler]","contact":"[Eddie_Kohler]","registered":"","modified":"",'
            '"reference":"[RFC4340]","service_code":1145656131,"unauthorized_use":"","notes":"","source":"registry"}\n]\n'))

    def test_json_nulls(self):
        objects = json.loads(run("51", "--format", "json").text)
        self.assertEqual([(o["service"], o["ports"], o["transport"], o["service_code"]) for o in objects],
                         [("", {"first": 51, "last": 51}, None, None)])
        objects = json.loads(run("webdav", "--format", "json").text)
        self.assertEqual(objects[0]["ports"], None)

    def test_json_escapes(self):
        notes = json.loads(run("whois++/tcp", "--format", "json").text)[0]["notes"]
        self.assertEqual(notes, 'This entry is an alias to "whoispp".\nThis entry is now historic, not usable '
                                'for use with many\ncommon service discovery mechanisms.')
        self.assertIn(rb'"notes":"This entry is an alias to \"whoispp\".\nThis entry',
                      run("whois++/tcp", "--format", "json").out)

    def test_services_aliases(self):
        self.assert_output(["80/tcp", "--format", "services"],
                           SERVICES_HEADER + "http            80/tcp     www www-http # World Wide Web HTTP\n")

    def test_services_range_is_one_line_a_port(self):
        lines = run("6000-6063/tcp", "--format", "services").text.split("\n")
        self.assertEqual(len(lines), 66)
        self.assertEqual(lines[0] + "\n", SERVICES_HEADER)
        self.assertEqual(lines[1], "x11             6000/tcp                # X Window System")
        self.assertEqual(lines[64], "x11             6063/tcp                # X Window System")

    def test_services_only_rows_with_name_and_port(self):
        self.assert_output(["51", "webdav", "--format", "services"], SERVICES_HEADER)  # found, nothing to write

    def test_services_a_row_without_protocol_on_each(self):
        """flex-lm 27000-27009 is written without a protocol: it holds for every one."""
        lines = run("flex-lm", "--format", "services").text.split("\n")[1:-1]
        self.assertEqual(len(lines), 40)
        self.assertEqual([re.split(" +", line)[1] for line in lines[:11]],
                         ["%d/tcp" % p for p in range(27000, 27010)] + ["27000/udp"])


# --- The table ------------------------------------------------------------------------------


class Table(PortinfoTest):
    where = ("release",)  # exact answers of the bundled release
    def test_fitted_to_columns_with_ellipsis(self):
        # Description and Reference are shortened; "FORTÉ" counts five columns, not six bytes.
        self.assert_output(["4413", "whoispp/udp"], (
            "Service          Port  Proto  Description          Reference\n"
            "vision-mon       4413  tcp    FORTÉ Vision Monit…\n"
            "vision-mon-disc  4413  udp    FORTÉ Vision Monit…\n"
            "whoispp          63    udp    whois++ IANA assig…\n"), columns="60")

    def test_reference_is_shortened_first(self):
        self.assert_output(["25/tcp"], (
            "Service  Port  Proto  Description           Reference\n"
            "smtp     25    tcp    Simple Mail Transfer  [RFC-ietf-emailcore-rfc53…\n"), columns="70")
        # Down to "Reference" wide, then Description gives way.
        self.assert_output(["25/tcp"], (
            "Service  Port  Proto  Description        Reference\n"
            "smtp     25    tcp    Simple Mail Tran…  [RFC-iet…\n"), columns="50")

    def test_wide_shows_cells_whole_and_the_source(self):
        self.assert_output(["--wide", "4413"], (
            "Service          Port  Proto  Description                       Reference  Source\n"
            "vision-mon       4413  tcp    FORTÉ Vision Monitoring platform             registry\n"
            "vision-mon-disc  4413  udp    FORTÉ Vision Monitoring platform             registry\n"), columns="40")

    def test_width_defaults_to_100(self):
        for columns in [None, "", "abc", "0", "-5", "80x"]:
            self.assertEqual(run("--all", columns=columns).out, run("--all", columns="100").out, columns)

    def test_every_line_fits_and_ends_without_blanks(self):
        for columns in ["100", "72"]:
            lines = run("--all", columns=columns).text.split("\n")[:-1]
            self.assertEqual(len(lines), len(expected().rows) + 1)
            for line in lines:
                self.assertLessEqual(len(line), int(columns), line)  # len() counts code points
                self.assertEqual(line, line.rstrip(" "))


# --- Registry information, version, help ----------------------------------------------------


class WholeRegistryInfo(PortinfoTest):
    where = EVERY_PORTINFO
    def test_text_and_json(self):
        rows = expected().rows
        names = len({r[0].lower() for r in rows if r[0]})
        self.assert_output(["--registry-info"], (
            "registry  https://www.iana.org/assignments/service-names-port-numbers/\n"
            "updated   %s\nrows      %d\nnames     %d\n" % (expected().updated, len(rows), names)))
        info = json.loads(run("--registry-info", "--format", "json").text)
        self.assertEqual((info["updated"], info["rows"], info["names"]), (expected().updated, len(rows), names))


class VersionAndHelp(PortinfoTest):
    def test_version_from_the_header_macros(self):
        config = (REPO / "include/ianaports/detail/config.hpp").read_text()
        parts = [re.search(r"#define IANAPORTS_VERSION_%s (\d+)" % p, config).group(1)
                 for p in ("MAJOR", "MINOR", "PATCH")]
        self.assert_output(["--version"], "portinfo (ianaports) %s\nregistry of %s\n"
                           % (".".join(parts), expected().updated))

    def test_help(self):
        for args in (["--help"], ["-h"], ["443", "--help", "--bogus"]):  # answered at once
            result = run(*args)
            self.assertEqual((result.code, result.err), (0, ""), args)
            self.assertTrue(result.text.startswith("usage: portinfo [OPTIONS] QUERY..."))
            for option in ["--protocol", "--format", "--wide", "--search", "--search-name", "--search-description",
                           "--status", "--class", "--free", "--all", "--who", "--registry-info", "--version",
                           "--generate"]:
                self.assertIn(option + " ", result.text)

    def test_an_error_before_help_is_still_an_error(self):
        self.assert_usage_error(["--bogus", "--help"], "unknown option '--bogus'")


# --- --who: the rows of a query and the people behind them ---------------------------------


def person_ids(column: str) -> List[str]:
    """The ids of an assignee or contact column: each "[...]" in turn; an unclosed "[" ends."""
    ids = []
    while True:
        opened = column.find("[")
        closed = column.find("]", opened) if opened >= 0 else -1
        if closed < 0:
            return ids
        ids.append(column[opened + 1:closed])
        column = column[closed + 1:]


def person_of(person_id: str) -> Optional[List[str]]:
    """The first person of the directory under this id, or None."""
    return next((p for p in expected().people if p[0] == person_id), None)


def address_of(uri: str) -> str:
    """mailto:a&b.org as a@b.org; other addresses as written; several joined by a space."""
    return " ".join(u[len("mailto:"):].replace("&", "@") if u.startswith("mailto:") else u
                    for u in uri.split(" ") if u)


def person_cell(person_id: str) -> str:
    """How a CSV cell (or a services comment) names one person."""
    found = person_of(person_id)
    if found is None:
        return "[%s]" % one_line(person_id)
    _, name, org, uri, _ = found
    parts = [one_line(name)] if name else []
    if org and org != name:
        parts.append("(%s)" % one_line(org))
    if address_of(uri):
        parts.append("<%s>" % one_line(address_of(uri)))
    return " ".join(p for p in parts if p) or "[%s]" % one_line(person_id)


def people_cell(column: str) -> str:
    return "; ".join(person_cell(i) for i in person_ids(column))


def json_people(column: str) -> list:
    people = []
    for person_id in person_ids(column):
        found = person_of(person_id)
        if found is None:
            people.append({"id": person_id, "name": None, "org": None, "uri": None, "address": None,
                           "updated": None})
        else:
            people.append({"id": person_id, "name": found[1], "org": found[2], "uri": found[3],
                           "address": address_of(found[3]), "updated": found[4]})
    return people


class Who(PortinfoTest):
    """Exact outputs on the bundled release."""
    where = ("release",)  # exact answers of the bundled release

    def test_table_lists_the_rows_then_each_person_once(self):
        self.assert_output(["--who", "8080/tcp"], (
            "Service   Port  Proto  Description                   Reference\n"
            "http-alt  8080  tcp    HTTP Alternate (see port 80)\n"
            "\n"
            "Id              Name            Organization  Address\n"
            "Stephen_Casner  Stephen Casner                casner@precpt.com\n"))

    def test_csv_adds_two_columns(self):
        self.assert_output(["--who=8080/tcp", "--format", "csv"], (
            CSV_HEADER + ",Assignee People,Contact People\n"
            "http-alt,8080,tcp,HTTP Alternate (see port 80),[Stephen_Casner],[Stephen_Casner],,,,,,,"
            "Stephen Casner <casner@precpt.com>,Stephen Casner <casner@precpt.com>\n"))

    def test_services_comments_name_the_people(self):
        result = run("--who", "443/sctp", "--format", "services")
        self.assertEqual(result.code, 0)
        self.assertEqual(result.text, SERVICES_HEADER + (
            "# assignee: Randall Stewart (IETF TSVWG) <rrs@lakerest.net>\n"
            "# contact: Randall Stewart (IETF TSVWG) <rrs@lakerest.net>\n"
            "https           443/sctp                # HTTPS\n"))

    def test_nothing_found_and_usage(self):
        self.assert_output(["--who", "nosuchservice"], "", 1,
                           "portinfo: nothing found for 'nosuchservice'\n")
        self.assert_usage_error(["--who"], "--who needs a value: --who QUERY")
        self.assert_usage_error(["--who", "443", "80"],
                                "unexpected argument '80': queries cannot be combined with --who")


class WholeWho(PortinfoTest):
    """--who on a spread of the names (every name, on a small registry; one in SAMPLE_STRIDE of
    those under an emulator), against the oracle's rows and its reading of <people>: the rows of
    the name, and each id's person or nulls."""
    where = EVERY_PORTINFO

    def sample(self) -> List[str]:
        names = sorted({ascii_lower(r[0]) for r in expected().rows
                        if r[0] and (person_ids(r[4]) or person_ids(r[5]))})
        step = max(1, len(names) // 40) * SAMPLE_STRIDE[0]
        return names[::step]

    def rows_named(self, name: str) -> List[List[str]]:
        return [r for r in expected().rows if ascii_lower(r[0]) == name]

    def test_json(self):
        for name in self.sample():
            result = run("--who", name, "--format", "json")
            self.assertEqual(result.code, 0, name)
            objects = json.loads(result.text)
            rows = self.rows_named(name)
            self.assertEqual([o["service"] for o in objects], [r[0] for r in rows], name)
            for got, row in zip(objects, rows):
                self.assertEqual(got["assignee_people"], json_people(row[4]), name)
                self.assertEqual(got["contact_people"], json_people(row[5]), name)

    def test_csv(self):
        for name in self.sample():
            result = run("--who", name, "--format", "csv")
            self.assertEqual(result.code, 0, name)
            lines = parse_csv(result.out)
            self.assertEqual(lines[0], CSV_HEADER.split(",") + ["Assignee People", "Contact People"])
            rows = self.rows_named(name)
            self.assertEqual([line[:12] for line in lines[1:]], [csv_row(r) for r in rows], name)
            self.assertEqual([line[12:] for line in lines[1:]],
                             [[people_cell(r[4]), people_cell(r[5])] for r in rows], name)

    def test_every_reference_resolves_or_is_counted(self):
        """The directory answers the ids the rows name; the ones it lacks are the registry's."""
        ids = {i for r in expected().rows for column in (r[4], r[5]) for i in person_ids(column)}
        known = {p[0] for p in expected().people}
        unresolved = sorted(ids - known)
        print("\n%d ids named, %d people, %d unresolved: %s" % (len(ids), len(known), len(unresolved),
                                                              unresolved[:10]), file=sys.stderr)
        for person_id in unresolved[:5]:
            name = next(ascii_lower(r[0]) for r in expected().rows
                        if r[0] and person_id in person_ids(r[4]) + person_ids(r[5]))
            self.assertIn({"id": person_id, "name": None, "org": None, "uri": None, "address": None,
                           "updated": None},
                          [p for o in json.loads(run("--who", name, "--format", "json").text)
                           for p in o["assignee_people"] + o["contact_people"]], person_id)


class LocalRows(PortinfoTest):
    """A portinfo with local services (tests/fixtures/local) before the registry's rows: the
    Source column of --wide says which rows are local; the Whole* cases check the rest."""
    where = ("local",)

    def test_wide_source_column(self):
        local = expected().rows[:expected().local]
        self.assertTrue(local, "this portinfo has local services")
        for row in local:
            if not row[0] or not row[1]:
                continue
            result = run("--wide", "--format", "table", row[0])
            lines = result.text.split("\n")
            self.assertTrue(lines[0].endswith("Source"), lines[0])
            first = [line for line in lines[1:] if line.startswith(one_line(row[0]) + " ")][0]
            self.assertTrue(first.endswith("local"), first)
            self.assertTrue(all(line.endswith(("local", "registry")) for line in lines[1:] if line))


class WholeTerminalText(PortinfoTest):
    """Nothing a terminal obeys reaches it from the registry's text (issue 19): a control (C0,
    DEL, C1) or a bidirectional formatting character (U+202E turns what follows around) is a
    space in a table, --wide, the people of --who and a services file; JSON escapes it, as a
    JSON reader reads it back the same; CSV is IANA's bytes to a pipe or a file, and shows it
    as a space on a terminal (line feeds kept, inside their quotes)."""
    where = EVERY_PORTINFO

    def test_table_wide_and_services(self):
        for args in (["--all"], ["--all", "--wide"], ["--all", "--format", "services"]):
            result = run(*args)
            self.assertEqual(result.code, 0, args)
            assert_nothing_obeyed(self, result.out, args)

    def test_the_people_of_who(self):
        names = sorted({ascii_lower(r[0]) for r in expected().rows
                        if r[0] and (person_ids(r[4]) or person_ids(r[5]))})
        for name in names[::max(1, len(names) // 20) * SAMPLE_STRIDE[0]]:
            for args in (["--who", name], ["--who", name, "--format", "services"]):
                result = run(*args)
                self.assertEqual(result.code, 0, args)
                assert_nothing_obeyed(self, result.out, args)

    def test_json_escapes_them(self):
        """(WholeJson checks that every value reads back as the registry has it.)"""
        result = run("--all", "--format", "json")
        self.assertEqual(result.code, 0)
        assert_nothing_obeyed(self, result.out, "--format json")



class WholeTerminalCsv(PortinfoTest):
    """CSV on a terminal shows each control as a space, line feeds kept inside their quotes (a
    pseudo-terminal: POSIX's)."""
    where = EVERY_PORTINFO
    targets = ("posix",)

    def test_csv_on_a_terminal(self):
        if os.name != "posix":
            self.skipTest("the tests run where pseudo-terminals are not: %s" % os.name)
        out = run_on_terminal("--all", "--format", "csv")
        assert_nothing_obeyed(self, out, "--format csv on a terminal")
        want = CSV_HEADER + "\n" + "".join(",".join(csv_field(on_terminal(f)) for f in csv_row(r)) + "\n"
                                           for r in expected().rows)
        self.assertEqual(out.decode("utf-8"), want)


# --- Usage errors and exit codes ------------------------------------------------------------


class UsageErrors(PortinfoTest):
    def test_message_and_usage(self):
        result = run("99999")
        self.assertEqual(result.err, (
            "portinfo: port '99999' is out of range: ports are 0 to 65535\n"
            "usage: portinfo [OPTIONS] QUERY...   (a QUERY is 443, 443/tcp, 6000-6063/udp, https or https/udp)\n"
            "       portinfo [OPTIONS] --search TEXT | --search-name TEXT | --search-description TEXT | --all | --who QUERY\n"
            "       portinfo [OPTIONS] --status PORT[/PROTO] | --class PORT | --free FIRST-LAST[/PROTO]\n"
            "       portinfo --registry-info | --version | --generate man|bash|zsh|fish | --help\n"))
        self.assertEqual((result.code, result.out), (2, b""))

    def test_bad_queries(self):
        not_ports = " is neither a port (0 to 65535) nor a range of ports (FIRST-LAST, like 6000-6063)"
        not_a_name = " is not a port, a range or a service name (names are 1 to 15 letters, digits and '-', RFC 6335 section 5.1)"
        for args, message in [
            (["99999"], "port '99999' is out of range: ports are 0 to 65535"),
            (["65536/tcp"], "port '65536' is out of range: ports are 0 to 65535"),
            (["80/xyz"], "unknown protocol 'xyz' in '80/xyz': use tcp, udp, sctp or dccp"),
            (["https/xyz"], "unknown protocol 'xyz' in 'https/xyz': use tcp, udp, sctp or dccp"),
            (["80/"], "unknown protocol '' in '80/': use tcp, udp, sctp or dccp"),
            (["-1"], "'-1'" + not_ports),
            (["--", "-1"], "'-1'" + not_ports),
            (["1-"], "'1-'" + not_ports),
            (["1-2-3"], "'1-2-3'" + not_ports),
            (["9000-8000"], "the range '9000-8000' runs backwards: write FIRST-LAST, like 6000-6063"),
            ([""], "an empty query: give a port (443), a range (6000-6063) or a service name (https)"),
            (["/tcp"], "'/tcp'" + not_a_name),
            (["foo bar"], "'foo bar'" + not_a_name),
            (["a\x1b[31m"], "'a [31m'" + not_a_name),  # control characters are not echoed
            (["a" * 10000], "'" + "a" * 39 + "…'" + not_a_name),
            (["1" * 10000], "port '" + "1" * 39 + "…' is out of range: ports are 0 to 65535"),
            (["443", "a" * 10000 + "/tcp"], "'" + "a" * 39 + "…'" + not_a_name),
        ]:
            self.assert_usage_error(args, message)

    def test_arguments_are_shown_never_obeyed(self):
        """An argument in a message has each control a space: C0, C1 in UTF-8 or as a raw 8-bit
        byte (0x9B is CSI to an 8-bit terminal), a bidirectional formatting character, any byte
        of no UTF-8 (issue 19)."""
        not_a_name = " is not a port, a range or a service name (names are 1 to 15 letters, digits and '-', RFC 6335 section 5.1)"
        cases = [
            (["\u009b2J"], 2, "' 2J'" + not_a_name),
            (["a\u202eb"], 2, "'a b'" + not_a_name),
            (["\u2066a\u2069\u200e\u200f\u061c\u202a"], 2, "' a     '" + not_a_name),
            (["--format=\u202exml", "80"], 2, "unknown format ' xml' for --format: use table, csv, json or services"),
            (["--search-name", "z\u202ez"], 1, "nothing found for 'z z'"),
        ]
        if not TARGET_WINDOWS[0]:  # Windows hands programs its arguments as UTF-16: no raw bytes
            cases += [
                ([b"\x9b2J"], 2, "' 2J'" + not_a_name),
                ([b"\xff\xfe"], 2, "'  '" + not_a_name),
                ([b"a\xe2\x80"], 2, "'a  '" + not_a_name),
                ([b"--\x9b"], 2, "unknown option '-- '"),
                ([b"--protocol", b"\x9btcp", b"80"], 2, "unknown protocol ' tcp' for --protocol: use tcp, udp, sctp or dccp"),
                ([b"--status", b"80/\x9b"], 2, "unknown protocol ' ' in '80/ ': use tcp, udp, sctp or dccp"),
                ([b"--search", b"\x9b"], 1, "nothing found for ' '"),
            ]
        for args, code, message in cases:
            env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
            done = subprocess.run([*PORTINFO, *args], capture_output=True, env=env, timeout=120)
            assert_nothing_obeyed(self, done.stderr, args)
            self.assertEqual((done.returncode, done.stderr.decode("utf-8").split("\n")[0]),
                             (code, "portinfo: " + message), args)

    def test_bad_options(self):
        for args, message in [
            ([], "nothing to look up: give a port, a range or a service name"),
            (["--bogus"], "unknown option '--bogus'"),
            (["-x", "80"], "unknown option '-x'"),
            (["--format", "xml", "80"], "unknown format 'xml' for --format: use table, csv, json or services"),
            (["80", "--format"], "--format needs a value: --format table|csv|json|services"),
            (["--protocol", "ip", "80"], "unknown protocol 'ip' for --protocol: use tcp, udp, sctp or dccp"),
            (["--wide=yes", "80"], "--wide takes no value"),
            (["--all", "80"], "unexpected argument '80': queries cannot be combined with --all"),
            (["--all", "--search", "3"], "--all and --search cannot be combined: one question per call"),
            (["--status", "1/tcp", "--status", "2/tcp"], "--status and --status cannot be combined: one question per call"),
            (["--search", ""], "--search needs a TEXT to search for, not an empty one"),
            (["--search-name="], "--search-name needs a TEXT to search for, not an empty one"),
            (["--status", "80/tcp", "--format", "csv"], "--status answers as a table or as json, not as csv"),
            (["--free", "1-9", "--format", "services"], "--free answers as a table or as json, not as services"),
            (["--status", "1-5/tcp"], "--status takes one port, not the range '1-5/tcp'"),
            (["--status", "https"], "--status takes a port number, not 'https'"),
            (["--status", "99999"], "port '99999' is out of range: ports are 0 to 65535"),
            (["--class", "80/tcp"], "--class takes a port without a protocol, like 50000: the RFC 6335 ranges "
                                    "are the same for every protocol"),
            (["--class", "1-2"], "--class takes one port, not the range '1-2'"),
            (["--free", "a-b"], "--free takes a port number, not 'a-b'"),
            (["--free", "9-1/udp"], "the range '9-1' runs backwards: write FIRST-LAST, like 6000-6063"),
        ]:
            self.assert_usage_error(args, message)

    def test_exit_codes(self):
        self.assertEqual(run("443").code, 0)
        self.assertEqual(run("a-b").code, 1)
        self.assertEqual(run("99999").code, 2)
        self.assertEqual(run("--status", "49200/tcp").code, 0)  # answered: dynamic
        self.assertEqual(run("--free", "80/tcp").code, 1)


# --- Writing the output ---------------------------------------------------------------------


def read_one_line_and_close(test: unittest.TestCase, **popen) -> Tuple[int, bytes]:
    """Runs portinfo --all --format csv, reads its first line, closes the pipe: (exit, stderr)."""
    process = subprocess.Popen([*PORTINFO, "--all", "--format", "csv"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, **popen)
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    test.assertEqual(first, (CSV_HEADER + "\n").encode())
    return process.wait(timeout=60), err


class ClosedPipe(PortinfoTest):
    """`portinfo --all | head -1` ends quietly, however the parent left SIGPIPE."""
    targets = ("posix",)

    def test_sigpipe_default(self):
        self.assertEqual(read_one_line_and_close(self), (-signal.SIGPIPE, b""))

    def test_sigpipe_ignored_by_the_parent(self):
        self.assertEqual(read_one_line_and_close(self, restore_signals=False), (-signal.SIGPIPE, b""))

    def test_sigpipe_blocked_write_fails_with_epipe(self):
        block = lambda: signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
        self.assertEqual(read_one_line_and_close(self, preexec_fn=block), (3, b""))


class ClosedPipeWindows(PortinfoTest):
    """The same on Windows, which has no SIGPIPE: the write fails, and portinfo ends quietly."""
    targets = ("windows",)

    def test_write_fails_quietly(self):
        self.assertEqual(read_one_line_and_close(self), (3, b""))


class WriteErrors(PortinfoTest):
    """Any other failed write is reported, with exit code 3."""

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_other_write_errors_are_reported(self):
        with open("/dev/full", "wb") as full:
            done = subprocess.run([*PORTINFO, "--all"], stdout=full, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual((done.returncode, done.stderr),
                         (3, b"portinfo: cannot write the output: No space left on device\n"))


def main() -> None:
    global PORTINFO, EXPECTED_ROWS_FILE
    ctest_unittest.list_cases_if_asked(sys.modules[__name__], sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--portinfo", required=True, help="the portinfo binary")
    parser.add_argument("--expected-rows", default="", help="tests/oracle/expected_rows.py output")
    parser.add_argument("--emulator", action="append", default=[],
                        help="runs portinfo on a cross build (each argument of CMAKE_CROSSCOMPILING_EMULATOR)")
    parser.add_argument("--target-system", default="", help="CMake's CMAKE_SYSTEM_NAME")
    parser.add_argument("--sampled", action="store_true",
                        help="take one item in SAMPLED_STRIDE of the spreads, as under an emulator (a sanitizer's build)")
    args, rest = parser.parse_known_args()
    PORTINFO = [*args.emulator, os.path.abspath(args.portinfo)]
    TARGET_WINDOWS[0] = args.target_system == "Windows"
    SAMPLE_STRIDE[0] = SAMPLED_STRIDE if args.emulator or args.sampled else 1
    EXPECTED_ROWS_FILE = args.expected_rows
    ctest_unittest.main(rest)


if __name__ == "__main__":
    main()
