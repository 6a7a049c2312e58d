#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make bench's echo part, in the guest: the Winsock echo server
# (test/demo/wsa_echo_server.c: WSAEventSelect, WSAWaitForMultipleEvents,
# WSAEnumNetworkEvents) against the same server written with epoll
# (test/bench/epoll_echo_server.c), driven by test/demo/echo_client.c over
# loopback in the same boot: the round trip with one connection, and the
# round trips per second with 1 and with 64 connections.
#
#   echo-bench.sh WSA-SERVER EPOLL-SERVER CLIENT
set -u
wsa=$1 epoll=$2 client=$3

# run SERVER PORT CONNS ROUNDS: the client's "us per round trip" and
# "round trips/s", space-separated.
run() {
	"$1" "$2" "$3" >/dev/null &
	spid=$!
	out=$("$client" "$2" "$3" "$4" 64) || { kill "$spid"; echo "0 0"; return 1; }
	wait "$spid"
	echo "$out" | sed -n 's/.*: \([0-9.]*\) us per round trip, \([0-9]*\) round trips\/s/\1 \2/p'
}

set -- $(run "$wsa" 7101 1 3000) $(run "$epoll" 7102 1 3000) \
	$(run "$wsa" 7103 64 100) $(run "$epoll" 7104 64 100)
echo "echo server over loopback TCP, 64-byte messages (guest CLOCK_MONOTONIC, icount):"
awk -v wr="$1" -v er="$3" -v wt1="$2" -v et1="$4" -v wt64="$6" -v et64="$8" 'BEGIN {
	printf "  round trip, 1 connection        WSAEventSelect %8.1f us   epoll %8.1f us   %.2fx epoll\n", wr, er, wr / er
	printf "  throughput, 1 connection        WSAEventSelect %8d rt/s  epoll %8d rt/s  %.2fx epoll\n", wt1, et1, wt1 / et1
	printf "  throughput, 64 connections      WSAEventSelect %8d rt/s  epoll %8d rt/s  %.2fx epoll\n", wt64, et64, wt64 / et64
	rt = wr / er; tp = wt64 / et64
	printf "targets: round trip <= 1.15x epoll: %.2fx %s; 64-connection throughput >= 0.9x epoll: %.2fx %s\n", rt, (rt <= 1.15 ? "met" : "MISSED"), tp, (tp >= 0.9 ? "met" : "MISSED")
}'
