/* Helpers shared by the benchmark's C baseline programs. */
#ifndef VEXFS_BENCH_NL_COMMON_H
#define VEXFS_BENCH_NL_COMMON_H

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static inline void die(const char *what)
{
	perror(what);
	exit(1);
}

/* Writes nlmsghdr (length filled in later) and genlmsghdr at @m; returns their size. */
static inline size_t genl_header(uint8_t *m, uint16_t type, uint16_t flags, uint32_t seq, uint32_t pid, uint8_t cmd)
{
	struct nlmsghdr *h = (struct nlmsghdr *)m;
	struct genlmsghdr *g = (struct genlmsghdr *)(m + NLMSG_HDRLEN);

	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = seq;
	h->nlmsg_pid = pid;
	g->cmd = cmd;
	g->version = 1;
	g->reserved = 0;
	return NLMSG_HDRLEN + GENL_HDRLEN;
}

/* Finds attribute @type in a genetlink message; returns its payload or NULL. */
static inline const uint8_t *attr(const struct nlmsghdr *h, uint16_t type, size_t *len)
{
	const uint8_t *p = (const uint8_t *)h + NLMSG_HDRLEN + GENL_HDRLEN;
	const uint8_t *end = (const uint8_t *)h + h->nlmsg_len;

	while (p + NLA_HDRLEN <= end) {
		const struct nlattr *a = (const struct nlattr *)p;

		if (a->nla_len < NLA_HDRLEN || p + a->nla_len > end)
			return NULL;
		if ((a->nla_type & NLA_TYPE_MASK) == type) {
			if (len)
				*len = a->nla_len - NLA_HDRLEN;
			return p + NLA_HDRLEN;
		}
		p += NLA_ALIGN(a->nla_len);
	}
	return NULL;
}

/* Sends datagrams bufs[0..n) of lens[i] bytes to netlink port @port with sendmmsg. */
/* Sends bufs[0, n) (n <= 64) to port; with MSG_DONTWAIT, stops where the receiver's buffer is full. Returns how many went. */
static inline int send_datagrams_flags(int fd, uint32_t port, uint8_t *const *bufs, const size_t *lens, int n, int flags)
{
	struct sockaddr_nl to = { .nl_family = AF_NETLINK, .nl_pid = port };
	struct mmsghdr msgs[64];
	struct iovec iovs[64];
	int sent = 0;

	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++) {
		iovs[i].iov_base = bufs[i];
		iovs[i].iov_len = lens[i];
		memset(&msgs[i], 0, sizeof(msgs[i]));
		msgs[i].msg_hdr.msg_iov = &iovs[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
		msgs[i].msg_hdr.msg_name = &to;
		msgs[i].msg_hdr.msg_namelen = sizeof(to);
	}
	while (sent < n) {
		int r = sendmmsg(fd, msgs + sent, (unsigned int)(n - sent), flags);

		if (r < 0) {
			if (errno == EINTR || (errno == EAGAIN && !(flags & MSG_DONTWAIT)))
				continue;
			if ((flags & MSG_DONTWAIT) && (errno == EAGAIN || errno == ENOBUFS))
				break;
			die("sendmmsg");
		}
		sent += r;
	}
	return sent;
}

static inline void send_datagrams(int fd, uint32_t port, uint8_t *const *bufs, const size_t *lens, int n)
{
	send_datagrams_flags(fd, port, bufs, lens, n, 0);
}

/*
 * As send_datagrams, without waiting: an open-loop generator must not block
 * on an overloaded peer that is itself blocked sending to it.
 */
static inline int try_send_datagrams(int fd, uint32_t port, uint8_t *const *bufs, const size_t *lens, int n)
{
	return send_datagrams_flags(fd, port, bufs, lens, n, MSG_DONTWAIT);
}

#endif
