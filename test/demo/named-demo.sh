#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ntevent's main job, shown in the VM (make demo): processes meet on a
# named event, a Windows-style \BaseNamedObjects\ name, through the
# ntevent(1) tool; then a driver and a user process share one by name.
#   named-demo.sh /path/to/ntevent-static [/path/to/ntevent-demo
#                 [/path/to/wsa_echo_server /path/to/echo_client
#                  [/path/to/wsa_overlapped_server]]]
set -u
nt=${1:?usage: named-demo.sh NTEVENT-TOOL [RAW-DEMO]}
raw=${2:-}
server=${3:-}
client=${4:-}
ovserver=${5:-}
fail() { echo "demo FAILED: $*"; exit 1; }

echo "== 1. two processes meet on a named event"
holder=$("$nt" create job-done --manual --background) ||
	fail "ntevent create"
echo "created \\BaseNamedObjects\\job-done (manual-reset), held by pid $holder"
(
	echo "process A: ntevent wait job-done --timeout 10000"
	"$nt" wait job-done --timeout 10000
	s=$?
	echo "process A: wait exited $s ($( [ $s = 0 ] && echo signaled || echo not signaled ))"
	exit $s
) &
waiter=$!
sleep 1
prev=$("$nt" set job-done) || fail "ntevent set"
echo "process B: ntevent set job-done (previous state $prev)"
wait "$waiter" || fail "the waiter was not released"
printf 'ntevent query job-done: '
"$nt" query job-done
kill "$holder"
sleep 0.2
"$nt" open job-done 2>/dev/null
[ $? = 3 ] || fail "the name outlived its last holder"
echo "the holder is gone, and so is the name (ntevent open: exit 3)"

echo
echo "== 2. a driver and a user process share an event by name"
if [ -n "${NTEVENT_MODDIR:-}" ] && [ -f "$NTEVENT_MODDIR/ntevent_named_demo.ko" ]; then
	insmod "$NTEVENT_MODDIR/ntevent_named_demo.ko" period_ms=500 ||
		fail "insmod ntevent_named_demo"
	echo "ntevent_named_demo.ko: IoCreateSynchronizationEvent(\\BaseNamedObjects\\ntevent-kernel-demo), KeSetEvent every 500 ms from a timer"
	for i in 1 2 3; do
		"$nt" wait ntevent-kernel-demo --timeout 5000 ||
			{ rmmod ntevent_named_demo; fail "no set from the driver"; }
		echo "user process: released by the driver's timer ($i)"
	done
	rmmod ntevent_named_demo || fail "rmmod"
else
	echo "(ntevent_named_demo.ko not found: skipped)"
fi

if [ -n "$raw" ]; then
	echo
	echo "== 3. the raw ioctl ABI: a descriptor crossing fork and exec"
	"$raw" || fail "the raw demo"
fi
# echo_demo SERVER PORT: the server serves three clients' 100 round trips.
echo_demo() {
	"$1" "$2" 3 &
	spid=$!
	"$client" "$2" 3 100 64 || { kill "$spid"; fail "the echo client"; }
	wait "$spid" || fail "the echo server $1"
}
if [ -n "$server" ] && [ -n "$client" ]; then
	echo
	echo "== 4. a Winsock echo server, ported unchanged (test/demo/wsa_echo_server.c)"
	echo "WSAEventSelect + WSAWaitForMultipleEvents + WSAEnumNetworkEvents: the kernel sets each socket's event"
	echo_demo "$server" 7007
fi
if [ -n "$ovserver" ] && [ -n "$client" ]; then
	echo
	echo "== 5. the same with overlapped I/O, ported unchanged (test/demo/wsa_overlapped_server.c)"
	echo "WSARecv + WSAWaitForMultipleEvents + WSAGetOverlappedResult: each completion sets its operation's event"
	echo_demo "$ovserver" 7009
fi
echo
echo "demo done"
