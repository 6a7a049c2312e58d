// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent(1): named ntevent events from the shell.
 *
 *   ntevent create NAME [--manual|--auto] [--signaled] [--mode MODE]
 *                       [--open-existing] [--hold SECONDS] [--background]
 *   ntevent open NAME [--access RIGHTS] [--hold SECONDS] [--background]
 *   ntevent set|reset|pulse NAME [--quiet]
 *   ntevent wait NAME [--timeout MS]
 *   ntevent query NAME
 *
 * A named event lives only while a descriptor holds it, so "create" keeps
 * its descriptor open: until a signal (INT, TERM, HUP) or for --hold
 * seconds; --background returns at once, leaving a process that holds it
 * (its PID is printed). The exit status says what happened; see usage().
 * Built on the native API only (<ntevent.h>).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ntevent.h>

#ifndef NTEVENT_TOOL_VERSION
#define NTEVENT_TOOL_VERSION "unknown"
#endif

/* Exit statuses: the contract with scripts (ntevent(1), EXIT STATUS). */
enum {
	EXIT_OK = 0,		/* done; for wait: the event was signaled */
	EXIT_TIMEOUT = 1,	/* wait: the timeout expired */
	EXIT_USAGE = 2,		/* bad command line or invalid name */
	EXIT_NOTFOUND = 3,	/* no event has this name */
	EXIT_DENIED = 4,	/* the event's mode denies the access */
	EXIT_ERROR = 5,		/* anything else (the module is not loaded...) */
	EXIT_EXISTS = 6,	/* create: the name is taken (no --open-existing) */
};

static const char *prog = "ntevent";

/* The NT path of the event being worked on, for messages. */
static const char *event_name;

struct cmd;

#define HOLD_SIGNAL	(-1)	/* hold until SIGINT, SIGTERM or SIGHUP */
#define HOLD_NOT	(-2)	/* open: do not hold (no --hold, --background) */

/* What the options of one command line say. */
struct opts {
	const struct cmd *cmd;
	const char *name;	/* as given */
	unsigned int type;
	unsigned int signaled;
	unsigned int mode;
	uint32_t access;
	int open_existing;
	long long hold;		/* seconds, HOLD_SIGNAL or HOLD_NOT */
	int background;
	long long timeout;	/* ms; -1: none */
	int quiet;
};

struct cmd {
	const char *name;
	int (*run)(struct opts *o);
	const char *synopsis;
	const char *help;	/* what it does, its options, its output */
	const char *optstring;
	const struct option *longopts;
};

static void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void msg(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Report a failed library call on the event; return the exit status. */
static int fail(int err, const char *what)
{
	switch (-err) {
	case ENOENT:
		msg("%s: no such event", event_name);
		return EXIT_NOTFOUND;
	case EACCES:
	case EPERM:
		msg("%s: %s: permission denied", event_name, what);
		return EXIT_DENIED;
	case EEXIST:
		msg("%s: the name exists (--open-existing opens it)", event_name);
		return EXIT_EXISTS;
	case EILSEQ:
		msg("%s: invalid event name (1 to 255 bytes after \\BaseNamedObjects\\, no backslash, no control character)",
		    event_name);
		return EXIT_USAGE;
	case ENAMETOOLONG:
		msg("%s: invalid event name: longer than 255 bytes", event_name);
		return EXIT_USAGE;
	case ETIMEDOUT:
		return EXIT_TIMEOUT;
	case ENODEV:
	case ENXIO:
		msg("%s: %s is missing: the ntevent module is not loaded (load it with modprobe ntevent; install it with make modules_install in its source tree)",
		    what, NTEVENT_DEVICE);
		return EXIT_ERROR;
	default:
		msg("%s: %s: %s", event_name, what, strerror(-err));
		return EXIT_ERROR;
	}
}

/* "foo" is \BaseNamedObjects\foo; "\..." is taken as a whole NT path. */
static char *nt_path(const char *name)
{
	size_t n = strlen(name), p = strlen(NTEVENT_NAME_PREFIX);
	char *path;

	if (name[0] == '\\')
		return strdup(name);
	path = malloc(p + n + 1);
	if (path) {
		memcpy(path, NTEVENT_NAME_PREFIX, p);
		memcpy(path + p, name, n + 1);
	}
	return path;
}

/*
 * The length of the valid UTF-8 sequence at s (at most n bytes), or 0:
 * the kernel takes names in UTF-8 only.
 */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned int c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	/* overlong, surrogates, beyond U+10FFFF */
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	return len;
}

/*
 * Is path a name the kernel takes (see ntevent(7))? Checked here, so that
 * a bad name is a usage error even where the module is not loaded.
 */
static bool valid_name(const char *path)
{
	size_t p = strlen(NTEVENT_NAME_PREFIX), n = strlen(path), i, l;
	const unsigned char *s = (const unsigned char *)path + p;

	if (n <= p || strncmp(path, NTEVENT_NAME_PREFIX, p) ||
	    n - p > NTEVENT_NAME_MAX)
		return false;
	for (i = 0; i < n - p; i += l) {
		if (s[i] == '\\' || s[i] < 0x20 || s[i] == 0x7f)
			return false;
		l = utf8_len(s + i, n - p - i);
		if (!l)
			return false;
	}
	return true;
}

/* Open (or create) the event; the descriptor, or an exit status < 0. */
static int open_event(struct opts *o, unsigned int flags, uint32_t access,
		      int *created, const char *what)
{
	static char *path;
	int fd;

	free(path);
	path = nt_path(o->name);
	if (!path) {
		msg("out of memory");
		return -EXIT_ERROR;
	}
	event_name = path;
	if (!valid_name(path)) {
		msg("%s: invalid event name (1 to %d bytes of UTF-8 after %s, no backslash, no control character)",
		    path, NTEVENT_NAME_MAX, "\\BaseNamedObjects\\");
		return -EXIT_USAGE;
	}
	fd = ntevent_open_named(path, strlen(path), flags, access, o->type,
				o->signaled, o->mode, created);
	if (fd < 0)
		return -fail(fd, what);
	return fd;
}

/*
 * Block the signals that end a hold, into *set. Done before the event is
 * made, so that a SIGTERM sent as soon as the name exists ends the hold
 * normally instead of killing the process.
 */
static void block_hold_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigprocmask(SIG_BLOCK, set, NULL);
}

/*
 * Keep the descriptor, hence the event and its name, alive: for o->hold
 * seconds, or until SIGINT, SIGTERM or SIGHUP (which end it normally).
 * With --background the caller gets its shell back at once: a child does
 * the holding, and the parent prints the child's PID and exits 0.
 */
static int hold(struct opts *o)
{
	struct timespec now, end = { 0, 0 }, left;
	sigset_t set;
	pid_t pid;
	int null;

	block_hold_signals(&set);

	if (o->background) {
		fflush(NULL);
		pid = fork();
		if (pid < 0) {
			msg("fork: %s", strerror(errno));
			return EXIT_ERROR;
		}
		if (pid > 0) {
			printf("%d\n", (int)pid);
			return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
		}
		/* Let $(ntevent create ... --background) return; free the cwd. */
		null = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
			if (null > 2)
				close(null);
		}
		if (chdir("/") < 0) {
			/* no matter: it only frees the directory */
		}
	}

	if (o->hold == HOLD_SIGNAL) {
		while (sigwaitinfo(&set, NULL) < 0 && errno == EINTR)
			;
		return EXIT_OK;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += (time_t)o->hold;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		left.tv_sec = end.tv_sec - now.tv_sec;
		left.tv_nsec = end.tv_nsec - now.tv_nsec;
		if (left.tv_nsec < 0) {
			left.tv_nsec += 1000000000L;
			left.tv_sec--;
		}
		if (left.tv_sec < 0)
			return EXIT_OK;
		if (sigtimedwait(&set, NULL, &left) >= 0 || errno == EAGAIN)
			return EXIT_OK;
	}
}

static int cmd_create(struct opts *o)
{
	unsigned int flags = NTEVENT_OPEN_CREATE;
	int fd, created;
	sigset_t set;

	block_hold_signals(&set);
	if (!o->open_existing)
		flags |= NTEVENT_OPEN_EXCL;
	fd = open_event(o, flags, NTEVENT_ALL_ACCESS, &created, "create");
	if (fd < 0)
		return -fd;
	return hold(o);
}

static int cmd_open(struct opts *o)
{
	sigset_t set;
	int fd;

	if (o->hold != HOLD_NOT || o->background)
		block_hold_signals(&set);
	fd = open_event(o, 0, o->access, NULL, "open");

	if (fd < 0)
		return -fd;
	if (o->hold == HOLD_NOT) {
		if (!o->background)
			return EXIT_OK;
		o->hold = HOLD_SIGNAL;
	}
	return hold(o);
}

static int state_op(struct opts *o, int (*op)(int, int *), const char *what)
{
	int fd, ret, prev;

	fd = open_event(o, 0, NTEVENT_MODIFY_STATE, NULL, what);
	if (fd < 0)
		return -fd;
	ret = op(fd, &prev);
	if (ret < 0)
		return fail(ret, what);
	if (!o->quiet)
		printf("%d\n", prev);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}

static int cmd_set(struct opts *o)
{
	return state_op(o, ntevent_set, "set");
}

static int cmd_reset(struct opts *o)
{
	return state_op(o, ntevent_reset, "reset");
}

static int cmd_pulse(struct opts *o)
{
	return state_op(o, ntevent_pulse, "pulse");
}

static int cmd_wait(struct opts *o)
{
	uint64_t deadline = NTEVENT_INFINITE;
	int fd, ret;

	fd = open_event(o, 0, NTEVENT_SYNCHRONIZE, NULL, "wait");
	if (fd < 0)
		return -fd;
	if (o->timeout >= 0)
		deadline = ntevent_deadline_after((uint64_t)o->timeout * 1000000u);
	ret = ntevent_wait(fd, deadline, 0);
	if (ret < 0)
		return fail(ret, "wait");
	return EXIT_OK;
}

static int cmd_query(struct opts *o)
{
	struct ntevent_state st;
	int fd, ret;

	fd = open_event(o, 0, NTEVENT_QUERY_STATE, NULL, "query");
	if (fd < 0)
		return -fd;
	ret = ntevent_read(fd, &st);
	if (ret < 0)
		return fail(ret, "query");
	printf("%s %u\n", st.type == NTEVENT_TYPE_SYNCHRONIZATION ? "auto" : "manual",
	       st.state);
	return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
}

#define OPT_HELP	{ "help", no_argument, NULL, 'h' }
#define OPT_HOLD	{ "hold", required_argument, NULL, 'H' }, \
			{ "background", no_argument, NULL, 'b' }

static const struct option create_opts[] = {
	{ "manual", no_argument, NULL, 'm' },
	{ "auto", no_argument, NULL, 'a' },
	{ "signaled", no_argument, NULL, 's' },
	{ "mode", required_argument, NULL, 'M' },
	{ "open-existing", no_argument, NULL, 'o' },
	OPT_HOLD, OPT_HELP, { NULL, 0, NULL, 0 },
};
static const struct option open_opts[] = {
	{ "access", required_argument, NULL, 'A' },
	OPT_HOLD, OPT_HELP, { NULL, 0, NULL, 0 },
};
static const struct option state_opts[] = {
	{ "quiet", no_argument, NULL, 'q' },
	OPT_HELP, { NULL, 0, NULL, 0 },
};
static const struct option wait_opts[] = {
	{ "timeout", required_argument, NULL, 't' },
	OPT_HELP, { NULL, 0, NULL, 0 },
};
static const struct option query_opts[] = {
	OPT_HELP, { NULL, 0, NULL, 0 },
};

#define HOLD_HELP \
"  -H, --hold SECONDS  keep the event for SECONDS, then exit 0 (default for\n" \
"                      create: until SIGINT, SIGTERM or SIGHUP, which also\n" \
"                      end a --hold early, with status 0)\n" \
"  -b, --background    return at once, leaving a process that holds the\n" \
"                      event; print its PID (end it with kill PID)\n"

#define STATE_HELP(verb, effect) \
	"Open NAME for EVENT_MODIFY_STATE and " verb " it: " effect ".\n" \
	"Print the state it had before, 0 (non-signaled) or 1 (signaled).\n\n" \
	"  -q, --quiet  print nothing\n"

static const struct cmd cmds[] = {
	{ "create", cmd_create,
	  "create NAME [--manual|--auto] [--signaled] [--mode MODE]\n"
	  "                      [--open-existing] [--hold SECONDS] [--background]",
	  "Create the event NAME and keep it alive: a named event exists only\n"
	  "while a descriptor holds it, so create holds one until it is told to\n"
	  "stop (see --hold), or hands it to a background process.\n\n"
	  "  -m, --manual        manual-reset (notification) event: stays signaled\n"
	  "                      until reset (the default)\n"
	  "  -a, --auto          auto-reset (synchronization) event: a set releases\n"
	  "                      one waiter\n"
	  "  -s, --signaled      create it signaled\n"
	  "  -M, --mode MODE     octal permission bits, less the umask (default 0600):\n"
	  "                      read lets a user wait and query, write lets it set,\n"
	  "                      reset and pulse\n"
	  "  -o, --open-existing if the name exists, hold that event instead of\n"
	  "                      failing (its type, state and mode stay as they are)\n"
	  HOLD_HELP,
	  "masM:oH:bh", create_opts },
	{ "open", cmd_open,
	  "open NAME [--access RIGHTS] [--hold SECONDS] [--background]",
	  "Check that the event NAME exists and may be opened; with --hold or\n"
	  "--background, also keep it alive, as create does.\n\n"
	  "  -A, --access RIGHTS comma-separated: query, modify, synchronize (or\n"
	  "                      sync), all, or a number (0x100000); the default\n"
	  "                      asks for no right, which still needs the event's\n"
	  "                      mode to grant this user something\n"
	  HOLD_HELP,
	  "A:H:bh", open_opts },
	{ "set", cmd_set, "set NAME [--quiet]",
	  STATE_HELP("set", "signal it, releasing its waiters (one, if auto-reset)"),
	  "qh", state_opts },
	{ "reset", cmd_reset, "reset NAME [--quiet]",
	  STATE_HELP("reset", "make it non-signaled"),
	  "qh", state_opts },
	{ "pulse", cmd_pulse, "pulse NAME [--quiet]",
	  STATE_HELP("pulse", "release the waiters there are now (one, if\n"
		     "auto-reset) and leave it non-signaled"),
	  "qh", state_opts },
	{ "wait", cmd_wait, "wait NAME [--timeout MS]",
	  "Open NAME for SYNCHRONIZE and wait until it is signaled (an auto-reset\n"
	  "event is reset by the wait). Exit 0 when it is, 1 when the timeout\n"
	  "expires first.\n\n"
	  "  -t, --timeout MS    give up after MS milliseconds (0: just look);\n"
	  "                      default: wait for ever\n",
	  "t:h", wait_opts },
	{ "query", cmd_query, "query NAME",
	  "Open NAME for EVENT_QUERY_STATE and print its type and state on one\n"
	  "line: \"manual\" or \"auto\", then 0 (non-signaled) or 1 (signaled),\n"
	  "for example \"auto 1\". Changes nothing.\n",
	  "h", query_opts },
};

#define NCMDS	(sizeof(cmds) / sizeof(cmds[0]))

static const char exit_help[] =
	"Exit status:\n"
	"  0  success; for wait, the event was signaled\n"
	"  1  wait: the timeout expired\n"
	"  2  usage error, or an invalid event name\n"
	"  3  no event has this name\n"
	"  4  permission denied by the event's mode (or a right missing)\n"
	"  5  any other error (for example: the ntevent module is not loaded)\n"
	"  6  create: the name exists (and --open-existing was not given)\n";

static const char name_help[] =
	"NAME is an event name: \"job-done\" means \\BaseNamedObjects\\job-done, the\n"
	"name Windows programs give as L\"\\\\BaseNamedObjects\\\\job-done\" (a name\n"
	"starting with a backslash is taken as the whole NT path). Names are\n"
	"case-sensitive, 1 to 255 bytes, without backslash or control character,\n"
	"and seen by every process of the same IPC namespace.\n";

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "Usage: %s COMMAND NAME [OPTIONS]\n"
		"       %s [COMMAND] --help\n"
		"       %s --version\n\n"
		"Create, open, set, reset, pulse, wait on and query named ntevent\n"
		"events (Windows NT event objects for Linux).\n\n"
		"Commands:\n", prog, prog, prog);
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %s %s\n", prog, cmds[i].synopsis);
	fprintf(f, "\n%s\n%s\nSee '%s COMMAND --help' and ntevent(1).\n",
		name_help, exit_help, prog);
}

static void cmd_usage(const struct cmd *c, FILE *f)
{
	fprintf(f, "Usage: %s %s\n\n%s\n%s\n%s", prog, c->synopsis, c->help,
		name_help, exit_help);
}

static int bad_usage(const struct cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Say what is wrong (unless fmt is NULL) and where help is; status 2. */
static int bad_usage(const struct cmd *c, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fprintf(stderr, "%s: ", prog);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	if (c)
		fprintf(stderr, "Try '%s %s --help'.\n", prog, c->name);
	else
		fprintf(stderr, "Try '%s --help'.\n", prog);
	return EXIT_USAGE;
}

/* A whole non-negative number no larger than max, in base; or -1. */
static long long number(const char *s, int base, long long max)
{
	unsigned long long v;
	char *end;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || *end || v > (unsigned long long)max)
		return -1;
	return (long long)v;
}

static int parse_access(const char *s, uint32_t *access)
{
	char *copy = strdup(s), *tok, *save = NULL;
	long long v;
	int ok = 1;

	if (!copy)
		return 0;
	*access = 0;
	for (tok = strtok_r(copy, ",", &save); tok && ok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "query"))
			*access |= NTEVENT_QUERY_STATE;
		else if (!strcmp(tok, "modify"))
			*access |= NTEVENT_MODIFY_STATE;
		else if (!strcmp(tok, "synchronize") || !strcmp(tok, "sync"))
			*access |= NTEVENT_SYNCHRONIZE;
		else if (!strcmp(tok, "all"))
			*access |= NTEVENT_ALL_ACCESS;
		else if ((v = number(tok, 0, NTEVENT_ALL_ACCESS)) >= 0 &&
			 !((uint32_t)v & ~NTEVENT_ALL_ACCESS))
			*access |= (uint32_t)v;
		else
			ok = 0;
	}
	free(copy);
	return ok;
}

static int run(const struct cmd *c, int argc, char **argv)
{
	struct opts o = {
		.cmd = c,
		.type = NTEVENT_TYPE_NOTIFICATION,
		.mode = 0600,
		.hold = HOLD_SIGNAL,
		.timeout = -1,
	};
	int opt;

	static char me[32];

	if (!strcmp(c->name, "open"))
		o.hold = HOLD_NOT;
	/* getopt's own messages name the command */
	snprintf(me, sizeof(me), "%s %s", prog, c->name);
	argv[0] = me;
	optind = 1;
	while ((opt = getopt_long(argc, argv, c->optstring, c->longopts,
				  NULL)) != -1) {
		switch (opt) {
		case 'h':
			cmd_usage(c, stdout);
			return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
		case 'm':
			o.type = NTEVENT_TYPE_NOTIFICATION;
			break;
		case 'a':
			o.type = NTEVENT_TYPE_SYNCHRONIZATION;
			break;
		case 's':
			o.signaled = 1;
			break;
		case 'M':
			if (number(optarg, 8, 0777) < 0)
				return bad_usage(c, "--mode %s: octal bits, 0 to 0777",
						 optarg);
			o.mode = (unsigned int)number(optarg, 8, 0777);
			break;
		case 'o':
			o.open_existing = 1;
			break;
		case 'H':
			o.hold = number(optarg, 10, INT_MAX);
			if (o.hold < 0)
				return bad_usage(c, "--hold %s: a number of seconds",
						 optarg);
			break;
		case 'b':
			o.background = 1;
			break;
		case 'A':
			if (!parse_access(optarg, &o.access))
				return bad_usage(c, "--access %s: query, modify, synchronize, all or a number",
						 optarg);
			break;
		case 't':
			o.timeout = number(optarg, 10, INT64_MAX / 1000000);
			if (o.timeout < 0)
				return bad_usage(c, "--timeout %s: a number of milliseconds",
						 optarg);
			break;
		case 'q':
			o.quiet = 1;
			break;
		default:	/* getopt said what was wrong */
			return bad_usage(c, NULL);
		}
	}
	if (optind >= argc)
		return bad_usage(c, "%s: the event NAME is missing", c->name);
	if (argc - optind > 1)
		return bad_usage(c, "%s: one NAME only (extra: %s)", c->name,
				 argv[optind + 1]);
	o.name = argv[optind];
	if (!*o.name)
		return bad_usage(c, "%s: the event NAME is empty", c->name);
	return c->run(&o);
}

/* The tool's version, and the loaded module's (sysfs) if there is one. */
static void print_version(void)
{
	char mod[64] = "";
	FILE *f = fopen("/sys/module/ntevent/version", "re");

	printf("ntevent %s (libntevent)\n", NTEVENT_TOOL_VERSION);
	if (f) {
		if (fgets(mod, sizeof(mod), f))
			mod[strcspn(mod, "\n")] = 0;
		fclose(f);
	}
	if (mod[0])
		printf("module ntevent %s\n", mod);
	else
		printf("module ntevent: not loaded (modprobe ntevent)\n");
}

int main(int argc, char **argv)
{
	const char *word;
	size_t i;

	/* Writes to a closed pipe fail with EPIPE; never die of SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	if (argc < 2)
		return bad_usage(NULL, "a COMMAND is missing");
	word = argv[1];
	if (!strcmp(word, "--help") || !strcmp(word, "-h")) {
		usage(stdout);
		return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
	}
	if (!strcmp(word, "--version")) {
		print_version();
		return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
	}
	if (!strcmp(word, "help")) {
		if (argc == 2) {
			usage(stdout);
			return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
		}
		for (i = 0; i < NCMDS; i++)
			if (!strcmp(argv[2], cmds[i].name)) {
				cmd_usage(&cmds[i], stdout);
				return fflush(stdout) ? EXIT_ERROR : EXIT_OK;
			}
		return bad_usage(NULL, "help %s: no such command", argv[2]);
	}
	for (i = 0; i < NCMDS; i++)
		if (!strcmp(word, cmds[i].name))
			return run(&cmds[i], argc - 1, argv + 1);
	return bad_usage(NULL, "%s: no such command", word);
}
