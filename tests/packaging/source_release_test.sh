#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# A source release (packaging/dist.py's tarball) built and tested as a distribution or a port
# takes it: unpacked in a fresh folder, with no git and nothing of the checkout.
#
#   tests/packaging/source_release_test.sh ianaports-VERSION.tar.gz
#
# With Python: the tables generated from the release's registry, the products built (the
# example, portinfo, the NSS module, the C library), and the tests that ask what a release must
# hold, in C++17: the source rules on a tree without git, the single header against a fresh
# amalgamation, the API's and the oracle's on the bundled registry, the example's. The rest of
# the suite runs in CI's other blocks on the same files, which are the commit's; what differs
# here is that there is no git. Without Python on the PATH: the single-header build, which
# generates nothing, installed and built against by a C program, and a plain compile against
# single_include/.
set -euo pipefail
tarball=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "source release: $*" >&2
  exit 1
}
step() { echo "--- $*"; }

step "unpacking $(basename "$tarball")"
tar -xzf "$tarball" -C "$work/"
tops=("$work"/ianaports-*)
if [ "${#tops[@]}" != 1 ] || [ ! -d "${tops[0]}" ]; then
  fail "the tarball holds no single ianaports-VERSION folder"
fi
source_dir=${tops[0]}
for file in single_include/ianaports/ports.hpp registry/service-names-port-numbers.xml LICENSE NOTICE; do
  [ -f "$source_dir/$file" ] || fail "the release lacks $file"
done
[ ! -e "$source_dir/.git" ] || fail "the release holds a .git"

step "with Python: the tables generated, the products built, the release's tests"
cmake -S "$source_dir" -B "$work/build" -G Ninja -DIANAPORTS_TEST_STANDARDS=17 -DIANAPORTS_TEST_EVERY_TABLES=OFF \
  -DIANAPORTS_TEST_CONSUMERS=OFF -DIANAPORTS_TEST_REGISTRY_PATHS=OFF >"$work/configure.log" ||
  { cat "$work/configure.log"; fail "configuring the release failed"; }
cmake --build "$work/build" -j2 --target lookup portinfo nss_ianaports ianaports_c api_cxx17 oracle_bundled_cxx17 \
  >"$work/build.log" || { tail -50 "$work/build.log"; fail "building the release failed"; }
ctest --test-dir "$work/build" -j2 --output-on-failure --no-tests=error \
  -R '^(single header: |source: |api_cxx17:|oracle_bundled_cxx17:|example: )' | tail -4

step "without Python on the PATH: the single header"
# Every program of every folder of the PATH, the first of each name as the shell finds it, but
# python's.
mkdir "$work/no-python"
IFS=: read -r -a path_folders <<<"$PATH"
for folder in "${path_folders[@]}"; do
  for tool in "$folder"/*; do
    name=${tool##*/}
    case $name in
    python*) ;;
    *) if [ -x "$tool" ] && [ ! -e "$work/no-python/$name" ]; then ln -s "$tool" "$work/no-python/$name"; fi ;;
    esac
  done
done
PATH="$work/no-python" sh -c '! command -v python3 >/dev/null' || fail "python3 is still on the PATH"
PATH="$work/no-python" cmake -S "$source_dir" -B "$work/single" -G Ninja -DIANAPORTS_SINGLE_HEADER=ON \
  -DIANAPORTS_BUILD_TESTS=OFF >"$work/configure-single.log" ||
  { cat "$work/configure-single.log"; fail "configuring the single-header build without Python failed"; }
! grep -q '^Python3_EXECUTABLE:' "$work/single/CMakeCache.txt" || fail "the single-header build looked for Python"
PATH="$work/no-python" cmake --build "$work/single" -j2 >"$work/build-single.log" ||
  { tail -50 "$work/build-single.log"; fail "building the single-header build without Python failed"; }
"$work/single/examples/lookup" 443/tcp https
# Installed, it serves a C program too: ianaports.h comes with the headers, beside libianaports.
PATH="$work/no-python" cmake --install "$work/single" --prefix "$work/single-prefix" >"$work/install-single.log" ||
  { cat "$work/install-single.log"; fail "installing the single-header build failed"; }
libdir=$(find "$work/single-prefix" -name 'libianaports.so' -printf '%h\n' | head -n 1)
[ -n "$libdir" ] || fail "the single-header install holds no libianaports.so"
cc -std=c99 -pedantic -Wall -Werror -I "$work/single-prefix/include" "$source_dir/examples/lookup.c" \
  -L "$libdir" -lianaports -o "$work/lookup-c" || fail "a C program does not build against the single-header install"
LD_LIBRARY_PATH=$libdir "$work/lookup-c" 443/tcp https
PATH="$work/no-python" g++ -std=c++17 -Wall -Wextra -Werror -I "$source_dir/single_include" \
  "$source_dir/tests/consumers/consumer.cpp" "$source_dir/tests/consumers/consumer_second_unit.cpp" -o "$work/consumer"
"$work/consumer"
echo "source release: built and tested with Python, and without it from the single header"
