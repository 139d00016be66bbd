// A seeded fuzzer for /dev/vexfs_ipc, run in the VM: every ioctl with random and mutated structs
// (bad, unmapped and kernel pointers, lengths at and past their limits, wrong sizes and
// directions), many in flight at once on worker threads; and frames, random and mutated from
// well-formed ones, written by a file attached as the framed daemon. module.test.ts runs it as
// `node fuzz.mjs ioctls|frames SEED ITERATIONS` (in a process of its own: as uid 65534 too, and
// without loading the project's koffi types twice) and reads the outcome counts it prints.
// Every call must settle with a result or an errno: a hang, a crash or a kernel splat fails.
import { closeSync, constants, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import koffi from 'koffi';

const dist = join(import.meta.dirname, '..', '..', '..', 'dist');
const S = await import(join(dist, 'abi', 'structs.js'));
const { Attr, Cmd, Consts, Flags } = await import(join(dist, 'abi', 'uapi.js'));
const { FRAME_HEADER_BYTES, sealFrame } = await import(join(dist, 'kernel-side', 'messages', 'chardev-frame.js'));
const { GENL_HDRLEN, NLMSG_HDRLEN } = await import(join(dist, 'kernel-side', 'netlink', 'constants.js'));
const { NlWriter } = await import(join(dist, 'kernel-side', 'netlink', 'writer.js'));
const M = await import(join(dist, 'kernel-side', 'messages', 'encode.js'));
const { loadNative } = await import(join(dist, 'native.js'));

const DEVICE = '/dev/vexfs_ipc';

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  const bytes = (n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = int(256);
    return b;
  };
  return { next, int, pick, bytes };
}

const IOCTLS = [
  ['REGISTER_SERVICE', S.ServiceRegisterStruct],
  ['UNREGISTER_SERVICE', S.ServiceUnregisterStruct],
  ['SEND_EMBEDDING_REQUEST', S.EmbeddingRequestStruct],
  ['GET_SERVICE_STATUS', S.ServiceStatusStruct],
  ['LIST_SERVICES', S.ServiceListStruct],
  ['GET_STATS', S.StatsStruct],
];
const INTERESTING = [
  0, 1, 2, 7, 8, 15, 16, 17, 31, 32, 63, 64, 65, 127, 128, 191, 192, 255, 256, 999, 1000, 1001, 1023, 1024, 8191, 8192, 8193, 16383, 16384, 16385, 65535, 65536,
  0x7fffffff, 0xffffffff,
];
// Pointers the module writes through, and the most it can write there.
const WRITTEN = {
  vector_ptr: Consts.MAX_VECTOR_BYTES,
  entries_ptr: Consts.MAX_SERVICES * koffi.sizeof(S.ServiceInfoStruct),
  provenance_ptr: koffi.sizeof(S.ProvenanceStruct),
  consumers_ptr: Consts.MAX_CONSUMERS * koffi.sizeof(S.ConsumerStatsStruct),
};
const BAD_POINTERS = [0n, 8n, 0xdead0000n, 0x7ffffffff000n, 0xffff888000000000n, 0xffffffffff600000n, 0xffffffffffffffffn];

/** Scalar members of a koffi struct with their offset and size (arrays and nested structs are left random). */
function fields(type) {
  return Object.entries(koffi.introspect(type).members)
    .map(([name, m]) => ({ name, offset: m.offset, size: koffi.introspect(m.type).size, primitive: koffi.introspect(m.type).primitive }))
    .filter((f) => f.primitive !== 'Array' && f.primitive !== 'Record');
}

function put(buf, f, value) {
  const v = BigInt.asUintN(f.size * 8, BigInt(value));
  if (f.size === 8) buf.writeBigUInt64LE(v, f.offset);
  else if (f.size === 4) buf.writeUInt32LE(Number(v), f.offset);
  else if (f.size === 2) buf.writeUInt16LE(Number(v), f.offset);
  else buf.writeUInt8(Number(v), f.offset);
}

/** What a read pointer usually points to, so calls get past the first checks: names, an endpoint, dimension counts. */
function plausibleInput(r, field) {
  if (field === 'dimensions_ptr') return Buffer.from(new Uint32Array(Array.from({ length: 1 + r.int(16) }, () => 1 + r.int(8192))).buffer);
  const text = Array.from({ length: 1 + r.int(80) }, () => String.fromCharCode(97 + r.int(26))).join('');
  return Buffer.from(field === 'endpoint_ptr' ? `unix:/tmp/${text}` : text);
}

/** A struct for one ioctl: random bytes, or plausible fields with a few mutated; returns it and the buffers it points to. */
function makeStruct(r, type) {
  const size = koffi.sizeof(type);
  const keep = [];
  if (r.int(5) === 0) return { buf: r.bytes(size), keep };
  const buf = Buffer.alloc(size);
  const fs = fields(type);
  for (const f of fs) {
    if (f.name.endsWith('_ptr')) {
      // The kernel writes through these up to what the struct allows: a smaller buffer would be
      // this process overrunning its own heap, not a finding.
      const room = WRITTEN[f.name];
      const target = room !== undefined ? Buffer.alloc(room) : r.int(4) === 0 ? r.bytes(1 + r.int(r.int(4) === 0 ? 70_000 : 256)) : plausibleInput(r, f.name);
      keep.push(target);
      put(buf, f, koffi.address(target));
    } else if (f.name.endsWith('_len') || f.name.endsWith('_count')) {
      // Within the plausible inputs above (the shortest is one byte or one dimension).
      put(buf, f, 1 + r.int(f.name.endsWith('_count') ? 4 : 12));
    } else if (f.name.endsWith('_size') || f.name.endsWith('_capacity')) {
      put(buf, f, f.name === 'vector_size' ? Consts.MAX_VECTOR_BYTES : 1 + r.int(48));
    } else if (f.name === 'dimensions') put(buf, f, 384);
    else if (f.name === 'max_batch_size') put(buf, f, 1 + r.int(1000));
  }
  // Most registrations carry no token (a random one is refused before anything else is looked at).
  const tokenLen = fs.find((f) => f.name === 'token_len');
  if (tokenLen !== undefined && r.int(4) !== 0) {
    put(buf, tokenLen, 0);
    put(
      buf,
      fs.find((f) => f.name === 'token_ptr'),
      0,
    );
  }
  for (let i = r.int(4); i > 0; i--) {
    const f = r.pick(fs);
    // A pointer the module writes through is replaced only by one that cannot reach this heap.
    put(
      buf,
      f,
      f.name.endsWith('_ptr')
        ? r.pick(f.name in WRITTEN ? BAD_POINTERS.filter((p) => p === 0n || p >= 0xffff800000000000n || p === 8n) : BAD_POINTERS)
        : r.int(3) === 0
          ? r.int(2 ** 31)
          : r.pick(INTERESTING),
    );
  }
  // A request would otherwise wait up to the default 30 s for an answer nobody gives.
  const timeout = fs.find((f) => f.name === 'timeout_ms');
  if (timeout !== undefined) put(buf, timeout, 1 + r.int(1500));
  return { buf, keep };
}

/** An ioctl number: usually the right one, sometimes another size, direction or number. */
function requestNumber(r, name) {
  const n = S.Ioctl[name];
  switch (r.int(10)) {
    case 0:
      return ((n & ~(0x3fff << 16)) | (r.int(0x3fff) << 16)) >>> 0;
    case 1:
      return (n ^ (r.int(3) << 30)) >>> 0;
    case 2:
      return ((n & ~0xff) | r.int(256)) >>> 0;
    default:
      return n;
  }
}

/** `iterations` ioctls, `concurrency` at once over `files` open files; resolves with counts by outcome. */
export async function fuzzIoctls({ seed, iterations, concurrency = 16, files = 4 }) {
  const r = prng(seed);
  const native = loadNative();
  const fds = Array.from({ length: files }, () => openSync(DEVICE, 'r+'));
  const outcomes = {};
  let started = 0;
  const worker = async () => {
    while (started < iterations) {
      started++;
      const [name, type] = r.pick(IOCTLS);
      const { buf, keep } = makeStruct(r, type);
      const request = requestNumber(r, name);
      const size = (request >>> 16) & 0x3fff;
      const arg = buf.length >= size ? buf : Buffer.concat([buf, Buffer.alloc(size - buf.length)]);
      let outcome;
      try {
        await native.ioctl(r.pick(fds), request, arg, keep);
        outcome = 'ok';
      } catch (err) {
        outcome = err.code ?? `errno ${err.errno}`;
        if (typeof err.errno !== 'number') throw err;
      }
      outcomes[`${name} ${outcome}`] = (outcomes[`${name} ${outcome}`] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  return outcomes;
}

// ---- frames

const ADDRESS = { familyId: 0, seq: 0, portId: 0 };

function frameOf(cmd, write) {
  const w = new NlWriter(4096);
  write(w);
  const body = w.buffer.subarray(NLMSG_HDRLEN + GENL_HDRLEN, w.length);
  const frame = Buffer.alloc(FRAME_HEADER_BYTES + body.length);
  body.copy(frame, FRAME_HEADER_BYTES);
  sealFrame(frame, 0, body.length, cmd, 0n);
  return frame;
}

const attachFrame = () => frameOf(Cmd.DAEMON_ATTACH, (w) => M.writeAttach(w, ADDRESS, { protocolVersion: Consts.PROTOCOL_VERSION, maxInflight: undefined }));

/** Random attributes: types across the family's range (sometimes nested), random lengths and payloads. */
function randomAttrs(r) {
  const parts = [];
  for (let n = r.int(6); n > 0; n--) parts.push(tlv(r.int(Consts.A_MAX + 3) | (r.int(4) === 0 ? 0x8000 : 0), r.bytes(r.pick([0, 1, 4, 8, 3, r.int(64)]))));
  return Buffer.concat(parts);
}

function tlv(type, payload) {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(4 + payload.length, 0);
  head.writeUInt16LE(type, 2);
  return Buffer.concat([head, payload, Buffer.alloc((4 - (payload.length % 4)) % 4)]);
}

function sealed(cmd, body) {
  const frame = Buffer.alloc(FRAME_HEADER_BYTES + body.length);
  body.copy(frame, FRAME_HEADER_BYTES);
  sealFrame(frame, 0, body.length, cmd, 0n);
  return frame;
}

/** One frame: well-formed with random values, random attributes under a valid header, mutated, or noise. */
function makeFrame(r, knownIds) {
  const id = knownIds.length && r.int(2) ? r.pick(knownIds) : BigInt(1 + r.int(1 << 20));
  switch (r.int(7)) {
    case 0:
      return r.bytes(r.int(200));
    case 1: {
      const cmds = Object.values(Cmd).filter((c) => c > 0);
      return sealed(r.pick(cmds), randomAttrs(r));
    }
    case 2: {
      const dims = 384;
      const status = r.int(Consts.STATUS_MAX + 2);
      const vector = r.int(3) === 0 ? undefined : r.bytes(r.pick([dims * 4, r.int(2000) + 1]));
      return frameOf(Cmd.EMBED_RESPONSE, (w) =>
        M.writeEmbedResponse(w, ADDRESS, { requestId: id, status: Math.min(status, Consts.STATUS_MAX), vector, processingNs: 1n, serviceId: undefined }),
      );
    }
    case 3: {
      // A REPLY, sometimes one part of many (MORE), with a random errno and random service entries.
      const u64 = Buffer.alloc(8);
      u64.writeBigUInt64LE(id);
      const errno = Buffer.alloc(4);
      errno.writeUInt32LE(r.pick([0, 1, 2, 5, 12, 22, 95, 512, 529, 4095]));
      const more = Buffer.alloc(4);
      more.writeUInt32LE(r.int(2) ? Flags.MORE : r.int(16));
      const parts = [tlv(Attr.REQUEST_ID, u64), tlv(Attr.ERRNO, errno)];
      if (r.int(2)) parts.push(tlv(Attr.FLAGS, more));
      if (r.int(2))
        parts.push(tlv(Attr.SERVICES | 0x8000, Buffer.concat([tlv(Attr.SERVICE | 0x8000, randomAttrs(r)), r.int(2) ? randomAttrs(r) : Buffer.alloc(0)])));
      return sealed(Cmd.REPLY, Buffer.concat(parts));
    }
    case 4:
      return frameOf(Cmd.HEARTBEAT, (w) =>
        M.writeHeartbeat(w, ADDRESS, { requestId: r.int(2) ? id : undefined, minPriority: r.int(2) ? r.int(256) : undefined, inflight: r.int(1000) }),
      );
    case 5:
      // A daemon may revoke any device registration: the guest's own service is spared so the suite can go on.
      return frameOf(Cmd.SERVICE_REVOKE, (w) => M.writeServiceRevoke(w, ADDRESS, { serviceId: r.pick(['fuzz-svc', 'nope', 'x'.repeat(63)]) }));
    default: {
      // A mutated well-formed frame: a flipped byte (the checksum then fails, or is fixed half the time).
      const frame = frameOf(Cmd.EMBED_RESPONSE, (w) =>
        M.writeEmbedResponse(w, ADDRESS, { requestId: id, status: 0, vector: r.bytes(384 * 4), processingNs: 1n, serviceId: 'guest-embedder' }),
      );
      const at = r.int(frame.length);
      frame[at] ^= 1 << r.int(8);
      if (r.int(2) && at >= FRAME_HEADER_BYTES) sealFrame(frame, 0, frame.length - FRAME_HEADER_BYTES, Cmd.EMBED_RESPONSE, 0n);
      return frame;
    }
  }
}

/**
 * Attaches a fresh file as the framed daemon (no other daemon may be attached) and writes
 * `iterations` batches of 1-3 frames, reading what the module queues in between (request
 * ids seen there are reused, so some answers land on real requests). Detaches at the end.
 */
export function fuzzFrames({ seed, iterations }) {
  const r = prng(seed);
  const fd = openSync(DEVICE, constants.O_RDWR | constants.O_NONBLOCK);
  const outcomes = {};
  const knownIds = [];
  const count = (k) => (outcomes[k] = (outcomes[k] ?? 0) + 1);
  const readBuf = Buffer.alloc(FRAME_HEADER_BYTES + Consts.MAX_MSG_BYTES);
  const drain = () => {
    for (;;) {
      try {
        const n = readSync(fd, readBuf, 0, readBuf.length, null);
        if (n === 0) return;
        if (n >= FRAME_HEADER_BYTES) knownIds.push(readBuf.readBigUInt64LE(16));
        if (knownIds.length > 64) knownIds.shift();
        count('read');
      } catch (err) {
        count(`read ${err.code}`);
        return;
      }
    }
  };
  try {
    writeSync(fd, attachFrame());
    for (let i = 0; i < iterations; i++) {
      const batch = Buffer.concat(Array.from({ length: 1 + r.int(3) }, () => makeFrame(r, knownIds)));
      try {
        writeSync(fd, batch);
        count('write ok');
      } catch (err) {
        count(`write ${err.code ?? err.errno}`);
        if (typeof err.errno !== 'number') throw err;
        // A fuzzed DETACH ends this file's turn as the daemon: take it again.
        if (err.code === 'ENOTCONN') writeSync(fd, attachFrame());
      }
      if (i % 8 === 0) drain();
    }
    drain();
  } finally {
    closeSync(fd);
  }
  return outcomes;
}

// ---- hostile answers to batches of the in-kernel API

const RACE = '/sys/kernel/debug/vexfs_ipc_test/race';

/** An EMBED_RESPONSE for `id` whose every provenance field may lie: wrong sizes, types, flags, strings. */
function hostileAnswer(r, id) {
  const u64 = (v) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(v);
    return b;
  };
  const u32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    return b;
  };
  const str = () => (r.int(4) === 0 ? r.bytes(r.int(200)) : Buffer.from(`${'m'.repeat(r.pick([1, 31, 32, 63, 64, 100]))}\0`));
  const parts = [tlv(Attr.REQUEST_ID, u64(id)), tlv(Attr.STATUS, u32(r.int(4) ? 0 : r.int(Consts.STATUS_MAX + 3)))];
  if (r.int(5)) parts.push(tlv(Attr.VECTOR, r.int(4) ? r.bytes(32) : r.bytes(r.pick([0, 4, 31, 33, 64, 1536]))));
  if (r.int(2)) parts.push(tlv(Attr.SERVICE_ID, str()));
  if (r.int(2)) parts.push(tlv(Attr.MODEL, str()));
  if (r.int(2)) parts.push(tlv(Attr.MODEL_VERSION, str()));
  if (r.int(3) === 0) parts.push(tlv(Attr.DIMENSIONS, u32(r.pick([0, 7, 8, 9, 8192, 8193]))));
  if (r.int(3) === 0) parts.push(tlv(Attr.DATA_TYPE, Buffer.from([r.pick([0, 1, 4, 5, 255])])));
  if (r.int(3) === 0) parts.push(tlv(Attr.FLAGS, u32(r.pick([0, Flags.TRUNCATED, Flags.MORE, Flags.ALL, 0x80000000]))));
  if (r.int(3) === 0) parts.push(tlv(Attr.PROCESSING_NS, u64(BigInt(r.int(2 ** 31)))));
  return sealed(Cmd.EMBED_RESPONSE, Buffer.concat(parts));
}

/**
 * Attaches as the framed daemon and drives vexfs_ipc_test.ko's race file: batches of the
 * in-kernel API answered with hostile EMBED_RESPONSEs (lying provenance, wrong vector sizes,
 * bad flags, twice, to ids of other batches), with cancels in between. Every request must
 * complete exactly once and a failed one must never have its buffer written; prints the
 * outcome counts, exits 1 on a violation.
 */
export function fuzzBatches({ seed, iterations }) {
  const r = prng(seed);
  const fd = openSync(DEVICE, constants.O_RDWR | constants.O_NONBLOCK);
  const outcomes = {};
  const count = (k) => (outcomes[k] = (outcomes[k] ?? 0) + 1);
  const readBuf = Buffer.alloc(FRAME_HEADER_BYTES + Consts.MAX_MSG_BYTES);
  const seen = [];
  const violations = [];
  try {
    writeSync(fd, attachFrame());
    for (let i = 0; i < iterations; i++) {
      const n = 1 + r.int(64);
      try {
        writeFileSync(RACE, `submit ${n} ${r.pick([50, 200, 1000])}`);
      } catch (err) {
        count(`submit ${err.code}`);
        continue;
      }
      for (let k = 0; k < 4 * n; k++) {
        let got = 0;
        try {
          got = readSync(fd, readBuf, 0, readBuf.length, null);
        } catch (err) {
          if (err.code !== 'EAGAIN') throw err;
        }
        if (got >= FRAME_HEADER_BYTES) seen.push(readBuf.readBigUInt64LE(16));
        if (seen.length > 256) seen.shift();
        if (seen.length === 0) continue;
        const id = r.int(8) === 0 ? BigInt(1 + r.int(1 << 20)) : r.pick(seen);
        try {
          writeSync(fd, hostileAnswer(r, id));
          count('answer ok');
        } catch (err) {
          count(`answer ${err.code ?? err.errno}`);
          if (typeof err.errno !== 'number') throw err;
        }
        if (r.int(32) === 0) writeFileSync(RACE, r.int(2) ? `cancel ${1 + r.int(2)}` : 'cancel-each');
      }
      const line = readFileSync(RACE, 'utf8').trim();
      const rep = Object.fromEntries(
        line
          .split(' ')
          .map((kv) => kv.split('='))
          .map(([k, v]) => [k, Number(v)]),
      );
      if (rep.calls !== rep.n || rep.max !== 1 || rep.canary !== 0) violations.push(line);
      for (const key of ['success', 'cancelled', 'timeout', 'other']) outcomes[`requests ${key}`] = (outcomes[`requests ${key}`] ?? 0) + rep[key];
    }
  } finally {
    closeSync(fd);
  }
  if (violations.length) {
    process.stderr.write(`exactly-once violated:\n${violations.join('\n')}\n`);
    process.exit(1);
  }
  return outcomes;
}

const [what, seed, iterations] = process.argv.slice(2);
if (what === 'ioctls' || what === 'frames' || what === 'batches') {
  const options = { seed: Number(seed), iterations: Number(iterations) };
  const outcomes = what === 'ioctls' ? await fuzzIoctls(options) : what === 'frames' ? fuzzFrames(options) : fuzzBatches(options);
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}
