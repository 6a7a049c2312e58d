// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_set(), ntevent_reset() and ntevent_pulse() store the previous
 * state (0 or 1) when asked to, and work with a NULL pointer too;
 * ntevent_clear() makes the event non-signaled. Pulse with no waiter
 * acts as reset. One table of steps, run in order on an event of each
 * type.
 */
#include <ntevent.h>
#include "api.h"

static int clear(int fd, int *prev)
{
	(void)prev;
	return ntevent_clear(fd);
}

#define ANY	-1	/* not asked (prev) or not looked at (state) */

static const struct step {
	const char *name;
	int (*op)(int fd, int *prev);
	int prev;		/* the previous state it must store, or ANY */
	int state;		/* the state after it, or ANY */
} steps[] = {
	{ "set", ntevent_set, 0, 1 },
	{ "set again", ntevent_set, 1, ANY },
	{ "reset", ntevent_reset, 1, 0 },
	{ "reset again", ntevent_reset, 0, ANY },
	{ "set, NULL prev", ntevent_set, ANY, ANY },
	{ "pulse", ntevent_pulse, 1, 0 },
	{ "pulse again", ntevent_pulse, 0, 0 },
	{ "set, NULL prev", ntevent_set, ANY, ANY },
	{ "clear", clear, ANY, 0 },
	{ "clear again", clear, ANY, 0 },
	{ "reset, NULL prev", ntevent_reset, ANY, ANY },
	{ "pulse, NULL prev", ntevent_pulse, ANY, ANY },
};

int main(void)
{
	static const char *const types[] = { "notification", "synchronization" };
	char where[96];
	unsigned int type;
	size_t i;

	t_require_device();
	for (type = 0; type <= 1; type++) {
		int fd = ntevent_create(type, 0, NTEVENT_ALL_ACCESS);

		CHECK(fd >= 0);
		for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
			const struct step *s = &steps[i];
			int prev = 0x55;

			snprintf(where, sizeof(where), "%s, %s", types[type],
				 s->name);
			t_case = where;
			if (s->prev == ANY) {
				CHECK_RET(s->op(fd, NULL), 0);
			} else {
				CHECK_RET(s->op(fd, &prev), 0);
				CHECK_EQ(prev, s->prev);
			}
			if (s->state != ANY)
				CHECK_EQ(t_state(fd), s->state);
		}
		t_case = NULL;
		CHECK_RET(ntevent_close(fd), 0);
	}
	return T_PASS;
}
