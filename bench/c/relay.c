/*
 * Baseline "daemon" for the full-path benchmark: the same hops as
 * vexfs-bridged with no logic. Attaches to a kernel side over
 * NETLINK_USERSOCK (VEXFS_IPC messages), forwards each EMBED_REQUEST's input
 * to a service over a Unix stream socket as a frame [u32 len][u64 id][u32 dims][input],
 * and turns each answer frame [u32 len][u64 id][vector] into an
 * EMBED_RESPONSE. Batches on both sides: recvmmsg/sendmmsg, one write per batch.
 *
 *   relay <kernel_port> <service_socket_path>
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "linux/vexfs_ipc.h"
#include "nl_common.h"

#define BATCH 64
#define SLOT 65536
#define STREAM_BUF (8 << 20)

static uint8_t rxbuf[BATCH][SLOT];
static uint8_t txbuf[BATCH][SLOT];
static struct mmsghdr rx[BATCH];
static struct iovec rxiov[BATCH];
static struct sockaddr_nl kaddr;
static uint8_t out[STREAM_BUF], in[STREAM_BUF];

static void write_all(int fd, const uint8_t *p, size_t n) {
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR) continue;
			die("write");
		}
		p += w;
		n -= (size_t)w;
	}
}

static uint8_t *txptr[BATCH];

static void send_dgrams(int fd, int n, const size_t *lens) {
	for (int i = 0; i < n; i++)
		txptr[i] = txbuf[i];
	send_datagrams(fd, kaddr.nl_pid, txptr, lens, n);
}

static size_t put(uint8_t *m, size_t len, uint16_t type, const void *data, size_t n) {
	struct nlattr *a = (struct nlattr *)(m + len);
	a->nla_len = (uint16_t)(NLA_HDRLEN + n);
	a->nla_type = type;
	memcpy((uint8_t *)a + NLA_HDRLEN, data, n);
	size_t total = NLA_ALIGN(NLA_HDRLEN + n);
	memset((uint8_t *)a + NLA_HDRLEN + n, 0, total - NLA_HDRLEN - n);
	return len + total;
}

static int recv_dgrams(int fd, int flags) {
	for (int i = 0; i < BATCH; i++) {
		rxiov[i].iov_base = rxbuf[i];
		rxiov[i].iov_len = SLOT;
		memset(&rx[i], 0, sizeof(rx[i]));
		rx[i].msg_hdr.msg_iov = &rxiov[i];
		rx[i].msg_hdr.msg_iovlen = 1;
	}
	int n = recvmmsg(fd, rx, BATCH, flags, NULL);
	if (n < 0 && errno != EAGAIN && errno != EINTR) die("recvmmsg");
	return n < 0 ? 0 : n;
}

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: %s <kernel_port> <service_socket_path>\n", argv[0]);
		return 2;
	}
	uint32_t kport = (uint32_t)strtoul(argv[1], NULL, 10);
	int nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_USERSOCK);
	if (nl < 0) die("socket");
	int size = 32 << 20;
	setsockopt(nl, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size));
	setsockopt(nl, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
	struct sockaddr_nl me = {.nl_family = AF_NETLINK};
	if (bind(nl, (struct sockaddr *)&me, sizeof(me)) < 0) die("bind");
	socklen_t alen = sizeof(me);
	getsockname(nl, (struct sockaddr *)&me, &alen);
	kaddr.nl_family = AF_NETLINK;
	kaddr.nl_pid = kport;

	int us = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un ua = {.sun_family = AF_UNIX};
	strncpy(ua.sun_path, argv[2], sizeof(ua.sun_path) - 1);
	if (connect(us, (struct sockaddr *)&ua, sizeof(ua)) < 0) die("connect");

	/* Resolve the family and attach, as the daemon does. */
	size_t lens[BATCH];
	size_t l = genl_header(txbuf[0], GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, 1, me.nl_pid, CTRL_CMD_GETFAMILY);
	l = put(txbuf[0], l, CTRL_ATTR_FAMILY_NAME, VEXFS_IPC_GENL_NAME, sizeof(VEXFS_IPC_GENL_NAME));
	((struct nlmsghdr *)txbuf[0])->nlmsg_len = (uint32_t)l;
	lens[0] = l;
	send_dgrams(nl, 1, lens);
	uint16_t family = 0;
	while (family == 0) {
		int n = recv_dgrams(nl, MSG_WAITFORONE);
		for (int i = 0; i < n; i++) {
			struct nlmsghdr *h = (struct nlmsghdr *)rxbuf[i];
			size_t len;
			const uint8_t *id = h->nlmsg_type == GENL_ID_CTRL ? attr(h, CTRL_ATTR_FAMILY_ID, &len) : NULL;
			if (id) memcpy(&family, id, 2);
		}
	}
	l = genl_header(txbuf[0], family, NLM_F_REQUEST | NLM_F_ACK, 2, me.nl_pid, VEXFS_IPC_CMD_DAEMON_ATTACH);
	uint32_t v = VEXFS_IPC_PROTOCOL_VERSION;
	l = put(txbuf[0], l, VEXFS_IPC_A_PROTOCOL_VERSION, &v, 4);
	((struct nlmsghdr *)txbuf[0])->nlmsg_len = (uint32_t)l;
	lens[0] = l;
	send_dgrams(nl, 1, lens);
	printf("attached\n");
	fflush(stdout);

	size_t inlen = 0;
	struct pollfd fds[2] = {{.fd = nl, .events = POLLIN}, {.fd = us, .events = POLLIN}};
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR) continue;
			die("poll");
		}
		if (fds[0].revents & POLLIN) {
			int n = recv_dgrams(nl, MSG_DONTWAIT);
			size_t o = 0;
			for (int i = 0; i < n; i++) {
				uint8_t *p = rxbuf[i], *end = rxbuf[i] + rx[i].msg_len;
				while (p + NLMSG_HDRLEN <= end) {
					struct nlmsghdr *h = (struct nlmsghdr *)p;
					if (h->nlmsg_len < NLMSG_HDRLEN || p + h->nlmsg_len > end) break;
					size_t idl, dl, il;
					const uint8_t *idp, *dp, *ip;
					if (h->nlmsg_type == family && ((struct genlmsghdr *)NLMSG_DATA(h))->cmd == VEXFS_IPC_CMD_EMBED_REQUEST &&
					    (idp = attr(h, VEXFS_IPC_A_REQUEST_ID, &idl)) && (dp = attr(h, VEXFS_IPC_A_DIMENSIONS, &dl)) &&
					    (ip = attr(h, VEXFS_IPC_A_INPUT, &il)) && o + 16 + il <= sizeof(out)) {
						uint32_t flen = (uint32_t)(12 + il);
						memcpy(out + o, &flen, 4);
						memcpy(out + o + 4, idp, 8);
						memcpy(out + o + 12, dp, 4);
						memcpy(out + o + 16, ip, il);
						o += 16 + il;
					}
					p += NLMSG_ALIGN(h->nlmsg_len);
				}
			}
			if (o) write_all(us, out, o);
		}
		if (fds[1].revents & (POLLIN | POLLHUP)) {
			ssize_t r = read(us, in + inlen, sizeof(in) - inlen);
			if (r <= 0) return 0;
			inlen += (size_t)r;
			size_t pos = 0;
			int k = 0;
			lens[0] = 0;
			while (inlen - pos >= 4) {
				uint32_t flen;
				memcpy(&flen, in + pos, 4);
				if (inlen - pos < 4 + flen) break;
				const uint8_t *f = in + pos + 4;
				size_t vlen = flen - 8;
				size_t need = NLMSG_HDRLEN + GENL_HDRLEN + 4 * NLA_HDRLEN + 8 + 4 + vlen + 8;
				if (lens[k] + need > SLOT) {
					if (++k == BATCH) {
						send_dgrams(nl, k, lens);
						k = 0;
					}
					lens[k] = 0;
				}
				uint8_t *m = txbuf[k] + lens[k];
				uint32_t status = 0;
				uint64_t proc = 1000;
				size_t ml = genl_header(m, family, NLM_F_REQUEST, 0, me.nl_pid, VEXFS_IPC_CMD_EMBED_RESPONSE);
				ml = put(m, ml, VEXFS_IPC_A_REQUEST_ID, f, 8);
				ml = put(m, ml, VEXFS_IPC_A_STATUS, &status, 4);
				ml = put(m, ml, VEXFS_IPC_A_VECTOR, f + 8, vlen);
				ml = put(m, ml, VEXFS_IPC_A_PROCESSING_NS, &proc, 8);
				((struct nlmsghdr *)m)->nlmsg_len = (uint32_t)ml;
				lens[k] += NLMSG_ALIGN(ml);
				pos += 4 + flen;
			}
			if (lens[k] > 0) k++;
			if (k) send_dgrams(nl, k, lens);
			memmove(in, in + pos, inlen - pos);
			inlen -= pos;
		}
	}
}
