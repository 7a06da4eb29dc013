#!/bin/sh
# SPDX-License-Identifier: BSL-1.0
# A fully static musl program over libianaports.a answers with no /etc/services on the machine:
# built with musl-gcc -static, run in a mount namespace with an empty file bound over
# /etc/services, where musl's own getservbyname finds nothing.
#   musl_test.sh MUSL_GCC SOURCE_DIR LIBIANAPORTS_A WORK_DIR
# Exits 77 (skipped) where a mount namespace cannot be made (not root, or no unshare).
set -eu
musl_gcc=$1 source_dir=$2 library=$3 work=$4
mkdir -p "$work"
"$musl_gcc" -static -std=c99 -pedantic-errors -Wall -Wextra -Werror -I "$source_dir/include" \
  "$source_dir/tests/c/no_services_file.c" "$library" -o "$work/no_services_file"
# Static: no program interpreter, no shared library to load.
if readelf -l "$work/no_services_file" | grep -q INTERP; then
  echo "not a static program:"; readelf -l "$work/no_services_file"; exit 1
fi
: > "$work/empty"
if ! unshare --mount true 2>/dev/null; then
  echo "no mount namespace here (needs root and unshare): skipped"
  exit 77
fi
unshare --mount sh -eu -c '
  mount --bind "$1/empty" /etc/services
  [ ! -s /etc/services ] || { echo "/etc/services is not empty in the namespace"; exit 1; }
  "$1/no_services_file"
' sh "$work"
