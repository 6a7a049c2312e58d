// SPDX-License-Identifier: GPL-2.0
/*
 * Unknown ioctls fail with ENOTTY on both kinds of descriptor; event
 * ioctls on the device and device ioctls on an event fail with ENOTTY
 * too, changing nothing.
 */
#include "abi.h"

#define BOGUS_SAME_MAGIC	_IOR(NTEVENT_IOC_MAGIC, 0x7f, __u32)
#define BOGUS_OTHER_MAGIC	_IOR('x', 0x10, __u32)

int main(void)
{
	int dev = t_open_dev();
	int ev = t_create(dev, T_AUTO, 1);
	struct ntevent_create_args ca = { .type = T_AUTO,
					  .access = NTEVENT_ALL_ACCESS };
	struct ntevent_wait_args wa;
	struct ntevent_state st;
	uint32_t fds[1] = { ev }, v = 0;
	int before;

	/* Event ioctls on the device. */
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_SET, &v), ENOTTY);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_RESET, &v), ENOTTY);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_PULSE, &v), ENOTTY);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_CLEAR), ENOTTY);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_READ, &st), ENOTTY);

	/* Device ioctls on an event. */
	before = t_count_fds();
	CHECK_ERR(ioctl(ev, NTEVENT_IOC_CREATE, &ca), ENOTTY);
	CHECK_EQ(t_count_fds(), before);
	memset(&wa, 0, sizeof(wa));
	wa.fds = (uintptr_t)fds;
	wa.count = 1;
	CHECK_ERR(ioctl(ev, NTEVENT_IOC_WAIT_ANY, &wa), ENOTTY);
	CHECK_ERR(ioctl(ev, NTEVENT_IOC_WAIT_ALL, &wa), ENOTTY);
	CHECK_STATE(ev, 1);

	/* Unknown numbers. */
	CHECK_ERR(ioctl(dev, BOGUS_SAME_MAGIC, &v), ENOTTY);
	CHECK_ERR(ioctl(dev, BOGUS_OTHER_MAGIC, &v), ENOTTY);
	CHECK_ERR(ioctl(dev, 0), ENOTTY);
	CHECK_ERR(ioctl(ev, BOGUS_SAME_MAGIC, &v), ENOTTY);
	CHECK_ERR(ioctl(ev, BOGUS_OTHER_MAGIC, &v), ENOTTY);
	CHECK_ERR(ioctl(ev, 0), ENOTTY);
	/* Right number, wrong size or direction. */
	CHECK_ERR(ioctl(ev, _IOR(NTEVENT_IOC_MAGIC, 0x10, __u64), &v), ENOTTY);
	CHECK_ERR(ioctl(ev, _IO(NTEVENT_IOC_MAGIC, 0x10)), ENOTTY);
	CHECK_ERR(ioctl(dev, _IOW(NTEVENT_IOC_MAGIC, 0x00,
				  struct ntevent_create_args), &ca), ENOTTY);
	CHECK_STATE(ev, 1);
	return T_PASS;
}
