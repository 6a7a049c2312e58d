# SPDX-License-Identifier: GPL-2.0
#
# make                  build the module for the running kernel, the library
#                       and the tests
# make module KDIR=...  build the module against another kernel tree
# make check            run every test in VMs (stock and debug kernel)
# make demo             boot a VM and show an event crossing processes
# make bench            the benchmark, in the VM's icount mode
# make install          install the library (PREFIX, DESTDIR)

KDIR ?= /lib/modules/$(shell uname -r)/build
# Where a module build for another kernel goes (a copy of the sources).
MODBUILD ?=

MOD_SRCS := Kbuild $(wildcard module/*.c module/*.h module/include/ntevent/*.h) \
	    uapi/linux/ntevent.h

.PHONY: all module modules_install clean check demo bench

all: module

ifeq ($(MODBUILD),)
module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
modules_install:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install
else
module:
	mkdir -p $(MODBUILD)
	tar cf - $(MOD_SRCS) | tar xf - -C $(MODBUILD)
	$(MAKE) -C $(KDIR) M=$(abspath $(MODBUILD)) modules
endif

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	rm -rf build
