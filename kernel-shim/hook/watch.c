// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc_hook's watched directories: one fsnotify mark per directory
 * named by the "dirs" parameter, whose events (a regular file closed after
 * a write, a file's last link removed) go to files.c.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/fsnotify_backend.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "hook.h"

/* A watched directory: its fsnotify mark and the path it was set as. */
struct watch {
	struct fsnotify_mark mark;
	struct list_head node;
	/* The directory; its mark holds a reference to it. */
	struct inode *inode;
	char *path;
};

static struct fsnotify_group *group;
/* Under @lock: the watches and the "dirs" text. */
static DEFINE_MUTEX(lock);
static LIST_HEAD(watches);
static bool ready;

static int handle_event(struct fsnotify_group *g, u32 mask, const void *data, int data_type, struct inode *dir,
			const struct qstr *name, u32 cookie, struct fsnotify_iter_info *iter)
{
	const struct path *path = fsnotify_data_path(data, data_type);
	struct inode *inode = fsnotify_data_inode(data, data_type);

	if ((mask & FS_CLOSE_WRITE) && path && d_is_reg(path->dentry))
		hook_file_written(path);
	else if ((mask & FS_DELETE) && inode && S_ISREG(inode->i_mode) && inode->i_nlink == 0)
		hook_file_gone(inode);
	return 0;
}

static void free_mark(struct fsnotify_mark *mark)
{
	struct watch *w = container_of(mark, struct watch, mark);

	kfree(w->path);
	kfree(w);
}

static const struct fsnotify_ops hook_fsnotify_ops = {
	.handle_event = handle_event,
	.free_mark = free_mark,
};

static void unwatch_all(void)
{
	struct watch *w, *tmp;

	list_for_each_entry_safe(w, tmp, &watches, node) {
		list_del(&w->node);
		fsnotify_destroy_mark(&w->mark, group);
		fsnotify_put_mark(&w->mark);
	}
}

/*
 * Watches the directory at @path; called with @lock held. Paths are
 * resolved before, outside it: kern_path takes directory locks, and
 * nothing here needs to hold a lock across a lookup.
 */
static int watch(const char *name, const struct path *path, struct list_head *into)
{
	struct watch *w;
	int ret;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->path = kstrdup(name, GFP_KERNEL);
	if (!w->path) {
		kfree(w);
		return -ENOMEM;
	}
	fsnotify_init_mark(&w->mark, group);
	w->mark.mask = FS_CLOSE_WRITE | FS_DELETE | FS_EVENT_ON_CHILD;
	ret = fsnotify_add_inode_mark(&w->mark, d_inode(path->dentry), 0);
	if (ret) {
		/* The same directory twice (-EEXIST), or no memory: the mark's put frees it. */
		fsnotify_put_mark(&w->mark);
		return ret;
	}
	w->inode = d_inode(path->dentry);
	list_add_tail(&w->node, into);
	return 0;
}

/* The watch of @inode among the current ones, if any. Called with @lock held. */
static struct watch *watching(struct inode *inode)
{
	struct watch *w;

	list_for_each_entry(w, &watches, node)
		if (w->inode == inode)
			return w;
	return NULL;
}

/* The "dirs" parameter's text, kept for reading back. */
static char dirs[1024];
#define MAX_DIRS 16

/* Replaces the watched set with the comma-separated absolute paths in @val (all or nothing). */
static int apply_dirs(const char *val)
{
	struct path paths[MAX_DIRS];
	char *names[MAX_DIRS];
	char *copy, *cur, *name;
	unsigned int n = 0, i;
	LIST_HEAD(fresh);
	LIST_HEAD(kept);
	int ret = 0;

	copy = kstrndup(val, sizeof(dirs) - 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	cur = strim(copy);
	while (!ret && (name = strsep(&cur, ","))) {
		name = strim(name);
		if (!*name)
			continue;
		if (name[0] != '/' || n == MAX_DIRS) {
			ret = -EINVAL;
			break;
		}
		ret = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &paths[n]);
		if (!ret)
			names[n++] = name;
	}
	mutex_lock(&lock);
	for (i = 0; i < n && !ret; i++) {
		/* A directory already watched keeps its mark (a second one on it would be -EEXIST). */
		struct watch *old = watching(d_inode(paths[i].dentry));

		if (old)
			list_move_tail(&old->node, &kept);
		else
			ret = watch(names[i], &paths[i], &fresh);
	}
	if (ret) {
		/* Marks made now go; the ones kept stay watched. */
		while (!list_empty(&fresh)) {
			struct watch *w = list_first_entry(&fresh, struct watch, node);

			list_del(&w->node);
			fsnotify_destroy_mark(&w->mark, group);
			fsnotify_put_mark(&w->mark);
		}
		list_splice(&kept, &watches);
	} else {
		/* What is left of the old set is no longer wanted. */
		unwatch_all();
		list_splice(&kept, &watches);
		list_splice_tail(&fresh, &watches);
		/* Read back as the list that is watched. */
		dirs[0] = '\0';
		for (i = 0; i < n; i++) {
			if (i)
				strlcat(dirs, ",", sizeof(dirs));
			strlcat(dirs, names[i], sizeof(dirs));
		}
	}
	mutex_unlock(&lock);
	for (i = 0; i < n; i++)
		path_put(&paths[i]);
	kfree(copy);
	return ret;
}

static int dirs_set(const char *val, const struct kernel_param *kp)
{
	if (strlen(val) >= sizeof(dirs))
		return -E2BIG;
	if (!READ_ONCE(ready)) {
		/* At load: applied by init, once the group exists. */
		strscpy(dirs, val, sizeof(dirs));
		return 0;
	}
	return apply_dirs(val);
}

static int dirs_get(char *buf, const struct kernel_param *kp)
{
	int n;

	mutex_lock(&lock);
	n = scnprintf(buf, PAGE_SIZE, "%s\n", dirs);
	mutex_unlock(&lock);
	return n;
}

static const struct kernel_param_ops dirs_ops = {
	.set = dirs_set,
	.get = dirs_get,
};
module_param_cb(dirs, &dirs_ops, NULL, 0644);
MODULE_PARM_DESC(dirs, "Comma-separated absolute paths of the directories whose files are embedded (empty: none)");

int hook_watch_init(void)
{
	int ret;

	group = fsnotify_alloc_group(&hook_fsnotify_ops, 0);
	if (IS_ERR(group))
		return PTR_ERR(group);
	WRITE_ONCE(ready, true);
	ret = apply_dirs(dirs);
	if (ret) {
		fsnotify_put_group(group);
		return ret;
	}
	pr_info("watching \"%s\"\n", dirs);
	return 0;
}

void hook_watch_uninit(void)
{
	mutex_lock(&lock);
	unwatch_all();
	mutex_unlock(&lock);
	/* No handler runs after this, and every mark is freed. */
	fsnotify_wait_marks_destroyed();
	fsnotify_put_group(group);
}
