#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# The .deb packages used as an administrator uses them, on this machine (as root: it installs
# them, then purges them and checks the machine is as it was):
#
#   tests/packaging/system_test.sh FOLDER_OF_DEBS
#
# dpkg -i of every package; getent services flex-lm/tcp answered by the module through the
# system's nsswitch.conf (the files backend does not know that name); man portinfo; C++ and C
# programs built against /usr through find_package and pkg-config, with no -I; then dpkg --purge
# of each, and /etc/nsswitch.conf back byte for byte, the module's answer gone with it.
set -euo pipefail
debs=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
conf=/etc/nsswitch.conf
# The packages, in the order they are purged (dependents first).
packages=(libianaports-c-dev libianaports1 portinfo libnss-ianaports libianaports-dev)
# However the test ends, the machine is left as it was: without the packages, and with its
# nsswitch.conf, put back from the copy if a failed edit changed it.
cleanup() {
  for package in "${packages[@]}"; do
    if dpkg-query -W "$package" >/dev/null 2>&1; then
      dpkg --purge "$package" >/dev/null 2>&1 || echo "packages: could not purge $package" >&2
    fi
  done
  if [ -f "$work/nsswitch.conf.before" ] && ! cmp -s "$work/nsswitch.conf.before" "$conf"; then
    cp -p "$work/nsswitch.conf.before" "$conf" && echo "packages: $conf put back from its copy" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "packages: $*" >&2
  exit 1
}
step() { echo "--- $*"; }

[ "$(id -u)" = 0 ] || fail "run as root: the test installs and purges packages"
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f '${db:Status-Status}' "$package" 2>/dev/null || true)
  if [ -n "$status" ] && [ "$status" != not-installed ]; then
    fail "$package is on the machine already ($status): the test starts from a machine without the packages"
  fi
done
[ -f "$conf" ] || fail "no $conf: the test needs the system's to edit"
cp -p "$conf" "$work/nsswitch.conf.before"
if getent services flex-lm/tcp >/dev/null; then
  fail "flex-lm/tcp is known before the module is installed: the test would prove nothing"
fi

step "dpkg -i"
debs_to_install=()
for package in "${packages[@]}"; do
  debs_to_install+=("$debs/${package}_"*.deb)
done
dpkg -i "${debs_to_install[@]}"
grep -Eq '^services:.*[[:space:]]files ianaports([[:space:]]|$)' "$conf" ||
  fail "the services line of $conf does not name ianaports after files: $(grep '^services' "$conf")"

step "getent services flex-lm/tcp, through $conf"
# The registry's own answer, read from the XML: the first port of the first flex-lm row for tcp.
expected=$(python3 - "$source_dir/registry/service-names-port-numbers.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"r": "http://www.iana.org/assignments"}
for record in ET.parse(sys.argv[1]).getroot().iter("{http://www.iana.org/assignments}record"):
    number = record.findtext("r:number", namespaces=ns)
    if record.findtext("r:name", namespaces=ns) == "flex-lm" and number \
            and record.findtext("r:protocol", default="tcp", namespaces=ns) == "tcp":
        print(number.split("-")[0])
        break
PY
)
[ -n "$expected" ] || fail "the registry has no flex-lm row for tcp"
answer=$(getent services flex-lm/tcp) || fail "getent services flex-lm/tcp found nothing"
echo "$answer"
[[ $answer =~ ^flex-lm\ +$expected/tcp ]] || fail "getent services flex-lm/tcp: $answer, where the registry says $expected/tcp"

step "man portinfo"
MANPAGER="cat" man portinfo >"$work/man.txt" 2>&1 || { cat "$work/man.txt"; fail "man portinfo failed"; }
head -4 "$work/man.txt"
if ! grep -q 'portinfo' "$work/man.txt" || ! grep -q 'SYNOPSIS' "$work/man.txt"; then
  fail "man portinfo shows no manual"
fi

step "a C++ program through find_package, from /usr"
cmake -S "$source_dir/tests/consumers" -B "$work/find_package" -DCONSUME=find_package >"$work/cmake.log" ||
  { cat "$work/cmake.log"; fail "find_package(ianaports) from /usr"; }
grep -q 'ianaports_DIR:PATH=/usr/share/cmake/ianaports' "$work/find_package/CMakeCache.txt" ||
  fail "find_package found ianaports elsewhere than /usr: $(grep ianaports_DIR "$work/find_package/CMakeCache.txt")"
cmake --build "$work/find_package" >/dev/null
"$work/find_package/consumer"

step "a C++ program through pkg-config, with no -I"
cxx_flags=$(pkg-config --cflags ianaports)  # (fails, and so stops the test, without ianaports.pc)
# shellcheck disable=SC2086,SC2116 # the words pkg-config prints, without its trailing space
[ -z "$(echo $cxx_flags)" ] || fail "pkg-config --cflags ianaports: $cxx_flags"
g++ -std=c++17 -Wall -Wextra -Werror "$source_dir/tests/consumers/consumer.cpp" \
  "$source_dir/tests/consumers/consumer_second_unit.cpp" -o "$work/consumer"
"$work/consumer"

step "a C program through pkg-config and through find_package(ianaports-c)"
c_flags=$(pkg-config --cflags --libs ianaports-c)
# shellcheck disable=SC2086,SC2116 # the words pkg-config prints, without its trailing space
c_flags=$(echo $c_flags)
[ "$c_flags" = "-lianaports" ] || fail "pkg-config --cflags --libs ianaports-c: $c_flags"
gcc -std=c99 -pedantic-errors -Wall -Wextra -Werror "$source_dir/examples/lookup.c" "$c_flags" -o "$work/lookup_c"
"$work/lookup_c" 443/tcp https | tee "$work/lookup.txt"
grep -q '^443/tcp -> https$' "$work/lookup.txt" || fail "the C program linked with -lianaports answered wrong"
cmake -S "$source_dir/tests/consumers/c" -B "$work/c" >"$work/cmake-c.log" ||
  { cat "$work/cmake-c.log"; fail "find_package(ianaports-c) from /usr"; }
cmake --build "$work/c" >/dev/null
"$work/c/lookup_shared" 22/tcp
"$work/c/lookup_static" ssh

step "dpkg --remove, then dpkg -i again: the module off, then on again"
dpkg --remove libnss-ianaports
cmp "$work/nsswitch.conf.before" "$conf" || fail "dpkg --remove left $conf changed"
dpkg -i "$debs"/libnss-ianaports_*.deb
grep -Eq '^services:.*[[:space:]]files ianaports([[:space:]]|$)' "$conf" ||
  fail "a reinstall after a remove did not switch the module on again"

step "dpkg --purge"
for package in "${packages[@]}"; do
  dpkg --purge "$package"
done
cmp "$work/nsswitch.conf.before" "$conf" || fail "$conf is not as it was before the packages"
[ "$(stat -c '%a %u %g' "$conf")" = "$(stat -c '%a %u %g' "$work/nsswitch.conf.before")" ] ||
  fail "$conf's mode or owner changed"
if getent services flex-lm/tcp >/dev/null; then fail "flex-lm/tcp still answered after the purge"; fi
for path in /usr/include/ianaports /usr/bin/portinfo /usr/share/cmake/ianaports; do
  [ ! -e "$path" ] || fail "$path is left after the purge"
done
echo "packages: installed, used and purged; $conf as it was"
