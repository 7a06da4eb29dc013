#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Tests of packaging/dist.py, the source release, run as a user runs it (a subprocess): on this
repository's HEAD (built twice in two unlike environments, the bytes compared; the members
checked against git's own list), and on small git repositories made here, which hold what this
one lacks (a symlink, a submodule, a commit without NOTICE, an edit not committed). This
repository's work tree is never written to.

    cd tests/packaging && python3 -m unittest test_dist -v
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zlib
from typing import Dict, Iterator, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DIST = os.path.join(ROOT, "packaging", "dist.py")
CONFIG = "include/ianaports/detail/config.hpp"
REQUIRED = ("single_include/ianaports/ports.hpp", "registry/service-names-port-numbers.xml",
            "LICENSE", "NOTICE")

sys.dont_write_bytecode = True
sys.path.insert(0, ROOT)  # the generator, as the package codegen
from codegen.version import parse_version  # noqa: E402

# Variables that would make git (or dist.py) read another repository, or a date not the commit's.
LEAKY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
                   "GIT_OBJECT_DIRECTORY", "SOURCE_DATE_EPOCH")
# The fixtures' dates: the committer's is the one a release carries.
AUTHOR_TIME, COMMITTER_TIME = 1600000000, 1700000000


def child_environment(**overrides: str) -> Dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in LEAKY_VARIABLES}
    environment.update(overrides)
    return environment


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    """The process's umask, which a child inherits, set for the block."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def run_dist(*arguments: str, cwd: Optional[str] = None,
             env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, DIST, *arguments], cwd=cwd, capture_output=True,
                          env=env if env is not None else child_environment(), timeout=300,
                          check=False)


def git(repo: str, *arguments: str, stdin: bytes = b"", date: int = COMMITTER_TIME) -> str:
    """git's output, in REPO, with no user or system configuration and fixed dates."""
    environment = child_environment(
        GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_AUTHOR_NAME="A", GIT_AUTHOR_EMAIL="a@example.org",
        GIT_COMMITTER_NAME="C", GIT_COMMITTER_EMAIL="c@example.org",
        GIT_AUTHOR_DATE=f"{AUTHOR_TIME} +0200", GIT_COMMITTER_DATE=f"{date} +0530")
    done = subprocess.run(["git", "-C", repo, "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false",
                           *arguments], input=stdin, capture_output=True, env=environment, check=False)
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(arguments)}: {done.stderr.decode('utf-8', 'replace')}")
    return done.stdout.decode("utf-8").strip()


def config_hpp(major: int, minor: int, patch: int) -> bytes:
    return (f"// config\n#define IANAPORTS_VERSION_MAJOR {major}\n#define IANAPORTS_VERSION_MINOR {minor}\n"
            f"#define IANAPORTS_VERSION_PATCH {patch}\n").encode("ascii")


class Fixture:
    """A small git repository in a temporary folder: the files a release needs, an executable
    script and a symlink; write() and friends stage, commit() commits with fixed dates."""

    def __init__(self, directory: str, version: Tuple[int, int, int] = (1, 2, 3)) -> None:
        self.path = directory
        os.makedirs(directory)
        git(directory, "init", "-q")
        self.write(CONFIG, config_hpp(*version))
        self.write("single_include/ianaports/ports.hpp", b"// the single header\n")
        self.write("registry/service-names-port-numbers.xml", b"<registry/>\n")
        self.write("LICENSE", b"Boost Software License - Version 1.0\n")
        self.write("NOTICE", b"The registry data: IANA.\n")
        self.write("tools/run.sh", b"#!/bin/sh\necho run\n", executable=True)
        self.symlink("docs/LICENSE.txt", "../LICENSE")

    def write(self, path: str, data: bytes, executable: bool = False, stage: bool = True) -> None:
        full = os.path.join(self.path, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        if stage:
            git(self.path, "add", "--", path)
            if executable:  # the index's mode, whatever the file system keeps
                git(self.path, "update-index", "--chmod=+x", "--", path)

    def symlink(self, path: str, target: str) -> None:
        """A symlink in the index alone (so the test needs no file system that makes them)."""
        oid = git(self.path, "hash-object", "-w", "--stdin", stdin=target.encode("utf-8"))
        git(self.path, "update-index", "--add", "--cacheinfo", f"120000,{oid},{path}")

    def commit(self, message: str = "a commit", date: int = COMMITTER_TIME) -> str:
        git(self.path, "commit", "-q", "--allow-empty", "-m", message, date=date)
        return git(self.path, "rev-parse", "HEAD")


def members(tarball: str) -> List[tarfile.TarInfo]:
    with tarfile.open(tarball, "r:gz") as tar:
        return tar.getmembers()


def member_bytes(tarball: str, name: str) -> bytes:
    with tarfile.open(tarball, "r:gz") as tar:
        extracted = tar.extractfile(name)
        assert extracted is not None, name
        return extracted.read()


def sha256_of(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def load_dist():
    """dist.py as a module (by its path: `packaging` is also a PyPI package's name)."""
    spec = importlib.util.spec_from_file_location("ianaports_dist", DIST)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


class ReleaseOfThisRepository(unittest.TestCase):
    """This repository's HEAD, released twice: with umask 022, TZ=UTC and no SOURCE_DATE_EPOCH,
    into a relative folder; and with umask 077, another time zone, a SOURCE_DATE_EPOCH that must
    not count, another locale and hash seed, into an absolute folder that does not exist yet."""

    commit = ""
    first = second = ""
    first_run: subprocess.CompletedProcess
    second_run: subprocess.CompletedProcess

    @classmethod
    def setUpClass(cls) -> None:
        cls.folder = tempfile.mkdtemp(prefix="ianaports-dist-")
        cls.commit = git(ROOT, "rev-parse", "--verify", "HEAD^{commit}")  # one commit, if HEAD moves
        config = git(ROOT, "show", f"{cls.commit}:{CONFIG}")
        cls.version = ".".join(str(part) for part in parse_version(config))
        cls.name = f"ianaports-{cls.version}.tar.gz"
        os.mkdir(os.path.join(cls.folder, "a"))
        with umask(0o022):
            cls.first_run = run_dist("--output-dir", "out", "--commit", cls.commit,
                                     cwd=os.path.join(cls.folder, "a"),
                                     env=child_environment(TZ="UTC", LC_ALL="C.UTF-8", PYTHONHASHSEED="1"))
        with umask(0o077):
            cls.second_run = run_dist("--output-dir", os.path.join(cls.folder, "b", "new", "out"),
                                      "--commit", cls.commit, cwd=cls.folder,
                                      env=child_environment(TZ="Pacific/Kiritimati", LC_ALL="C",
                                                            SOURCE_DATE_EPOCH="1", PYTHONHASHSEED="2"))
        cls.first = os.path.join(cls.folder, "a", "out", cls.name)
        cls.second = os.path.join(cls.folder, "b", "new", "out", cls.name)

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.folder)

    def setUp(self) -> None:
        for run in (self.first_run, self.second_run):
            self.assertEqual(run.returncode, 0, run.stderr.decode("utf-8", "replace"))

    def tree(self) -> Dict[str, str]:
        """git's list of the commit's files: path -> mode."""
        listed = git(ROOT, "ls-tree", "-r", "-z", "--full-tree", self.commit)
        return {record.split("\t", 1)[1]: record.split(" ", 1)[0] for record in listed.split("\0") if record}

    def test_two_builds_are_the_same_bytes(self):
        with open(self.first, "rb") as a, open(self.second, "rb") as b:
            first, second = a.read(), b.read()
        self.assertGreater(len(first), 100000)
        self.assertTrue(first == second, "the two builds of one commit differ")

    def test_it_prints_the_sha256_and_the_path_as_sha256sum_does(self):
        self.assertEqual(self.first_run.stdout.decode("utf-8"),
                         f"{sha256_of(self.first)}  {os.path.join('out', self.name)}\n")
        self.assertEqual(self.second_run.stdout.decode("utf-8"), f"{sha256_of(self.second)}  {self.second}\n")

    def test_the_tarball_is_as_readable_as_the_umask_says(self):
        self.assertEqual(os.stat(self.first).st_mode & 0o777, 0o644)
        self.assertEqual(os.stat(self.second).st_mode & 0o777, 0o600)
        self.assertEqual(sorted(os.listdir(os.path.dirname(self.first))), [self.name], "no temporary left")

    def test_the_members_are_the_commit_s_files_and_their_folders_under_the_prefix(self):
        prefix = f"ianaports-{self.version}"
        files = git(ROOT, "ls-tree", "-r", "--name-only", "-z", "--full-tree", self.commit).split("\0")
        files = [f for f in files if f]
        folders = {"/".join(f.split("/")[:depth]) for f in files for depth in range(1, f.count("/") + 1)}
        expected = {prefix} | {f"{prefix}/{path}" for path in files + sorted(folders)}
        names = [member.name for member in members(self.first)]
        self.assertEqual(len(names), len(set(names)), "a member twice")
        self.assertEqual(set(names), expected)
        self.assertEqual(names, sorted(names, key=lambda name: name.encode("utf-8")), "sorted by path")
        self.assertEqual(names[0], prefix)
        kinds = {member.name: member.isdir() for member in members(self.first)}
        self.assertEqual({name for name, is_dir in kinds.items() if is_dir},
                         {prefix} | {f"{prefix}/{folder}" for folder in folders})

    def test_every_member_is_root_s_dated_by_the_commit_with_git_s_mode(self):
        mtime = int(git(ROOT, "log", "-1", "--format=%ct", self.commit))
        modes = self.tree()
        self.assertIn("100755", modes.values(), "HEAD has an executable file to check")
        expected_modes = {"100644": 0o644, "100755": 0o755, "120000": 0o777}
        prefix = f"ianaports-{self.version}/"
        for member in members(self.first):
            with self.subTest(member=member.name):
                self.assertEqual((member.uid, member.gid, member.uname, member.gname), (0, 0, "root", "root"))
                self.assertEqual(member.mtime, mtime)
                path = member.name[len(prefix):]
                if member.isdir():
                    self.assertEqual(member.mode, 0o755)
                else:
                    self.assertEqual(member.mode, expected_modes[modes[path]], modes[path])

    def test_it_holds_the_committed_single_header_registry_and_licences(self):
        for path in REQUIRED:
            with self.subTest(path=path):
                committed = subprocess.run(["git", "-C", ROOT, "cat-file", "blob", f"{self.commit}:{path}"],
                                           capture_output=True, check=True).stdout
                self.assertEqual(member_bytes(self.first, f"ianaports-{self.version}/{path}"), committed)

    def test_the_gzip_header_has_no_time_no_name_and_the_tar_is_pax(self):
        with open(self.first, "rb") as f:
            data = f.read()
        self.assertEqual(data[:3], b"\x1f\x8b\x08")
        self.assertEqual(data[3], 0, "no FNAME, FCOMMENT or FEXTRA flag")
        self.assertEqual(data[4:8], b"\0\0\0\0", "mtime 0")
        first_header = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 512)
        self.assertEqual(first_header[257:265], b"ustar\x0000", "POSIX (ustar/PAX) magic, not GNU's")

    def test_the_name_and_the_prefix_carry_the_committed_version(self):
        self.assertRegex(self.version, r"^[0-9]+\.[0-9]+\.[0-9]+$")
        self.assertTrue(os.path.isfile(self.first))
        self.assertTrue(all(m.name.split("/")[0] == f"ianaports-{self.version}" for m in members(self.first)))


class ReleaseOfAFixture(unittest.TestCase):
    """Small repositories made here: modes and kinds, dates, what is refused."""

    def setUp(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="ianaports-dist-fixture-")
        self.output = os.path.join(self.folder, "out")
        os.mkdir(self.output)

    def tearDown(self) -> None:
        shutil.rmtree(self.folder)

    def fixture(self, version: Tuple[int, int, int] = (1, 2, 3)) -> Fixture:
        return Fixture(os.path.join(self.folder, "repo"), version)

    def release(self, fixture: Fixture, *arguments: str) -> subprocess.CompletedProcess:
        return run_dist("--repo", fixture.path, "--output-dir", self.output, *arguments)

    def assert_refused(self, run: subprocess.CompletedProcess, *said: str) -> None:
        message = run.stderr.decode("utf-8", "replace")
        self.assertEqual(run.returncode, 1, message)
        for words in said:
            self.assertIn(words, message)
        self.assertEqual(run.stdout, b"")
        self.assertEqual(os.listdir(self.output), [], "nothing written, not even a temporary")

    def test_each_kind_of_entry_keeps_its_kind_and_mode(self):
        fixture = self.fixture()
        fixture.commit()
        run = self.release(fixture)
        self.assertEqual(run.returncode, 0, run.stderr)
        tarball = os.path.join(self.output, "ianaports-1.2.3.tar.gz")
        found = {m.name: m for m in members(tarball)}
        script, link = found["ianaports-1.2.3/tools/run.sh"], found["ianaports-1.2.3/docs/LICENSE.txt"]
        self.assertTrue(script.isfile())
        self.assertEqual(script.mode, 0o755)
        self.assertEqual(found["ianaports-1.2.3/LICENSE"].mode, 0o644)
        self.assertTrue(link.issym())
        self.assertEqual((link.linkname, link.mode, link.size), ("../LICENSE", 0o777, 0))
        for folder in ("ianaports-1.2.3", "ianaports-1.2.3/docs", "ianaports-1.2.3/include/ianaports/detail"):
            self.assertTrue(found[folder].isdir(), folder)
            self.assertEqual(found[folder].mode, 0o755)
        self.assertEqual(member_bytes(tarball, "ianaports-1.2.3/tools/run.sh"), b"#!/bin/sh\necho run\n")

    def test_every_entry_is_dated_by_the_committer_not_the_author(self):
        fixture = self.fixture()
        fixture.commit(date=COMMITTER_TIME + 12345)
        self.assertEqual(self.release(fixture).returncode, 0)
        dates = {m.mtime for m in members(os.path.join(self.output, "ianaports-1.2.3.tar.gz"))}
        self.assertEqual(dates, {COMMITTER_TIME + 12345})

    def test_uncommitted_edits_never_reach_the_release(self):
        fixture = self.fixture()
        fixture.commit()
        fixture.write("LICENSE", b"edited, not staged\n", stage=False)
        fixture.write("NOTICE", b"edited and staged, not committed\n")
        fixture.write("untracked.txt", b"never added\n", stage=False)
        fixture.write(CONFIG, config_hpp(9, 9, 9), stage=False)
        run = self.release(fixture)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(os.listdir(self.output), ["ianaports-1.2.3.tar.gz"])
        tarball = os.path.join(self.output, "ianaports-1.2.3.tar.gz")
        self.assertEqual(member_bytes(tarball, "ianaports-1.2.3/LICENSE"), b"Boost Software License - Version 1.0\n")
        self.assertEqual(member_bytes(tarball, "ianaports-1.2.3/NOTICE"), b"The registry data: IANA.\n")
        self.assertNotIn("ianaports-1.2.3/untracked.txt", [m.name for m in members(tarball)])

    def test_the_version_is_config_hpp_s_at_the_commit(self):
        fixture = self.fixture((1, 2, 3))
        older = fixture.commit("1.2.3")
        fixture.write(CONFIG, config_hpp(2, 0, 11))
        fixture.commit("2.0.11")
        self.assertEqual(self.release(fixture).returncode, 0)
        self.assertEqual(self.release(fixture, "--commit", older).returncode, 0)
        self.assertEqual(sorted(os.listdir(self.output)), ["ianaports-1.2.3.tar.gz", "ianaports-2.0.11.tar.gz"])
        self.assertEqual({m.name.split("/")[0] for m in members(os.path.join(self.output, "ianaports-2.0.11.tar.gz"))},
                         {"ianaports-2.0.11"})

    def test_a_commit_without_a_required_file_is_refused(self):
        fixture = self.fixture()
        fixture.commit()
        for path in REQUIRED + (CONFIG,):
            with self.subTest(missing=path):
                git(fixture.path, "rm", "-q", "--cached", "--", path)
                without = fixture.commit(f"without {path}")
                git(fixture.path, "reset", "-q", "HEAD~1")  # the file back in the index
                self.assert_refused(self.release(fixture, "--commit", without), f"has no {path} (")

    def test_a_config_hpp_without_a_version_line_is_refused(self):
        fixture = self.fixture()
        fixture.write(CONFIG, b"#define IANAPORTS_VERSION_MAJOR 1\n#define IANAPORTS_VERSION_MINOR 2\n")
        fixture.commit()
        self.assert_refused(self.release(fixture), "no IANAPORTS_VERSION_PATCH")

    def test_a_submodule_is_refused(self):
        fixture = self.fixture()
        elsewhere = fixture.commit()
        git(fixture.path, "update-index", "--add", "--cacheinfo", f"160000,{elsewhere},vendor/lib")
        fixture.commit("with a submodule")
        self.assert_refused(self.release(fixture), "vendor/lib is a submodule")

    def test_a_name_that_names_no_commit_is_refused(self):
        fixture = self.fixture()
        fixture.commit()
        self.assert_refused(self.release(fixture, "--commit", "no-such-branch"), "no-such-branch")
        self.assert_refused(self.release(fixture, "--commit=--all"), "not a revision")

    def test_a_folder_that_is_no_repository_is_refused(self):
        os.mkdir(os.path.join(self.folder, "plain"))
        run = run_dist("--repo", os.path.join(self.folder, "plain"), "--output-dir", self.output,
                       env=child_environment(GIT_CEILING_DIRECTORIES=self.folder))
        self.assert_refused(run, "not a git repository")

    def test_a_failed_write_leaves_the_old_tarball_and_no_temporary(self):
        dist = load_dist()
        path = os.path.join(self.output, "ianaports-1.2.3.tar.gz")
        with open(path, "wb") as f:
            f.write(b"the old release")

        def fails_half_way(out: io.BufferedIOBase) -> None:
            out.write(b"half a tarball")
            raise OSError("disk full")

        with self.assertRaises(OSError):
            dist.write_atomically(path, fails_half_way)
        self.assertEqual(os.listdir(self.output), ["ianaports-1.2.3.tar.gz"])
        with open(path, "rb") as f:
            self.assertEqual(f.read(), b"the old release")

    def test_the_same_commit_gives_the_same_bytes_and_gzip_names_nothing(self):
        fixture = self.fixture()
        fixture.commit()
        tarball = os.path.join(self.output, "ianaports-1.2.3.tar.gz")
        with umask(0o022):
            self.assertEqual(self.release(fixture).returncode, 0)
        with open(tarball, "rb") as f:
            first = f.read()
        with umask(0o077):
            self.assertEqual(run_dist("--repo", fixture.path, "--output-dir", self.output,
                                      env=child_environment(TZ="Asia/Kathmandu", SOURCE_DATE_EPOCH="5")).returncode, 0)
        with open(tarball, "rb") as f:
            self.assertEqual(f.read(), first)
        with gzip.GzipFile(fileobj=io.BytesIO(first)) as unzipped:
            unzipped.read()
            self.assertEqual(unzipped.mtime, 0)
        self.assertEqual(first[3], 0, "no file name in the gzip header")


if __name__ == "__main__":
    unittest.main()
