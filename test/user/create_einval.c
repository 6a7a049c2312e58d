// SPDX-License-Identifier: GPL-2.0
/*
 * CREATE rejects nonzero flags, nonzero pad, an unknown type, a state
 * other than 0/1 and access bits outside NTEVENT_ALL_ACCESS with EINVAL,
 * and creates no descriptor.
 */
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

int main(void)
{
	int dev = t_open_dev();
	struct ntevent_create_args ok = {
		.type = T_AUTO, .state = 0, .access = NTEVENT_ALL_ACCESS,
	};
	struct ntevent_create_args a;
	uint32_t bit;

	a = ok; a.flags = 1;
	expect_einval(dev, a, "flags 1");
	a = ok; a.flags = 0x80000000u;
	expect_einval(dev, a, "flags 0x80000000");
	a = ok; a.pad = 1;
	expect_einval(dev, a, "pad 1");
	a = ok; a.type = 2;
	expect_einval(dev, a, "type 2");
	a = ok; a.type = 0xffffffffu;
	expect_einval(dev, a, "type ~0");
	a = ok; a.state = 2;
	expect_einval(dev, a, "state 2");
	a = ok; a.state = 0xffffffffu;
	expect_einval(dev, a, "state ~0");
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
