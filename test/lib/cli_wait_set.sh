#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
#
# ntevent(1), the README's demonstration: one process waits on a name
# (with a timeout), another sets it, and the waiter exits 0. The name is
# held by "create --background", which prints its holder's PID. Then: an
# auto-reset event is released once per set (a set consumed by one wait),
# a wait that nobody ends exits 1 after its timeout, and waiting on a name
# that does not exist exits 3.
[ -n "${NTEVENT_CLI_LIB:-}" ] || . "$(dirname "$0")/cli-lib.sh"

ev=$(name job-done)
expect 0 "$NTEVENT" create "$ev" --background
holder=$(cat "$cli_tmp/out")
case $holder in ''|*[!0-9]*) fail "create --background printed '$holder', not a PID" ;; esac
cli_pids="$cli_pids $holder"

# the waiter, in the background; it is still waiting half a second later
bg "$cli_tmp/waiter" "$NTEVENT" wait "$ev" --timeout 20000
sleep 0.5
[ ! -e "$cli_tmp/waiter" ] || fail "the waiter ended before the set: $(cat "$cli_tmp/waiter.err")"
expect 0 "$NTEVENT" set "$ev"
output 0
[ "$(status_of "$cli_tmp/waiter")" = 0 ] || fail "the waiter did not exit 0: $(cat "$cli_tmp/waiter.err")"
# manual-reset: still signaled, later waits return at once
expect 0 "$NTEVENT" wait "$ev" --timeout 0
expect 0 "$NTEVENT" query "$ev"
output "manual 1"
kill "$holder"
gone "$ev"

# auto-reset: each set releases one wait
ev=$(name auto)
expect 0 "$NTEVENT" create "$ev" --auto --background
holder=$(cat "$cli_tmp/out")
cli_pids="$cli_pids $holder"
bg "$cli_tmp/auto1" "$NTEVENT" wait "$ev" --timeout 20000
sleep 0.5
expect 0 "$NTEVENT" set "$ev" --quiet
output ""
[ "$(status_of "$cli_tmp/auto1")" = 0 ] || fail "the auto-reset waiter did not exit 0"
expect 0 "$NTEVENT" query "$ev"
output "auto 0"
expect 1 "$NTEVENT" wait "$ev" --timeout 0
expect 0 "$NTEVENT" set "$ev"
expect 0 "$NTEVENT" wait "$ev" --timeout 0
expect 1 "$NTEVENT" wait "$ev" --timeout 0

# a timeout is exit status 1, after about that long
start=$(date +%s)
expect 1 "$NTEVENT" wait "$ev" --timeout 1500
end=$(date +%s)
[ $((end - start)) -ge 1 ] || fail "a 1.5 s timeout returned after $((end - start)) s"
[ $((end - start)) -le 15 ] || fail "a 1.5 s timeout returned after $((end - start)) s"
kill "$holder"
gone "$ev"

# nothing by that name: 3
expect 3 "$NTEVENT" wait "$ev" --timeout 1000
stderr_has "no such event"
exit 0
