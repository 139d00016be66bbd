/*
 * Baseline for the channel benchmark: the same VEXFS_IPC generic netlink
 * messages over NETLINK_USERSOCK, in plain C with recvmmsg/sendmmsg batching.
 *
 *   nl_roundtrip kernel <window> <count> <input_bytes> <dims> [warmup [gate [queues]]]
 *       Acts as the kernel side: answers GETFAMILY and DAEMON_ATTACH (with
 *       <queues>, default 1, it waits for that many: the daemon's and its
 *       workers' extra queues, VEXFS_IPC_F_QUEUE; requests then go to the
 *       queues in turn, one batch each), then
 *       keeps <window> EMBED_REQUESTs outstanding until <warmup> + <count>
 *       round trips (the first <warmup> not measured), and prints one JSON
 *       line with rps, latency percentiles and answers by status. With gate
 *       1 it waits for a line on stdin after the attach (so the daemon under
 *       test can get its services first). Prints "port <id>" first so a
 *       daemon can be pointed at it, "attached" when one is.
 *   nl_roundtrip open <rate> <seconds> <input_bytes> <dims> [warmup_seconds [gate [queues]]]
 *       The same kernel side at a fixed offered rate (open loop): requests go
 *       out on schedule whatever is outstanding, latency counts from the
 *       scheduled time (no coordinated omission), sleeping between sends
 *       (at least 50 us) rather than spinning; prints achieved rate,
 *       p50/p99/p99.9 and answers by status once every request is answered
 *       or 5 s after the last was sent (those unanswered count as "lost",
 *       those the peer's full buffer would not take as "refused").
 *       The first <warmup_seconds> at the same rate are not measured (a
 *       JIT-compiled daemon starts cold).
 *   nl_roundtrip daemon <kernel_port>
 *       Acts as the daemon: resolves the family, attaches, and answers every
 *       EMBED_REQUEST with a vector of dims * 4 bytes until killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
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

/* Answers by status (index: enum vexfs_ipc_status; the last slot: anything else). */
static long by_status[VEXFS_IPC_STATUS_MAX + 2];

static void note_status(const struct nlmsghdr *h) {
	size_t len;
	const uint8_t *sp = attr(h, VEXFS_IPC_A_STATUS, &len);
	uint32_t st = VEXFS_IPC_STATUS_MAX + 1;
	if (sp && len == 4) memcpy(&st, sp, 4);
	by_status[st <= VEXFS_IPC_STATUS_MAX ? st : VEXFS_IPC_STATUS_MAX + 1]++;
}

static void print_status(void) {
	printf("\"by_status\": [");
	for (int i = 0; i <= VEXFS_IPC_STATUS_MAX + 1; i++) printf("%s%ld", i ? ", " : "", by_status[i]);
	printf("]");
}

/* The daemon's queues: its own port first, then its workers'. */
static uint32_t ports[VEXFS_IPC_MAX_QUEUES];
static unsigned int nports, turn;

/* The next batch's queue. */
static uint32_t next_port(void) {
	return ports[turn++ % nports];
}

/* GETFAMILY and ATTACH from a daemon and its extra queues, until @want queues are attached. */
static void handshake(int fd, size_t *lens, unsigned int want) {
	while (nports < want) {
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
				size_t len;
				const uint8_t *fp = attr(h, VEXFS_IPC_A_FLAGS, &len);
				uint32_t flags = 0;
				if (fp) memcpy(&flags, fp, 4);
				/* A queue before a daemon, or past the table, is not taken (the kernel's ENOTCONN, ENOSPC). */
				if (((flags & VEXFS_IPC_F_QUEUE) != 0) != (nports > 0) || nports == VEXFS_IPC_MAX_QUEUES) continue;
				struct msg m;
				begin(&m, txbuf[0], FAMILY_ID, 0, h->nlmsg_seq, 0, VEXFS_IPC_CMD_DAEMON_ATTACH);
				uint32_t v = VEXFS_IPC_PROTOCOL_VERSION, q = nports;
				put(&m, VEXFS_IPC_A_PROTOCOL_VERSION, &v, 4);
				put(&m, VEXFS_IPC_A_QUEUE, &q, 4);
				lens[k++] = finish(&m);
				ports[nports++] = from;
			} else {
				continue;
			}
			lens[k++] = ack(txbuf[1], h);
			send_batch(fd, from, k, lens);
		}
	}
	printf("attached\n");
	fflush(stdout);
}

static void wait_gate(int gate) {
	if (!gate) return;
	char line[64];
	if (!fgets(line, sizeof(line), stdin)) exit(1);
}

/* Opens the kernel side's socket, says its port, takes the daemon's @queues attaches and waits at the gate. */
static void attach_daemon(int *fd, size_t *lens, int gate, unsigned int queues) {
	*fd = open_sock();
	printf("port %u\n", port_of(*fd));
	fflush(stdout);
	handshake(*fd, lens, queues);
	wait_gate(gate);
}

/* Calls on_answer(id, h) for each EMBED_RESPONSE in the datagrams just received. */
static void each_answer(int n, void (*on_answer)(uint64_t id, const struct nlmsghdr *h)) {
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
				on_answer(id, h);
			}
			p += NLMSG_ALIGN(h->nlmsg_len);
		}
	}
}

static uint64_t *sent_at, *lat;
static long issued, done, total, warmup, measured;
static uint64_t start;

static void closed_answer(uint64_t id, const struct nlmsghdr *h) {
	if (id < 1 || id > (uint64_t)total || !sent_at[id]) return;
	uint64_t t = now_ns();
	if (done >= warmup) {
		lat[measured++] = t - sent_at[id];
		note_status(h);
	}
	sent_at[id] = 0;
	if (++done == warmup) start = t;
}

static int run_kernel(int window, long count, uint32_t input_bytes, uint32_t dims, long warm, int gate, unsigned int queues) {
	int fd;
	size_t lens[BATCH];
	attach_daemon(&fd, lens, gate, queues);
	uint8_t *input = malloc(input_bytes);
	memset(input, 'a', input_bytes);
	warmup = warm;
	total = warm + count;
	sent_at = calloc((size_t)total + 1, sizeof(uint64_t));
	lat = calloc((size_t)count, sizeof(uint64_t));
	start = now_ns();

	while (done < total) {
		/* Keep the window full. */
		while (issued - done < window && issued < total) {
			int j = 0;
			while (j < BATCH && issued - done < window && issued < total) {
				issued++;
				sent_at[issued] = now_ns();
				lens[j] = build_request(txbuf[j], (uint64_t)issued, input, input_bytes, dims);
				j++;
			}
			send_batch(fd, next_port(), j, lens);
		}
		each_answer(recv_batch(fd), closed_answer);
	}
	double secs = (double)(now_ns() - start) / 1e9;
	qsort(lat, (size_t)count, sizeof(uint64_t), cmp_u64);
	printf("{\"rps\": %.0f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"count\": %ld, \"window\": %d, ", (double)count / secs,
	       (double)lat[count / 2] / 1000.0, (double)lat[(count * 99) / 100] / 1000.0, count, window);
	print_status();
	printf("}\n");
	return 0;
}

static uint64_t open_interval_ns, open_t0;
static long refused, refused_measured;

static void open_answer(uint64_t id, const struct nlmsghdr *h) {
	if (id < 1 || id > (uint64_t)total || !sent_at[id]) return;
	sent_at[id] = 0;
	done++;
	if (id <= (uint64_t)warmup) return;
	/* From the scheduled send time: a late send is the system's delay too. */
	lat[measured++] = now_ns() - (open_t0 + (id - 1) * open_interval_ns);
	note_status(h);
}

static int run_open(double rate, double seconds, uint32_t input_bytes, uint32_t dims, double warm_s, int gate, unsigned int queues) {
	int fd;
	size_t lens[BATCH];
	attach_daemon(&fd, lens, gate, queues);
	uint8_t *input = malloc(input_bytes);
	memset(input, 'a', input_bytes);
	warmup = (long)(rate * warm_s);
	total = warmup + (long)(rate * seconds);
	sent_at = calloc((size_t)total + 1, sizeof(uint64_t));
	lat = calloc((size_t)total, sizeof(uint64_t));
	open_interval_ns = (uint64_t)(1e9 / rate);
	open_t0 = now_ns();
	uint64_t last_sent = 0;
	while (done + refused < total) {
		uint64_t now = now_ns();
		int j = 0;
		while (issued < total && j < BATCH && open_t0 + (uint64_t)issued * open_interval_ns <= now) {
			issued++;
			sent_at[issued] = 1;
			lens[j] = build_request(txbuf[j], (uint64_t)issued, input, input_bytes, dims);
			j++;
		}
		if (j) {
			for (int i = 0; i < j; i++) txptr[i] = txbuf[i];
			int ok = try_send_datagrams(fd, next_port(), txptr, lens, j);
			/* Not taken (the peer's buffer is full): failed on the spot, as the kernel side fails a send. */
			for (int i = ok; i < j; i++) {
				long id = issued - j + 1 + i;
				sent_at[id] = 0;
				refused++;
				if (id > warmup) refused_measured++;
			}
			last_sent = now;
		}
		if (issued == total && now - last_sent > 5000000000ull) break;
		/*
		 * Sleep until the next send is due or an answer comes, at least 50 us:
		 * a generator that spins takes a CPU from what it measures (two vCPUs
		 * here); requests due meanwhile go out together, late by at most that.
		 */
		uint64_t due = issued < total ? open_t0 + (uint64_t)issued * open_interval_ns : now + 100000000ull;
		uint64_t wait = due > now ? due - now : 0;
		if (wait < 50000) wait = 50000;
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		struct timespec ts = {.tv_sec = (time_t)(wait / 1000000000ull), .tv_nsec = (long)(wait % 1000000000ull)};
		if (ppoll(&pfd, 1, &ts, NULL) <= 0) continue;
		int n;
		do {
			n = recvmmsg(fd, rx, BATCH, MSG_DONTWAIT, NULL);
		} while (n < 0 && errno == EINTR);
		if (n > 0) each_answer(n, open_answer);
	}
	double secs = (double)(now_ns() - open_t0) / 1e9 - warm_s;
	qsort(lat, (size_t)measured, sizeof(uint64_t), cmp_u64);
	long m = measured ? measured : 1;
	printf("{\"offered_rps\": %.0f, \"achieved_rps\": %.0f, \"p50_us\": %.2f, \"p99_us\": %.2f, \"p999_us\": %.2f, \"sent\": %ld, \"answered\": %ld, \"lost\": %ld, \"refused\": %ld, ",
	       rate, (double)measured / secs, (double)lat[m / 2] / 1000.0, (double)lat[(m * 99) / 100] / 1000.0, (double)lat[(m * 999) / 1000] / 1000.0,
	       total - warmup, measured, total - warmup - measured - refused_measured, refused_measured);
	print_status();
	printf("}\n");
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
	unsigned int queues = argc > 8 ? (unsigned int)atoi(argv[8]) : 1;

	if (queues < 1 || queues > VEXFS_IPC_MAX_QUEUES) queues = 1;
	if (argc >= 6 && argc <= 9 && strcmp(argv[1], "kernel") == 0)
		return run_kernel(atoi(argv[2]), atol(argv[3]), (uint32_t)atoi(argv[4]), (uint32_t)atoi(argv[5]), argc > 6 ? atol(argv[6]) : 0,
		                  argc > 7 ? atoi(argv[7]) : 0, queues);
	if (argc >= 6 && argc <= 9 && strcmp(argv[1], "open") == 0)
		return run_open(atof(argv[2]), atof(argv[3]), (uint32_t)atoi(argv[4]), (uint32_t)atoi(argv[5]), argc > 6 ? atof(argv[6]) : 0,
		                argc > 7 ? atoi(argv[7]) : 0, queues);
	if (argc == 3 && strcmp(argv[1], "daemon") == 0) run_daemon((uint32_t)strtoul(argv[2], NULL, 10));
	fprintf(stderr,
	        "usage: %s kernel <window> <count> <input_bytes> <dims> [warmup [gate [queues]]] | open <rate> <seconds> <input_bytes> <dims> [warmup_s [gate [queues]]] | "
	        "daemon <kernel_port>\n",
	        argv[0]);
	return 2;
}
