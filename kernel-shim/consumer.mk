# Builds a module that calls vexfs_ipc's in-kernel API (test-consumer/, hook/) against KVER
# (default: the running kernel); vexfs_ipc.ko must be built first, for its symbols.
KVER ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KVER)/build

all:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 KBUILD_EXTRA_SYMBOLS=$(CURDIR)/../Module.symvers modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean

.PHONY: all clean
