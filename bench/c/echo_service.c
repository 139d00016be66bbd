/*
 * Baseline embedding service for the full-path benchmark: answers each frame
 * [u32 len][u64 id][u32 dims][input] with [u32 len][u64 id][dims * 4 bytes],
 * one write per read. Prints "listening" when ready.
 *
 *   echo_service <socket_path>
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define BUF (8 << 20)
static uint8_t in[BUF], out[BUF];
static uint8_t vector[8192 * 4];

int main(int argc, char **argv) {
	if (argc != 2) {
		fprintf(stderr, "usage: %s <socket_path>\n", argv[0]);
		return 2;
	}
	memset(vector, 0x3f, sizeof(vector));
	int ls = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_un ua = {.sun_family = AF_UNIX};
	strncpy(ua.sun_path, argv[1], sizeof(ua.sun_path) - 1);
	unlink(argv[1]);
	if (bind(ls, (struct sockaddr *)&ua, sizeof(ua)) < 0 || listen(ls, 4) < 0) {
		perror("bind/listen");
		return 1;
	}
	printf("listening\n");
	fflush(stdout);
	int fd = accept(ls, NULL, NULL);
	if (fd < 0) return 1;
	size_t inlen = 0;
	for (;;) {
		ssize_t r = read(fd, in + inlen, sizeof(in) - inlen);
		if (r <= 0) return 0;
		inlen += (size_t)r;
		size_t pos = 0, o = 0;
		while (inlen - pos >= 4) {
			uint32_t flen, dims;
			memcpy(&flen, in + pos, 4);
			if (inlen - pos < 4 + flen) break;
			memcpy(&dims, in + pos + 12, 4);
			if (dims > 8192) dims = 8192;
			uint32_t olen = 8 + dims * 4;
			if (o + 4 + olen > sizeof(out)) break;
			memcpy(out + o, &olen, 4);
			memcpy(out + o + 4, in + pos + 4, 8);
			memcpy(out + o + 12, vector, dims * 4);
			o += 4 + olen;
			pos += 4 + flen;
		}
		for (size_t w = 0; w < o;) {
			ssize_t n = write(fd, out + w, o - w);
			if (n < 0) {
				if (errno == EINTR) continue;
				return 1;
			}
			w += (size_t)n;
		}
		memmove(in, in + pos, inlen - pos);
		inlen -= pos;
	}
}
