#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Make the source release, ianaports-<version>.tar.gz, from a commit: the same commit gives the
same bytes.

    dist.py [--output-dir DIR] [--commit REV] [--repo DIR]

writes DIR/ianaports-<version>.tar.gz (DIR: the current folder; REV: HEAD; --repo: the
repository this script belongs to) and prints its sha256 and path, as sha256sum prints them (so
`sha256sum -c` checks the line). The version is the one include/ianaports/detail/config.hpp
holds at REV.

Why it is built this way:
- The files come from the commit (git ls-tree, and one git cat-file --batch for their bytes),
  never from the work tree: an uncommitted edit, an untracked file or a build folder never
  reaches a release, and a release names the commit it is.
- Every entry lies under ianaports-<version>/, folders included (0755), so that unpacking makes
  one folder, with sane modes whatever the unpacker's umask. A file is 0644, or 0755 when git
  marks it executable (100755); a symlink is a symlink entry (0777, as git archive writes it).
  A submodule is refused: its files are not in this repository's commit.
- Nothing but the commit decides the bytes: the entries sorted by path, each dated by the
  commit's committer time (a date that means something, and the same for the same commit),
  owned by uid 0 and gid 0 named "root" (as git archive writes them: tar -tv shows root/root,
  and an unpacker running as root maps the names to the same ids on every Unix), the PAX format
  and UTF-8 names given explicitly (not tarfile's defaults, which a Python release may change),
  and a gzip header without a time or a file name. Not the umask, the clock, the time zone,
  SOURCE_DATE_EPOCH, the user or the locale. (The compressed bytes are zlib's: a Python linked
  with another deflate, zlib-ng say, may compress differently; the tar inside is the same.)
- The release must hold what a user of it needs without Python or a generator: the single
  header (single_include/ianaports/ports.hpp), the registry's XML, LICENSE and NOTICE. A commit
  without one of them is refused, and nothing is written.
- The tarball is written to a temporary file beside it and renamed into place: the output
  folder holds the old tarball or the new one, never half of one.

Exit codes: 0 written; 1 refused (the reason printed); 2 a usage error.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from typing import BinaryIO, Callable, Dict, List, NamedTuple, Optional, Sequence, Set, Tuple

sys.dont_write_bytecode = True  # keep the source tree clean
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if __name__ == "__main__":  # run as a file: the generator's package, codegen, from this checkout
    sys.path.insert(0, ROOT)

from codegen.version import parse_version  # noqa: E402  (the one reader of the version lines)

CONFIG = "include/ianaports/detail/config.hpp"
# What a release must hold, and what each is, for the message that says it is missing.
REQUIRED = (
    ("single_include/ianaports/ports.hpp", "the single header"),
    ("registry/service-names-port-numbers.xml", "the registry"),
    ("LICENSE", "the licence"),
    ("NOTICE", "the notice of the registry data's owner"),
)

# git's modes, and the tar's for each.
REGULAR, EXECUTABLE, SYMLINK, SUBMODULE = "100644", "100755", "120000", "160000"
FILE_MODES = {REGULAR: 0o644, EXECUTABLE: 0o755}
SYMLINK_MODE = 0o777
DIRECTORY_MODE = 0o755
OWNER_ID, OWNER_NAME = 0, "root"
TAR_FORMAT = tarfile.PAX_FORMAT
GZIP_LEVEL = 9

# Variables a git hook leaves behind that would point git at another repository or index than
# the one --repo names.
GIT_LOCATION_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
                          "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                          "GIT_NAMESPACE")


class DistError(Exception):
    """Why no tarball is made: the message printed."""


class TreeEntry(NamedTuple):
    """One file of the commit, as git ls-tree lists it."""
    mode: str  # git's: 100644, 100755, 120000 or 160000
    oid: str
    path: str


def git_command(repo: str, *arguments: str) -> List[str]:
    """git with ARGUMENTS, on REPO; replace refs are not followed, so the commit's id decides
    what is read."""
    return ["git", "--no-replace-objects", "-C", repo, *arguments]


def git_environment() -> Dict[str, str]:
    environment = dict(os.environ)
    for name in GIT_LOCATION_VARIABLES:
        environment.pop(name, None)
    return environment


def git_process(repo: str, *arguments: str) -> subprocess.CompletedProcess:
    """git's exit code, output and messages."""
    try:
        return subprocess.run(git_command(repo, *arguments), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=git_environment(), check=False)
    except OSError as error:
        raise DistError(f"cannot run git: {error}") from error


def run_git(repo: str, *arguments: str) -> bytes:
    """git's output; DistError with git's own message when it fails."""
    done = git_process(repo, *arguments)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise DistError(f"git {' '.join(arguments)}: {message or 'exit %d' % done.returncode}")
    return done.stdout


def resolve_commit(repo: str, revision: str) -> str:
    """The id of the commit REVISION names: every later step reads that id, so a branch that
    moves meanwhile changes nothing."""
    if revision.startswith("-"):
        raise DistError(f"{revision!r} is not a revision")
    done = git_process(repo, "rev-parse", "--verify", "--quiet", revision + "^{commit}")
    if done.returncode != 0:  # --quiet leaves a message for worse than a bad name (no repository)
        raise DistError(done.stderr.decode("utf-8", "replace").strip()
                        or f"{revision!r} names no commit in {repo}")
    return done.stdout.decode("ascii").strip()


def commit_time(repo: str, commit: str) -> int:
    """The commit's committer time, seconds since the epoch: every entry's mtime."""
    # --no-show-signature: a user's log.showSignature would print gpg's lines before the time.
    return int(run_git(repo, "log", "-1", "--no-show-signature", "--format=%ct", commit).decode().strip())


def list_tree(repo: str, commit: str) -> List[TreeEntry]:
    """Every file of the commit (blobs, symlinks and submodules; git lists no folders)."""
    entries = []
    for record in run_git(repo, "ls-tree", "-r", "-z", "--full-tree", commit).split(b"\0"):
        if not record:
            continue
        header, raw_path = record.split(b"\t", 1)
        mode, _kind, oid = header.decode("ascii").split(" ")
        try:
            path = raw_path.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DistError(f"{raw_path!r}: a path that is not UTF-8") from error
        entries.append(TreeEntry(mode, oid, path))
    return entries


def check_entries(entries: Sequence[TreeEntry], commit: str) -> None:
    """DistError unless every entry can go in a tarball (no submodule, no odd mode, no path
    that would unpack outside the release's folder) and the release holds what it must."""
    for entry in entries:
        if entry.mode == SUBMODULE:
            raise DistError(f"{entry.path} is a submodule: its files are not in commit {commit}, "
                            "and a release is made of that commit's files alone")
        if entry.mode not in FILE_MODES and entry.mode != SYMLINK:
            raise DistError(f"{entry.path}: git mode {entry.mode}, which a release cannot hold")
        if entry.path.startswith("/") or any(part in ("", ".", "..") for part in entry.path.split("/")):
            raise DistError(f"{entry.path!r}: a path that would unpack outside the release's folder")
    files = {entry.path for entry in entries if entry.mode in FILE_MODES}
    missing = [f"{path} ({what})" for path, what in REQUIRED + ((CONFIG, "the version"),)
               if path not in files]
    if missing:
        raise DistError(f"commit {commit} has no {', no '.join(missing)}: a release holds the "
                        "single header, the registry's XML, LICENSE and NOTICE, and its version "
                        f"comes from {CONFIG}")


class BlobReader:
    """The bytes of git objects, from one git cat-file --batch for the whole release."""

    def __init__(self, repo: str) -> None:
        self.process = subprocess.Popen(git_command(repo, "cat-file", "--batch"),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        env=git_environment())

    def __enter__(self) -> "BlobReader":
        return self

    def __exit__(self, *_exception) -> None:
        self.close()

    def read(self, oid: str) -> bytes:
        """The blob's bytes (git answers each request before the next is sent: no deadlock)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(oid.encode("ascii") + b"\n")
        self.process.stdin.flush()
        header = self.process.stdout.readline().decode("ascii", "replace").split()
        if len(header) != 3 or header[0] != oid or header[1] != "blob":
            raise DistError(f"git cat-file: {' '.join(header) or 'no answer'} for blob {oid}")
        size = int(header[2])
        data = self.process.stdout.read(size)
        if len(data) != size or self.process.stdout.read(1) != b"\n":
            raise DistError(f"git cat-file: blob {oid} cut short")
        return data

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process.wait()


def release_version(config_text: bytes, commit: str) -> str:
    """MAJOR.MINOR.PATCH, from the commit's config.hpp, read as codegen/version.py reads the
    file (UTF-8, any line ending)."""
    text = io.TextIOWrapper(io.BytesIO(config_text), encoding="utf-8").read()
    try:
        return ".".join(str(part) for part in parse_version(text))
    except ValueError as error:
        raise DistError(f"{commit}:{CONFIG}: {error}") from error


def folders_of(paths: Sequence[str]) -> Set[str]:
    """Every folder that holds one of the paths, at any depth."""
    folders = set()
    for path in paths:
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders.add("/".join(parts[:depth]))
    return folders


def tar_info(name: str, kind: bytes, mode: int, mtime: int, size: int = 0,
             linkname: str = "") -> tarfile.TarInfo:
    """A member's header, every field set here rather than taken from the machine."""
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = mode
    info.mtime = mtime
    info.size = size
    info.linkname = linkname
    info.uid = info.gid = OWNER_ID
    info.uname = info.gname = OWNER_NAME
    return info


def write_tarball(out: BinaryIO, entries: Sequence[TreeEntry], blobs: BlobReader, prefix: str,
                  mtime: int) -> None:
    """The gzipped tar of the entries under PREFIX/, sorted by path, folders included."""
    by_path = {entry.path: entry for entry in entries}
    paths = sorted(set(by_path) | folders_of(list(by_path)), key=lambda path: path.encode("utf-8"))
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=GZIP_LEVEL, mtime=0) as compressed, \
            tarfile.open(fileobj=compressed, mode="w", format=TAR_FORMAT, encoding="utf-8",
                         errors="strict") as tar:
        tar.addfile(tar_info(prefix, tarfile.DIRTYPE, DIRECTORY_MODE, mtime))
        for path in paths:
            name = f"{prefix}/{path}"
            entry = by_path.get(path)
            if entry is None:
                tar.addfile(tar_info(name, tarfile.DIRTYPE, DIRECTORY_MODE, mtime))
            elif entry.mode == SYMLINK:
                target = blobs.read(entry.oid).decode("utf-8")
                tar.addfile(tar_info(name, tarfile.SYMTYPE, SYMLINK_MODE, mtime, linkname=target))
            else:
                data = blobs.read(entry.oid)
                tar.addfile(tar_info(name, tarfile.REGTYPE, FILE_MODES[entry.mode], mtime, len(data)),
                            io.BytesIO(data))


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_atomically(path: str, write: Callable[[BinaryIO], None]) -> str:
    """WRITE's bytes in PATH, by a temporary file beside it renamed into place, or nothing at all
    when WRITE fails; their sha256, in hex."""
    directory = os.path.dirname(path) or "."
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix="-" + os.path.basename(path),
                                         dir=directory)
    try:
        with os.fdopen(handle, "w+b") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
            out.seek(0)
            digest = hashlib.sha256()
            for chunk in iter(lambda: out.read(1 << 20), b""):
                digest.update(chunk)
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp makes 0600; a release is for everyone
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return digest.hexdigest()


def make_release(repo: str, revision: str, output_dir: str) -> Tuple[str, str]:
    """Writes the release of REVISION in OUTPUT_DIR: its path and sha256."""
    commit = resolve_commit(repo, revision)
    entries = list_tree(repo, commit)
    check_entries(entries, commit)
    mtime = commit_time(repo, commit)
    config_oid = next(entry.oid for entry in entries if entry.path == CONFIG)
    with BlobReader(repo) as blobs:
        version = release_version(blobs.read(config_oid), commit)
        prefix = f"ianaports-{version}"
        os.makedirs(output_dir, exist_ok=True)
        path = os.path.normpath(os.path.join(output_dir, prefix + ".tar.gz"))
        sha256 = write_atomically(path, lambda out: write_tarball(out, entries, blobs, prefix, mtime))
    return path, sha256


def main(arguments: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Make the source release, ianaports-<version>.tar.gz, "
                                                 "from a commit: the same commit gives the same bytes.")
    parser.add_argument("--output-dir", default=".", help="where the tarball goes (default: the current folder)")
    parser.add_argument("--commit", default="HEAD", help="the commit to release (default: HEAD)")
    parser.add_argument("--repo", default=ROOT,
                        help="the git repository (default: the one this script belongs to)")
    args = parser.parse_args(arguments)
    try:
        path, sha256 = make_release(args.repo, args.commit, args.output_dir)
    except DistError as error:
        print(f"dist.py: no release: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"dist.py: no release: {error}", file=sys.stderr)
        return 1
    print(f"{sha256}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
