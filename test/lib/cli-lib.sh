# SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
# shellcheck shell=sh
#
# Shared helpers of the ntevent(1) tests (test/lib/cli_*.sh), for busybox
# sh. A test sources this file when run from the source tree; the copies
# that test/lib/Makefile bundles for the VM (build/test/lib/cli_*) carry
# it inline, with the tool, and set NTEVENT_CLI_LIB.
#
# Exit statuses as for every test: 0 pass, 1 fail, 77 skip.

NTEVENT_CLI_LIB=1
cli_test=${0##*/}
cli_test=${cli_test%.sh}
# The tool: $NTEVENT, else the static build next to the source tree.
if [ -z "${NTEVENT:-}" ]; then
	NTEVENT=$(cd "$(dirname "$0")/../.." && pwd)/build/lib/ntevent-static
fi
cli_tmp=$(mktemp -d "${TMPDIR:-/tmp}/ntevent-cli-test.XXXXXX") || exit 1
cli_pids=

cli_cleanup() {
	for p in $cli_pids; do
		kill "$p" 2>/dev/null
	done
	rm -rf "$cli_tmp"
}
trap cli_cleanup EXIT
trap 'exit 1' INT TERM

fail() {
	echo "FAIL $cli_test: $*" >&2
	exit 1
}

skip() {
	echo "SKIP $cli_test: $*" >&2
	exit 77
}

[ -x "$NTEVENT" ] || fail "no tool at $NTEVENT (make -C lib)"
[ -e /dev/ntevent ] || skip "/dev/ntevent is absent: module not loaded"

# A name no other test or run uses.
name() {
	echo "lt-cli-$$-$1"
}

# expect STATUS CMD ARGS...: run the command (stdout to $cli_tmp/out,
# stderr to $cli_tmp/err); its exit status must be STATUS.
expect() {
	want=$1
	shift
	"$@" >"$cli_tmp/out" 2>"$cli_tmp/err"
	got=$?
	if [ "$got" != "$want" ]; then
		sed 's/^/    stderr: /' "$cli_tmp/err" >&2
		fail "'$*' exited $got, expected $want"
	fi
}

# output TEXT: what the last expect printed on stdout must be TEXT.
output() {
	got=$(cat "$cli_tmp/out")
	[ "$got" = "$1" ] || fail "printed '$got', expected '$1'"
}

# stderr_has TEXT: the last expect's stderr must contain TEXT.
stderr_has() {
	grep -q -- "$1" "$cli_tmp/err" || fail "stderr lacks '$1': $(cat "$cli_tmp/err")"
}

# bg FILE CMD ARGS...: run the command in the background, killed after
# 30 s at the latest; its exit status goes to FILE when it ends.
bg() {
	f=$1
	shift
	(
		timeout -s KILL 30 "$@" >/dev/null 2>"$f.err"
		echo $? >"$f.tmp" && mv "$f.tmp" "$f"
	) &
	cli_pids="$cli_pids $!"
}

# status_of FILE [SECONDS]: the exit status a bg job wrote, waiting up to
# SECONDS (default 20) for it.
status_of() {
	i=0
	while [ ! -e "$1" ]; do
		i=$((i + 1))
		[ "$i" -le $((${2:-20} * 10)) ] || fail "a background command did not end: $1"
		sleep 0.1
	done
	cat "$1"
}

# reap PID [SECONDS]: the exit status of this shell's background job PID,
# which must end within SECONDS (default 20).
reap() {
	i=0
	while [ -e "/proc/$1" ] &&
	      [ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]; do
		i=$((i + 1))
		[ "$i" -le $((${2:-20} * 10)) ] || { kill -KILL "$1"; fail "process $1 did not end"; }
		sleep 0.1
	done
	wait "$1"
}

# named NAME yes|no: wait (up to 10 s) until an event has this name (yes)
# or none has (no).
named() {
	i=0
	while :; do
		if "$NTEVENT" open "$1" 2>/dev/null; then
			[ "$2" = yes ] && return 0
		else
			[ "$2" = no ] && return 0
		fi
		i=$((i + 1))
		[ "$i" -le 100 ] || fail "$1 did not become named=$2 within 10 s"
		sleep 0.1
	done
}

# gone NAME: wait (up to 10 s) until no event has this name.
gone() {
	named "$1" no
}
