#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
#
# ntevent(1): set, reset and pulse print the previous state (0 or 1;
# nothing with --quiet), query prints "TYPE STATE"; create --signaled,
# --auto, --open-existing (which leaves type and state alone); a full NT
# path is accepted as well as a short name; "open" checks a name.
[ -n "${NTEVENT_CLI_LIB:-}" ] || . "$(dirname "$0")/cli-lib.sh"

ev=$(name ops)
expect 0 "$NTEVENT" create "$ev" --background --hold 60
cli_pids="$cli_pids $(cat "$cli_tmp/out")"
expect 0 "$NTEVENT" open "$ev"
expect 0 "$NTEVENT" query "$ev";	output "manual 0"
expect 0 "$NTEVENT" set "$ev";		output 0
expect 0 "$NTEVENT" set "$ev";		output 1
expect 0 "$NTEVENT" query "$ev";	output "manual 1"
expect 0 "$NTEVENT" reset "$ev";	output 1
expect 0 "$NTEVENT" reset "$ev";	output 0
expect 0 "$NTEVENT" pulse "$ev";	output 0
expect 0 "$NTEVENT" query "$ev";	output "manual 0"
expect 0 "$NTEVENT" set "$ev" -q;	output ""
expect 0 "$NTEVENT" pulse "$ev";	output 1
expect 0 "$NTEVENT" query "$ev";	output "manual 0"
# the whole NT path names the same event
expect 0 "$NTEVENT" set "\\BaseNamedObjects\\$ev";	output 0
expect 0 "$NTEVENT" query "$ev";	output "manual 1"

# --open-existing: the existing event, type and state untouched
expect 6 "$NTEVENT" create "$ev" --auto --hold 0
stderr_has "exists"
expect 0 "$NTEVENT" create "$ev" --auto --open-existing --hold 0
expect 0 "$NTEVENT" query "$ev";	output "manual 1"

# a new auto-reset event, created signaled
ev2=$(name ops2)
expect 0 "$NTEVENT" create "$ev2" --auto --signaled --background
cli_pids="$cli_pids $(cat "$cli_tmp/out")"
expect 0 "$NTEVENT" query "$ev2";	output "auto 1"
expect 0 "$NTEVENT" wait "$ev2" --timeout 0
expect 0 "$NTEVENT" query "$ev2";	output "auto 0"

# open --access: rights the mode grants (root: all)
expect 0 "$NTEVENT" open "$ev2" --access query,modify,sync
expect 0 "$NTEVENT" open "$ev2" --access all
expect 0 "$NTEVENT" open "$ev2" --access 0x100000
expect 2 "$NTEVENT" open "$ev2" --access bogus
exit 0
