/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel API of vexfs_ipc: a filesystem (VexFS) asks for one
 * embedding from the userspace services and sleeps until the answer. Using
 * it makes the caller's module depend on vexfs_ipc, which stays loaded while
 * the caller is. kernel-shim/test-consumer/ is a small user of it.
 */
#ifndef _LINUX_VEXFS_IPC_H
#define _LINUX_VEXFS_IPC_H

#include <linux/types.h>
#include <uapi/linux/vexfs_ipc.h>

/**
 * struct vexfs_ipc_embed_args - one embedding request
 * @input:	input bytes, 1..VEXFS_IPC_MAX_INPUT_BYTES.
 * @input_len:	their length.
 * @model:	NUL-terminated model name or NULL for any.
 * @dimensions:	1..VEXFS_IPC_MAX_DIMENSIONS.
 * @data_type:	enum vexfs_ipc_data_type.
 * @priority:	0-255.
 * @timeout_ms:	1..VEXFS_IPC_MAX_TIMEOUT_MS.
 * @vector:	where the vector is written.
 * @vector_cap:	capacity of @vector; must hold vexfs_ipc_vector_bytes().
 * @session_key: the caller's session for sticky routing, 0 for none.
 */
struct vexfs_ipc_embed_args {
	const void *input;
	u32 input_len;
	const char *model;
	u32 dimensions;
	u8 data_type;
	u8 priority;
	u32 timeout_ms;
	void *vector;
	u32 vector_cap;
	u64 session_key;
};

/**
 * struct vexfs_ipc_embed_result - outcome of vexfs_ipc_embed()
 * @request_id:	id the module gave the request.
 * @status:	enum vexfs_ipc_status.
 * @vector_len:	bytes written to args->vector (0 unless SUCCESS).
 * @processing_ns: time the daemon reported.
 */
struct vexfs_ipc_embed_result {
	u64 request_id;
	u32 status;
	u32 vector_len;
	u64 processing_ns;
};

int vexfs_ipc_embed(const struct vexfs_ipc_embed_args *args, struct vexfs_ipc_embed_result *res);

#endif /* _LINUX_VEXFS_IPC_H */
