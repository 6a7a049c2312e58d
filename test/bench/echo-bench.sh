#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make bench's echo part, in the guest: the Winsock echo servers
# (test/demo/wsa_echo_server.c: WSAEventSelect, WSAWaitForMultipleEvents,
# WSAEnumNetworkEvents; test/demo/wsa_overlapped_server.c: WSARecv,
# WSAWaitForMultipleEvents, WSAGetOverlappedResult) against the same server
# written with epoll (test/bench/epoll_echo_server.c) and with io_uring
# used directly (test/bench/uring_echo_server.c), driven by
# test/demo/echo_client.c over loopback in the same boot: the round trip
# with one connection, and the round trips per second with 1 and with 64
# connections.
#
#   echo-bench.sh WSA-SERVER OVERLAPPED-SERVER EPOLL-SERVER URING-SERVER CLIENT
set -u
wsa=$1 ov=$2 epoll=$3 uring=$4 client=$5

# run SERVER PORT CONNS ROUNDS: the client's "us per round trip" and
# "round trips/s", space-separated.
run() {
	"$1" "$2" "$3" >/dev/null &
	spid=$!
	out=$("$client" "$2" "$3" "$4" 64) || { kill "$spid"; echo "0 0"; return 1; }
	wait "$spid"
	echo "$out" | sed -n 's/.*: \([0-9.]*\) us per round trip, \([0-9]*\) round trips\/s/\1 \2/p'
}

port=7100
figures() {	# SERVER: rt-us rt/s-1 rt/s-64
	port=$((port + 2))
	set -- $(run "$1" $port 1 3000) $(run "$1" $((port + 1)) 64 100)
	echo "$1 $2 $4"
}
set -- $(figures "$wsa") $(figures "$ov") $(figures "$epoll") $(figures "$uring")
echo "echo server over loopback TCP, 64-byte messages (guest CLOCK_MONOTONIC, icount):"
awk -v w="$1 $2 $3" -v o="$4 $5 $6" -v e="$7 $8 $9" -v u="${10} ${11} ${12}" 'BEGIN {
	split(w, W); split(o, O); split(e, E); split(u, U)
	printf "  %-28s %14s %14s %14s %14s\n", "", "WSAEventSelect", "overlapped", "epoll", "io_uring"
	printf "  %-28s %11.1f us %11.1f us %11.1f us %11.1f us\n", "round trip, 1 connection", W[1], O[1], E[1], U[1]
	printf "  %-28s %9d rt/s %9d rt/s %9d rt/s %9d rt/s\n", "throughput, 1 connection", W[2], O[2], E[2], U[2]
	printf "  %-28s %9d rt/s %9d rt/s %9d rt/s %9d rt/s\n", "throughput, 64 connections", W[3], O[3], E[3], U[3]
	printf "  WSAEventSelect: round trip %.2fx epoll, 64 connections %.2fx epoll\n", W[1] / E[1], W[3] / E[3]
	printf "  overlapped:     round trip %.2fx epoll %.2fx io_uring, 64 connections %.2fx epoll %.2fx io_uring\n", O[1] / E[1], O[1] / U[1], O[3] / E[3], O[3] / U[3]
	rt = W[1] / E[1]; tp = W[3] / E[3]
	printf "targets: round trip <= 1.15x epoll: %.2fx %s; 64-connection throughput >= 0.9x epoll: %.2fx %s\n", rt, (rt <= 1.15 ? "met" : "MISSED"), tp, (tp >= 0.9 ? "met" : "MISSED")
}'
