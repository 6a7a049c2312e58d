// SPDX-License-Identifier: GPL-2.0
/*
 * The record of a selected socket goes after the socket is closed, within
 * about a second, however many there are: 1000 UDP sockets (four of the
 * reaper's batches) selected for one named event, the sockets and the
 * event's descriptor closed; the records held the event, so its name
 * lives until the last record goes, then an open is ENOENT. A second
 * named event, selected by a socket that stays open, keeps its name: the
 * reaper takes only released sockets' records. Prints how long after the
 * last close the records were gone.
 */
#include "abi.h"

#include <sys/resource.h>
#include <sys/socket.h>

#define SOCKS	1000

int main(void)
{
	struct rlimit rl = { SOCKS + 64, SOCKS + 64 };
	char gone[128], kept[128];
	int dev = t_open_dev(), ev, keep_ev, keep_sock, i, ret;
	static int socks[SOCKS];
	int64_t start;

	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	t_name(gone, sizeof(gone), "reaped");
	t_name(kept, sizeof(kept), "kept");
	ev = t_create_name(dev, gone, T_MANUAL, 0, 0600);
	keep_ev = t_create_name(dev, kept, T_MANUAL, 0, 0600);
	keep_sock = CHECK_OK(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
	CHECK_RET(t_sock_select(dev, keep_sock, keep_ev, NTEVENT_FD_READ), 0);
	for (i = 0; i < SOCKS; i++) {
		socks[i] = CHECK_OK(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC,
					   0));
		CHECK_RET(t_sock_select(dev, socks[i], ev, NTEVENT_FD_READ), 0);
	}
	close(keep_ev);
	close(ev);
	/* The records hold the events: both names live. */
	close(CHECK_OK(t_open_name_raw(dev, gone, 0, NTEVENT_ALL_ACCESS, 0, 0,
				       0, NULL)));
	for (i = 0; i < SOCKS; i++)
		close(socks[i]);
	start = t_mono();
	do {
		t_sleep_ms(20);
		ret = t_open_name_raw(dev, gone, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				      NULL);
		if (ret >= 0)
			close(ret);
	} while (ret >= 0 && t_ms_since(start) < 10000);
	CHECK_MSG(ret == -ENOENT,
		  "the name of %d released sockets' event: %s after %lld ms",
		  SOCKS, ret >= 0 ? "still there" : t_errname(-ret),
		  (long long)t_ms_since(start));
	printf("sock_reaper: %d released sockets' records reaped %lld ms after their close\n",
	       SOCKS, (long long)t_ms_since(start));
	/* A socket still open keeps its record and the record its event. */
	close(CHECK_OK(t_open_name_raw(dev, kept, 0, NTEVENT_ALL_ACCESS, 0, 0,
				       0, NULL)));
	close(keep_sock);
	return T_PASS;
}
