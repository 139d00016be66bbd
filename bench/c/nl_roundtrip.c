/*
 * Baseline for the channel benchmark: the same VEXFS_IPC generic netlink
 * messages over NETLINK_USERSOCK, in plain C with recvmmsg/sendmmsg batching.
 *
 *   nl_roundtrip kernel <window> <count> <input_bytes> <dims>
 *       Acts as the kernel side: answers GETFAMILY and DAEMON_ATTACH, then
 *       keeps <window> EMBED_REQUESTs outstanding until <count> round trips,
 *       and prints one JSON line with rps and latency percentiles.
 *       Prints "port <id>" first so a daemon can be pointed at it.
 *   nl_roundtrip daemon <kernel_port>
 *       Acts as the daemon: resolves the family, attaches, and answers every
 *       EMBED_REQUEST with a vector of dims * 4 bytes until killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "linux/vexfs_ipc.h"
#include "nl_common.h"

#define BATCH 64
#define SLOT 65536
#define FAMILY_ID 0x7a

static uint8_t rxbuf[BATCH][SLOT];
static uint8_t txbuf[BATCH][SLOT];

static uint64_t now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int open_sock(void) {
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_USERSOCK);
	if (fd < 0) die("socket");
	int size = 32 * 1024 * 1024;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
	struct sockaddr_nl addr = {.nl_family = AF_NETLINK};
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) die("bind");
	return fd;
}

static uint32_t port_of(int fd) {
	struct sockaddr_nl addr;
	socklen_t len = sizeof(addr);
	if (getsockname(fd, (struct sockaddr *)&addr, &len) < 0) die("getsockname");
	return addr.nl_pid;
}

/* ---- message building ---- */

struct msg {
	uint8_t *buf;
	size_t len;
};

static void begin(struct msg *m, uint8_t *buf, uint16_t type, uint16_t flags, uint32_t seq, uint32_t pid, uint8_t cmd) {
	m->buf = buf;
	m->len = genl_header(buf, type, flags, seq, pid, cmd);
}

static void put(struct msg *m, uint16_t type, const void *data, size_t len) {
	struct nlattr *a = (struct nlattr *)(m->buf + m->len);
	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
	a->nla_type = type;
	memcpy((uint8_t *)a + NLA_HDRLEN, data, len);
	size_t total = NLA_ALIGN(NLA_HDRLEN + len);
	memset((uint8_t *)a + NLA_HDRLEN + len, 0, total - NLA_HDRLEN - len);
	m->len += total;
}

static size_t finish(struct msg *m) {
	((struct nlmsghdr *)m->buf)->nlmsg_len = (uint32_t)m->len;
	return m->len;
}

static size_t ack(uint8_t *buf, const struct nlmsghdr *orig) {
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	h->nlmsg_type = NLMSG_ERROR;
	h->nlmsg_flags = NLM_F_CAPPED;
	h->nlmsg_seq = orig->nlmsg_seq;
	h->nlmsg_pid = 0;
	struct nlmsgerr *e = (struct nlmsgerr *)NLMSG_DATA(h);
	e->error = 0;
	e->msg = *orig;
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*e));
	return h->nlmsg_len;
}

/* ---- batched I/O ---- */

static struct mmsghdr rx[BATCH];
static struct iovec rxiov[BATCH];
static struct sockaddr_nl rxaddr[BATCH];

static int recv_batch(int fd) {
	for (int i = 0; i < BATCH; i++) {
		rxiov[i].iov_base = rxbuf[i];
		rxiov[i].iov_len = SLOT;
		memset(&rx[i], 0, sizeof(rx[i]));
		rx[i].msg_hdr.msg_iov = &rxiov[i];
		rx[i].msg_hdr.msg_iovlen = 1;
		rx[i].msg_hdr.msg_name = &rxaddr[i];
		rx[i].msg_hdr.msg_namelen = sizeof(rxaddr[i]);
	}
	int n;
	do {
		n = recvmmsg(fd, rx, BATCH, MSG_WAITFORONE, NULL);
	} while (n < 0 && errno == EINTR);
	if (n < 0) die("recvmmsg");
	return n;
}

static uint8_t *txptr[BATCH];

/* Sends tx datagrams [0, n) to port. */
static void send_batch(int fd, uint32_t port, int n, const size_t *lens) {
	for (int i = 0; i < n; i++)
		txptr[i] = txbuf[i];
	send_datagrams(fd, port, txptr, lens, n);
}

/* ---- kernel side ---- */

static int cmp_u64(const void *a, const void *b) {
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static size_t build_request(uint8_t *buf, uint64_t id, const uint8_t *input, uint32_t input_bytes, uint32_t dims) {
	struct msg m;
	begin(&m, buf, FAMILY_ID, NLM_F_REQUEST, 0, 0, VEXFS_IPC_CMD_EMBED_REQUEST);
	uint8_t prio = 128, dtype = 0;
	uint32_t timeout = 30000, uid = 0, pid = (uint32_t)getpid();
	uint64_t deadline = now_ns() + 30000000000ull;
	put(&m, VEXFS_IPC_A_REQUEST_ID, &id, 8);
	put(&m, VEXFS_IPC_A_PRIORITY, &prio, 1);
	put(&m, VEXFS_IPC_A_TIMEOUT_MS, &timeout, 4);
	put(&m, VEXFS_IPC_A_DEADLINE_NS, &deadline, 8);
	put(&m, VEXFS_IPC_A_DIMENSIONS, &dims, 4);
	put(&m, VEXFS_IPC_A_DATA_TYPE, &dtype, 1);
	put(&m, VEXFS_IPC_A_INPUT, input, input_bytes);
	put(&m, VEXFS_IPC_A_CALLER_UID, &uid, 4);
	put(&m, VEXFS_IPC_A_CALLER_PID, &pid, 4);
	return finish(&m);
}

static int run_kernel(int window, long count, uint32_t input_bytes, uint32_t dims) {
	int fd = open_sock();
	printf("port %u\n", port_of(fd));
	fflush(stdout);
	uint32_t daemon = 0;
	size_t lens[BATCH];

	/* Handshake: GETFAMILY, then ATTACH. */
	while (daemon == 0) {
		int n = recv_batch(fd);
		for (int i = 0; i < n; i++) {
			struct nlmsghdr *h = (struct nlmsghdr *)rxbuf[i];
			uint32_t from = rxaddr[i].nl_pid;
			int k = 0;
			if (h->nlmsg_type == GENL_ID_CTRL) {
				struct msg m;
				begin(&m, txbuf[0], GENL_ID_CTRL, 0, h->nlmsg_seq, 0, CTRL_CMD_NEWFAMILY);
				uint16_t id = FAMILY_ID;
				put(&m, CTRL_ATTR_FAMILY_NAME, VEXFS_IPC_GENL_NAME, sizeof(VEXFS_IPC_GENL_NAME));
				put(&m, CTRL_ATTR_FAMILY_ID, &id, 2);
				lens[k++] = finish(&m);
			} else if (h->nlmsg_type == FAMILY_ID && ((struct genlmsghdr *)NLMSG_DATA(h))->cmd == VEXFS_IPC_CMD_DAEMON_ATTACH) {
				struct msg m;
				begin(&m, txbuf[0], FAMILY_ID, 0, h->nlmsg_seq, 0, VEXFS_IPC_CMD_DAEMON_ATTACH);
				uint32_t v = VEXFS_IPC_PROTOCOL_VERSION;
				put(&m, VEXFS_IPC_A_PROTOCOL_VERSION, &v, 4);
				lens[k++] = finish(&m);
				daemon = from;
			} else {
				continue;
			}
			lens[k++] = ack(txbuf[1], h);
			send_batch(fd, from, k, lens);
		}
	}

	uint8_t *input = malloc(input_bytes);
	memset(input, 'a', input_bytes);
	uint64_t *sent_at = calloc((size_t)count + 1, sizeof(uint64_t));
	uint64_t *lat = calloc((size_t)count, sizeof(uint64_t));
	long issued = 0, done = 0;
	uint64_t start = now_ns();

	int k = 0;
	while (issued < window && issued < count) {
		issued++;
		sent_at[issued] = now_ns();
		lens[k] = build_request(txbuf[k], (uint64_t)issued, input, input_bytes, dims);
		if (++k == BATCH) {
			send_batch(fd, daemon, k, lens);
			k = 0;
		}
	}
	if (k) send_batch(fd, daemon, k, lens);

	while (done < count) {
		int n = recv_batch(fd);
		k = 0;
		for (int i = 0; i < n; i++) {
			uint8_t *p = rxbuf[i], *end = rxbuf[i] + rx[i].msg_len;
			while (p + NLMSG_HDRLEN <= end) {
				struct nlmsghdr *h = (struct nlmsghdr *)p;
				if (h->nlmsg_len < NLMSG_HDRLEN || p + h->nlmsg_len > end) break;
				size_t len;
				const uint8_t *idp = h->nlmsg_type == FAMILY_ID ? attr(h, VEXFS_IPC_A_REQUEST_ID, &len) : NULL;
				if (idp && ((struct genlmsghdr *)NLMSG_DATA(h))->cmd == VEXFS_IPC_CMD_EMBED_RESPONSE) {
					uint64_t id;
					memcpy(&id, idp, 8);
					if (id >= 1 && id <= (uint64_t)count && sent_at[id]) {
						lat[done++] = now_ns() - sent_at[id];
						sent_at[id] = 0;
						if (issued < count && k < BATCH) {
							issued++;
							sent_at[issued] = now_ns();
							lens[k] = build_request(txbuf[k], (uint64_t)issued, input, input_bytes, dims);
							k++;
						}
					}
				}
				p += NLMSG_ALIGN(h->nlmsg_len);
			}
		}
		if (k) send_batch(fd, daemon, k, lens);
		/* Keep the window full if a batch had more answers than slots. */
		while (issued - done < window && issued < count) {
			int j = 0;
			while (j < BATCH && issued - done < window && issued < count) {
				issued++;
				sent_at[issued] = now_ns();
				lens[j] = build_request(txbuf[j], (uint64_t)issued, input, input_bytes, dims);
				j++;
			}
			send_batch(fd, daemon, j, lens);
		}
	}
	double secs = (double)(now_ns() - start) / 1e9;
	qsort(lat, (size_t)count, sizeof(uint64_t), cmp_u64);
	printf("{\"rps\": %.0f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"count\": %ld, \"window\": %d}\n", (double)count / secs,
	       (double)lat[count / 2] / 1000.0, (double)lat[(count * 99) / 100] / 1000.0, count, window);
	return 0;
}

/* ---- daemon side ---- */

static _Noreturn void run_daemon(uint32_t kernel) {
	int fd = open_sock();
	size_t lens[BATCH];
	struct msg m;
	begin(&m, txbuf[0], GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, 1, port_of(fd), CTRL_CMD_GETFAMILY);
	put(&m, CTRL_ATTR_FAMILY_NAME, VEXFS_IPC_GENL_NAME, sizeof(VEXFS_IPC_GENL_NAME));
	lens[0] = finish(&m);
	send_batch(fd, kernel, 1, lens);
	uint16_t family = 0;
	while (family == 0) {
		int n = recv_batch(fd);
		for (int i = 0; i < n; i++) {
			struct nlmsghdr *h = (struct nlmsghdr *)rxbuf[i];
			size_t len;
			const uint8_t *id = h->nlmsg_type == GENL_ID_CTRL ? attr(h, CTRL_ATTR_FAMILY_ID, &len) : NULL;
			if (id) memcpy(&family, id, 2);
		}
	}
	begin(&m, txbuf[0], family, NLM_F_REQUEST | NLM_F_ACK, 2, port_of(fd), VEXFS_IPC_CMD_DAEMON_ATTACH);
	uint32_t v = VEXFS_IPC_PROTOCOL_VERSION;
	put(&m, VEXFS_IPC_A_PROTOCOL_VERSION, &v, 4);
	lens[0] = finish(&m);
	send_batch(fd, kernel, 1, lens);
	printf("attached\n");
	fflush(stdout);

	static uint8_t vector[VEXFS_IPC_MAX_VECTOR_BYTES];
	memset(vector, 0x3f, sizeof(vector));
	uint32_t me = port_of(fd);
	for (;;) {
		int n = recv_batch(fd);
		/* Responses are packed into datagrams of up to SLOT bytes, as requests arrive packed. */
		int k = 0;
		lens[0] = 0;
		for (int i = 0; i < n; i++) {
			uint8_t *p = rxbuf[i], *end = rxbuf[i] + rx[i].msg_len;
			while (p + NLMSG_HDRLEN <= end) {
				struct nlmsghdr *h = (struct nlmsghdr *)p;
				if (h->nlmsg_len < NLMSG_HDRLEN || p + h->nlmsg_len > end) break;
				size_t len;
				if (h->nlmsg_type == family && ((struct genlmsghdr *)NLMSG_DATA(h))->cmd == VEXFS_IPC_CMD_EMBED_REQUEST) {
					const uint8_t *idp = attr(h, VEXFS_IPC_A_REQUEST_ID, &len);
					const uint8_t *dp = attr(h, VEXFS_IPC_A_DIMENSIONS, &len);
					if (idp && dp) {
						uint32_t dims, status = 0;
						uint64_t id, proc = 1000;
						memcpy(&id, idp, 8);
						memcpy(&dims, dp, 4);
						if (dims > VEXFS_IPC_MAX_DIMENSIONS) dims = VEXFS_IPC_MAX_DIMENSIONS;
						size_t need = NLMSG_HDRLEN + GENL_HDRLEN + 4 * NLA_HDRLEN + 8 + 4 + dims * 4 + 8;
						if (lens[k] + need > SLOT) {
							if (++k == BATCH) {
								send_batch(fd, kernel, k, lens);
								k = 0;
							}
							lens[k] = 0;
						}
						begin(&m, txbuf[k] + lens[k], family, NLM_F_REQUEST, 0, me, VEXFS_IPC_CMD_EMBED_RESPONSE);
						put(&m, VEXFS_IPC_A_REQUEST_ID, &id, 8);
						put(&m, VEXFS_IPC_A_STATUS, &status, 4);
						put(&m, VEXFS_IPC_A_VECTOR, vector, dims * 4);
						put(&m, VEXFS_IPC_A_PROCESSING_NS, &proc, 8);
						lens[k] += NLMSG_ALIGN(finish(&m));
					}
				}
				p += NLMSG_ALIGN(h->nlmsg_len);
			}
		}
		if (lens[k] > 0) k++;
		if (k) send_batch(fd, kernel, k, lens);
	}
}

int main(int argc, char **argv) {
	if (argc == 6 && strcmp(argv[1], "kernel") == 0)
		return run_kernel(atoi(argv[2]), atol(argv[3]), (uint32_t)atoi(argv[4]), (uint32_t)atoi(argv[5]));
	if (argc == 3 && strcmp(argv[1], "daemon") == 0) run_daemon((uint32_t)strtoul(argv[2], NULL, 10));
	fprintf(stderr, "usage: %s kernel <window> <count> <input_bytes> <dims> | daemon <kernel_port>\n", argv[0]);
	return 2;
}
