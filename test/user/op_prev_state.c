// SPDX-License-Identifier: GPL-2.0
/*
 * The previous-state state machine of SET, RESET and PULSE (with no
 * waiter), one table row per operation, for both types and both initial
 * states: the operation returns the state before it and leaves the state
 * of its row (SET: signaled, an auto-reset event with no waiter stays so;
 * RESET and PULSE: non-signaled); done again it returns that state and
 * leaves it; after a SET it returns 1 and leaves its state again; and a
 * poll wait then finds exactly that state (a PULSE leaves nothing for a
 * later wait). Replaces set_prev, reset_prev and pulse_prev.
 */
#include "abi.h"

static const struct {
	const char *name;
	unsigned long cmd;
	int after;
} ops[] = {
	{ "SET", NTEVENT_IOC_SET, 1 },
	{ "RESET", NTEVENT_IOC_RESET, 0 },
	{ "PULSE", NTEVENT_IOC_PULSE, 0 },
};

int main(void)
{
	int dev = t_open_dev();
	uint32_t type, state;
	unsigned int i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		unsigned long cmd = ops[i].cmd;
		const char *op = ops[i].name;
		int after = ops[i].after;

		for (type = 0; type <= 1; type++) {
			for (state = 0; state <= 1; state++) {
				int fd = t_create(dev, type, state);

				CHECK_EQ(t_op_prev(fd, cmd, op), (int)state);
				CHECK_STATE(fd, after);
				CHECK_EQ(t_op_prev(fd, cmd, op), after);
				CHECK_STATE(fd, after);
				CHECK_EQ(t_set(fd), after);
				CHECK_EQ(t_op_prev(fd, cmd, op), 1);
				CHECK_STATE(fd, after);
				CHECK_RET(t_try(dev, fd), after ? 0 : -ETIMEDOUT);
				close(fd);
			}
		}
	}
	return T_PASS;
}
