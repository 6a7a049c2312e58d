#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
#
# ntevent(1)'s exit statuses: --help (and "help CMD") for the tool and
# every command is 0; usage errors and invalid names are 2; a name that
# does not exist is 3 for every command; the mode denying another user is
# 4 (as nobody, through su; skipped where that is impossible); a missing
# /dev/ntevent is 5 (hidden in a private mount namespace; skipped where
# that is impossible); a taken name is 6 for create.
[ -n "${NTEVENT_CLI_LIB:-}" ] || . "$(dirname "$0")/cli-lib.sh"

# help
expect 0 "$NTEVENT" --help
grep -q "^Usage: ntevent COMMAND" "$cli_tmp/out" || fail "--help printed no usage"
grep -q "Exit status" "$cli_tmp/out" || fail "--help does not list the exit statuses"
for c in create open set reset pulse wait query; do
	expect 0 "$NTEVENT" "$c" --help
	grep -q "^Usage: ntevent $c NAME" "$cli_tmp/out" || fail "$c --help printed no usage"
	expect 0 "$NTEVENT" "$c" -h
	expect 0 "$NTEVENT" help "$c"
done
expect 0 "$NTEVENT" help
expect 0 "$NTEVENT" --version
# One version for the tool and the module (the VM has it loaded).
tool_version=$(sed -n 's/^ntevent \([0-9.]*\) (libntevent)$/\1/p' "$cli_tmp/out")
grep -qx "module ntevent $tool_version" "$cli_tmp/out" ||
	fail "--version: the module's version is not the tool's ($tool_version)"

# usage: 2
expect 2 "$NTEVENT"
expect 2 "$NTEVENT" frobnicate x
expect 2 "$NTEVENT" help frobnicate
expect 2 "$NTEVENT" wait
expect 2 "$NTEVENT" wait a b
expect 2 "$NTEVENT" wait ""
expect 2 "$NTEVENT" wait x --timeout
expect 2 "$NTEVENT" wait x --timeout -5
expect 2 "$NTEVENT" wait x --timeout 10s
expect 2 "$NTEVENT" create x --mode 999
expect 2 "$NTEVENT" create x --hold soon
expect 2 "$NTEVENT" set x --bogus
# invalid names: 2
expect 2 "$NTEVENT" query 'a\b'
stderr_has "invalid event name"
expect 2 "$NTEVENT" query "$(printf 'tab\tname')"
expect 2 "$NTEVENT" query '\Sessions\1\BaseNamedObjects\x'
long=$(printf '%0256d' 0)
expect 2 "$NTEVENT" create "$long" --hold 0
expect 0 "$NTEVENT" create "${long#0}" --hold 0

# not found: 3, whatever the command
ev=$(name absent)
for c in open set reset pulse query; do
	expect 3 "$NTEVENT" "$c" "$ev"
	stderr_has "no such event"
done
expect 3 "$NTEVENT" wait "$ev" --timeout 0

# taken: 6
ev=$(name taken)
expect 0 "$NTEVENT" create "$ev" --background --mode 0604
cli_pids="$cli_pids $(cat "$cli_tmp/out")"
expect 6 "$NTEVENT" create "$ev" --hold 0

# denied by the mode: 4 (others may read: wait and query, not set)
if [ "$(id -u)" = 0 ] && su -s /bin/sh -c true nobody 2>/dev/null; then
	# (the arguments here have no blanks or quotes to protect)
	as_nobody() {
		su -s /bin/sh -c "$NTEVENT $*" nobody
	}
	expect 0 as_nobody query "$ev"
	output "manual 0"
	expect 1 as_nobody wait "$ev" --timeout 0
	expect 4 as_nobody set "$ev"
	stderr_has "permission denied"
	expect 4 as_nobody open "$ev" --access modify
	expect 0 as_nobody open "$ev" --access query,sync
	ev2=$(name private)
	expect 0 "$NTEVENT" create "$ev2" --background
	cli_pids="$cli_pids $(cat "$cli_tmp/out")"
	expect 4 as_nobody query "$ev2"
	expect 4 as_nobody open "$ev2"
	expect 4 as_nobody wait "$ev2" --timeout 0
else
	echo "$cli_test: not root or no su: the permission checks are skipped" >&2
fi

# no device: 5
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	# shellcheck disable=SC2016
	expect 5 unshare -m sh -c 'mount --make-rprivate / 2>/dev/null;
		mount -t tmpfs none /dev && exec "$0" query x' "$NTEVENT"
	stderr_has "modprobe ntevent"
	# A name the kernel would refuse is a usage error, module or not.
	# shellcheck disable=SC2016
	expect 2 unshare -m sh -c 'mount --make-rprivate / 2>/dev/null;
		mount -t tmpfs none /dev && exec "$0" set "a\\b"' "$NTEVENT"
	stderr_has "invalid event name"
else
	echo "$cli_test: cannot hide /dev/ntevent: the missing-device check is skipped" >&2
fi
exit 0
