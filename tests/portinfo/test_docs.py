#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The portinfo man page and shell completions work, and keep up with `portinfo --help`.

Usage: test_docs.py --portinfo BINARY --source-dir DIR [--emulator ARG...] [TestCase ...]

tools/portinfo/portinfo.1 and the completion files under tools/portinfo/completions/ are what
`portinfo --generate KIND` prints from options[], the table --help is made from too; the tests
"portinfo docs: --generate KIND is ..." (tools/portinfo/generated_docs.cmake) check that, byte
for byte. These check that what is generated works: the page renders under man(1) and groff
without a warning and shows each option with its value as --help does, the hand-written prose
describes each format and exit status --help names, and the completions run for real in bash
(and in zsh and fish, where those shells are installed), offering every option of --help and
the values it lists for an option ("--protocol tcp|udp|sctp|dccp").
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from typing import Dict, List

import ctest_unittest  # tests/, on PYTHONPATH

PORTINFO: List[str] = []  # the command that runs portinfo (an emulator first, on a cross build)
SOURCE_DIR = Path()
TIMEOUT = 60

# A long option, or -h; not a part of a longer word ("FIRST-LAST", "-1").
OPTION_TOKEN = re.compile(r"(?<![\w-])(--[A-Za-z][A-Za-z0-9-]*|-h)(?![\w-])")
# A help entry: "  --status PORT[/PROTO]       assigned, ..."
HELP_ENTRY = re.compile(r"^  (--[A-Za-z][A-Za-z0-9-]*)(?: (\S+))?(?: {2,}|$)", re.M)


def docs(*parts: str) -> Path:
    return SOURCE_DIR.joinpath("tools", "portinfo", *parts)


def MAN_PAGE() -> Path:
    return docs("portinfo.1")


def BASH() -> Path:
    return docs("completions", "portinfo.bash")


def ZSH() -> Path:
    return docs("completions", "_portinfo")


def FISH() -> Path:
    return docs("completions", "portinfo.fish")


_help_cache: List[str] = []


def help_text() -> str:
    if not _help_cache:
        done = subprocess.run([*PORTINFO, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT)
        if done.returncode != 0:
            raise AssertionError(f"portinfo --help exited {done.returncode}: {done.stderr!r}")
        _help_cache.append(done.stdout.decode("utf-8"))
    return _help_cache[0]


def help_options() -> List[str]:
    """Every option --help names, in order of first mention."""
    found: List[str] = []
    for token in OPTION_TOKEN.findall(help_text()):
        if token not in found:
            found.append(token)
    if "--help" not in found:
        raise AssertionError("cannot read the options of portinfo --help:\n" + help_text())
    return found


def help_values() -> Dict[str, str]:
    """The value placeholder of each option that takes one: {"--status": "PORT[/PROTO]"}."""
    return {name: value for name, value in HELP_ENTRY.findall(help_text()) if value}


def help_choices(option: str) -> List[str]:
    """The values an option lists in --help: "tcp|udp|sctp|dccp" → [tcp, udp, sctp, dccp]."""
    value = help_values().get(option, "")
    if "|" not in value:
        raise AssertionError(f"portinfo --help lists no choices for {option}:\n{help_text()}")
    return value.split("|")


def options_with_choices() -> List[str]:
    """The options whose value --help gives as a list of choices: --protocol, --format..."""
    found = [name for name, value in help_values().items() if "|" in value]
    if "--protocol" not in found or "--format" not in found:
        raise AssertionError("cannot read the choices of portinfo --help:\n" + help_text())
    return found


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def run(command: List[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT,
                          **kwargs)


def man_environment() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("MAN_KEEP_FORMATTING", "MANOPT")}
    env.update(MANWIDTH="80", MANPAGER="cat", PAGER="cat")
    return env


class HelpIsReadable(unittest.TestCase):
    def test_help_names_options(self):
        options = help_options()
        self.assertIn("--protocol", options)
        self.assertIn("--format", options)
        self.assertIn("--protocol", help_values())


class ManPage(unittest.TestCase):
    def test_sections(self):
        sections = re.findall(r'^\.SH\s+"?([^"\n]*)"?\s*$', read(MAN_PAGE()), re.M)
        for name in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "SEE ALSO"):
            self.assertIn(name, sections)

    def section(self, name: str) -> str:
        source = read(MAN_PAGE())
        match = re.search(r"^\.SH\s+\"?" + re.escape(name) + r"\"?\s*\n(.*?)(?=^\.SH|\Z)", source,
                          re.M | re.S)
        self.assertIsNotNone(match, f"no .SH {name} in {MAN_PAGE()}")
        return match.group(1)

    def test_exit_statuses_of_help_are_described(self):
        line = re.search(r"^Exit status: (.*)$", help_text(), re.M)
        self.assertIsNotNone(line, "portinfo --help gives no exit statuses")
        codes = re.findall(r"(\d+) [^,]+", line.group(1))
        self.assertTrue(codes)
        described = re.findall(r"^\.TP\n\.B (\d+)$", self.section("EXIT STATUS"), re.M)
        self.assertEqual(described, codes)

    def test_every_format_is_described(self):
        described = re.findall(r"^\.TP\n\.B (\w+)$", self.section("OUTPUT FORMATS"), re.M)
        self.assertEqual(described, help_choices("--format"))

    def render(self) -> subprocess.CompletedProcess:
        if shutil.which("man") is None:
            self.skipTest("man is not installed: the page's rendering is not checked")
        return run(["man", "--warnings", "-E", "UTF-8", "-l", str(MAN_PAGE())],
                   env=man_environment())

    def test_man_renders_it_without_warnings(self):
        if shutil.which("man") is None:
            self.skipTest("man is not installed: the page's rendering is not checked")
        plain = run(["man", "-l", str(MAN_PAGE())], env=man_environment())
        self.assertEqual((plain.returncode, plain.stderr.decode("utf-8", "replace")), (0, ""))
        warned = self.render()
        self.assertEqual((warned.returncode, warned.stderr.decode("utf-8", "replace")), (0, ""))

    def test_groff_finds_nothing_to_warn_of(self):
        if shutil.which("groff") is None:
            self.skipTest("groff is not installed")
        done = run(["groff", "-man", "-ww", "-z", str(MAN_PAGE())])
        self.assertEqual((done.returncode, done.stderr.decode("utf-8", "replace")), (0, ""))

    def test_each_option_shows_its_value_as_help_does(self):
        done = self.render()
        self.assertEqual(done.returncode, 0)
        shown = re.sub(r".\x08", "", done.stdout.decode("utf-8"))  # any overstrike bold
        shown = re.sub(r"[ \t]+", " ", shown)
        for name, value in help_values().items():
            self.assertTrue(f"{name} {value}" in shown,
                            f"{MAN_PAGE()} does not show {name} {value} as --help does")

    def test_no_date_or_version_to_go_stale(self):
        title = re.search(r"^\.TH .*$", read(MAN_PAGE()), re.M)
        self.assertIsNotNone(title)
        self.assertEqual(title.group(0), '.TH PORTINFO 1 "" "ianaports" "User Commands"')


class Banners(unittest.TestCase):
    def test_licence_line_and_what_generates_each(self):
        first = {BASH(): ("bash", 0), FISH(): ("fish", 0), ZSH(): ("zsh", 1), MAN_PAGE(): ("man", 0)}
        for path, (kind, index) in first.items():
            with self.subTest(path=path.name):
                lines = read(path).splitlines()
                comment = ".\\\" " if path.suffix == ".1" else "# "
                self.assertEqual(lines[index], comment + "SPDX-License-Identifier: BSL-1.0")
                banner = " ".join(l[len(comment):] for l in lines[index + 1:index + 4])
                self.assertIn(f"Generated by `portinfo --generate {kind}`", banner)
        self.assertEqual(read(ZSH()).splitlines()[0], "#compdef portinfo")


class BashCompletion(unittest.TestCase):
    def setUp(self):
        if shutil.which("bash") is None:
            self.skipTest("bash is not installed")

    def bash(self, script: str, *args: str) -> str:
        done = run(["bash", "--norc", "--noprofile", "-c", script, "bash", str(BASH()), *args])
        self.assertEqual((done.returncode, done.stderr.decode("utf-8", "replace")), (0, ""))
        return done.stdout.decode("utf-8")

    def function(self) -> str:
        spec = self.bash('source "$1" && complete -p portinfo').strip()
        match = re.fullmatch(r"complete (?:.* )?-F (\S+) (?:.* )?portinfo", spec)
        self.assertIsNotNone(match, f"complete -p portinfo says {spec!r}")
        return match.group(1)

    def complete(self, *words: str) -> List[str]:
        """COMPREPLY for a command line whose last word is the one being completed."""
        script = ('source "$1"; function=$2; shift 2; COMP_WORDS=("$@"); '
                  'COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"; '
                  'COMP_POINT=${#COMP_LINE}; COMPREPLY=(); "$function" portinfo '
                  '"${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"; '
                  'printf "%s\\n" "${COMPREPLY[@]}"')
        return [w for w in self.bash(script, self.function(), "portinfo", *words).split("\n") if w]

    def test_complete_names_the_function(self):
        self.assertTrue(self.function())

    def test_every_option_after_dashes(self):
        offered = self.complete("--")
        long_options = [o for o in help_options() if o.startswith("--")]
        self.assertEqual([o for o in long_options if o not in offered], [])
        self.assertEqual([o for o in offered if not o.startswith("--")], [])

    def test_short_help_after_one_dash(self):
        offered = self.complete("-")
        self.assertEqual([o for o in help_options() if o not in offered], [])

    def test_choices(self):
        self.assertEqual(help_choices("--protocol"), ["tcp", "udp", "sctp", "dccp"])
        self.assertEqual(help_choices("--format"), ["table", "csv", "json", "services"])
        for option in options_with_choices():
            with self.subTest(option=option):
                self.assertEqual(self.complete(option, ""), help_choices(option))

    def test_values_after_equals(self):
        # "=" is in bash's default COMP_WORDBREAKS: --format=j reaches us as "--format" "=" "j".
        self.assertEqual(self.complete("--format", "=", "j"), ["json"])
        self.assertEqual(self.complete("--protocol", "=", ""), help_choices("--protocol"))
        self.assertEqual(self.complete("--format=j"), ["--format=json"])

    def test_no_files_for_a_query(self):
        self.assertEqual(self.complete("443", ""), [])


class ZshCompletion(unittest.TestCase):
    # compinit scans every folder of $fpath, a second each time: the class makes its dump file
    # once, with the completion's folder on $fpath, and each session loads it.
    scratch: tempfile.TemporaryDirectory
    dump: Path
    compinit_works: bool

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        cls.dump = Path(cls.scratch.name, "zcompdump")
        cls.compinit_works = shutil.which("zsh") is not None and run(
            ["zsh", "-fc", 'fpath=("$1" $fpath); autoload -Uz compinit && compinit -u -d "$2"',
             "zsh", str(ZSH().parent), str(cls.dump)]).returncode == 0

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def setUp(self):
        if shutil.which("zsh") is None:
            self.skipTest("zsh is not installed")

    def test_syntax(self):
        done = run(["zsh", "-n", str(ZSH())])
        self.assertEqual((done.returncode, done.stderr.decode("utf-8", "replace")), (0, ""))

    def test_sourced_after_compinit_it_registers(self):
        if not self.compinit_works:
            self.skipTest("zsh without its completion system (compinit)")
        done = run(["zsh", "-fc", 'autoload -Uz compinit && compinit -u -D && source "$1" && '
                    'print -r -- "$_comps[portinfo]"', "zsh", str(ZSH())])
        self.assertEqual((done.returncode, done.stdout, done.stderr), (0, b"_portinfo\n", b""))

    # Drives an interactive zsh on a pseudo-terminal (zsh/zpty): the line, then a TAB bound to a
    # widget that completes and writes <done>; a compadd wrapper writes out each match added.
    DRIVER = r"""
zmodload zsh/zpty 2>/dev/null || exit 77
dir=$1 hits=$2 line=$3 dump=$4
zpty z zsh -f -i || exit 77
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)dump}"
zpty -w z 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  builtin compadd -A __hits "$@"
  print -rl -- "<hit>"${^__hits} >&2
  builtin compadd "$@"
}'
zpty -w z '_docs_test_complete() {
  zle complete-word
  print -r -- "<done>" >&2
  zle kill-whole-line
}'
zpty -w z 'zle -N _docs_test_complete; bindkey "^I" _docs_test_complete'
zpty -w z "exec 2>>${(q)hits}"
zpty -w -n z "$line"$'\t'
repeat 400; do
  while zpty -rt z out; do :; done
  grep -q '<done>' $hits 2>/dev/null && break
  sleep 0.05
done
zpty -d z
"""

    def complete(self, line: str) -> List[str]:
        if not self.compinit_works:
            self.skipTest("zsh without compinit: its completion is not run")
        with tempfile.TemporaryDirectory() as scratch:
            hits = Path(scratch, "hits")
            hits.write_text("")
            done = run(["zsh", "-fc", self.DRIVER, "zsh", str(ZSH().parent), str(hits), line,
                        str(self.dump)], stdin=subprocess.DEVNULL)
            if done.returncode == 77:
                self.skipTest("zsh without zsh/zpty: its completion is not run")
            text = hits.read_text(encoding="utf-8", errors="replace")
        self.assertIn("<done>", text, "the zsh session did not finish")
        return sorted({l[len("<hit>"):] for l in text.splitlines()
                       if l.startswith("<hit>") and l != "<hit>"})

    def test_every_option_after_dashes(self):
        offered = self.complete("portinfo --")
        self.assertEqual([o for o in help_options() if o.startswith("--") and o not in offered], [])

    def test_choices(self):
        self.assertEqual(self.complete("portinfo --format="), sorted(help_choices("--format")))
        for option in options_with_choices():
            with self.subTest(option=option):
                self.assertEqual(self.complete(f"portinfo {option} "), sorted(help_choices(option)))


class FishCompletion(unittest.TestCase):
    def setUp(self):
        if shutil.which("fish") is None:
            self.skipTest("fish is not installed")

    def test_syntax(self):
        done = run(["fish", "-n", str(FISH())])
        self.assertEqual((done.returncode, done.stderr.decode("utf-8", "replace")), (0, ""))

    def complete(self, line: str) -> List[str]:
        """What fish offers for the line, its completion autoloaded as when installed. Fish
        loads a command's completions only when the command is on $PATH: a stub stands in."""
        with tempfile.TemporaryDirectory() as scratch:
            shutil.copy(FISH(), Path(scratch, "portinfo.fish"))
            stub = Path(scratch, "bin", "portinfo")
            stub.parent.mkdir()
            stub.write_text("#!/bin/sh\nexit 0\n")
            stub.chmod(0o755)
            env = dict(os.environ, XDG_CONFIG_HOME=scratch, XDG_DATA_HOME=scratch,
                       PATH=str(stub.parent) + os.pathsep + os.environ.get("PATH", ""))
            script = 'set -g fish_complete_path $argv[1] $fish_complete_path; complete -C $argv[2]'
            done = run(["fish", "-c", script, scratch, line], env=env, cwd=scratch)
        self.assertEqual((done.returncode, done.stderr.decode("utf-8", "replace")), (0, ""))
        return sorted(l.split("\t")[0] for l in done.stdout.decode("utf-8").splitlines())

    def test_every_option_after_a_dash(self):
        offered = self.complete("portinfo -")
        self.assertEqual([o for o in help_options() if o not in offered], [])

    def test_choices(self):
        for option in options_with_choices():
            with self.subTest(option=option):
                self.assertEqual(self.complete(f"portinfo {option} "), sorted(help_choices(option)))


def main() -> None:
    global PORTINFO, SOURCE_DIR
    ctest_unittest.list_cases_if_asked(sys.modules[__name__], sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--portinfo", required=True, help="the portinfo binary")
    parser.add_argument("--source-dir", required=True, help="the ianaports source tree")
    parser.add_argument("--emulator", action="append", default=[],
                        help="runs portinfo on a cross build "
                             "(each argument of CMAKE_CROSSCOMPILING_EMULATOR)")
    args, rest = parser.parse_known_args()
    PORTINFO = [*args.emulator, os.path.abspath(args.portinfo)]
    SOURCE_DIR = Path(args.source_dir).resolve()
    ctest_unittest.main(rest)


if __name__ == "__main__":
    main()
