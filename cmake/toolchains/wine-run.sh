#!/bin/sh
# SPDX-License-Identifier: BSL-1.0
# Runs a Windows program under Wine, for CTest: wine-run.sh WINESERVER WINE PROGRAM [ARGS...]
# The first Wine program of a session starts wineserver and Wine's own services (services.exe,
# winedevice.exe...), which inherit that program's pipes and hold them open as long as they
# live: a test reading the program's output would wait for them. So a session is started here
# first, apart from the caller's pipes (under a lock, for tests run in parallel), and kept for
# a minute after its last program. WINEDEBUG=-all keeps Wine's diagnostics out of the output.
wineserver=$1 wine=$2
shift 2
export WINEDEBUG=-all
(
  flock 9
  # Exit status 0: no server ran, and this one now does.
  if "$wineserver" -p 60 </dev/null >/dev/null 2>&1 9>&-; then
    "$wine" wineboot </dev/null >/dev/null 2>&1 9>&- || true
  fi
) 9>"${TMPDIR:-/tmp}/ianaports-wine-$(id -u).lock"
exec "$wine" "$@"
