#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
#
# ntevent(1): a name lives while a process holds it. "create" holds it
# until a signal ends it with status 0 (TERM, INT, HUP), or for --hold
# seconds; --background returns at once and leaves a holder whose PID it
# prints; "open --hold" and "open --background" keep an existing event
# alive after its creator has gone. A second create of a held name is
# exit status 6, and once every holder is gone the name can be created
# again.
[ -n "${NTEVENT_CLI_LIB:-}" ] || . "$(dirname "$0")/cli-lib.sh"

ev=$(name life)

# in the foreground (here: a background job), ended by SIGTERM: status 0
"$NTEVENT" create "$ev" --signaled &
pid=$!
cli_pids="$cli_pids $pid"
named "$ev" yes
expect 6 "$NTEVENT" create "$ev" --hold 0
kill -TERM "$pid"
reap "$pid"
st=$?
[ "$st" = 0 ] || fail "create ended by SIGTERM exited $st"
gone "$ev"
expect 3 "$NTEVENT" query "$ev"

# --hold SECONDS: gone after them
bg "$cli_tmp/hold" "$NTEVENT" create "$ev" --hold 1
named "$ev" yes
[ "$(status_of "$cli_tmp/hold")" = 0 ] || fail "create --hold 1 did not exit 0"
gone "$ev"

# --background, then open --background keeps it after its creator ends
expect 0 "$NTEVENT" create "$ev" --background
creator=$(cat "$cli_tmp/out")
cli_pids="$cli_pids $creator"
expect 0 "$NTEVENT" open "$ev" --background
keeper=$(cat "$cli_tmp/out")
case $keeper in ''|*[!0-9]*) fail "open --background printed '$keeper'" ;; esac
cli_pids="$cli_pids $keeper"
kill -INT "$creator"
sleep 0.3
expect 0 "$NTEVENT" open "$ev"
kill -HUP "$keeper"
gone "$ev"

# free again: created anew, another type this time
expect 0 "$NTEVENT" create "$ev" --auto --hold 0
exit 0
