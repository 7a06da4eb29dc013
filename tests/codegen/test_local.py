# SPDX-License-Identifier: BSL-1.0
"""Tests of local services (codegen/local_services.py) through generate.py --local, run as the
build runs it: a subprocess, on small registries and services files in a temporary folder.

    python3 -m unittest -v test_local                          (from tests/codegen)

What each run prints (the conflicts, one `file:line: problem` a line, in the three modes; the
error of a bad local file), whether it writes the header (and leaves an earlier one untouched
when it fails, or removes the new one when a file changed as it took its place), and which rows
it keeps, read back through local_services.merge; and that a merge grows with the lines, not
with lines times registry rows. The C++ side, every row against an independent reading, is
the oracle test's (oracle_local, oracle_etc_services).
"""

import os
import subprocess
import sys
import tempfile
import unittest
from dataclasses import replace

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CODEGEN = os.path.join(ROOT, "codegen")
GENERATE = os.path.join(CODEGEN, "generate.py")
BUNDLED = os.path.join(ROOT, "registry", "service-names-port-numbers.xml")
sys.path.insert(0, ROOT)  # the generator, as the package codegen
from codegen import local_services  # noqa: E402
from codegen.generate import OUTPUTS, TABLES_HEADER as HEADER  # noqa: E402
from codegen.registry_xml import Row, read_registry  # noqa: E402

REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="http://www.iana.org/assignments"><updated>2001-02-03</updated>
<record><name>nicname</name><protocol>tcp</protocol><number>43</number><description>Who Is</description></record>
<record><name>http</name><protocol>tcp</protocol><number>80</number><description>WWW</description></record>
<record><name>www</name><protocol>tcp</protocol><number>80</number><description>WWW</description></record>
<record><name>x11</name><protocol>tcp</protocol><number>6000-6063</number><description>X</description></record>
<record><name>domain</name><protocol>udp</protocol><number>53</number><description>DNS</description></record>
<record><name>discard</name><protocol>tcp</protocol><number>9</number><description>Discard</description></record>
</registry>
"""


# Runs generate.main with one moment at which the local file (argv[3]) changes: "read" (a line
# appended after the first 64 bytes are read), "build" (a line appended, or with "build-removed"
# the file removed, once it is read, while the tables are laid out), "written" (a line appended
# just after the header took its place). The seams are the registry's (test_generate.py's
# CHANGING_REGISTRY_DRIVER): every input is read through registry_xml._chunks.
CHANGING_LOCAL_DRIVER = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
from codegen import generate, registry_xml
moment, local, arguments = sys.argv[2], sys.argv[3], sys.argv[4:]

def change():
    if moment == "build-removed":
        os.remove(local)
    else:
        with open(local, "a") as f:
            f.write("added 40009/tcp\n")

real_chunks = registry_xml._chunks
def chunks(f):
    is_local = os.path.samestat(os.fstat(f.fileno()), os.stat(local))
    for number, chunk in enumerate(real_chunks(f)):
        yield chunk
        if number == 0 and is_local and moment == "read":
            change()
registry_xml.CHUNK_BYTES = 64
registry_xml._chunks = chunks

real_build = generate.tables.build
def build(*args):
    if moment.startswith("build"):
        change()
    return real_build(*args)
generate.tables.build = build

real_replace = os.replace
def replace_then_change(source, target):
    real_replace(source, target)
    if moment == "written" and target.endswith("registry_tables.hpp"):
        change()
generate.os.replace = replace_then_change

sys.exit(generate.main(arguments))
"""


class LocalServicesTest(unittest.TestCase):
    def setUp(self):
        temporary = tempfile.TemporaryDirectory(prefix="ianaports-local-")
        self.addCleanup(temporary.cleanup)
        self.tmp = temporary.name
        self.registry = self.write("registry.xml", REGISTRY)

    def write(self, name, text, encoding="utf-8"):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(text.encode(encoding) if isinstance(text, str) else text)
        return path

    def run_generator(self, *locals_, mode=None, registry=None, output="out"):
        command = [sys.executable, GENERATE, "--registry", registry or self.registry,
                   "--output", os.path.join(self.tmp, output)]
        command += ["--local=" + path for path in locals_]
        if mode:
            command.append("--local-conflicts=" + mode)
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    def earlier_header(self):
        """A header from an earlier run, dated long ago: its bytes and its stat."""
        self.assertEqual(self.run_generator().returncode, 0)
        os.utime(self.header(), ns=(946684800 * 10**9,) * 2)
        with open(self.header(), "rb") as f:
            return f.read(), os.stat(self.header())

    def assert_earlier_header_kept(self, earlier):
        data, status = earlier
        with open(self.header(), "rb") as f:
            self.assertEqual(f.read(), data, "the earlier header's bytes changed")
        now = os.stat(self.header())
        self.assertEqual((now.st_ino, now.st_mtime_ns), (status.st_ino, status.st_mtime_ns),
                         "the earlier header was replaced or rewritten")
        self.assertEqual(sorted(os.listdir(os.path.dirname(self.header()))),
                         sorted(os.path.basename(path) for path in OUTPUTS), "a failed run left a file behind")

    def run_with_change(self, moment, site):
        driver = self.write("driver.py", CHANGING_LOCAL_DRIVER)
        return subprocess.run([sys.executable, driver, ROOT, moment, site, "--registry", self.registry,
                               "--output", os.path.join(self.tmp, "out"), "--local", site],
                              capture_output=True, text=True, timeout=120)

    def header(self, output="out"):
        return os.path.join(self.tmp, output, HEADER)

    def kept(self, *locals_):
        registry = read_registry(self.registry)
        merged = local_services.merge(registry, [local_services.read_local(p) for p in locals_])
        return [(r.service, r.ports, r.transport) for r in merged.registry.rows[:merged.local_count]]

    # --- services(5) -----------------------------------------------------------------------

    def test_names_aliases_and_comments(self):
        site = self.write("site", "# a comment line\n\n  billing-api 8123/tcp billing  # Billing API\r\n"
                                  "inventory\t8124/udp\n")
        self.assertEqual(self.kept(site), [("billing-api", (8123, 8123), "tcp"), ("billing", (8123, 8123), "tcp"),
                                           ("inventory", (8124, 8124), "udp")])
        rows = local_services.read_local(site).rows
        self.assertEqual([r.description for r in rows], ["Billing API", "Billing API", ""])
        self.assertEqual([r.line for r in rows], [3, 3, 4])

    def test_fields_part_at_white_space_as_glibc_sees_it(self):
        # glibc parts fields at C's isspace() alone; NBSP, U+001C and NEL are part of a name.
        site = self.write("site", "u\xa0v 40001/tcp\nw\x1cx 40002/tcp\ny\x85z 40003/tcp\n"
                                  "vt\v40004/tcp\fff\r# comment\xa0\n")
        self.assertEqual(self.kept(site), [("u\xa0v", (40001, 40001), "tcp"), ("w\x1cx", (40002, 40002), "tcp"),
                                           ("y\x85z", (40003, 40003), "tcp"), ("vt", (40004, 40004), "tcp"),
                                           ("ff", (40004, 40004), "tcp")])
        self.assertEqual(local_services.read_local(site).rows[-1].description, "comment\xa0")

    def test_repeats_are_dropped_but_a_line_keeps_its_name_for_its_aliases(self):
        site = self.write("site", "http 80/tcp www\n"          # both IANA's: nothing added
                                  "x11 6000/tcp\n"             # inside IANA's range
                                  "discard 9/tcp sink null\n"  # discard stays, before its aliases
                                  "sink 9/tcp\n")              # a repeat of the line before
        self.assertEqual(self.kept(site), [("discard", (9, 9), "tcp"), ("sink", (9, 9), "tcp"),
                                           ("null", (9, 9), "tcp")])

    def test_an_iana_format_file_without_a_date(self):
        site = self.write("site.xml", '<?xml version="1.0"?>\n<registry xmlns="http://www.iana.org/assignments">\n'
                                      "<record><name>inv</name><protocol>udp</protocol><number>8124</number>"
                                      "<note>Internal</note></record>\n</registry>\n")
        self.assertEqual(self.kept(site), [("inv", (8124, 8124), "udp")])
        self.assertEqual(local_services.read_local(site).rows[0].notes, "Internal")

    def test_records_on_one_line_are_rows_of_their_own(self):
        # Grouped by record, not by line: the second record is not an alias of the first, so
        # the first, a repeat of IANA's http row, is dropped as it is on a line of its own.
        record = "<record><name>{}</name><protocol>tcp</protocol><number>{}</number></record>"
        site = self.write("site.xml", '<registry xmlns="http://www.iana.org/assignments">'
                                      + record.format("http", 80) + record.format("mysvc", 40001) + "</registry>\n")
        self.assertEqual(self.kept(site), [("mysvc", (40001, 40001), "tcp")])

    # --- conflicts, in the three modes -----------------------------------------------------

    CONFLICTING = "whois 43/tcp\ndomain 5353/udp\nbilling-api 8123/tcp\n"

    def expected_conflicts(self, site):
        return (f"{site}:1: whois 43/tcp takes a port IANA assigns to nicname\n"
                f"{site}:2: name domain is registered by IANA on port 53/udp\n")

    def test_warn_prints_and_writes(self):
        site = self.write("site", self.CONFLICTING)
        for mode in (None, "warn"):  # warn is the default
            done = self.run_generator(site, mode=mode)
            self.assertEqual((done.returncode, done.stderr), (0, self.expected_conflicts(site)), mode)
            self.assertTrue(os.path.exists(self.header()))

    def test_error_prints_and_writes_nothing(self):
        self.assertEqual(self.run_generator().returncode, 0)  # a header from before
        with open(self.header(), "rb") as f:
            before = f.read()
        site = self.write("site", self.CONFLICTING)
        done = self.run_generator(site, mode="error")
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stderr, self.expected_conflicts(site) +
                         "2 local services conflict with the registry; nothing was written"
                         " (--local-conflicts error)\n")
        with open(self.header(), "rb") as f:
            self.assertEqual(f.read(), before)

    def test_ignore_is_silent(self):
        done = self.run_generator(self.write("site", self.CONFLICTING), mode="ignore")
        self.assertEqual((done.returncode, done.stderr), (0, ""))

    def test_no_conflict_no_word(self):
        done = self.run_generator(self.write("site", "billing-api 8123/tcp\nhttp 80/tcp www\n"), mode="error")
        self.assertEqual((done.returncode, done.stderr), (0, ""))

    def test_another_protocol_is_left_out_and_said(self):
        site = self.write("site", "rtmp 1/ddp\nbilling-api 8123/tcp\n")
        done = self.run_generator(site)
        self.assertEqual(done.stderr, f"{site}:1: rtmp 1/ddp: ddp is not one of the registry's protocols"
                                      " (tcp, udp, sctp, dccp); left out\n")
        self.assertEqual(self.kept(site), [("billing-api", (8123, 8123), "tcp")])

    def test_a_file_given_twice_says_its_lines_left_out_once(self):
        site = self.write("site", "rtmp 1/ddp\nbilling-api 8123/tcp\n")
        again = os.path.join(self.tmp, ".", "site")  # the same file, by another path
        done = self.run_generator(site, site, again)
        self.assertEqual(done.stderr, f"{site}:1: rtmp 1/ddp: ddp is not one of the registry's protocols"
                                      " (tcp, udp, sctp, dccp); left out\n")

    # --- bad local files -------------------------------------------------------------------

    def test_bad_files_name_the_line_and_write_nothing(self):
        self.assertEqual(self.run_generator().returncode, 0)
        with open(self.header(), "rb") as f:
            before = f.read()
        for text, line, message in [
                ("ok 1/tcp\nlonely\n", 2, "'lonely' has no port/protocol (services(5): name port/protocol [alias...])"),
                ("x 8123\n", 1, "'8123' is not a port/protocol, such as 8123/tcp"),
                ("x 70000/tcp\n", 1, "port 70000 is out of range: ports are 0 to 65535"),
                ("x 12/\n", 1, "'12/' has no protocol, such as 8123/tcp"),
                (b"ok 1/tcp\nbad\xff 2/tcp\n", 2, "not UTF-8"),
                ("x" * 256 + " 40001/tcp\n", 1, "service name is longer than 255 bytes"),
                ("ok 40001/tcp " + "y" * 256 + "\n", 1, "service name is longer than 255 bytes"),
                ("ok 1/tcp\n80 40001/tcp\n", 2, 'service name "80" has no letter, so it reads as a port number:'
                                                 " a name needs one (RFC 6335, section 5.1)"),
                ("ok 40002/tcp 8-0\n", 1, 'service name "8-0" has no letter, so it reads as a port number:'
                                           " a name needs one (RFC 6335, section 5.1)"),
                ("443/tcp 40003/tcp\n", 1, 'service name "443/tcp" reads as a port and protocol: a name needs'
                                            " a letter of its own (RFC 6335, section 5.1)"),
                ("<registry><record><name>a</name></record>", 1,
                 "root element is <registry>, expected <registry> in namespace http://www.iana.org/assignments")]:
            site = self.write("bad", text)
            done = self.run_generator(site)
            self.assertEqual((done.returncode, done.stderr), (1, f"{site}:{line}: {message}\n"), text)
            with open(self.header(), "rb") as f:
                self.assertEqual(f.read(), before, text)
        missing = os.path.join(self.tmp, "missing")
        done = self.run_generator(missing)
        self.assertEqual((done.returncode, done.stderr), (1, f"{missing}: cannot read it: No such file or directory\n"))

    def test_names_the_hash_cannot_part_are_named_in_their_own_files(self):
        # '@' and '`' differ in bit 0x20 alone; so do '1' and DC1 (x11 is the registry's).
        site = self.write("site", "ok 40000/tcp\nfoo@ 40001/tcp\nfoo` 40002/tcp\n")
        done = self.run_generator(site)
        self.assertEqual((done.returncode, done.stderr),
                         (1, f"{site}:3: service names 'foo`' and 'foo@' (line 2) differ only in bit 0x20"
                             " of bytes that are not letters; the name hash cannot tell them apart\n"))
        other = self.write("other", "bar` 40003/tcp\n")
        first = self.write("first", "ok 40000/tcp\nbar@ 40004/tcp\n")
        done = self.run_generator(first, other)
        self.assertEqual(done.stderr, f"{other}:1: service names 'bar`' and 'bar@' ({first}:2) differ only"
                                      " in bit 0x20 of bytes that are not letters; the name hash cannot tell"
                                      " them apart\n")
        done = self.run_generator(self.write("x11", "x\x11\x11 40005/tcp\n"))
        self.assertEqual(done.stderr, f"{self.registry}:6: service names 'x11' and 'x\\x11\\x11'"
                                      f" ({self.tmp}/x11:1) differ only in bit 0x20 of bytes that are not"
                                      " letters; the name hash cannot tell them apart\n")

    def test_text_from_a_file_reaches_stderr_escaped(self):
        # A message shows a local file's text, never sends it to the terminal: no control
        # character (ESC starts the terminal's commands) is written as it is.
        site = self.write("site", "\x1b[2Jx 43/tcp\nrtmp\x1b[0m 1/ddp\n")
        done = self.run_generator(site)
        self.assertEqual(done.stderr, f"{site}:2: rtmp\\x1b[0m 1/ddp: ddp is not one of the registry's protocols"
                                      " (tcp, udp, sctp, dccp); left out\n"
                                      f"{site}:1: \\x1b[2Jx 43/tcp takes a port IANA assigns to nicname\n")
        # Element names in a namespace of the file's own, the root's or a record's child's.
        for xml in ('<registry xmlns="x\u009b2J\u202e"/>',
                    '<registry xmlns="http://www.iana.org/assignments" xmlns:e="\u009b2J\u202e">'
                    '<record><e:name/></record></registry>'):
            done = self.run_generator(self.write("tags.xml", '<?xml version="1.0"?>\n' + xml + "\n"))
            self.assertNotEqual(done.returncode, 0)
            self.assertNotIn("\u009b", done.stderr)
            self.assertNotIn("\u202e", done.stderr)
            self.assertIn("\\x9b2J\\u202e", done.stderr)
        done = self.run_generator(self.write("bad", "\x1b]0;title\x07\n"))
        self.assertEqual(done.stderr, f"{self.tmp}/bad:1: '\\x1b]0;title\\x07' has no port/protocol"
                                      " (services(5): name port/protocol [alias...])\n")

    def test_text_is_escaped_in_the_header(self):
        site = self.write("site", 'odd 8125/tcp # */ "quoted" \\ ??= \x01\n')
        self.assertEqual(self.run_generator(site).returncode, 0)
        with open(self.header(), encoding="latin-1") as f:
            header = f.read()
        self.assertNotIn('*/ "quoted"', header)  # neither the comment end nor the quotes raw
        self.assertIn("with the local services of site (SHA-256 ", header)

    # --- scale --------------------------------------------------------------------------------

    def test_each_local_row_looks_up_the_registry_rather_than_scanning_it(self):
        # Deterministic where a stopwatch is not: count the reads of registry rows' ports that a
        # merge makes. A scan of the registry for each local row read them rows x lines times.
        reads = [0]

        class CountingRow(Row):
            def __getattribute__(self, name):
                if name == "ports":
                    reads[0] += 1
                return super().__getattribute__(name)

        registry = read_registry(self.registry)
        rows = [CountingRow(**vars(r)) for r in registry.rows]
        rows += [CountingRow(**{**vars(rows[0]), "service": f"reg-{i}", "ports": (i, i), "line": 100 + i})
                 for i in range(1000, 3000)]
        site = self.write("site", "".join(f"svc-{i} {i % 4000}/tcp\n" for i in range(2000)))
        merged = local_services.merge(replace(registry, rows=rows), [local_services.read_local(site)])
        self.assertEqual(merged.local_count, 2000)
        self.assertLess(reads[0], 20 * (len(rows) + 2000), "reads grow as rows + lines, not rows x lines")

    def test_100000_lines_merge_whole(self):
        registry = read_registry(BUNDLED)
        site = self.write("site", "".join(f"svc-{i} {1 + i % 65535}/{'tcp' if i % 2 else 'udp'} # Service {i}\n"
                                          for i in range(100000)))
        merged = local_services.merge(registry, [local_services.read_local(site)])
        self.assertEqual(merged.local_count, 100000)
        self.assertEqual(merged.registry.rows[99999].service, "svc-99999")

    # --- a local file that changes while the tables are made from it ----------------------

    SITE = "".join(f"svc-{i} {40100 + i}/tcp # line {i}\n" for i in range(10))  # more than 64 bytes

    def test_a_local_file_changed_while_read_writes_nothing(self):
        for moment in ("read", "build", "build-removed"):
            earlier = self.earlier_header()
            site = self.write("site", self.SITE)
            done = self.run_with_change(moment, site)
            self.assertEqual((done.returncode, done.stderr),
                             (1, f"{site}: changed while it was being read; nothing was written (build again)\n"),
                             moment)
            self.assert_earlier_header_kept(earlier)

    def test_a_local_file_changed_as_the_header_is_written_removes_it(self):
        # Too late to keep the earlier header: the new one, made from the file as it was, is
        # removed, so that no build takes it for the tables of the file as it is.
        self.earlier_header()
        site = self.write("site", self.SITE)
        done = self.run_with_change("written", site)
        self.assertEqual((done.returncode, done.stderr),
                         (1, f"{site}: changed while the tables were made from it; their headers are removed"
                             " (build again)\n"))
        self.assertFalse(os.path.exists(self.header()))

    # --- files that are not regular files, or too large, and paths that are not UTF-8 ---------

    def test_only_regular_files_are_read(self):
        earlier = self.earlier_header()
        cases = [(self.tmp, "cannot read it: Is a directory")]
        if os.path.exists("/dev/zero"):
            cases.append(("/dev/zero", "cannot read it: it is a character device, not a regular file"))
        if hasattr(os, "mkfifo"):
            fifo = os.path.join(self.tmp, "fifo")
            os.mkfifo(fifo)  # no writer ever comes: an open that waits for one never returns
            cases.append((fifo, "cannot read it: it is a FIFO, not a regular file"))
        for path, message in cases:
            done = self.run_generator(path)
            self.assertEqual((done.returncode, done.stderr), (1, f"{path}: {message}\n"))
            self.assert_earlier_header_kept(earlier)

    def test_a_file_larger_than_the_limit_is_not_read(self):
        big = os.path.join(self.tmp, "big")
        with open(big, "wb") as f:
            f.truncate(local_services.MAX_LOCAL_BYTES + 1)  # sparse: no disk used
        done = self.run_generator(big)
        self.assertEqual((done.returncode, done.stderr),
                         (1, f"{big}: cannot read it: it is larger than 16 MiB, the most it may be\n"))

    @unittest.skipIf(sys.platform in ("win32", "darwin"), "file names are Unicode here")
    def test_a_path_that_is_not_utf8(self):
        # Shown by its own bytes: %FF in the header's banner, the byte itself in a message and in
        # the depfile, which Make reads as bytes.
        site = os.path.join(os.fsencode(self.tmp), b"site-\xff")
        with open(site, "wb") as f:
            f.write(b"billing-api 8123/tcp\n")
        command = [os.fsencode(sys.executable), os.fsencode(GENERATE), b"--registry", os.fsencode(self.registry),
                   b"--output", os.fsencode(os.path.join(self.tmp, "out")), b"--local", site,
                   b"--depfile", os.fsencode(os.path.join(self.tmp, "tables.d"))]
        done = subprocess.run(command, capture_output=True, timeout=120)
        self.assertEqual((done.returncode, done.stderr), (0, b""))
        with open(self.header(), encoding="ascii") as f:
            self.assertIn("with the local services of site-%FF (SHA-256 ", f.read())
        with open(os.path.join(self.tmp, "tables.d"), "rb") as f:
            self.assertIn(site, f.read())
        with open(site, "wb") as f:
            f.write(b"lonely\n")
        done = subprocess.run(command, capture_output=True, timeout=120)
        self.assertEqual((done.returncode, done.stderr),
                         (1, site + b":1: 'lonely' has no port/protocol (services(5): name port/protocol"
                                    b" [alias...])\n"))

    # --- this machine's /etc/services ------------------------------------------------------

    @unittest.skipUnless(os.path.exists("/etc/services"), "no /etc/services here")
    def test_etc_services_adds_only_the_names_iana_lacks(self):
        self.registry = BUNDLED
        registry = read_registry(BUNDLED)
        iana = {r.service.lower() for r in registry.rows if r.service}
        local = local_services.read_local("/etc/services")
        wanted = {r.service.lower() for r in local.rows} - iana
        merged = local_services.merge(registry, [local])
        kept = merged.registry.rows[:merged.local_count]
        self.assertEqual({r.service.lower() for r in kept} - iana, wanted)
        # A kept row with an IANA name is a line's name kept before its aliases, or says what
        # IANA does not (the name on another port), and that is said as a conflict.
        for row in kept:
            if row.service.lower() in iana:
                said = f"/etc/services:{row.line}: "
                self.assertTrue(any(r.line == row.line and r is not row for r in kept)
                                or any(c.startswith(said) and row.service in c for c in merged.conflicts), row)
        print(f"\n/etc/services: {len(local.rows)} rows, {merged.local_count} kept,"
              f" {len(wanted)} names IANA lacks, {len(merged.conflicts)} conflicts", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
