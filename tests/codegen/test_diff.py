# SPDX-License-Identifier: BSL-1.0
"""Tests of the release differ, codegen/diff.py, run as a user runs it: a subprocess.

    python3 -m unittest -v tests/codegen/test_diff.py      (from the project root)
    python3 -m unittest -v test_diff                       (from tests/codegen)

Small registries written into a temporary directory pin the exact output of each format: rows
added, removed and changed, keys that repeat or differ only in case, port answers that change
by status or by name, ranges, rows for every protocol, --ports, bad arguments and bad files,
and registry text that tries to break a line or a table. The releases in tests/data and
registry/ are then diffed for what must hold of any report, and a sample of the port answers is
checked against a linear scan of the rows.

Standard library only; Python 3.8 or later.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from test_generate import ROOT, child_environment, line_of, record, registry, write_file  # noqa: E402

sys.path.insert(0, ROOT)  # the generator, as the package codegen
from codegen.registry_xml import PROTOCOLS, read_registry  # noqa: E402

DIFF = os.path.join(ROOT, "codegen", "diff.py")
DATA = os.path.join(ROOT, "tests", "data")
RELEASE_2024 = os.path.join(DATA, "service-names-port-numbers-2024-03-18.xml")
RELEASE_2025 = os.path.join(DATA, "service-names-port-numbers-2025-08-26.xml")
RELEASE_BUNDLED = os.path.join(ROOT, "registry", "service-names-port-numbers.xml")

TIMEOUT = 20  # seconds for one run on small fixtures
FULL_TIMEOUT = 60  # seconds for one run on two full releases (about 1 s on a quiet machine)
COLUMNS = ["Service Name", "Port Number", "Transport Protocol", "Description", "Assignee", "Contact",
           "Registration Date", "Modification Date", "Reference", "Service Code",
           "Unauthorized Use Reported", "Assignment Notes"]


def row(service="", port="", protocol="", description="", **others):
    """A ROW as the JSON report shows it; others by column name with "_" for " "."""
    values = dict.fromkeys(COLUMNS, "")
    values.update({"Service Name": service, "Port Number": port, "Transport Protocol": protocol,
                   "Description": description})
    for name, value in others.items():
        values[name.replace("_", " ")] = value
    return values


def port_change(port, protocol, old, new):
    """A "ports" entry; old and new are a status, or (status, name)."""
    def answer(a):
        status, name = (a, "") if isinstance(a, str) else a
        return {"status": status, "name": name}
    return {"port": port, "protocol": protocol, "old": answer(old), "new": answer(new)}


def entry(name, protocol, number, description, *more, **attributes):
    """A <record> with name (may be ""), protocol (None: none), number and description."""
    children = (["<name>%s</name>" % name] if name else []) \
        + (["<protocol>%s</protocol>" % protocol] if protocol else []) \
        + ["<number>%s</number>" % number, "<description>%s</description>" % description] + list(more)
    return record(*children, **attributes)


# --- the fixture that shows every kind of change ----------------------------------------------

OLD = registry(
    entry("dup", "tcp", "7", "one"),
    entry("dup", "tcp", "7", "two"),
    entry("gone", "udp", "9", "Going away"),
    entry("http", "tcp", "80", "World Wide Web HTTP", '<xref type="rfc" data="rfc2616"/>'),
    entry("www", "tcp", "81", "WWW"),
    entry("HTTPS", "tcp", "443", "http protocol over TLS/SSL"),
    entry("fourseven", "tcp", "4748-4748", "Range of one"),
    updated="2001-02-03")

NEW = registry(
    entry("", "tcp", "1", "Reserved"),
    entry("dup", "tcp", "7", "one"),
    entry("dup", "tcp", "7", "two, changed"),
    entry("dup", "tcp", "7", "three"),
    entry("http", "tcp", "80", "World Wide Web (HTTP)", '<xref type="rfc" data="rfc9110"/>',
          updated="2022-06-01"),
    entry("newer", "tcp", "81", "Newer"),  # before www: name_of(81) becomes "newer"
    entry("www", "tcp", "81", "WWW"),
    entry("https", "tcp", "443", "http protocol over TLS/SSL"),
    entry("fourseven", "tcp", "4748", "Range of one"),  # "4748" is another key than "4748-4748"
    entry("every", None, "5000", "Every protocol"),
    entry("foo", "tcp", "8123", "Foo"),
    entry("dyn", "udp", "50000", "Dynamic"),
    updated="2002-03-04")

EXPECTED_TEXT = """\
old.xml (2001-02-03, 7 rows) -> new.xml (2002-03-04, 12 rows)
7 rows added, 2 removed, 3 changed; 10 port answers changed

Added (7):
+ (no name) 1/tcp: Reserved
+ dup 7/tcp: three
+ newer 81/tcp: Newer
+ fourseven 4748/tcp: Range of one
+ every 5000: Every protocol
+ foo 8123/tcp: Foo
+ dyn 50000/udp: Dynamic

Removed (2):
- gone 9/udp: Going away
- fourseven 4748-4748/tcp: Range of one

Changed (3):
~ dup 7/tcp: two
    Description: "two" -> "two, changed"
~ http 80/tcp: World Wide Web HTTP
    Description: "World Wide Web HTTP" -> "World Wide Web (HTTP)"
    Modification Date: "" -> "2022-06-01"
    Reference: "[RFC2616]" -> "[RFC9110]"
~ HTTPS 443/tcp: http protocol over TLS/SSL
    Service Name: "HTTPS" -> "https"

Ports (10):
1/tcp: unassigned -> reserved
9/udp: assigned (gone) -> unassigned
81/tcp: assigned (www) -> assigned (newer)
443/tcp: assigned (HTTPS) -> assigned (https)
5000/tcp: unassigned -> assigned (every)
5000/udp: unassigned -> assigned (every)
5000/sctp: unassigned -> assigned (every)
5000/dccp: unassigned -> assigned (every)
8123/tcp: unassigned -> assigned (foo)
50000/udp: dynamic -> assigned (dyn)
"""

EXPECTED_MARKDOWN = """\
## Port registry changes: 2001-02-03 to 2002-03-04

| Release | File | Updated | Rows |
|---|---|---|---|
| old | old.xml | 2001-02-03 | 7 |
| new | new.xml | 2002-03-04 | 12 |

7 rows added, 2 removed, 3 changed; 10 port answers changed.

### Added (7)

| Service Name | Port Number | Transport Protocol | Description | Reference |
|---|---|---|---|---|
|  | 1 | tcp | Reserved |  |
| dup | 7 | tcp | three |  |
| newer | 81 | tcp | Newer |  |
| fourseven | 4748 | tcp | Range of one |  |
| every | 5000 |  | Every protocol |  |
| foo | 8123 | tcp | Foo |  |
| dyn | 50000 | udp | Dynamic |  |

### Removed (2)

| Service Name | Port Number | Transport Protocol | Description | Reference |
|---|---|---|---|---|
| gone | 9 | udp | Going away |  |
| fourseven | 4748-4748 | tcp | Range of one |  |

### Changed (3)

| Service Name | Port Number | Transport Protocol | Column | Old | New |
|---|---|---|---|---|---|
| dup | 7 | tcp | Description | two | two, changed |
| http | 80 | tcp | Description | World Wide Web HTTP | World Wide Web (HTTP) |
| http | 80 | tcp | Modification Date |  | 2022-06-01 |
| http | 80 | tcp | Reference | \\[RFC2616] | \\[RFC9110] |
| HTTPS | 443 | tcp | Service Name | HTTPS | https |

### Ports (10)

| Port | Protocol | Old | New |
|---|---|---|---|
| 1 | tcp | unassigned | reserved |
| 9 | udp | assigned (gone) | unassigned |
| 81 | tcp | assigned (www) | assigned (newer) |
| 443 | tcp | assigned (HTTPS) | assigned (https) |
| 5000 | tcp | unassigned | assigned (every) |
| 5000 | udp | unassigned | assigned (every) |
| 5000 | sctp | unassigned | assigned (every) |
| 5000 | dccp | unassigned | assigned (every) |
| 8123 | tcp | unassigned | assigned (foo) |
| 50000 | udp | dynamic | assigned (dyn) |
"""

EXPECTED_JSON = {
    "old": {"file": "old.xml", "updated": "2001-02-03", "rows": 7},
    "new": {"file": "new.xml", "updated": "2002-03-04", "rows": 12},
    "added": [
        row("", "1", "tcp", "Reserved"),
        row("dup", "7", "tcp", "three"),
        row("newer", "81", "tcp", "Newer"),
        row("fourseven", "4748", "tcp", "Range of one"),
        row("every", "5000", "", "Every protocol"),
        row("foo", "8123", "tcp", "Foo"),
        row("dyn", "50000", "udp", "Dynamic"),
    ],
    "removed": [
        row("gone", "9", "udp", "Going away"),
        row("fourseven", "4748-4748", "tcp", "Range of one"),
    ],
    "changed": [
        {"old": row("dup", "7", "tcp", "two"), "new": row("dup", "7", "tcp", "two, changed"),
         "columns": ["Description"]},
        {"old": row("http", "80", "tcp", "World Wide Web HTTP", Reference="[RFC2616]"),
         "new": row("http", "80", "tcp", "World Wide Web (HTTP)", Reference="[RFC9110]",
                    Modification_Date="2022-06-01"),
         "columns": ["Description", "Modification Date", "Reference"]},
        {"old": row("HTTPS", "443", "tcp", "http protocol over TLS/SSL"),
         "new": row("https", "443", "tcp", "http protocol over TLS/SSL"),
         "columns": ["Service Name"]},
    ],
    "ports": [
        port_change(1, "tcp", "unassigned", "reserved"),
        port_change(9, "udp", ("assigned", "gone"), "unassigned"),
        port_change(81, "tcp", ("assigned", "www"), ("assigned", "newer")),
        port_change(443, "tcp", ("assigned", "HTTPS"), ("assigned", "https")),
    ] + [port_change(5000, p, "unassigned", ("assigned", "every")) for p in PROTOCOLS] + [
        port_change(8123, "tcp", "unassigned", ("assigned", "foo")),
        port_change(50000, "udp", "dynamic", ("assigned", "dyn")),
    ],
}

# --- hostile text -----------------------------------------------------------------------------

HOSTILE_OLD = registry(
    entry('evil|"quote"', "tcp", "1234", 'pipe | quote " backslash \\ star *',
          "<note>first line<br/>second&#9;line</note>"),
    updated="2001-02-03")
HOSTILE_NEW = registry(
    entry('evil|"quote"', "tcp", "1234", 'pipe | quote " backslash \\ star *',
          "<note>first line<br/>second line&#13;&#x85;&#x2028;&#x202E;\u65e5\u672c</note>"),
    entry("FORT\u00c9|x", "udp", "1235",
          "\u00dcn\u00efc\u00f6d\u00e9 | &lt;b&gt;bold&lt;/b&gt; [link](javascript:x) `code` &amp;amp;"),
    updated="2002-03-04")

EXPECTED_HOSTILE_TEXT = """\
old.xml (2001-02-03, 1 row) -> new.xml (2002-03-04, 2 rows)
1 row added, 0 removed, 1 changed; 1 port answer changed

Added (1):
+ FORT\u00c9|x 1235/udp: \u00dcn\u00efc\u00f6d\u00e9 | <b>bold</b> [link](javascript:x) `code` &amp;

Changed (1):
~ evil|"quote" 1234/tcp: pipe | quote " backslash \\\\ star *
    Assignment Notes: "first line\\nsecond\\tline" -> "first line\\nsecond line\\r\\x85\\u2028\\u202e\u65e5\u672c"

Ports (1):
1235/udp: unassigned -> assigned (FORT\u00c9|x)
"""

EXPECTED_HOSTILE_MARKDOWN_TABLES = """\
| Service Name | Port Number | Transport Protocol | Description | Reference |
|---|---|---|---|---|
| FORT\u00c9\\|x | 1235 | udp | \u00dcn\u00efc\u00f6d\u00e9 \\| \\<b\\>bold\\</b\\> \\[link](javascript:x) \\`code\\` \\&amp; |  |
| Service Name | Port Number | Transport Protocol | Column | Old | New |
|---|---|---|---|---|---|
| evil\\|"quote" | 1234 | tcp | Assignment Notes | first line<br>second\\\\tline | first line<br>second line\\\\r\\\\x85\\\\u2028\\\\u202e\u65e5\u672c |
| Port | Protocol | Old | New |
|---|---|---|---|
| 1235 | udp | unassigned | assigned (FORT\u00c9\\|x) |
"""


def run_diff(*args, cwd=None, timeout=TIMEOUT, env=None):
    started = time.monotonic()
    result = subprocess.run([sys.executable, DIFF, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                            env=env if env is not None else child_environment())
    result.elapsed = time.monotonic() - started
    return result


def naive_answer(rows, port, protocol):
    """status() and name_of() by a scan of every row: the C++ API's rules, read plainly."""
    covering = [r for r in rows if r.ports is not None and r.ports[0] <= port <= r.ports[1]
                and r.transport in (None, protocol)]
    names = [r.service for r in covering if r.service]
    if names:
        return {"status": "assigned", "name": names[0]}
    if any(r.description == "Reserved" for r in covering):
        return {"status": "reserved", "name": ""}
    return {"status": "dynamic" if port >= 49152 else "unassigned", "name": ""}


class DiffTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        temporary = tempfile.TemporaryDirectory(prefix="ianaports-diff-")
        self.addCleanup(temporary.cleanup)
        self.tmp = temporary.name

    def diff(self, old, new, *options, status=1):
        """Write old and new as old.xml and new.xml, diff them; the run must exit with status
        and print nothing on stderr. Returns stdout, decoded."""
        write_file(self.tmp, "old.xml", old)
        write_file(self.tmp, "new.xml", new)
        result = run_diff("old.xml", "new.xml", *options, cwd=self.tmp)
        self.assertEqual(result.stderr.decode("utf-8", "replace"), "")
        self.assertEqual(result.returncode, status)
        return result.stdout.decode("utf-8")

    def assert_fails(self, args, message, status=2):
        """A run exits with status, prints nothing on stdout and ends stderr with message."""
        result = run_diff(*args, cwd=self.tmp)
        self.assertEqual(result.returncode, status)
        self.assertEqual(result.stdout, b"")
        self.assertEqual(result.stderr.decode("utf-8").splitlines()[-1], message)


# --- exact output -------------------------------------------------------------------------------

class FormatTest(DiffTestCase):

    def test_text(self):
        self.assertEqual(self.diff(OLD, NEW), EXPECTED_TEXT)
        self.assertEqual(self.diff(OLD, NEW, "--format", "text"), EXPECTED_TEXT)

    def test_markdown(self):
        self.assertEqual(self.diff(OLD, NEW, "--format", "markdown"), EXPECTED_MARKDOWN)

    def test_json(self):
        out = self.diff(OLD, NEW, "--format", "json")
        self.assertEqual(json.loads(out), EXPECTED_JSON)
        self.assertEqual(out, json.dumps(EXPECTED_JSON, ensure_ascii=False, indent=2) + "\n",
                         "keys in the documented order, indented by two")

    def test_the_port_answers_agree_with_a_scan_of_the_rows(self):
        write_file(self.tmp, "old.xml", OLD)
        write_file(self.tmp, "new.xml", NEW)
        old_rows = read_registry(os.path.join(self.tmp, "old.xml")).rows
        new_rows = read_registry(os.path.join(self.tmp, "new.xml")).rows
        changed = [(c["port"], c["protocol"]) for c in EXPECTED_JSON["ports"]]
        for port in sorted({0, 1, 7, 9, 80, 81, 443, 4748, 5000, 8123, 49151, 49152, 50000, 65535}):
            for protocol in PROTOCOLS:
                before = naive_answer(old_rows, port, protocol)
                after = naive_answer(new_rows, port, protocol)
                self.assertEqual(before != after, (port, protocol) in changed, (port, protocol))

    def test_no_change_exits_0(self):
        self.assertEqual(self.diff(OLD, OLD, status=0),
                         "old.xml (2001-02-03, 7 rows) -> new.xml (2001-02-03, 7 rows)\n"
                         "0 rows added, 0 removed, 0 changed; 0 port answers changed\n")
        self.assertEqual(json.loads(self.diff(OLD, OLD, "--format", "json", status=0))["ports"], [])

    def test_moving_a_row_changes_nothing(self):
        # Keys pair whatever their place; only name_of()'s "first in registry order" sees order.
        a = entry("alpha", "tcp", "10", "A")
        b = entry("beta", "udp", "11", "B")
        self.assertIn("0 rows added, 0 removed, 0 changed; 0 port answers changed",
                      self.diff(registry(a, b), registry(b, a), status=0))

    def test_the_nth_row_of_a_key_pairs_with_the_nth(self):
        old = registry(entry("www", "tcp", "80", "first"), entry("www", "tcp", "80", "second"),
                       entry("www", "tcp", "80", "third"))
        new = registry(entry("www", "tcp", "80", "first"), entry("www", "tcp", "80", "third"))
        report = json.loads(self.diff(old, new, "--format", "json"))
        self.assertEqual(report["added"], [])
        self.assertEqual(report["removed"], [row("www", "80", "tcp", "third")])
        self.assertEqual(report["changed"], [{"old": row("www", "80", "tcp", "second"),
                                              "new": row("www", "80", "tcp", "third"),
                                              "columns": ["Description"]}])
        self.assertEqual(report["ports"], [])

    def test_names_pair_case_folded_in_ascii_only(self):
        old = registry(entry("Http", "tcp", "80", "x"), entry("STRASSE", "tcp", "81", "y"),
                       entry("\u00c9T\u00c9", "tcp", "82", "z"))
        new = registry(entry("hTTP", "tcp", "80", "x"), entry("stra\u00dfe", "tcp", "81", "y"),
                       entry("\u00e9t\u00e9", "tcp", "82", "z"))
        report = json.loads(self.diff(old, new, "--format", "json"))
        self.assertEqual([(c["old"]["Service Name"], c["new"]["Service Name"], c["columns"])
                          for c in report["changed"]], [("Http", "hTTP", ["Service Name"])])
        # Unicode folding would pair these; RFC 6335's ASCII-only comparison does not.
        self.assertEqual([r["Service Name"] for r in report["removed"]], ["STRASSE", "\u00c9T\u00c9"])
        self.assertEqual([r["Service Name"] for r in report["added"]], ["stra\u00dfe", "\u00e9t\u00e9"])

    def test_every_column_is_compared(self):
        old = registry(record("<name>full</name>", "<protocol>sctp</protocol>", "<number>9</number>",
                              "<description>d</description>", '<xref type="person" data="A"/>',
                              "<sc>1</sc>", "<unauthorized>u</unauthorized>", "<note>n</note>",
                              date="2001-01-01", updated="2001-01-02"))
        new = registry(record("<name>full</name>", "<protocol>sctp</protocol>", "<number>9</number>",
                              "<description>e</description>", '<xref type="person" data="B"/>',
                              '<xref type="rfc" data="rfc1"/>', "<sc>2</sc>",
                              "<unauthorized>v</unauthorized>", "<note>o</note>",
                              date="2001-01-03", updated="2001-01-04"))
        changed = json.loads(self.diff(old, new, "--format", "json"))["changed"]
        self.assertEqual(len(changed), 1)
        self.assertEqual(changed[0]["columns"], [
            "Description", "Assignee", "Contact", "Registration Date", "Modification Date",
            "Reference", "Service Code", "Unauthorized Use Reported", "Assignment Notes"])
        self.assertEqual(changed[0]["old"]["Service Code"], "1")
        self.assertEqual(changed[0]["new"]["Reference"], "[RFC1]")

    def test_rows_without_ports(self):
        # A name without a port (the registry has about a thousand) covers no port.
        old = registry(record("<name>noport</name>", "<protocol>tcp</protocol>",
                              "<description>old</description>"))
        new = registry(record("<name>noport</name>", "<protocol>tcp</protocol>",
                              "<description>new</description>"), record("<name>another</name>"))
        self.assertEqual(self.diff(old, new).split("\n", 1)[1],
                         "1 row added, 0 removed, 1 changed; 0 port answers changed\n"
                         "\n"
                         "Added (1):\n"
                         "+ another (no port)\n"
                         "\n"
                         "Changed (1):\n"
                         "~ noport (no port)/tcp: old\n"
                         '    Description: "old" -> "new"\n')


class PortAnswerTest(DiffTestCase):

    def test_a_range_changes_status_across_its_span(self):
        old = registry(entry("", "tcp", "6000-6063", "Unassigned"))
        new = registry(entry("x11", "tcp", "6000-6063", "X Window System"))
        lines = self.diff(old, new).split("\n")
        self.assertEqual(lines[1], "1 row added, 1 removed, 0 changed; 64 port answers changed")
        ports = lines[lines.index("Ports (64):") + 1:-1]
        self.assertEqual(len(ports), 64)
        self.assertEqual(ports[0], "6000/tcp: unassigned -> assigned (x11)")
        self.assertEqual(ports[10], "6010/tcp: unassigned -> assigned (x11)")
        self.assertEqual(ports[-1], "6063/tcp: unassigned -> assigned (x11)")
        self.assertEqual(lines[-1], "")

    def test_a_range_for_every_protocol_orders_ports_then_protocols(self):
        old = registry(entry("", None, "6000-6001", "Reserved"))
        new = registry(entry("x11", None, "6000-6001", "X Window System"))
        report = json.loads(self.diff(old, new, "--format", "json"))
        self.assertEqual([(c["port"], c["protocol"]) for c in report["ports"]],
                         [(port, p) for port in (6000, 6001) for p in PROTOCOLS])
        self.assertTrue(all(c["old"] == {"status": "reserved", "name": ""} for c in report["ports"]))

    def test_only_the_first_named_row_gives_the_name(self):
        old = registry(entry("", "tcp", "70-79", "Reserved"), entry("late", "tcp", "75", "x"))
        new = registry(entry("", "tcp", "70-79", "Reserved"), entry("early", "tcp", "74-76", "x"),
                       entry("late", "tcp", "75", "x"))
        self.assertTrue(self.diff(old, new).endswith(
            "Ports (3):\n"
            "74/tcp: reserved -> assigned (early)\n"
            "75/tcp: assigned (late) -> assigned (early)\n"
            "76/tcp: reserved -> assigned (early)\n"))

    def test_reserved_needs_the_exact_description(self):
        old = registry(entry("", "udp", "3", "Unassigned"), entry("", "udp", "4", "reserved"))
        new = registry(entry("", "udp", "3", "Reserved"), entry("", "udp", "4", "Reserved for X"))
        self.assertTrue(self.diff(old, new).endswith("Ports (1):\n3/udp: unassigned -> reserved\n"))

    def test_one_port_written_as_a_range_is_another_key(self):
        old = registry(entry("fourseven", "tcp", "4748-4748", "x"))
        new = registry(entry("fourseven", "tcp", "4748", "x"))
        report = json.loads(self.diff(old, new, "--format", "json"))
        self.assertEqual([r["Port Number"] for r in report["removed"]], ["4748-4748"])
        self.assertEqual([r["Port Number"] for r in report["added"]], ["4748"])
        self.assertEqual(report["changed"], [])
        self.assertEqual(report["ports"], [], "the port's answer is the same")

    def test_a_row_for_every_protocol_changes_all_four(self):
        old = registry(entry("tcponly", "tcp", "900", "x"))
        new = registry(entry("tcponly", "tcp", "900", "x"), entry("all", None, "900-901", "y"))
        self.assertTrue(self.diff(old, new).endswith(
            "Ports (7):\n"
            "900/udp: unassigned -> assigned (all)\n"
            "900/sctp: unassigned -> assigned (all)\n"
            "900/dccp: unassigned -> assigned (all)\n"
            "901/tcp: unassigned -> assigned (all)\n"
            "901/udp: unassigned -> assigned (all)\n"
            "901/sctp: unassigned -> assigned (all)\n"
            "901/dccp: unassigned -> assigned (all)\n"))

    def test_the_ends_of_the_port_space(self):
        old = registry(entry("", None, "0", "Reserved"))
        new = registry(entry("", None, "0", "Reserved"), entry("zero", "dccp", "0", "x"),
                       entry("top", "sctp", "65535", "y"))
        self.assertTrue(self.diff(old, new).endswith(
            "Ports (2):\n0/dccp: reserved -> assigned (zero)\n65535/sctp: dynamic -> assigned (top)\n"))

    def test_many_overlapping_ranges_stay_fast(self):
        # Each port is answered once, however many rows cover it (2,000 x 65,536 x 4 otherwise).
        rows = [entry("wide%d" % i, None, "0-65535", "x") for i in range(2000)]
        first = entry("first", "tcp", "0", "x")
        self.assertTrue(self.diff(registry(*rows), registry(first, *rows)).endswith(
            "Ports (1):\n0/tcp: assigned (wide0) -> assigned (first)\n"))


# --- --ports ----------------------------------------------------------------------------------

class WatchTest(DiffTestCase):

    def test_a_watched_port_that_changed(self):
        self.assertEqual(self.diff(OLD, NEW, "--ports", "8123/tcp"),
                         "old.xml (2001-02-03, 7 rows) -> new.xml (2002-03-04, 12 rows)\n"
                         "ports watched: 8123/tcp\n"
                         "1 row added, 0 removed, 0 changed; 1 port answer changed\n"
                         "\n"
                         "Added (1):\n"
                         "+ foo 8123/tcp: Foo\n"
                         "\n"
                         "Ports (1):\n"
                         "8123/tcp: unassigned -> assigned (foo)\n")

    def test_watched_ports_that_did_not_change(self):
        out = self.diff(OLD, NEW, "--ports", "22/tcp,8123/udp,6000-6063,4748/udp,49152-65535/tcp",
                        status=0)
        self.assertEqual(out.split("\n")[2:], ["0 rows added, 0 removed, 0 changed; 0 port answers changed", ""])
        json_report = json.loads(self.diff(OLD, NEW, "--ports", "22/tcp", "--format", "json", status=0))
        self.assertEqual([json_report[k] for k in ("added", "removed", "changed", "ports")], [[]] * 4)
        self.assertEqual(json_report["new"]["rows"], 12, "the row counts are the registries'")

    def test_a_changed_row_on_a_watched_port_whose_answer_did_not_change(self):
        self.assertEqual(self.diff(OLD, NEW, "--ports", "7/tcp").split("\n")[2:], [
            "1 row added, 0 removed, 1 changed; 0 port answers changed", "",
            "Added (1):", "+ dup 7/tcp: three", "",
            "Changed (1):", "~ dup 7/tcp: two", '    Description: "two" -> "two, changed"', ""])

    def test_a_row_for_every_protocol_is_watched_on_any(self):
        report = json.loads(self.diff(OLD, NEW, "--ports", "4999-5001/sctp", "--format", "json"))
        self.assertEqual([r["Service Name"] for r in report["added"]], ["every"])
        self.assertEqual(report["ports"], [port_change(5000, "sctp", "unassigned", ("assigned", "every"))])

    def test_a_port_without_protocol_watches_all_four(self):
        report = json.loads(self.diff(OLD, NEW, "--ports", "5000, 9", "--format", "json"))
        self.assertEqual([(c["port"], c["protocol"]) for c in report["ports"]],
                         [(9, "udp")] + [(5000, p) for p in PROTOCOLS])
        self.assertEqual([r["Service Name"] for r in report["removed"]], ["gone"])

    def test_the_markdown_says_what_is_watched(self):
        out = self.diff(OLD, NEW, "--ports", "1-2/TCP", "--format", "markdown")
        self.assertIn("\nPorts watched: 1-2/TCP.\n\n1 row added, 0 removed, 0 changed;"
                      " 1 port answer changed.\n", out)

    def test_bad_port_specs(self):
        write_file(self.tmp, "a.xml", OLD)
        prefix = "diff.py: error: argument --ports: "
        for spec, problem in [
                ("70000/tcp", '"70000/tcp": port number "70000" is out of range 0-65535'),
                ("80/xyz", '"80/xyz": unknown protocol "xyz" (expected tcp, udp, sctp or dccp)'),
                ("80/", '"80/": unknown protocol "" (expected tcp, udp, sctp or dccp)'),
                ("10-5", '"10-5": port range "10-5" is reversed (first > last)'),
                ("080", '"080": port number "080" has a leading zero'),
                ("1,,2", '"": port number "" is not a port (0-65535) or a range N-M'),
                ("http", '"http": port number "http" is not a port (0-65535) or a range N-M'),
                ("-1/tcp", '"-1/tcp": port number "-1" is not a port (0-65535) or a range N-M')]:
            with self.subTest(spec=spec):
                self.assert_fails(["a.xml", "a.xml", "--ports=" + spec], prefix + problem)


# --- arguments and files ----------------------------------------------------------------------

class BadInputTest(DiffTestCase):

    def test_missing_file(self):
        write_file(self.tmp, "a.xml", OLD)
        self.assert_fails(["a.xml", "missing.xml"], "missing.xml: No such file or directory")
        self.assert_fails(["missing.xml", "a.xml"], "missing.xml: No such file or directory")

    def test_a_directory(self):
        write_file(self.tmp, "a.xml", OLD)
        self.assert_fails([".", "a.xml"], ".: Is a directory")

    def test_malformed_xml(self):
        cut = NEW.index("<number>443") + len("<numb")
        write_file(self.tmp, "a.xml", OLD)
        write_file(self.tmp, "bad.xml", NEW[:cut])
        self.assert_fails(["a.xml", "bad.xml"],
                          "bad.xml:%d: not well-formed XML: unclosed token" % line_of(NEW, "<number>443"))

    def test_a_bad_record(self):
        bad = registry(entry("probe", "tcp", "65536", "x"))
        write_file(self.tmp, "bad.xml", bad)
        self.assert_fails(["bad.xml", "bad.xml"],
                          'bad.xml:%d: port number "65536" is out of range 0-65535' % line_of(bad, "<number>"))

    def test_usage_errors(self):
        write_file(self.tmp, "a.xml", OLD)
        self.assert_fails(["a.xml"], "diff.py: error: the following arguments are required: NEW.xml")
        result = run_diff("a.xml", "a.xml", "--format", "csv", cwd=self.tmp)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"diff.py: error: argument --format: invalid choice: 'csv'", result.stderr)
        self.assert_fails(["a.xml", "a.xml", "extra.xml"], "diff.py: error: unrecognized arguments: extra.xml")

    def test_help(self):
        result = run_diff("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn(b"--ports SPEC", result.stdout)


# --- hostile text -----------------------------------------------------------------------------

class HostileTextTest(DiffTestCase):

    def test_text_keeps_each_entry_on_its_line(self):
        out = self.diff(HOSTILE_OLD, HOSTILE_NEW)
        self.assertEqual(out, EXPECTED_HOSTILE_TEXT)
        self.assertEqual(out.splitlines(), out.split("\n")[:-1], "no line break but \\n")

    def test_markdown_tables_hold(self):
        out = self.diff(HOSTILE_OLD, HOSTILE_NEW, "--format", "markdown")
        self.assertEqual(out.splitlines(), out.split("\n")[:-1], "no line break but \\n")
        tables = [line for line in out.split("\n") if line.startswith("|")]
        self.assertEqual("\n".join(tables[4:]) + "\n", EXPECTED_HOSTILE_MARKDOWN_TABLES)
        # Every line of a table has as many cells as its header: an unescaped "|" ends a cell.
        header_cells = None
        for line in out.split("\n"):
            cells = len(re.findall(r"(?<!\\)\|", line))
            if not line.startswith("|"):
                header_cells = None
            elif header_cells is None:
                header_cells = cells
            else:
                self.assertEqual(cells, header_cells, line)

    def test_json_round_trips(self):
        report = json.loads(self.diff(HOSTILE_OLD, HOSTILE_NEW, "--format", "json"))
        write_file(self.tmp, "new.xml", HOSTILE_NEW)
        rows = read_registry(os.path.join(self.tmp, "new.xml")).rows
        self.assertEqual(report["changed"][0]["new"]["Assignment Notes"], rows[0].notes)
        self.assertEqual(rows[0].notes, "first line\nsecond line\r\x85\u2028\u202e\u65e5\u672c")
        self.assertEqual(report["added"][0]["Service Name"], "FORT\u00c9|x")
        self.assertEqual(report["added"][0]["Description"],
                         "\u00dcn\u00efc\u00f6d\u00e9 | <b>bold</b> [link](javascript:x) `code` &amp;")

    def test_the_hostile_fixture_against_itself(self):
        hostile = os.path.join(ROOT, "tests", "fixtures", "hostile.xml")
        for form in ("text", "markdown", "json"):
            result = run_diff(hostile, hostile, "--format", form)
            self.assertEqual(result.returncode, 0)
            self.assertEqual(result.stderr, b"")

    def test_long_values_show_around_the_change(self):
        before = "word " * 60 + "old" + " tail" * 60
        after = "word " * 60 + "new" + " tail" * 60
        out = self.diff(registry(entry("long", "tcp", "5", "x", "<note>%s</note>" % before)),
                        registry(entry("long", "tcp", "5", "x", "<note>%s</note>" % after)))
        self.assertIn('\n    Assignment Notes: ..."word word word word word word old tail tail tail tail tail tail"...'
                      ' -> ..."word word word word word word new tail tail tail tail tail tail"...\n', out)
        out = self.diff(registry(entry("long", "tcp", "5", "x", "<note>%s</note>" % before)),
                        registry(entry("long", "tcp", "5", "x", "<note>%s!</note>" % before)))
        self.assertIn('\n    Assignment Notes: ..." tail tail tail tail tail tail" -> ..." tail tail tail'
                      ' tail tail tail!"\n', out)
        out = self.diff(registry(entry("long", "tcp", "5", "x")),
                        registry(entry("long", "tcp", "5", "x", "<note>%s</note>" % before)))
        self.assertIn('\n    Assignment Notes: "" -> "%s"...\n' % ("word " * 24), out)  # 120 characters


# --- real releases ----------------------------------------------------------------------------

def record_count(path):
    """The <record> elements of a file, counted in its bytes (not by the reader under test)."""
    with open(path, "rb") as f:
        return len(re.findall(rb"<record[\s>]", f.read()))


class ReleaseTest(unittest.TestCase):
    """What must hold of the reports between the releases of tests/data and registry/."""

    maxDiff = None

    def report(self, old, new, *options):
        result = run_diff(old, new, "--format", "json", *options, timeout=FULL_TIMEOUT)
        self.assertEqual(result.stderr, b"")
        report = json.loads(result.stdout.decode("utf-8"))
        self.assertEqual(result.returncode, 1 if any(report[k] for k in ("added", "removed", "changed", "ports"))
                         else 0)
        return report, result

    def check_release_pair(self, old_path, new_path):
        report, result = self.report(old_path, new_path)
        old_rows, new_rows = record_count(old_path), record_count(new_path)
        self.assertEqual(report["old"], {"file": old_path, "updated": report["old"]["updated"], "rows": old_rows})
        self.assertEqual(report["new"]["rows"], new_rows)
        self.assertEqual(new_rows, old_rows + len(report["added"]) - len(report["removed"]))
        for change in report["changed"]:
            self.assertEqual(list(change["old"]), COLUMNS)
            self.assertNotEqual(change["columns"], [])
            self.assertEqual(change["columns"], [c for c in COLUMNS if change["old"][c] != change["new"][c]])
            for key_column in ("Port Number", "Transport Protocol"):
                self.assertEqual(change["old"][key_column], change["new"][key_column])
            self.assertEqual(change["old"]["Service Name"].lower(), change["new"]["Service Name"].lower())
        places = [(c["port"], PROTOCOLS.index(c["protocol"])) for c in report["ports"]]
        self.assertEqual(places, sorted(set(places)), "each once, by port then protocol")
        for change in report["ports"]:
            self.assertNotEqual(change["old"], change["new"])
        self.check_answers(report, old_path, new_path)
        return report, result

    def check_answers(self, report, old_path, new_path):
        """The changed answers, and a sample of the others, against a scan of every row."""
        old_rows, new_rows = read_registry(old_path).rows, read_registry(new_path).rows
        changed = {(c["port"], c["protocol"]): c for c in report["ports"]}
        sample = {(port, p) for port in range(0, 65536, 4093) for p in PROTOCOLS}
        for place in sorted(set(changed) | sample, key=lambda pp: (pp[0], PROTOCOLS.index(pp[1]))):
            before, after = naive_answer(old_rows, *place), naive_answer(new_rows, *place)
            if place in changed:
                self.assertEqual((before, after), (changed[place]["old"], changed[place]["new"]), place)
            else:
                self.assertEqual(before, after, place)

    def test_2024_to_2025(self):
        report, _ = self.check_release_pair(RELEASE_2024, RELEASE_2025)
        self.assertEqual((report["old"]["updated"], report["new"]["updated"]), ("2024-03-18", "2025-08-26"))

    def test_2025_to_the_bundled_release(self):
        report, result = self.check_release_pair(RELEASE_2025, RELEASE_BUNDLED)
        self.assertEqual((report["old"]["updated"], report["new"]["updated"]), ("2025-08-26", "2026-08-17"))
        self.assertLess(result.elapsed, FULL_TIMEOUT)
        self.assertIn({"port": 4480, "protocol": "tcp", "old": {"status": "unassigned", "name": ""},
                       "new": {"status": "assigned", "name": "agtp"}}, report["ports"])
        # --ports keeps what covers the watched ports, and nothing else.
        watched, _ = self.report(RELEASE_2025, RELEASE_BUNDLED, "--ports", "4480/tcp")
        self.assertEqual(watched["ports"], [p for p in report["ports"] if (p["port"], p["protocol"]) == (4480, "tcp")])
        self.assertEqual([r["Service Name"] for r in watched["added"]], ["agtp"])
        self.assertEqual([(r["Port Number"], r["Description"]) for r in watched["removed"]],
                         [("4461-4483", "Unassigned")])

    def test_a_release_against_itself(self):
        result = run_diff(RELEASE_BUNDLED, RELEASE_BUNDLED, timeout=FULL_TIMEOUT)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout.decode("utf-8").split("\n")[1:],
                         ["0 rows added, 0 removed, 0 changed; 0 port answers changed", ""])

    def test_the_output_is_the_same_whatever_the_hash_seed(self):
        outputs = {run_diff(RELEASE_2024, RELEASE_2025, "--format", "markdown", timeout=FULL_TIMEOUT,
                            env=child_environment(PYTHONHASHSEED=seed)).stdout
                   for seed in ("1", "2")}
        self.assertEqual(len(outputs), 1)


if __name__ == "__main__":
    unittest.main()
