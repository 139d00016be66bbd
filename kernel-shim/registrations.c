// SPDX-License-Identifier: GPL-2.0
/*
 * Service registrations through /dev/vexfs_ipc. A registration belongs to
 * the open file that made it: closing the file (or the process dying) tells
 * the daemon the service is gone. The module keeps every registration so
 * that a daemon attaching later learns them. The daemon may revoke one (an
 * administrator removed the service): it leaves the list at once, and its
 * file notices on its next ioctl or close.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "vexfs_ipc.h"

struct registration {
	/* On registrations while the module holds it; empty once dropped or revoked. */
	struct list_head node;
	struct vexfs_ipc_service_spec spec;
};

/* Per open file. */
struct control_file {
	struct mutex lock;
	struct registration *reg;
};

static LIST_HEAD(registrations);
/* Nests inside a file's lock; never held while waiting for the daemon. */
static DEFINE_MUTEX(registrations_lock);

static int read_spec(const struct vexfs_ipc_service_register *r, struct vexfs_ipc_service_spec *s)
{
	int ret;
	u32 i;

	if (r->flags & ~VEXFS_IPC_REGISTER_F_ALL || r->reserved)
		return -EINVAL;
	if (r->dimensions_count == 0)
		return -EINVAL;
	if (r->dimensions_count > VEXFS_IPC_MAX_DIMENSION_SETS)
		return -E2BIG;
	if (!r->dimensions_ptr)
		return -EFAULT;
	if (r->max_batch_size < 1 || r->max_batch_size > VEXFS_IPC_MAX_BATCH_SIZE)
		return -EINVAL;
	if (r->data_types >= (1U << (VEXFS_IPC_DTYPE_MAX + 1)) || r->priority > 255)
		return -EINVAL;
	ret = vexfs_ipc_copy_user_string(s->id, sizeof(s->id), r->service_id_ptr, r->service_id_len, true);
	if (!ret)
		ret = vexfs_ipc_copy_user_string(s->name, sizeof(s->name), r->service_name_ptr, r->service_name_len, true);
	if (!ret)
		ret = vexfs_ipc_copy_user_string(s->endpoint, sizeof(s->endpoint), r->endpoint_ptr, r->endpoint_len, true);
	if (!ret)
		ret = vexfs_ipc_copy_user_string(s->version, sizeof(s->version), r->version_ptr, r->version_len, false);
	if (!ret)
		ret = vexfs_ipc_copy_user_string(s->models, sizeof(s->models), r->models_ptr, r->models_len, false);
	if (!ret)
		ret = vexfs_ipc_copy_user_string(s->token, sizeof(s->token), r->token_ptr, r->token_len, false);
	if (ret)
		return ret;
	if (copy_from_user(s->dims, u64_to_user_ptr(r->dimensions_ptr), r->dimensions_count * sizeof(u32)))
		return -EFAULT;
	for (i = 0; i < r->dimensions_count; i++)
		if (s->dims[i] < 1 || s->dims[i] > VEXFS_IPC_MAX_DIMENSIONS)
			return -EINVAL;
	s->ndims = r->dimensions_count;
	s->data_types = r->data_types;
	s->max_batch = r->max_batch_size;
	s->priority = r->priority;
	s->uid = from_kuid_munged(&init_user_ns, current_uid());
	s->gid = from_kgid_munged(&init_user_ns, current_gid());
	s->pid = task_tgid_nr(current);
	return 0;
}

/* Takes @reg off the list if it is still there; true if this call did. */
static bool unlink_registration_locked(struct registration *reg)
{
	lockdep_assert_held(&registrations_lock);
	if (list_empty(&reg->node))
		return false;
	list_del_init(&reg->node);
	atomic64_dec(&vexfs_ipc_stats.live_registrations);
	return true;
}

static bool unlink_registration(struct registration *reg)
{
	bool held;

	mutex_lock(&registrations_lock);
	held = unlink_registration_locked(reg);
	mutex_unlock(&registrations_lock);
	return held;
}

/*
 * Forgets this file's registration. The daemon is told (when @tell_daemon)
 * and the event sent only if the module still held it: a revoked one was
 * already gone from both.
 */
static void drop_registration(struct control_file *cf, bool tell_daemon)
{
	if (unlink_registration(cf->reg)) {
		if (tell_daemon)
			vexfs_ipc_query_tell_unregistered(&cf->reg->spec);
		vexfs_ipc_genl_event(VEXFS_IPC_EVENT_SERVICE_UNREGISTERED, cf->reg->spec.id);
	}
	kfree(cf->reg);
	cf->reg = NULL;
}

/* A registration the daemon revoked no longer counts as this file's. */
static void forget_revoked(struct control_file *cf)
{
	bool held;

	if (!cf->reg)
		return;
	mutex_lock(&registrations_lock);
	held = !list_empty(&cf->reg->node);
	mutex_unlock(&registrations_lock);
	if (!held)
		drop_registration(cf, false);
}

void vexfs_ipc_registrations_revoke(const char *service_id)
{
	struct registration *reg;
	bool found = false;

	/*
	 * Only the list lock: the owning file may hold its own lock while it
	 * waits for this very daemon, which is blocked in this call.
	 */
	mutex_lock(&registrations_lock);
	list_for_each_entry(reg, &registrations, node) {
		if (!strcmp(reg->spec.id, service_id)) {
			found = unlink_registration_locked(reg);
			break;
		}
	}
	mutex_unlock(&registrations_lock);
	/* The file may free @reg from here on; the caller's id outlives this call. */
	if (found)
		vexfs_ipc_genl_event(VEXFS_IPC_EVENT_SERVICE_UNREGISTERED, service_id);
}

static long do_register(struct control_file *cf, struct vexfs_ipc_service_register __user *u)
{
	struct vexfs_ipc_service_register r;
	struct registration *reg, *other;
	int ret;

	if (copy_from_user(&r, u, sizeof(r)))
		return -EFAULT;
	reg = kzalloc(sizeof(*reg), GFP_KERNEL);
	if (!reg)
		return -ENOMEM;
	INIT_LIST_HEAD(&reg->node);
	ret = read_spec(&r, &reg->spec);
	if (ret)
		goto err_free;
	mutex_lock(&cf->lock);
	forget_revoked(cf);
	if (cf->reg) {
		ret = -EBUSY;
		goto err_unlock;
	}
	/* Reserve the id across files before asking the daemon. */
	mutex_lock(&registrations_lock);
	list_for_each_entry(other, &registrations, node) {
		if (!strcmp(other->spec.id, reg->spec.id)) {
			mutex_unlock(&registrations_lock);
			ret = -EEXIST;
			goto err_unlock;
		}
	}
	list_add_tail(&reg->node, &registrations);
	atomic64_inc(&vexfs_ipc_stats.live_registrations);
	mutex_unlock(&registrations_lock);
	ret = vexfs_ipc_query_register(&reg->spec);
	if (ret) {
		unlink_registration(reg);
		/* The daemon may register it after all: tell it to drop what nobody holds. */
		if (ret == -ETIMEDOUT || ret == -EINTR)
			vexfs_ipc_query_tell_unregistered(&reg->spec);
		goto err_unlock;
	}
	cf->reg = reg;
	mutex_unlock(&cf->lock);
	vexfs_ipc_genl_event(VEXFS_IPC_EVENT_SERVICE_REGISTERED, reg->spec.id);
	return 0;

err_unlock:
	mutex_unlock(&cf->lock);
err_free:
	kfree(reg);
	return ret;
}

static long do_unregister(struct control_file *cf, struct vexfs_ipc_service_unregister __user *u)
{
	struct vexfs_ipc_service_unregister r;
	char id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	int ret;

	if (copy_from_user(&r, u, sizeof(r)))
		return -EFAULT;
	if (r.flags)
		return -EINVAL;
	ret = vexfs_ipc_copy_user_string(id, sizeof(id), r.service_id_ptr, r.service_id_len, true);
	if (ret)
		return ret;
	mutex_lock(&cf->lock);
	forget_revoked(cf);
	if (!cf->reg || strcmp(cf->reg->spec.id, id)) {
		mutex_unlock(&cf->lock);
		return -ENOENT;
	}
	ret = vexfs_ipc_query_unregister(&cf->reg->spec, id);
	/* Gone from the daemon either way once it answered; keep it only if it could not be told. */
	if (!ret || ret == -ENOENT)
		drop_registration(cf, false);
	mutex_unlock(&cf->lock);
	return ret;
}

long vexfs_ipc_registrations_ioctl(struct file *file, unsigned int cmd, void __user *argp)
{
	struct control_file *cf = file->private_data;

	switch (cmd) {
	case VEXFS_IOCTL_IPC_REGISTER_SERVICE:
		return do_register(cf, argp);
	case VEXFS_IOCTL_IPC_UNREGISTER_SERVICE:
		return do_unregister(cf, argp);
	case VEXFS_IOCTL_IPC_GET_SERVICE_STATUS:
		return vexfs_ipc_query_status_ioctl(argp);
	case VEXFS_IOCTL_IPC_LIST_SERVICES:
		return vexfs_ipc_query_list_ioctl(argp);
	default:
		return -ENOTTY;
	}
}

int vexfs_ipc_registrations_open(struct file *file)
{
	struct control_file *cf = kzalloc(sizeof(*cf), GFP_KERNEL);

	if (!cf)
		return -ENOMEM;
	mutex_init(&cf->lock);
	file->private_data = cf;
	return 0;
}

void vexfs_ipc_registrations_release(struct file *file)
{
	struct control_file *cf = file->private_data;

	/* The registering process closed the device or died: the service is gone. */
	if (cf->reg)
		drop_registration(cf, true);
	mutex_destroy(&cf->lock);
	kfree(cf);
}

void vexfs_ipc_registrations_daemon_attached(u32 portid)
{
	struct registration *reg;

	mutex_lock(&registrations_lock);
	list_for_each_entry(reg, &registrations, node)
		vexfs_ipc_query_announce(portid, &reg->spec);
	mutex_unlock(&registrations_lock);
}
