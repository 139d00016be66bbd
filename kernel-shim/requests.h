/* SPDX-License-Identifier: GPL-2.0 */
/* Pending embedding requests (requests.c): the table, ids, submission, completion, cancel; sending them (send.c); their checks (fit.c) and the sleeping calls (embed.c). */
#ifndef _VEXFS_IPC_REQUESTS_H
#define _VEXFS_IPC_REQUESTS_H

#include <linux/types.h>
#include <linux/vexfs_ipc.h>
#include <net/netlink.h>

int vexfs_ipc_requests_init(void);
void vexfs_ipc_requests_uninit(void);
/* An EMBED_RESPONSE (its attributes passed the policy); 0 or a negative errno with @why for the sender. */
int vexfs_ipc_requests_answer(struct nlattr **attrs, const char **why);
/* The daemon went away (0) or a new one attached (portid): re-send or start the grace period. */
void vexfs_ipc_requests_daemon_changed(u32 portid);
/* A queue other than the daemon's first left: what it was sent goes to the other queues now. */
void vexfs_ipc_requests_queue_lost(u32 portid);
u32 vexfs_ipc_requests_inflight(void);
/* Ids for requests and queries come from one counter, so they never collide. */
u64 vexfs_ipc_next_id(void);
/* Cancels everything @c has pending (vexfs_ipc_consumer_destroy). */
void vexfs_ipc_requests_cancel_consumer(struct vexfs_ipc_consumer *c);
/* Takes @req out of the table with @status and queues its completion, unless something else already did; whether it did. */
bool vexfs_ipc_req_settle(struct vexfs_ipc_req *req, u32 status);
/* A reader of @req (submit, the sender, a re-sender) lets go: its completion may run. */
void vexfs_ipc_req_unpin(struct vexfs_ipc_req *req);
/* Whether @req is still in the table (not settled). */
bool vexfs_ipc_req_pending(struct vexfs_ipc_req *req);
/* No daemon to send to: the table's requests wait out the grace period for the next one. */
void vexfs_ipc_requests_await_daemon(void);
/* Pins onto @todo (by their resend nodes) every sent request (@from_port 0), or those sent to @from_port. */
void vexfs_ipc_requests_pin_sent(u32 from_port, struct list_head *todo);

/* send.c: @req goes out with the next burst (vexfs_ipc_send_kick() starts it). */
void vexfs_ipc_send_later(struct vexfs_ipc_req *req);
void vexfs_ipc_send_kick(void);
/* send.c: sends again every pending request (@from_port 0), or those sent to @from_port's queue. */
void vexfs_ipc_resend(u32 from_port);
int vexfs_ipc_send_init(void);
/* Waits for the sender to let go of what it holds. */
void vexfs_ipc_send_flush(void);
void vexfs_ipc_send_uninit(void);

/* fit.c: 0 or the errno for a caller's arguments (-EINVAL, -E2BIG, -ENOSPC). */
int vexfs_ipc_check_args(const struct vexfs_ipc_embed_args *a);
/* fit.c: why an answer with SUCCESS does not fit @req, or NULL; the errno in @err. */
const char *vexfs_ipc_answer_misfit(const struct vexfs_ipc_req *req, struct nlattr **attrs, int *err);
/* fit.c: an answer's provenance into @req (its vector is copied by the caller). */
void vexfs_ipc_answer_provenance(struct vexfs_ipc_req *req, struct nlattr **attrs);
/* embed.c: vexfs_ipc_embed() for consumer @c, also filling @prov (when not NULL). */
int vexfs_ipc_embed_on(struct vexfs_ipc_consumer *c, const struct vexfs_ipc_embed_args *args,
		       struct vexfs_ipc_embed_result *res, struct vexfs_ipc_provenance *prov);

#endif
