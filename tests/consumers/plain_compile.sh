#!/bin/sh
# SPDX-License-Identifier: BSL-1.0
# A consumer that uses no build system: a plain compiler call.
#   plain_compile.sh single-header COMPILER SOURCE_DIR WORK_DIR [extra compiler flags...]
#   plain_compile.sh pkg-config    COMPILER SOURCE_DIR WORK_DIR PREFIX [extra compiler flags...]
set -eu
door=$1 compiler=$2 source_dir=$3 work=$4
shift 4
case "$door" in
  single-header) include="-I $source_dir/single_include" ;;
  pkg-config)
    prefix=$1
    shift
    include=$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --cflags ianaports) ;;
  *) echo "plain_compile.sh: unknown door $door" >&2; exit 2 ;;
esac
# On a cross build, IANAPORTS_TEST_EMULATOR runs the program, and IANAPORTS_TEST_EXE_SUFFIX is
# the target's (".exe").
program="$work/consumer${IANAPORTS_TEST_EXE_SUFFIX:-}"
mkdir -p "$work"
echo "$compiler $include $*"
# shellcheck disable=SC2086 # $include is a list of flags
"$compiler" -std=c++17 -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Wsign-conversion -Werror \
  $include "$@" "$source_dir/tests/consumers/consumer.cpp" "$source_dir/tests/consumers/consumer_second_unit.cpp" \
  -o "$program"
# shellcheck disable=SC2086 # the emulator is a command and its arguments
${IANAPORTS_TEST_EMULATOR:-} "$program"
