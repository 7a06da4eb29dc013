# SPDX-License-Identifier: BSL-1.0
"""Tests of the table generator, codegen/generate.py, run as the build runs it: a subprocess.

    python3 -m unittest -v tests/codegen/test_generate.py      (from the project root)
    python3 -m unittest -v test_generate                       (from tests/codegen)

Each test writes small registry files into a temporary directory and checks what the generator
does with them: the exact `PATH:LINE: message` it prints for a bad file (and that the header a
previous run wrote stays untouched), that odd but valid files are read as they should be, that
the output depends on the input bytes alone, and that no registry text can escape the string
literals of the generated header. Byte-for-byte checks of every string are the C++ oracle
test's job (tests/oracle); here a generated header is only compiled, with g++ -fsyntax-only,
when g++ is available.

Standard library only; Python 3.8 or later.
"""

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unittest
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GENERATE = os.path.join(ROOT, "codegen", "generate.py")
INCLUDE = os.path.join(ROOT, "include")
BUNDLED_REGISTRY = os.path.join(ROOT, "registry", "service-names-port-numbers.xml")
HOSTILE_REGISTRY = os.path.join(ROOT, "tests", "fixtures", "hostile.xml")
sys.path.insert(0, ROOT)  # the generator, as the package codegen
from codegen.generate import TABLES_HEADER as HEADER  # noqa: E402  (the header's path under --output)
from codegen.generate import OUTPUTS, PEOPLE_HEADER_NAME  # noqa: E402  (and the people's beside it)
from codegen import cpp_emit  # noqa: E402
from codegen.tables.layout import Array  # noqa: E402

HEADERS = sorted(OUTPUTS)  # what a run writes under --output
PEOPLE_HEADER = os.path.join(os.path.dirname(HEADER), PEOPLE_HEADER_NAME)

TIMEOUT = 20  # seconds for one generator run on a small fixture
BUNDLED_TIMEOUT = 120  # seconds for one run on the full registry
COMPILE_TIMEOUT = 120
OLD_MTIME_NS = 946684800 * 10**9  # 2000-01-01: a previous header's mtime, set by the tests
GXX = shutil.which("g++")

# --- fixtures ----------------------------------------------------------------------------------

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
  <title>Service Name and Transport Protocol Port Number Registry</title>
  <updated>{updated}</updated>
"""
TAIL = """</registry>
"""


def record(*children, **attributes):
    """A <record> holding the given child elements, one to a line."""
    attrs = "".join(' %s="%s"' % item for item in attributes.items())
    return "  <record%s>\n%s  </record>\n" % (attrs, "".join("    %s\n" % c for c in children))


def registry(*records, updated="2001-02-03"):
    """A registry file holding the given records."""
    return HEAD.format(updated=updated) + "".join(records) + TAIL


def port_registry(number):
    """A registry with one record whose <number> is the given text."""
    return registry(record("<name>probe</name>", "<protocol>tcp</protocol>",
                           "<number>%s</number>" % number))


GOOD = registry(
    record("<name>http</name>", "<protocol>tcp</protocol>",
           "<description>World Wide Web HTTP</description>", "<number>80</number>",
           '<xref type="rfc" data="rfc9110"/>', updated="2021-10-01"),
    record("<name>https</name>", "<protocol>tcp</protocol>",
           "<description>http protocol over TLS/SSL</description>", "<number>443</number>"),
)


def line_of(text, needle, occurrence=1):
    """The 1-based line of the occurrence-th appearance of needle in text."""
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


def count_records(xml):
    return len(re.findall(r"<record[\s>]", xml))


# --- reading the generated header --------------------------------------------------------------

_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.S)
_SIMPLE_ESCAPES = {'"': 0x22, "'": 0x27, "?": 0x3F, "\\": 0x5C, "a": 7, "b": 8, "f": 12,
                   "n": 10, "r": 13, "t": 9, "v": 11}


def decode_literal_body(body):
    """The bytes an ordinary C++ string literal's body stands for (a latin-1 view of the source)."""
    out = bytearray()
    position = 0
    for match in _ESCAPE.finditer(body):
        out += body[position:match.start()].encode("latin-1")
        octal, hexadecimal, simple = match.groups()
        if octal is not None:
            out.append(int(octal, 8))
        elif hexadecimal is not None:
            out.append(int(hexadecimal, 16))
        else:
            out.append(_SIMPLE_ESCAPES[simple])
        position = match.end()
    out += body[position:].encode("latin-1")
    return bytes(out)


def text_pool_rows(header):
    """The rows of the (first) text_pool, decoded: each adjacent literals, a line each, between
    IANAPORTS_TABLE_ROW_BEGIN and IANAPORTS_TABLE_ROW_END."""
    lines = header.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("struct text_pool {"))
    rows, current = [], bytearray()
    for line in lines[start + 1:]:
        if line.strip() == "};":
            break
        for literal in _LITERAL.findall(line):
            current += decode_literal_body(literal[1:-1])
        if line.lstrip().startswith("IANAPORTS_TABLE_ROW_END("):
            rows.append(bytes(current))
            current = bytearray()
    return rows


def outside_literals(line):
    """A line of the header with every string literal's body removed."""
    return _LITERAL.sub('""', line)


def directive_lines(header):
    """The preprocessor lines, string literals emptied and the tables' identity (a hash of them)
    blanked: what is left is the generator's own text."""
    lines = [outside_literals(line) for line in header.split("\n") if line.lstrip().startswith("#")]
    return [re.sub(r"(0x|\bt[0-9]*_|_)[0-9a-fA-F]{12}(?![0-9a-fA-F])", r"\1<id>", line) for line in lines]


# Registry text that must never reach the header's code: outside string literals and comments.
ATTACKS = ['*/', '/*', '??=', '??/', ')"', 'R"(', '#include <x>', '\\', 'FORT\u00c9',
           '\u65e5\u672c\u8a9e', '\U0001F600', '\u202e', '\ufffd', '\U0010ffff']

# A C++17 translation unit's start: a way to reach row i, and a read of every column of every
# row in constant evaluation (a read outside the tables would not compile).
TU_PRELUDE = r"""#include <cstddef>
#include <string_view>

#include <ianaports/records.hpp>

namespace check {
constexpr ianaports::record row(std::size_t index) {
  auto it = ianaports::records().begin();
  for (; index != 0; --index) ++it;
  return *it;
}
constexpr std::size_t touch(std::string_view s) {
  return s.empty() ? 1 : s.size() + static_cast<unsigned char>(s.front()) + static_cast<unsigned char>(s.back());
}
constexpr std::size_t read_everything() {
  std::size_t rows = 0;
  std::size_t sum = 0;
  for (const ianaports::record r : ianaports::records()) {
    sum += touch(r.service) + touch(r.description) + touch(r.assignee) + touch(r.contact) +
           touch(r.registered) + touch(r.modified) + touch(r.reference) +
           touch(r.unauthorized_use) + touch(r.notes);
    sum += r.ports ? r.ports->last - r.ports->first : 0;
    sum += r.service_code ? 1 : 0;
    ++rows;
  }
  return sum == 0 ? 0 : rows;
}
}  // namespace check
"""
# Every column of every row read in constant evaluation: within g++'s default limits for a
# registry of the bundled one's size, not for a hundred thousand rows.
READ_EVERYTHING = "static_assert(check::read_everything() == ianaports::records().size());\n"


# --- running the generator ---------------------------------------------------------------------

def child_environment(**overrides):
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(overrides)
    return env


def run_generator(registry_arg, output_arg, cwd, timeout=TIMEOUT, env=None, options=()):
    """Run generate.py as the build does; registry_arg and output_arg as given (relative to cwd)."""
    return subprocess.run(
        [sys.executable, GENERATE, "--registry", registry_arg, "--output", output_arg, *options],
        cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env if env is not None else child_environment(), timeout=timeout)


def write_file(directory, relative, data):
    path = os.path.join(directory, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def files_under(directory):
    """Every file below directory, as paths relative to it."""
    found = []
    for parent, _, names in os.walk(directory):
        found += [os.path.relpath(os.path.join(parent, n), directory) for n in names]
    return sorted(found)


class GeneratorTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        temporary = tempfile.TemporaryDirectory(prefix="ianaports-codegen-")
        self.addCleanup(temporary.cleanup)
        self.tmp = temporary.name

    # --- helpers -----------------------------------------------------------------------------

    def generate(self, data, name=os.path.join("in", "registry.xml"), output="out", **kwargs):
        """Write data as the registry and generate from it; the run must succeed.

        Returns the headers' text, the tables' then the people's, their bytes as latin-1
        (assert_contained checks it is ASCII)."""
        write_file(self.tmp, name, data)
        return self.generate_from(name, output, **kwargs)

    def generate_from(self, registry_arg, output="out", timeout=TIMEOUT, env=None):
        result = run_generator(registry_arg, output, self.tmp, timeout=timeout, env=env)
        self.assertEqual(result.returncode, 0, msg=result.stderr.decode("utf-8", "replace"))
        self.assertEqual(result.stderr, b"")
        self.assertEqual(result.stdout, b"")
        self.assertEqual(files_under(os.path.join(self.tmp, output)), HEADERS,
                         "the output directory holds the headers and nothing else")
        return "".join(read_bytes(os.path.join(self.tmp, output, path)).decode("latin-1")
                       for path in (HEADER, PEOPLE_HEADER))

    def assert_rejected(self, data, line, message, name=os.path.join(".", "in", "bad.xml"),
                        timeout=TIMEOUT):
        """A run on data fails with exactly `name:line: message` and leaves the header that a
        previous, good run wrote into the same directory exactly as it was."""
        self.generate(GOOD, name=os.path.join("in", "good.xml"), output="out")
        header = os.path.join(self.tmp, "out", HEADER)
        os.utime(header, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
        before = read_bytes(header)
        before_stat = os.stat(header)

        write_file(self.tmp, name, data)
        started = time.monotonic()
        try:
            result = run_generator(name, "out", self.tmp, timeout=timeout)
        except subprocess.TimeoutExpired:
            self.fail("the generator did not finish within %s s" % timeout)
        elapsed = time.monotonic() - started

        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(result.stderr.decode("utf-8").splitlines(),
                         ["%s:%d: %s" % (name, line, message)])
        self.assertEqual(result.stdout, b"")
        after_stat = os.stat(header)
        self.assertEqual(read_bytes(header), before, "the previous header's bytes changed")
        self.assertEqual(after_stat.st_mtime_ns, before_stat.st_mtime_ns, "the previous header was rewritten")
        self.assertEqual(after_stat.st_ino, before_stat.st_ino, "the previous header was replaced")
        self.assertEqual(files_under(os.path.join(self.tmp, "out")), HEADERS,
                         "a failed run left a file behind")
        return elapsed

    def compile_against(self, output, checks="", read_everything=True):
        """Compile a C++17 translation unit against the header generated into output."""
        if GXX is None:
            self.skipTest("g++ not found: the compile step is skipped")
        prelude = TU_PRELUDE + (READ_EVERYTHING if read_everything else "")
        source = write_file(self.tmp, "check.cpp", prelude + checks + "\nint main() { return 0; }\n")
        command = [GXX, "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra",
                   "-I", INCLUDE, "-I", os.path.join(self.tmp, output), source]
        result = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, timeout=COMPILE_TIMEOUT)
        diagnostics = result.stdout.decode("utf-8", "replace")
        self.assertEqual(result.returncode, 0, msg=diagnostics[-4000:])
        self.assertEqual(diagnostics, "", "the header compiles without a diagnostic")

    def assert_contained(self, header):
        """No registry text in the header's code, only in escaped string literals and, made
        harmless, in // comments."""
        odd = sorted(set(c for c in header if not (c == "\n" or " " <= c <= "~")))
        self.assertEqual(odd, [], "the header is printable ASCII and line feeds only")
        self.assertNotIn("??", header, "no trigraph can form, in a literal or out of one")
        self.assertIsNone(re.search(r"^[ \t]*#[ \t]*include[ \t]*<x>", header, re.M))
        for number, line in enumerate(header.split("\n"), 1):
            self.assertFalse(line.endswith("\\"), "line %d would be spliced to the next" % number)
            # A // comment may show registry text (the banner does) but nothing that could end
            # it or splice the next line to it; code may show none.
            code, _, comment = outside_literals(line).partition("//")
            self.assertNotIn('"', code.replace('""', ""), "line %d: a literal is not closed" % number)
            self.assertNotIn("\\", comment, "line %d: a backslash in a comment" % number)
            for attack in ATTACKS:
                self.assertNotIn(attack, code, "line %d: %r outside a string literal" % (number, attack))
        # The preprocessor directives are the generator's own, exactly those of a plain header.
        plain = self.generate(GOOD, name=os.path.join("in", "plain.xml"), output="plain-out")
        self.assertEqual(directive_lines(header), directive_lines(plain))


# --- malformed files ---------------------------------------------------------------------------

class MalformedFileTest(GeneratorTestCase):

    def test_not_xml_at_all(self):
        self.assert_rejected("port 80 is http, port 443 is https\n", 1,
                             "not well-formed XML: syntax error")

    def test_truncated_xml(self):
        cut = GOOD.index("<number>443") + len("<numb")
        self.assert_rejected(GOOD[:cut], line_of(GOOD, "<number>443"),
                             "not well-formed XML: unclosed token")

    def test_truncated_before_the_root_closes(self):
        truncated = GOOD[:GOOD.index("</registry>")]
        self.assert_rejected(truncated, truncated.count("\n") + 1, "not well-formed XML: no element found")

    @unittest.skipUnless(hasattr(os, "mkfifo"), "no FIFOs here")
    def test_a_fifo_is_refused_not_waited_on(self):
        # A registry, like a local file, is read only from a regular file: a FIFO that no one
        # writes to would hold the generator (and the build) forever.
        self.generate(GOOD, output="out")
        before = read_bytes(os.path.join(self.tmp, "out", HEADER))
        os.mkfifo(os.path.join(self.tmp, "fifo.xml"))
        result = run_generator("fifo.xml", "out", self.tmp)
        self.assertEqual((result.returncode, result.stderr),
                         (1, b"fifo.xml: cannot read it: it is a FIFO, not a regular file\n"))
        self.assertEqual(read_bytes(os.path.join(self.tmp, "out", HEADER)), before)

    def test_empty_file(self):
        self.assert_rejected(b"", 1, "the file is empty")

    def test_invalid_utf8(self):
        xml = registry(record("<name>latin</name>", "<description>caf@</description>"))
        data = xml.encode("ascii").replace(b"caf@", b"caf\xe9 \xff")
        self.assert_rejected(data, line_of(xml, "caf@"),
                             "not well-formed XML: not well-formed (invalid token)")

    def test_utf8_encoded_surrogate(self):
        xml = registry(record("<name>surrogate</name>", "<description>@</description>"))
        data = xml.encode("ascii").replace(b"@", b"\xed\xa0\x80")
        self.assert_rejected(data, line_of(xml, "<description>"),
                             "not well-formed XML: not well-formed (invalid token)")

    def test_declared_encoding_not_utf8(self):
        xml = GOOD.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
        self.assert_rejected(xml, 1, 'encoding "ISO-8859-1" is not UTF-8')

    def test_utf16_with_byte_order_mark(self):
        self.assert_rejected(GOOD.replace('encoding="UTF-8"', "").encode("utf-16"), 1,
                             "the file is UTF-16, not UTF-8")

    def test_different_root_element(self):
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<html xmlns="http://www.w3.org/1999/xhtml"><body>80</body></html>\n')
        self.assert_rejected(xml, 2, "root element is <{http://www.w3.org/1999/xhtml}html>,"
                                     " expected <registry> in namespace http://www.iana.org/assignments")

    def test_registry_root_in_wrong_namespace(self):
        xml = GOOD.replace('xmlns="http://www.iana.org/assignments"', 'xmlns="http://www.iana.org/assignments/"')
        self.assert_rejected(xml, line_of(xml, "<registry"),
                             "root element is <{http://www.iana.org/assignments/}registry>,"
                             " expected <registry> in namespace http://www.iana.org/assignments")

    def test_registry_root_without_namespace(self):
        xml = GOOD.replace(' xmlns="http://www.iana.org/assignments"', "")
        self.assert_rejected(xml, line_of(xml, "<registry"),
                             "root element is <registry>, expected <registry> in namespace"
                             " http://www.iana.org/assignments")

    def test_doctype_billion_laughs_rejected_quickly(self):
        # 10**12 "lol"s if expanded; the DOCTYPE must be refused before any entity is read.
        entities = ['  <!ENTITY lol0 "lol">']
        entities += ['  <!ENTITY lol%d "%s">' % (i, "&lol%d;" % (i - 1) * 10) for i in range(1, 13)]
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE registry [\n' + "\n".join(entities)
               + "\n]>\n" + registry(record("<name>&lol12;</name>")).split("\n", 1)[1])
        elapsed = self.assert_rejected(xml, 2, "a <!DOCTYPE> is not allowed in a registry file")
        self.assertLess(elapsed, TIMEOUT)

    def test_doctype_with_external_entity(self):
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<!DOCTYPE registry [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>\n'
               + registry(record("<name>leak</name>", "<description>&passwd;</description>")).split("\n", 1)[1])
        self.assert_rejected(xml, 2, "a <!DOCTYPE> is not allowed in a registry file")

    def test_doctype_with_external_dtd(self):
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<!DOCTYPE registry SYSTEM "file:///etc/passwd">\n' + GOOD.split("\n", 1)[1])
        self.assert_rejected(xml, 2, "a <!DOCTYPE> is not allowed in a registry file")

    def test_missing_updated(self):
        xml = GOOD.replace("  <updated>2001-02-03</updated>\n", "")
        self.assertNotIn("<updated>", xml)
        self.assert_rejected(xml, 1, "no <updated> date in <registry>")


# --- bad records -------------------------------------------------------------------------------

class BadRecordTest(GeneratorTestCase):

    def assert_port_rejected(self, number, message):
        xml = port_registry(number)
        self.assert_rejected(xml, line_of(xml, "<number>"), message)

    def test_port_minus_one(self):
        self.assert_port_rejected("-1", 'port number "-1" is not a port (0-65535) or a range N-M')

    def test_port_65536(self):
        self.assert_port_rejected("65536", 'port number "65536" is out of range 0-65535')

    def test_port_range_without_end(self):
        self.assert_port_rejected("1-", 'port number "1-" is not a port (0-65535) or a range N-M')

    def test_port_range_without_start(self):
        self.assert_port_rejected("-5", 'port number "-5" is not a port (0-65535) or a range N-M')

    def test_port_range_reversed(self):
        self.assert_port_rejected("10-5", 'port range "10-5" is reversed (first > last)')

    def test_port_hexadecimal(self):
        self.assert_port_rejected("0x50", 'port number "0x50" is not a port (0-65535) or a range N-M')

    def test_port_with_leading_space(self):
        self.assert_port_rejected(" 80", 'port number " 80" is not a port (0-65535) or a range N-M')

    def test_port_of_100_digits(self):
        digits = "1234567890" * 10
        self.assert_port_rejected(digits, 'port number "%s..." is out of range 0-65535' % digits[:40])

    def test_port_with_leading_zero(self):
        self.assert_port_rejected("080", 'port number "080" has a leading zero')

    def test_unknown_protocol(self):
        xml = registry(record("<name>probe</name>", "<protocol>xyz</protocol>", "<number>80</number>"))
        self.assert_rejected(xml, line_of(xml, "<protocol>"),
                             'unknown transport protocol "xyz" (expected tcp, udp, sctp or dccp)')

    def test_upper_case_protocol(self):
        xml = registry(record("<name>probe</name>", "<protocol>TCP</protocol>", "<number>80</number>"))
        self.assert_rejected(xml, line_of(xml, "<protocol>"),
                             'unknown transport protocol "TCP" (expected tcp, udp, sctp or dccp)')

    def test_two_numbers_in_a_record(self):
        xml = registry(record("<name>probe</name>", "<protocol>tcp</protocol>",
                              "<number>80</number>", "<number>81</number>"))
        self.assert_rejected(xml, line_of(xml, "<number>", 2), "<record> has more than one <number>")

    def test_markup_inside_a_text_only_element(self):
        xml = registry(record("<name>probe</name>", "<protocol>t<i/>cp</protocol>", "<number>80</number>"))
        self.assert_rejected(xml, line_of(xml, "<i/>"), "unexpected <i> inside <protocol>")

    def test_br_with_content(self):
        xml = registry(record("<name>probe</name>", "<note>kept<br>lost</br>kept</note>"))
        self.assert_rejected(xml, line_of(xml, "<br>"), "<br> must be empty")

    def test_elements_nested_too_deep(self):
        xml = registry(record("<name>" + "<a>" * 2000 + "x" + "</a>" * 2000 + "</name>"))
        self.assert_rejected(xml, line_of(xml, "<name>"), "elements nested more than 32 deep")

    def test_non_numeric_service_code(self):
        xml = registry(record("<name>probe</name>", "<protocol>dccp</protocol>", "<number>80</number>",
                              "<sc>twelve</sc>"))
        self.assert_rejected(xml, line_of(xml, "<sc>"), 'service code "twelve" is not a number 0-4294967295')

    def test_service_code_above_32_bits(self):
        xml = registry(record("<name>probe</name>", "<protocol>dccp</protocol>", "<number>80</number>",
                              "<sc>4294967296</sc>"))
        self.assert_rejected(xml, line_of(xml, "<sc>"),
                             'service code "4294967296" is not a number 0-4294967295')

    def test_name_longer_than_255_bytes(self):
        name = "a" * 254 + "\u00e9"  # 255 characters, 256 bytes of UTF-8
        xml = registry(record("<name>ok</name>", "<number>1</number>"),
                       record("<name>%s</name>" % name, "<number>2</number>"))
        self.assert_rejected(xml, line_of(xml, "<name>" + name), "service name is longer than 255 bytes")

    def test_names_that_read_as_ports(self):
        # RFC 6335, section 5.1: a name holds a letter; "80" or "443/udp" would read as ports.
        for name, message in [("80", 'service name "80" has no letter, so it reads as a port number:'
                                     " a name needs one (RFC 6335, section 5.1)"),
                              ("443/UDP", 'service name "443/UDP" reads as a port and protocol: a name'
                                          " needs a letter of its own (RFC 6335, section 5.1)")]:
            xml = registry(record("<name>http</name>", "<number>80</number>"),
                           record("<name>%s</name>" % name, "<number>2</number>"))
            self.assert_rejected(xml, line_of(xml, "<name>" + name), message)

    def test_names_the_hash_cannot_part(self):
        # '@' and '`' differ in bit 0x20 alone, as 'A' and 'a' do, but are not letters: the
        # names differ, while the hash, which sets bit 0x20 of every byte, reads them as one.
        xml = registry(record("<name>at@sign</name>", "<number>1</number>"),
                       record("<name>ok</name>", "<number>2</number>"),
                       record("<name>at`sign</name>", "<number>3</number>"))
        # Rows know the line of their <record>, the line before their <name>.
        self.assert_rejected(xml, line_of(xml, "<name>at`sign") - 1,
                             "service names 'at`sign' and 'at@sign' (line %d) differ only in bit"
                             " 0x20 of bytes that are not letters; the name hash cannot tell them"
                             " apart" % (line_of(xml, "<name>at@sign") - 1))


    def test_name_with_white_space_at_an_end(self):
        # Trimmed, the row would not be what the file says; kept, no lookup would find it.
        for written in ("foo ", " foo", "foo\t", "\nfoo"):
            with self.subTest(name=written):
                xml = registry(record("<name>ok</name>", "<number>1</number>"),
                               record("<name>%s</name>" % written, "<number>2</number>"))
                shown = written.encode("unicode_escape").decode("ascii")
                self.assert_rejected(xml, line_of(xml, "<name>" + written),
                                     'service name "%s" begins or ends with white space' % shown)


# --- valid edge cases --------------------------------------------------------------------------

class ValidEdgeCaseTest(GeneratorTestCase):

    def test_duplicate_identical_records_are_both_kept_in_order(self):
        duplicate = record("<name>dup</name>", "<protocol>tcp</protocol>", "<description>Same</description>",
                           "<number>20</number>")
        xml = registry(
            record("<name>before</name>", "<protocol>tcp</protocol>", "<number>10</number>"),
            duplicate, duplicate,
            record("<name>after</name>", "<protocol>tcp</protocol>", "<number>30</number>"))
        header = self.generate(xml)
        self.assertRegex(header, r"\brecord_count = 4;")
        self.compile_against("out", """
static_assert(ianaports::records().size() == 4);
static_assert(check::row(0).service == "before");
static_assert(check::row(1).service == "dup" && check::row(2).service == "dup");
static_assert(check::row(1).ports == ianaports::port_range{20, 20});
static_assert(check::row(2).ports == ianaports::port_range{20, 20});
static_assert(check::row(1).description == "Same" && check::row(2).description == "Same");
static_assert(check::row(3).service == "after");
static_assert(ianaports::by_name("dup").size() == 2);
static_assert(ianaports::by_port(20, ianaports::protocol::tcp).size() == 2);
""")

    def test_record_without_name(self):
        xml = registry(record("<protocol>tcp</protocol>", "<description>Unnamed</description>",
                              "<number>5</number>"))
        header = self.generate(xml)
        self.assertRegex(header, r"\brecord_count = 1;")
        self.assertRegex(header, r"\bname_count = 0;")
        self.compile_against("out", """
static_assert(ianaports::records().size() == 1);
static_assert(check::row(0).service.empty());
static_assert(check::row(0).ports == ianaports::port_range{5, 5});
static_assert(check::row(0).description == "Unnamed");
static_assert(ianaports::name_of(5) == "");
static_assert(ianaports::by_port(5, ianaports::protocol::tcp).size() == 1);
static_assert(ianaports::by_name("").empty());
""")

    def test_range_of_one_port(self):
        xml = registry(record("<name>seven</name>", "<protocol>tcp</protocol>", "<number>7-7</number>"))
        self.generate(xml)
        self.compile_against("out", """
static_assert(check::row(0).ports == ianaports::port_range{7, 7});
static_assert(ianaports::port_of("seven") == 7);
static_assert(ianaports::by_port(7, ianaports::protocol::tcp).size() == 1);
static_assert(ianaports::by_port(6, ianaports::protocol::tcp).empty());
static_assert(ianaports::by_port(8, ianaports::protocol::tcp).empty());
""")

    def test_largest_service_code(self):
        xml = registry(
            record("<name>largest</name>", "<protocol>dccp</protocol>", "<number>1</number>",
                   "<sc>4294967295</sc>"),
            record("<name>zero</name>", "<protocol>dccp</protocol>", "<number>2</number>", "<sc>0</sc>"))
        header = self.generate(xml)
        self.assertRegex(header, r"\brare_count = 2;")
        self.compile_against("out", """
static_assert(check::row(0).service_code == 4294967295u);
static_assert(check::row(1).service_code == 0u);
""")

    def test_name_of_exactly_255_bytes(self):
        name = "n" * 255
        self.generate(registry(record("<name>%s</name>" % name, "<protocol>udp</protocol>", "<number>9</number>")))
        self.compile_against("out", """
static_assert(check::row(0).service.size() == 255);
static_assert(ianaports::port_of("%s", ianaports::protocol::udp) == 9);
""" % name.upper())


# --- output handling ---------------------------------------------------------------------------

class TablesIdentityTest(GeneratorTestCase):
    """The namespace the tables' readers live in names the tables: every input and option that
    changes them changes it; what does not (a file's name) leaves it."""

    def identity(self, output, options=(), name="registry.xml", data=GOOD):
        write_file(self.tmp, os.path.join("in", name), data)
        result = run_generator(os.path.join("in", name), output, self.tmp, options=options)
        self.assertEqual(result.returncode, 0, msg=result.stderr.decode("utf-8", "replace"))
        header = read_bytes(os.path.join(self.tmp, output, HEADER)).decode("ascii")
        found = re.search(r"^#define IANAPORTS_TABLES_NAMESPACE (\S+)$", header, re.M)
        self.assertIsNotNone(found)
        number = re.search(r"^#define IANAPORTS_TABLES_ID 0x([0-9a-f]+)$", header, re.M)
        self.assertIsNotNone(number)
        self.assertTrue(found.group(1).endswith("_" + number.group(1)), "one identity, in both forms")
        return found.group(1)

    def test_every_input_and_option_names_other_tables(self):
        write_file(self.tmp, "local.services", "probe-local 40001/tcp\n")
        plain = self.identity("plain")
        self.assertRegex(plain, r"^t20010203_[0-9a-f]{12}$")
        self.assertEqual(self.identity("again", name="renamed.xml"), plain, "a file's name is not the tables")
        others = {
            "another release": self.identity("release", data=GOOD.replace("2001-02-03", "2001-02-04")),
            "local services": self.identity("local", options=["--local", "local.services"]),
            "omitted columns": self.identity("omit", options=["--omit", "notes"]),
            "kept protocols": self.identity("protocols", options=["--protocols", "tcp,udp,sctp"]),
            "index": self.identity("index", options=["--index", "compact"]),
        }
        for option, identity in others.items():
            self.assertNotEqual(identity, plain, option)
        self.assertEqual(len(set(others.values())), len(others), "each option names tables of its own")

    def test_the_guard_holds_the_whole_header_and_names_the_tables(self):
        # Compilers skip a file included again unread only when a guard holds all its code.
        self.identity("guarded")
        header = read_bytes(os.path.join(self.tmp, "guarded", HEADER)).decode("ascii")
        code = [line for line in header.split("\n") if line.strip() and not line.startswith("//")]
        guard = re.fullmatch(r"#ifndef (IANAPORTS_DETAIL_REGISTRY_TABLES_([0-9A-F]{12})_HPP)", code[0])
        self.assertIsNotNone(guard, code[0])
        self.assertEqual(code[1], "#define " + guard.group(1))
        self.assertEqual(code[-1], "#endif  // " + guard.group(1))
        self.assertIn("#define IANAPORTS_TABLES_ID 0x" + guard.group(2).lower(), code)

    def test_another_release_names_other_tables(self):
        # The same tables from another release's generator: its readers are other code.
        plain = self.identity("plain")
        tree = os.path.join(self.tmp, "release")
        shutil.copytree(os.path.join(ROOT, "codegen"), os.path.join(tree, "codegen"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        config = os.path.join("include", "ianaports", "detail", "config.hpp")
        with open(os.path.join(ROOT, config), encoding="utf-8") as f:
            bumped = re.sub(r"^(#define IANAPORTS_VERSION_PATCH )([0-9]+)$",
                            lambda m: m.group(1) + str(int(m.group(2)) + 1), f.read(), flags=re.M)
        write_file(tree, config, bumped)
        result = subprocess.run([sys.executable, os.path.join(tree, "codegen", "generate.py"), "--registry",
                                 os.path.join("in", "registry.xml"), "--output", "bumped"],
                                cwd=self.tmp, capture_output=True, env=child_environment(), timeout=TIMEOUT)
        self.assertEqual(result.returncode, 0, msg=result.stderr.decode("utf-8", "replace"))
        header = read_bytes(os.path.join(self.tmp, "bumped", HEADER)).decode("ascii")
        found = re.search(r"^#define IANAPORTS_TABLES_NAMESPACE (\S+)$", header, re.M)
        self.assertIsNotNone(found)
        self.assertNotEqual(found.group(1), plain)

    def test_the_namespace_is_an_identifier_whatever_the_date(self):
        hostile = GOOD.replace("2001-02-03", xml_escape('2001 */ R"( \u202e ?? #x'))
        self.assertRegex(self.identity("odd", data=hostile), r"^t2001_[0-9a-f]{12}$")


class OutputTest(GeneratorTestCase):

    def test_failed_run_creates_no_output(self):
        write_file(self.tmp, "bad.xml", port_registry("65536"))
        result = run_generator("bad.xml", "out", self.tmp)
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out", HEADER)))
        self.assertEqual(files_under(self.tmp), ["bad.xml"], "a failed run created a file")

    def test_no_temporary_file_left_after_success_or_failure(self):
        umask = os.umask(0)
        os.umask(umask)
        self.generate(GOOD, output="out")
        header = os.path.join(self.tmp, "out", HEADER)
        self.assertEqual(os.stat(header).st_mode & 0o777, 0o666 & ~umask)
        self.assertEqual(sorted(os.listdir(os.path.dirname(header))), [os.path.basename(h) for h in HEADERS])
        write_file(self.tmp, "bad.xml", b"<registry")
        result = run_generator("bad.xml", "out", self.tmp)
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(files_under(os.path.join(self.tmp, "out")), HEADERS)

    def test_output_directory_that_is_a_file(self):
        write_file(self.tmp, "in/good.xml", GOOD)
        write_file(self.tmp, "not-a-directory", "x")
        result = run_generator("in/good.xml", "not-a-directory", self.tmp)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.decode(),
                         "not-a-directory: cannot write %s: Not a directory\n" % HEADER)

    def test_good_run_replaces_previous_header(self):
        # The harness of assert_rejected can see a change: a good run does change the header.
        first = self.generate(GOOD, output="out")
        header = os.path.join(self.tmp, "out", HEADER)
        os.utime(header, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
        second = self.generate(GOOD.replace("2001-02-03", "2002-03-04"), output="out")
        self.assertNotEqual(first, second)
        self.assertNotEqual(os.stat(header).st_mtime_ns, OLD_MTIME_NS)

    def test_banner(self):
        data = registry(record("<name>http</name>", "<protocol>tcp</protocol>", "<number>80</number>"),
                        updated="2019-12-31").encode("utf-8")
        header = self.generate(data, name=os.path.join("some-dir", "banner-registry.xml"))
        banner_lines = []
        for line in header.split("\n"):
            if not line.startswith("//"):
                break
            banner_lines.append(line)
        banner = "\n".join(banner_lines)
        self.assertTrue(1 < len(banner_lines) <= 10, banner)
        self.assertIn("codegen/generate.py", banner)
        self.assertIn("banner-registry.xml", banner)
        self.assertNotIn("some-dir", banner)
        self.assertIn("2019-12-31", banner)
        self.assertIn(hashlib.sha256(data).hexdigest(), banner)
        self.assertIn("Do not edit", banner)


# --- a build that cannot be fooled -------------------------------------------------------------

# Runs the generator in-process with a registry that changes under it at a chosen moment:
#   driver.py SOURCE_DIR MOMENT REPLACEMENT.xml generate.py-arguments...
# MOMENT: "read-in-place" (rewritten in place, as `cat new > r.xml` does, after the first chunk
# is read), "read-rename" (replaced by a rename, as `mv new r.xml`, likewise), "build" (by a
# rename while the tables are laid out, after the reading), "written" (by a rename just after
# the header took its place).
CHANGING_REGISTRY_DRIVER = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
from codegen import generate, registry_xml
moment, replacement, arguments = sys.argv[2], sys.argv[3], sys.argv[4:]
registry = arguments[arguments.index("--registry") + 1]

def replace(in_place):
    with open(replacement, "rb") as f:
        data = f.read()
    if in_place:
        with open(registry, "wb") as f:
            f.write(data)
    else:
        with open(registry + ".tmp", "wb") as f:
            f.write(data)
        os.replace(registry + ".tmp", registry)

real_chunks = registry_xml._chunks
def chunks(f):
    for number, chunk in enumerate(real_chunks(f)):
        yield chunk
        if number == 0 and moment.startswith("read-"):
            replace(moment == "read-in-place")
registry_xml.CHUNK_BYTES = 64
registry_xml._chunks = chunks

real_build = generate.tables.build
def build(*args):
    if moment == "build":
        replace(False)
    return real_build(*args)
generate.tables.build = build

real_replace = os.replace
def replace_then_change(source, target):
    real_replace(source, target)
    if moment == "written" and target.endswith("registry_tables.hpp"):
        replace(False)
generate.os.replace = replace_then_change

sys.exit(generate.main(arguments))
"""


class CannotBeFooledTest(GeneratorTestCase):
    """A registry that changes while the generator reads it, paths the build tools must carry,
    and dates a build tool can trust."""

    def run_with_change(self, moment):
        """Generate into out/ from in/registry.xml, which changes at moment; a previous good
        header is there. Returns the run and that previous header's bytes and stat."""
        self.generate(GOOD, name=os.path.join("in", "registry.xml"), output="out")
        header = os.path.join(self.tmp, "out", HEADER)
        os.utime(header, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
        new = GOOD.replace("2001-02-03", "2011-12-13").replace("https", "http-secure")
        write_file(self.tmp, "replacement.xml", new)
        driver = write_file(self.tmp, "driver.py", CHANGING_REGISTRY_DRIVER)
        result = subprocess.run(
            [sys.executable, driver, ROOT, moment, "replacement.xml",
             "--registry", os.path.join("in", "registry.xml"), "--output", "out"],
            cwd=self.tmp, stdin=subprocess.DEVNULL, capture_output=True, env=child_environment(),
            timeout=TIMEOUT)
        return result, header

    def assert_previous_header_kept(self, header):
        self.assertEqual(os.stat(header).st_mtime_ns, OLD_MTIME_NS, "the previous header was rewritten")

    def test_registry_rewritten_in_place_while_read(self):
        result, header = self.run_with_change("read-in-place")
        self.assertEqual((result.returncode, result.stderr.decode()),
                         (1, os.path.join("in", "registry.xml") + ": changed while it was being read;"
                          " nothing was written (build again)\n"))
        self.assert_previous_header_kept(header)

    def test_registry_replaced_by_a_rename_while_read(self):
        result, header = self.run_with_change("read-rename")
        self.assertEqual(result.returncode, 1)
        self.assertIn("changed while it was being read", result.stderr.decode())
        self.assert_previous_header_kept(header)

    def test_registry_replaced_after_reading_before_the_header_is_written(self):
        result, header = self.run_with_change("build")
        self.assertEqual(result.returncode, 1)
        self.assertIn("changed while it was being read", result.stderr.decode())
        self.assert_previous_header_kept(header)
        self.assertEqual(files_under(os.path.join(self.tmp, "out")), HEADERS, "no temporary file left")

    def test_registry_replaced_as_the_header_is_written(self):
        # Too late to keep the old header: the new one, made from the old file, is removed, so
        # that the next build cannot trust it.
        result, header = self.run_with_change("written")
        self.assertEqual((result.returncode, result.stderr.decode()),
                         (1, os.path.join("in", "registry.xml") + ": changed while the tables were"
                          " made from it; their headers are removed (build again)\n"))
        self.assertFalse(os.path.exists(header))
        self.assertFalse(os.path.exists(os.path.join(os.path.dirname(header), PEOPLE_HEADER_NAME)))

    def test_after_a_change_the_next_run_matches_the_file_on_disk(self):
        result, header = self.run_with_change("read-in-place")
        self.assertEqual(result.returncode, 1)
        text = self.generate_from(os.path.join("in", "registry.xml"), "out")
        on_disk = read_bytes(os.path.join(self.tmp, "in", "registry.xml"))
        self.assertIn(hashlib.sha256(on_disk).hexdigest(), text)
        self.assertIn("2011-12-13", text)

    def test_header_is_dated_as_its_newest_input(self):
        # A registry swapped in later with any date newer than the inputs the header was made
        # from makes a date-comparing build tool (Make) generate it again.
        registry_path = write_file(self.tmp, os.path.join("in", "registry.xml"), GOOD)
        future = (int(time.time()) + 3600) * 10**9
        os.utime(registry_path, ns=(future, future))
        self.generate_from(os.path.join("in", "registry.xml"), "out")
        self.assertEqual(os.stat(os.path.join(self.tmp, "out", HEADER)).st_mtime_ns, future)
        os.utime(registry_path, ns=(OLD_MTIME_NS, OLD_MTIME_NS))
        self.generate_from(os.path.join("in", "registry.xml"), "out")
        newest_module = max(os.stat(os.path.join(os.path.dirname(GENERATE), name)).st_mtime_ns
                            for name in ("generate.py", "registry_xml.py", os.path.join("tables", "records.py"), "cpp_emit.py"))
        self.assertGreaterEqual(os.stat(os.path.join(self.tmp, "out", HEADER)).st_mtime_ns, newest_module)

    def test_depfile_lists_every_input_escaped(self):
        write_file(self.tmp, os.path.join("in dir", "reg#1.xml"), GOOD)
        result = run_generator(os.path.join("in dir", "reg#1.xml"), "out", self.tmp,
                               options=("--depfile", "out/tables.d"))
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        depfile = read_bytes(os.path.join(self.tmp, "out", "tables.d")).decode()
        target, _, inputs = depfile.partition(":")
        self.assertEqual(target, os.path.join("out", HEADER))
        listed = [item.strip() for item in inputs.split("\\\n") if item.strip()]
        registry_path = os.path.join(os.path.realpath(self.tmp), "in dir", "reg#1.xml")
        self.assertEqual(listed[0], registry_path.replace(" ", "\\ ").replace("#", "\\#"))
        for module in ("generate.py", "registry_xml.py", os.path.join("tables", "__init__.py"),
                       os.path.join("tables", "names.py"), "cpp_emit.py", "perfect_hash.py"):
            self.assertIn(os.path.join(os.path.dirname(GENERATE), module), listed)

    def test_header_option_names_the_file(self):
        write_file(self.tmp, "in/good.xml", GOOD)
        result = subprocess.run([sys.executable, GENERATE, "--registry", "in/good.xml", "--header",
                                 "flat/tables.hpp"], cwd=self.tmp, capture_output=True,
                                env=child_environment(), timeout=TIMEOUT)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(files_under(self.tmp), ["flat/" + PEOPLE_HEADER_NAME, "flat/tables.hpp", "in/good.xml"])


# --- determinism -------------------------------------------------------------------------------

class LeanBuildTest(GeneratorTestCase):
    """--omit and --protocols: what a lean build leaves out, and the mistakes it refuses. The
    oracle test (oracle_lean) checks every row of a lean build of the bundled registry."""

    LEAN = registry(
        record("<name>http</name>", "<protocol>tcp</protocol>",
               "<description>Hypertext, described at length</description>", "<number>80</number>",
               "<assignee><xref type=\"person\" data=\"Some_One\"/></assignee>", updated="2021-10-01"),
        record("<name>sctp-only</name>", "<protocol>sctp</protocol>", "<number>9</number>"),
        record("<protocol>udp</protocol>", "<description>Reserved</description>",
               "<number>7</number>"))

    def lean_header(self, *options):
        write_file(self.tmp, "in/lean.xml", self.LEAN)
        result = run_generator("in/lean.xml", "out", self.tmp, options=options)
        self.assertEqual(result.returncode, 0, msg=result.stderr.decode("utf-8", "replace"))
        return read_bytes(os.path.join(self.tmp, "out", HEADER)).decode("latin-1")

    def test_omitted_columns_are_not_in_the_header(self):
        full = self.lean_header()
        self.assertIn("described at length", full)
        self.assertIn("Some_One", full)
        self.assertIn("2021-10-01", full)
        lean = self.lean_header("--omit", "description,people,dates")
        for gone in ("described at length", "Some_One", "2021-10-01"):
            self.assertNotIn(gone, lean)
        self.assertIn('omitted_columns = "description,people,dates"', lean)
        self.assertIn("text_tuple_count = 1;", lean)
        self.compile_against("out", "static_assert(ianaports::detail::registry::record_count == 3);"
                             "static_assert(ianaports::status(7, ianaports::protocol::udp) =="
                             " ianaports::port_status::reserved);"
                             "static_assert((*ianaports::by_name(\"http\").begin()).description"
                             ".empty());")

    def test_protocols_left_out_drop_their_rows(self):
        lean = self.lean_header("--protocols", "tcp;udp")  # CMake's list separator works too
        self.assertNotIn("sctp-only", lean)
        self.assertIn('kept_protocols = "tcp,udp"', lean)
        self.assertIn("kept_protocol_bits = 3;", lean)  # protocol indexes 0 and 1
        self.assertIn("record_count = 2;", lean)

    def test_unknown_group_or_protocol_is_a_usage_error(self):
        write_file(self.tmp, "in/lean.xml", self.LEAN)
        for options, message in (
                (("--omit", "descriptions"), "--omit: unknown 'descriptions'; choose from"
                                              " description, people, dates, reference, notes"),
                (("--protocols", "tcp,icmp"), "--protocols: unknown 'icmp'; choose from tcp,"
                                               " udp, sctp, dccp")):
            result = run_generator("in/lean.xml", "out", self.tmp, options=options)
            self.assertEqual(result.returncode, 2)
            self.assertEqual(result.stderr.decode().splitlines()[-1],
                             "generate.py: error: " + message)
            self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")))


class DescribeTest(unittest.TestCase):
    """generate.py --describe: what CMake reads of the generator when it configures (the headers
    it writes, the values of its options), and the choices Meson's options must offer."""

    def describe(self, *key):
        result = subprocess.run([sys.executable, GENERATE, "--describe", *key], capture_output=True,
                                env=child_environment(), timeout=TIMEOUT, check=True)
        return result.stdout.decode("utf-8")

    def test_outputs_and_choices(self):
        described = json.loads(self.describe())
        self.assertEqual(described["outputs"][0], HEADER.replace(os.sep, "/"), "the tables' header first")
        self.assertEqual(sorted(described["outputs"]), [h.replace(os.sep, "/") for h in HEADERS])
        self.assertEqual(self.describe("outputs").splitlines(), described["outputs"])
        for option, key in (("--omit", "column_groups"), ("--protocols", "protocols")):
            for value in described[key]:  # every value it names, the generator takes
                result = run_generator(os.path.join("in", "good.xml"), "out", self.tmp(), options=(option, value))
                self.assertEqual(result.returncode, 0, result.stderr.decode())

    def tmp(self):
        folder = tempfile.mkdtemp(prefix="ianaports-describe-")
        self.addCleanup(shutil.rmtree, folder)
        write_file(folder, os.path.join("in", "good.xml"), GOOD)
        return folder

    def test_meson_options_offer_the_generators_choices(self):
        described = json.loads(self.describe())
        with open(os.path.join(ROOT, "meson_options.txt"), encoding="utf-8") as f:
            options = f.read()

        def choices(option):
            found = re.search(r"option\('%s',[^)]*?choices: \[([^\]]*)\]" % option, options, re.S)
            self.assertIsNotNone(found, option)
            return re.findall(r"'([^']*)'", found.group(1))

        self.assertEqual(choices("omit_columns"), described["column_groups"])
        self.assertEqual(choices("protocols"), described["protocols"])
        self.assertEqual(choices("index"), ["auto"] + described["indexes"])
        self.assertEqual(choices("local_conflicts"), described["local_conflicts"])


class PackedBytesTest(unittest.TestCase):
    """A packed table marked masked goes into its literal xored with the mask that writes it
    shortest; the C++ readers xor it back (the oracle checks every answer)."""

    def literal_length(self, data: bytes, mask: int) -> int:
        return len(cpp_emit._escaped_binary(bytes(b ^ mask for b in data)))

    def test_the_mask_writes_the_literal_shortest(self):
        small_numbers = struct.pack("<300H", *range(300))  # mostly zero high bytes
        for data in (small_numbers, bytes(1000), bytes(range(256)) * 4, b"abc", b""):
            with self.subTest(data=data[:8]):
                mask = cpp_emit.byte_mask(data)
                best = min(self.literal_length(data, m) for m in range(256))
                # The choice counts each byte's escape alone, and an escape is shortened only
                # where no digit follows it: within a character a byte of the best.
                self.assertLessEqual(self.literal_length(data, mask), best + len(data) // 8 + 1)
                self.assertLessEqual(self.literal_length(data, mask), self.literal_length(data, 0))
        self.assertNotEqual(cpp_emit.byte_mask(bytes(1000)), 0, "zero bytes are not left escapes")
        self.assertEqual(cpp_emit.byte_mask(b"abc"), 0, "printable bytes keep no mask")

    def test_the_rendered_table_holds_the_values_xored_with_its_mask(self):
        values = [0, 1, 80, 443, 65535, 0, 0, 7]
        for masked in (True, False):
            with self.subTest(masked=masked):
                lines = cpp_emit._render_array(Array("t", "std::uint16_t", values, "a table", masked=masked), {})
                declaration = re.search(r"packed_table<std::uint16_t, 8, 1, 8, t_bytes, (\d+)> t\{\};", lines[-1])
                self.assertIsNotNone(declaration, lines[-1])
                mask = int(declaration.group(1))
                self.assertEqual(mask != 0, masked, "a table not marked masked keeps its bytes")
                stored = decode_literal_body("".join(re.findall(r'^\s*"(.*)"$', "\n".join(lines), re.M)))
                self.assertEqual(bytes(b ^ mask for b in stored), struct.pack("<8H", *values))


class DeterminismTest(GeneratorTestCase):

    def test_bundled_registry_twice_gives_identical_bytes(self):
        self.assertTrue(os.path.isfile(BUNDLED_REGISTRY))
        command = [sys.executable, GENERATE, "--registry", BUNDLED_REGISTRY, "--output"]
        runs = [subprocess.Popen(command + [os.path.join(self.tmp, name)], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_environment())
                for name in ("first", "second")]  # side by side, to halve the wait
        for run in runs:
            try:
                _, stderr = run.communicate(timeout=BUNDLED_TIMEOUT)
            except subprocess.TimeoutExpired:
                for other in runs:
                    other.kill()
                    other.wait()
                self.fail("the bundled registry took over %s s" % BUNDLED_TIMEOUT)
            self.assertEqual(run.returncode, 0, stderr.decode("utf-8", "replace"))
        first = read_bytes(os.path.join(self.tmp, "first", HEADER))
        second = read_bytes(os.path.join(self.tmp, "second", HEADER))
        self.assertGreater(len(first), 0)
        self.assertTrue(first == second, "two runs on the bundled registry differ")
        # Every literal within the standard's 65535 characters (compilers that hold to it, as
        # MSVC does, reject longer ones): the pragma that silences g++ about them is not needed.
        self.assertNotIn(b"overlength-strings", first)

    def test_hash_seed_does_not_matter(self):
        many = registry(*[record("<name>%s-%d</name>" % ("Svc" if i % 3 else "svc", i // 2),
                                 "<protocol>%s</protocol>" % ("tcp", "udp", "sctp", "dccp")[i % 4],
                                 "<number>%d</number>" % (1000 + 7 * i),
                                 "<description>row %d</description>" % (i % 5))
                          for i in range(200)])
        write_file(self.tmp, "many.xml", many)
        for registry_file in (HOSTILE_REGISTRY, "many.xml"):
            outputs = []
            for seed in ("1", "2"):
                output = "seed-%s" % seed
                result = run_generator(registry_file, output, self.tmp, env=child_environment(PYTHONHASHSEED=seed))
                self.assertEqual(result.returncode, 0, result.stderr.decode("utf-8", "replace"))
                outputs.append(read_bytes(os.path.join(self.tmp, output, HEADER)))
            self.assertTrue(outputs[0] == outputs[1], "%s: PYTHONHASHSEED changes the output" % registry_file)


# --- hostile text ------------------------------------------------------------------------------

def every_xml_character_registry():
    """A registry whose notes hold every character XML allows in a document, one note per
    chunk: tab, line feed, carriage return (as a reference, since a raw one reads as a line
    feed), U+0020-U+007E, all of U+0080-U+D7FF and U+E000-U+FFFD, and a sample of the
    supplementary planes. Each chunk is bracketed so that no trimming touches it.

    Returns (xml, the chunks as they must appear in the text pool)."""
    ascii_chunk = "\t\n\r" + "".join(chr(c) for c in range(0x20, 0x7F))
    bmp = "".join(chr(c) for c in list(range(0x80, 0xD800)) + list(range(0xE000, 0xFFFE)))
    supplementary = "".join(chr(c) for c in list(range(0x10000, 0x110000, 0x101)) + [0x10FFFF])
    chunks = [ascii_chunk] + [bmp[i:i + 16000] for i in range(0, len(bmp), 16000)] + [supplementary]
    chunks = ["[" + chunk + "]" for chunk in chunks]  # under 64 KiB of UTF-8 each
    records = []
    for i, chunk in enumerate(chunks):
        note = xml_escape(chunk, {"\r": "&#13;"})
        records.append(record("<name>chars-%d</name>" % i, "<protocol>udp</protocol>",
                              "<number>%d</number>" % (100 + i), "<note>%s</note>" % note))
    return registry(*records), chunks


class HostileTextTest(GeneratorTestCase):

    def test_hostile_fixture_generates_contained_and_compiles(self):
        with open(HOSTILE_REGISTRY, encoding="utf-8") as f:
            xml = f.read()
        header = self.generate_from(HOSTILE_REGISTRY)
        self.assert_contained(header)
        pool = b"\n".join(text_pool_rows(header))
        for attack in ATTACKS + ["\n#include <x>", "\t", "\r", "\\\n"]:
            self.assertIn(attack.encode("utf-8"), pool, "the fixture's %r reached the text pool" % attack)
        self.compile_against("out", """
static_assert(ianaports::registry_updated == "2001-02-03");
static_assert(ianaports::records().size() == %d);
static_assert(ianaports::by_name("every-protocol").size() == 1);
static_assert(ianaports::by_port(1005, ianaports::protocol::sctp).size() == 1);
""" % count_records(xml))

    def test_hostile_updated_date_and_file_name(self):
        # The two registry texts that reach // comments (the banner), and the updated literal.
        updated = '2001-02-03 */ /* ??/ ??= \\ " )" R"( FORT\u00c9 \u202e'
        name = 'evil \\ ??/ */\n#include <x> FORT\u00c9 \u202e.xml'
        xml = registry(record("<name>probe</name>", "<number>1</number>"), updated=xml_escape(updated))
        header = self.generate(xml, name=name)
        self.assert_contained(header)
        self.assertIn("%0A#include <x>", header)  # the file name, percent-encoded in the banner
        self.compile_against("out", r"""
static_assert(ianaports::registry_updated == "2001-02-03 */ /* ?\?/ ?\?= \\ \" )\" R\"( FORT\303\211 \342\200\256");
""")

    def test_every_xml_character_survives_and_compiles(self):
        xml, chunks = every_xml_character_registry()
        header = self.generate(xml)
        self.assert_contained(header)
        rows = text_pool_rows(header)
        for chunk in chunks:
            expected = chunk.encode("utf-8")
            self.assertTrue(any(expected in row for row in rows),
                            "chunk from U+%04X is in the text pool intact" % ord(chunk[1]))
        self.compile_against("out", "static_assert(ianaports::records().size() == %d);\n" % len(chunks))

    def test_text_longer_than_a_standard_literal_compiles(self):
        # One note over 65535 bytes gets a longer row of its own, under a pragma.
        note = ("line \"*/ ??/ \\\n#include <x>\n" * 3000)[:-1]
        xml = registry(record("<name>long</name>", "<protocol>tcp</protocol>", "<number>1</number>",
                              "<note>[%s]</note>" % xml_escape(note)))
        header = self.generate(xml)
        self.assertGreater(len(note.encode("utf-8")), 65535)
        self.assertTrue(any(("[" + note + "]").encode("utf-8") in row for row in text_pool_rows(header)))
        self.compile_against("out", "static_assert(check::row(0).notes.size() == %d);\n" % (len(note) + 2))


    def test_one_megabyte_description_compiles_and_is_kept_whole(self):
        description = ("A very long description \u00e9\u20ac. " * 40000)[:1 << 20].strip()
        xml = registry(record("<name>huge</name>", "<protocol>tcp</protocol>", "<number>1</number>",
                              "<description>%s</description>" % xml_escape(description)))
        header = self.generate(xml)
        self.assertTrue(any(description.encode("utf-8") in row for row in text_pool_rows(header)))
        self.compile_against("out", "static_assert(check::row(0).description.size() == %d);\n"
                             % len(description.encode("utf-8")))


class ScaleTest(GeneratorTestCase):

    @staticmethod
    def many_records(count):
        """A registry of count records, each with its own name, two per port."""
        records = "".join(
            '<record date="2001-01-01"><name>svc-%d</name><protocol>%s</protocol>'
            "<description>Service %d</description><number>%d</number>"
            '<xref type="person" data="P%d"/></record>\n' % (i, "tcp" if i % 2 else "udp", i, i // 2 % 65536, i % 1000)
            for i in range(count))
        return HEAD.format(updated="2001-02-03") + records + TAIL

    def test_70000_records_generate_in_bounded_time(self):
        # More rows than a 16-bit index holds, and than one literal holds flags for. (Linear in
        # the records, near enough: a tenth of the time for a tenth of them.)
        header = self.generate(self.many_records(70000), timeout=180)
        self.assertIn("inline constexpr std::uint32_t record_count = 70000;", header)
        self.assertIn("using record_index = std::uint32_t;", header, "more rows than 16 bits index")
        # More flags than one literal holds: the row handles read them through packed_table,
        # not in place (odd rows are tcp, even ones udp).
        self.assertIsNotNone(re.search(r"packed_table<std::uint8_t, 70000, [2-9], \d+, record_flags_bytes, \d+> record_flags",
                                       header), "record_flags is a table of several rows")
        self.compile_against("out", """
constexpr std::size_t rows_naming(ianaports::protocol p) {
  std::size_t count = 0;
  for (const ianaports::row r : ianaports::rows()) count += r.transport() == p ? 1U : 0U;
  return count;
}
constexpr std::size_t rows_for(ianaports::protocol p) {
  std::size_t count = 0;
  for (const ianaports::row r : ianaports::rows()) count += r.holds_for(p) ? 1U : 0U;
  return count;
}
constexpr ianaports::row handle(std::size_t index) {
  auto it = ianaports::rows().begin();
  for (; index != 0; --index) ++it;
  return *it;
}
static_assert(handle(65537).transport() == ianaports::protocol::tcp);
static_assert(handle(65538).transport() == ianaports::protocol::udp);
static_assert(handle(69999).holds_for(ianaports::protocol::tcp));
static_assert(!handle(69998).holds_for(ianaports::protocol::tcp));
static_assert(rows_naming(ianaports::protocol::tcp) == 35000);
static_assert(rows_for(ianaports::protocol::udp) == 35000);
static_assert(rows_naming(ianaports::protocol::sctp) == 0);
""", read_everything=False)

    def test_a_killed_run_leaves_the_previous_header_intact(self):
        self.generate(GOOD, name=os.path.join("in", "good.xml"), output="out")
        header = os.path.join(self.tmp, "out", HEADER)
        before = read_bytes(header)
        write_file(self.tmp, os.path.join("in", "big.xml"), self.many_records(100000))
        run = subprocess.Popen([sys.executable, GENERATE, "--registry", os.path.join("in", "big.xml"),
                                "--output", "out"], cwd=self.tmp, env=child_environment(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # well inside the parse: the header is only ever written at the end
        run.kill()
        run.wait()
        self.assertEqual(read_bytes(header), before)

    def test_nul_character_reference_is_an_error(self):
        xml = registry(record("<name>nul</name>", "<description>a&#0;b</description>"))
        self.assert_rejected(xml, line_of(xml, "&#0;"),
                             "not well-formed XML: reference to invalid character number")


if __name__ == "__main__":
    unittest.main()
