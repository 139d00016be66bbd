// SPDX-License-Identifier: GPL-2.0
/* vexfs_ipc_hook's counters, read in /sys/module/vexfs_ipc_hook/stats/. */
#include <linux/module.h>
#include <linux/sysfs.h>

#include "hook.h"

struct hook_stats hook_stats;

#define STAT(name) \
	static ssize_t name##_show(struct kobject *k, struct kobj_attribute *a, char *buf) \
	{ \
		return sysfs_emit(buf, "%lld\n", atomic64_read(&hook_stats.name)); \
	} \
	static struct kobj_attribute name##_attr = __ATTR_RO(name)
STAT(written);
STAT(superseded);
STAT(cancelled);
STAT(parked);
STAT(dropped);
STAT(failed);
STAT(resubmitted);
STAT(retried);
#undef STAT

static ssize_t waiting_show(struct kobject *k, struct kobj_attribute *a, char *buf)
{
	return sysfs_emit(buf, "%u\n", hook_files_waiting());
}
static struct kobj_attribute waiting_attr = __ATTR_RO(waiting);

static struct attribute *stats_attrs[] = {
	&written_attr.attr, &superseded_attr.attr, &cancelled_attr.attr, &parked_attr.attr,
	&dropped_attr.attr, &failed_attr.attr, &resubmitted_attr.attr, &retried_attr.attr, &waiting_attr.attr, NULL,
};
static const struct attribute_group stats_group = { .name = "stats", .attrs = stats_attrs };

int hook_stats_init(void)
{
	return sysfs_create_group(&THIS_MODULE->mkobj.kobj, &stats_group);
}

void hook_stats_uninit(void)
{
	sysfs_remove_group(&THIS_MODULE->mkobj.kobj, &stats_group);
}
