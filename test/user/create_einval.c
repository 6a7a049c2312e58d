// SPDX-License-Identifier: GPL-2.0
/*
 * CREATE rejects nonzero flags, nonzero pad, an unknown type, a state
 * other than 0/1 and access bits outside NTEVENT_ALL_ACCESS with EINVAL,
 * and creates no descriptor.
 */
#include <stddef.h>

#include "abi.h"

static void expect_einval(int dev, struct ntevent_create_args a,
			  const char *what)
{
	int before = t_next_fd();

	a.fd = 0xdeadbeef;
	errno = 0;
	if (ioctl(dev, NTEVENT_IOC_CREATE, &a) != -1 || errno != EINVAL)
		T_FAILF("create with %s: got %s, expected EINVAL", what,
			errno ? t_errname(errno) : "success");
	CHECK_EQ(t_next_fd(), before);
}

/* One field of good arguments made bad. */
static const struct bad {
	const char *name;
	size_t offset;
	uint32_t value;
} bads[] = {
	{ "flags 1", offsetof(struct ntevent_create_args, flags), 1 },
	{ "flags 0x80000000", offsetof(struct ntevent_create_args, flags),
	  0x80000000u },
	{ "pad 1", offsetof(struct ntevent_create_args, pad), 1 },
	{ "type 2", offsetof(struct ntevent_create_args, type), 2 },
	{ "type ~0", offsetof(struct ntevent_create_args, type), 0xffffffffu },
	{ "state 2", offsetof(struct ntevent_create_args, state), 2 },
	{ "state ~0", offsetof(struct ntevent_create_args, state), 0xffffffffu },
};

int main(void)
{
	int dev = t_open_dev();
	struct ntevent_create_args ok = {
		.type = T_AUTO, .state = 0, .access = NTEVENT_ALL_ACCESS,
	};
	struct ntevent_create_args a;
	const struct bad *b;
	uint32_t bit;

	T_FOR_EACH_ROW(b, bads) {
		a = ok;
		*(uint32_t *)((char *)&a + b->offset) = b->value;
		expect_einval(dev, a, b->name);
	}
	for (bit = 1; bit; bit <<= 1) {
		char what[64];

		if (bit & NTEVENT_ALL_ACCESS)
			continue;
		a = ok;
		a.access = NTEVENT_ALL_ACCESS | bit;
		snprintf(what, sizeof(what), "access bit %#x", bit);
		expect_einval(dev, a, what);
	}

	/* The good arguments do work. */
	a = ok;
	CHECK_OK(ioctl(dev, NTEVENT_IOC_CREATE, &a));
	CHECK_EQ(t_read((int)a.fd).type, T_AUTO);
	return T_PASS;
}
