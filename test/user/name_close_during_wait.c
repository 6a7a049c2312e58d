// SPDX-License-Identifier: GPL-2.0
/*
 * A wait in progress holds the event, and so its name: a thread blocks on
 * the only descriptor of a named event, the descriptor is closed, and the
 * name still opens that event (as in NT, where a wait references the
 * object); a SET through the reopened descriptor releases the waiter.
 * Once the waiter is gone and the last descriptor closed, so is the name.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	struct t_waiter w;
	char name[128];
	int e, o;

	t_name(name, sizeof(name), "ev");
	e = t_create_name(dev, name, T_AUTO, 0, 0600);
	t_waiter_init1(&w, dev, e, 8000);
	t_waiter_start_asleep(&w);
	CHECK_OK(close(e));

	o = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_read(o).type, T_AUTO);
	CHECK_STATE(o, 0);
	CHECK_EQ(t_set(o), 0);
	CHECK_EQ(t_await_done(&w, 1, 1, 5000), 1);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_STATE(o, 0);	/* the waiter consumed it */
	close(o);
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);

	/* A wait that times out on a closed descriptor: then it is gone. */
	e = t_create_name(dev, name, T_MANUAL, 0, 0600);
	t_waiter_init1(&w, dev, e, 1500);
	t_waiter_start_asleep(&w);
	CHECK_OK(close(e));
	close(t_open_name(dev, name, NTEVENT_QUERY_STATE));
	CHECK_EQ(t_await_done(&w, 1, 1, 6000), 1);
	t_waiter_join(&w);
	CHECK_RET(w.ret, -ETIMEDOUT);
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	return T_PASS;
}
