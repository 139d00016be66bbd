// SPDX-License-Identifier: GPL-2.0
/*
 * What a request and its answer must satisfy, apart from the table that
 * holds them (requests.c): a caller's arguments before submit, and a
 * daemon's answer before it is copied into the caller's request.
 */
#include <net/netlink.h>

#include "vexfs_ipc.h"

int vexfs_ipc_check_args(const struct vexfs_ipc_embed_args *a)
{
	if (!a->input || a->input_len < 1 || a->input_len > VEXFS_IPC_MAX_INPUT_BYTES)
		return -EINVAL;
	if (a->dimensions < 1 || a->dimensions > VEXFS_IPC_MAX_DIMENSIONS || a->data_type > VEXFS_IPC_DTYPE_MAX)
		return -EINVAL;
	if (a->timeout_ms < 1 || a->timeout_ms > VEXFS_IPC_MAX_TIMEOUT_MS)
		return -EINVAL;
	if (a->model && strnlen(a->model, VEXFS_IPC_MAX_MODEL_LEN) >= VEXFS_IPC_MAX_MODEL_LEN)
		return -E2BIG;
	if (!a->vector || a->vector_cap < vexfs_ipc_vector_bytes(a->dimensions, a->data_type))
		return -ENOSPC;
	return 0;
}

/* Why an answer with SUCCESS does not fit @req, or NULL; the errno in @err. */
const char *vexfs_ipc_answer_misfit(const struct vexfs_ipc_req *req, struct nlattr **attrs, int *err)
{
	struct nlattr *vec = attrs[VEXFS_IPC_A_VECTOR];

	*err = -EINVAL;
	if (!vec)
		return "VECTOR is required with status SUCCESS";
	if (attrs[VEXFS_IPC_A_DIMENSIONS] && nla_get_u32(attrs[VEXFS_IPC_A_DIMENSIONS]) != req->args.dimensions)
		return "DIMENSIONS differs from the request's";
	if (attrs[VEXFS_IPC_A_DATA_TYPE] && nla_get_u8(attrs[VEXFS_IPC_A_DATA_TYPE]) != req->args.data_type)
		return "DATA_TYPE differs from the request's";
	*err = -EMSGSIZE;
	if (nla_len(vec) != vexfs_ipc_vector_bytes(req->args.dimensions, req->args.data_type))
		return "VECTOR length does not match the request's dimensions and data type";
	return NULL;
}

void vexfs_ipc_answer_provenance(struct vexfs_ipc_req *req, struct nlattr **attrs)
{
	struct vexfs_ipc_provenance *p = &req->prov;

	if (attrs[VEXFS_IPC_A_SERVICE_ID])
		nla_strscpy(p->service_id, attrs[VEXFS_IPC_A_SERVICE_ID], sizeof(p->service_id));
	if (attrs[VEXFS_IPC_A_MODEL])
		nla_strscpy(p->model, attrs[VEXFS_IPC_A_MODEL], sizeof(p->model));
	if (attrs[VEXFS_IPC_A_MODEL_VERSION])
		nla_strscpy(p->model_version, attrs[VEXFS_IPC_A_MODEL_VERSION], sizeof(p->model_version));
	if (attrs[VEXFS_IPC_A_FLAGS] && (nla_get_u32(attrs[VEXFS_IPC_A_FLAGS]) & VEXFS_IPC_F_TRUNCATED))
		p->flags |= VEXFS_IPC_PROV_F_TRUNCATED;
	p->dimensions = req->args.dimensions;
	p->data_type = req->args.data_type;
}
