// SPDX-License-Identifier: GPL-2.0
/*
 * The "other" permission bits of a named event decide what another uid
 * may open it with: read (mode 0644) grants SYNCHRONIZE, QUERY_STATE and
 * READ_CONTROL but no MODIFY_STATE, DELETE, WRITE_DAC or WRITE_OWNER
 * (EACCES, also for a mix of granted and refused rights); write (0622)
 * grants those but not the read ones; 0666 grants everything. The
 * descriptor has exactly the rights asked for, and works.
 */
#include "abi.h"

#define READ_R	(NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE | \
		 NTEVENT_READ_CONTROL)
#define WRITE_R	(NTEVENT_MODIFY_STATE | NTEVENT_DELETE | NTEVENT_WRITE_DAC | \
		 NTEVENT_WRITE_OWNER)

static char n644[128], n622[128], n666[128];
static const uint32_t rights[] = {
	NTEVENT_SYNCHRONIZE, NTEVENT_QUERY_STATE, NTEVENT_READ_CONTROL,
	NTEVENT_MODIFY_STATE, NTEVENT_DELETE, NTEVENT_WRITE_DAC,
	NTEVENT_WRITE_OWNER,
};

/* Open name with access: granted must be whether that works. */
static int try_open(int dev, const char *name, uint32_t flags,
		    uint32_t access, bool granted)
{
	uint32_t created;
	int r = t_open_name_raw(dev, name, flags, access, T_MANUAL, 0, 0666,
				&created);

	if (granted) {
		CHECK_MSG(r >= 0, "uid %d: open \"%s\" flags %#x access %#x: %s",
			  (int)getuid(), name, flags, access, t_errname(-r));
		CHECK_EQ(created, 0);
		CHECK(r >= 0 && fcntl(r, F_GETFD) >= 0);
	} else {
		CHECK_MSG(r == -EACCES,
			  "uid %d: open \"%s\" flags %#x access %#x: %s, expected EACCES",
			  (int)getuid(), name, flags, access,
			  r < 0 ? t_errname(-r) : "granted");
	}
	return r;
}

static void check_bits(int dev, const char *name, uint32_t grant)
{
	unsigned int i;
	int before = t_count_fds();

	for (i = 0; i < sizeof(rights) / sizeof(rights[0]); i++) {
		bool ok = (rights[i] & grant) == rights[i];
		int r = try_open(dev, name, 0, rights[i], ok);

		if (r >= 0)
			close(r);
		r = try_open(dev, name, NTEVENT_OPEN_CREATE, rights[i], ok);
		if (r >= 0)
			close(r);
	}
	CHECK_EQ(t_count_fds(), before);
}

static void child(void *arg)
{
	int dev = t_open_dev();
	uint32_t mix = NTEVENT_SYNCHRONIZE | NTEVENT_MODIFY_STATE;
	int fd;

	(void)arg;
	/* 0644: read rights only. */
	check_bits(dev, n644, READ_R);
	CHECK_RET(try_open(dev, n644, 0, mix, false), -EACCES);
	CHECK_RET(try_open(dev, n644, 0, NTEVENT_ALL_ACCESS, false), -EACCES);
	fd = try_open(dev, n644, 0, READ_R, true);
	CHECK_EQ(t_read(fd).access, READ_R);
	CHECK_STATE(fd, 1);
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_wait1(dev, fd, t_after_ms(1000)), 0);	/* manual */
	close(fd);

	/* 0622: write rights only. */
	check_bits(dev, n622, WRITE_R);
	CHECK_RET(try_open(dev, n622, 0, mix, false), -EACCES);
	fd = try_open(dev, n622, 0, WRITE_R, true);
	CHECK_EQ(t_set(fd), 0);
	CHECK_RET(t_try(dev, fd), -EACCES);
	close(fd);

	/* 0666: everything. */
	check_bits(dev, n666, READ_R | WRITE_R);
	fd = try_open(dev, n666, 0, NTEVENT_ALL_ACCESS, true);
	CHECK_EQ(t_read(fd).access, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_set(fd), 0);
	CHECK_RET(t_try(dev, fd), 0);	/* auto: consumed */
	CHECK_EQ(t_pulse(fd), 0);
	CHECK_EQ(t_set(fd), 0);
	close(fd);
}

int main(void)
{
	int dev = t_open_dev();
	int e644, e622, e666;

	t_need_root();
	umask(0);
	e644 = t_create_name(dev, t_name(n644, sizeof(n644), "0644"), T_MANUAL,
			     1, 0644);
	e622 = t_create_name(dev, t_name(n622, sizeof(n622), "0622"), T_MANUAL,
			     0, 0622);
	e666 = t_create_name(dev, t_name(n666, sizeof(n666), "0666"), T_AUTO,
			     0, 0666);

	t_run_as(1000, 1000, child, NULL);

	/* The child's sets are seen here. */
	CHECK_STATE(e644, 1);
	CHECK_STATE(e622, 1);
	CHECK_STATE(e666, 1);
	return T_PASS;
}
