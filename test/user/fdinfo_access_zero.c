// SPDX-License-Identifier: GPL-2.0
/*
 * The fdinfo access line keeps its "0x" form for a descriptor with no
 * rights at all: "ntevent-access:\t0x0".
 */
#include "t.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create_access(dev, T_MANUAL, 0, 0);
	char path[64], buf[4096];
	const char *p;
	ssize_t n;
	int f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", e);
	f = CHECK_OK(open(path, O_RDONLY | O_CLOEXEC));
	n = CHECK_OK(read(f, buf, sizeof(buf) - 1));
	buf[n] = 0;
	p = strstr(buf, "ntevent-access:\t");
	CHECK_MSG(p, "no access line in:\n%s", buf);
	CHECK_MSG(!strncmp(p, "ntevent-access:\t0x0\n", 20),
		  "access line for no rights is \"%.*s\", expected \"ntevent-access:\\t0x0\"",
		  (int)strcspn(p, "\n"), p);
	return T_PASS;
}
