# SPDX-License-Identifier: GPL-2.0
#
# make                  build the module for the running kernel, the library
#                       and the tests
# make module KDIR=...  build the module against another kernel tree
#                       (Linux 6.1 and later; module/compat.h)
# make modules_install  install ntevent.ko for the running kernel
# make check            run every test in VMs (Debian's 6.1, 6.12 and 6.12
#                       PREEMPT_RT kernels, a 6.12 PREEMPT_RT debug kernel)
# make demo             boot a VM and show an event crossing processes
# make bench            the benchmark, in the VM's icount mode
# make fuzz             the ABI fuzzer's long run on the debug kernel
# make bench-irqsoff    the wait-all attack under the debug kernel's
#                       irqsoff tracer
# make lint             checkpatch, sparse and W=1 on the module
# make install          install the library and the ntevent tool (PREFIX,
#                       DESTDIR)

KDIR ?= /lib/modules/$(shell uname -r)/build
# Where a module build for another kernel goes (a copy of the sources).
MODBUILD ?=
CC ?= cc
TEST_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -static -pthread -Iuapi

MOD_SRCS := Kbuild $(wildcard module/*.c module/*.h module/include/ntevent/*.h) \
	    uapi/linux/ntevent.h

.PHONY: all module modules_install clean check demo bench bench-irqsoff fuzz \
	lint lib install \
	uninstall tools

all: module lib tools

ifeq ($(MODBUILD),)
module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
# ntevent.ko alone: not the demo driver nor the tests.
modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) NTEVENT_ONLY=1 modules modules_install
else
module:
	mkdir -p $(MODBUILD)
	tar cf - $(MOD_SRCS) | tar xf - -C $(MODBUILD)
	$(MAKE) -C $(KDIR) M=$(abspath $(MODBUILD)) modules
endif

lib:
	@if [ -f lib/Makefile ]; then $(MAKE) -C lib; fi

install uninstall:
	$(MAKE) -C lib $@

# The Winsock echo server, ported unchanged (static, against build/lib),
# and the client that drives it.
ECHO_PROGS := build/demo/wsa_echo_server build/demo/echo_client \
	      build/demo/wsa_overlapped_server

tools: build/demo/ntevent-demo build/bench/ntevent-bench $(ECHO_PROGS)
build/demo/wsa_echo_server: test/demo/wsa_echo_server.c lib
	mkdir -p $(dir $@)
	$(CC) $(filter-out -Iuapi,$(TEST_CFLAGS)) -Ilib/include -o $@ $< \
		build/lib/libntevent.a

build/demo/wsa_overlapped_server: test/demo/wsa_overlapped_server.c lib
	mkdir -p $(dir $@)
	$(CC) $(filter-out -Iuapi,$(TEST_CFLAGS)) -Ilib/include -o $@ $< \
		build/lib/libntevent.a

build/demo/echo_client: test/demo/echo_client.c
	mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -o $@ $<

build/demo/ntevent-demo: test/demo/demo.c uapi/linux/ntevent.h
	mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -o $@ $<

# The bench also times the library's NT face: static, against build/lib.
build/bench/ntevent-bench: test/bench/bench.c lib
	mkdir -p $(dir $@)
	$(CC) $(filter-out -Iuapi,$(TEST_CFLAGS)) -Ilib/include -o $@ $< \
		build/lib/libntevent.a

# Processes meet on a named event through ntevent(1), a driver shares one
# with user space, a raw descriptor crosses fork and exec, and a Winsock
# echo server serves clients with the events its sockets set.
demo: build/demo/ntevent-demo $(ECHO_PROGS)
	$(MAKE) -C lib
	test/vm/run --kernel stock -- $(CURDIR)/test/demo/named-demo.sh \
		$(CURDIR)/build/lib/ntevent-static $(CURDIR)/build/demo/ntevent-demo \
		$(addprefix $(CURDIR)/,$(ECHO_PROGS))

build/bench/epoll_echo_server: test/bench/epoll_echo_server.c
	mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -o $@ $<

# io_uring used directly, through Debian's liburing (installed if missing).
build/bench/uring_echo_server: test/bench/uring_echo_server.c
	mkdir -p $(dir $@)
	bash -c '. test/vm/lib.sh && ensure_packages liburing-dev'
	$(CC) $(TEST_CFLAGS) -o $@ $< -luring

# The figures, then the wait-all attack's, then the Winsock echo server
# against the epoll one, in one icount boot.
BENCH := $(CURDIR)/build/bench/ntevent-bench
ECHO_BENCH := $(CURDIR)/test/bench/echo-bench.sh \
	$(CURDIR)/build/demo/wsa_echo_server \
	$(CURDIR)/build/demo/wsa_overlapped_server \
	$(CURDIR)/build/bench/epoll_echo_server \
	$(CURDIR)/build/bench/uring_echo_server $(CURDIR)/build/demo/echo_client
bench: build/bench/ntevent-bench build/bench/epoll_echo_server \
       build/bench/uring_echo_server $(ECHO_PROGS)
	test/vm/run --kernel stock --icount --copy $(BENCH) \
		$(foreach f,$(ECHO_BENCH),--copy $(f)) -- \
		/bin/sh -c '$(BENCH) && $(BENCH) --attack && $(ECHO_BENCH)'

# The attack on the debug kernel with the irqsoff tracer: the longest
# IRQs-off section of the machine during idle sets and during the attack.
bench-irqsoff: build/bench/ntevent-bench
	test/vm/run --kernel debug --icount --copy $(BENCH) -- /bin/sh -c \
		'echo irqsoff > /sys/kernel/debug/tracing/current_tracer && \
		 $(BENCH) --attack 20000 4000'

# The fuzzer (test/user/fuzz.c; make check runs an 8 s slice of it on
# every kernel) for two million calls on the debug kernel (at least one
# million within 10 minutes), with KCOV's coverage: FUZZ_ARGS="--seed N"
# repeats a run.
FUZZ_ARGS ?=
fuzz:
	$(MAKE) -C test/user $(CURDIR)/build/test/user/fuzz
	test/vm/run --kernel debug --copy $(CURDIR)/test/run-tests \
		--copy $(CURDIR)/build/test/user/fuzz -- /bin/sh -c \
		'NTEVENT_TEST_TIMEOUT=1000 NTEVENT_FUZZ="--seconds 600 --calls 2000000 --min-calls 1000000 --procs 3 --threads 4 $(FUZZ_ARGS)" \
		 $(CURDIR)/test/run-tests --klog $(CURDIR)/build/test/user/fuzz'

check:
	test/check

lint:
	test/lint

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	rm -rf build
