// The kernel twin behaves like the module towards a daemon, over real NETLINK_USERSOCK sockets.
import { afterEach, describe, expect, it } from 'vitest';

import { Cmd, Consts, DataType, Flags, Status } from '../../../../src/abi/uapi.js';
import { InvalidArgumentError, NetlinkError, NotAttachedError, QueueFullError } from '../../../../src/errors.js';
import { GenlKernelChannel, type KernelChannel } from '../../../../src/kernel-side/channels/channel.js';
import { NetlinkProtocol, NlmFlags } from '../../../../src/kernel-side/netlink/constants.js';
import type { CancelMessage, EmbedRequest } from '../../../../src/kernel-side/messages/messages.js';
import { writeEmbedResponse, writeHeartbeat, writeServiceRevoke } from '../../../../src/kernel-side/messages/encode.js';
import { KernelTwin } from '../../../../src/kernel-side/twin/kernel-twin.js';
import { rawDaemon } from '../../../helpers/raw-daemon.js';
import { until } from '../../../helpers/wait.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function twin(options: ConstructorParameters<typeof KernelTwin>[0] = {}): KernelTwin {
  const t = new KernelTwin({ heartbeatMs: 20, ...options });
  closers.push(() => t.close());
  return t;
}

async function daemon(t: KernelTwin, answer?: (req: EmbedRequest, ch: KernelChannel) => void) {
  const seen: { requests: EmbedRequest[]; cancels: CancelMessage[] } = { requests: [], cancels: [] };
  const ch = await GenlKernelChannel.open(
    { protocol: NetlinkProtocol.USERSOCK, kernelPort: t.portId },
    {
      request: (req, channel) => {
        seen.requests.push(req);
        answer?.(req, channel);
      },
      cancel: (m) => seen.cancels.push(m),
    },
  );
  closers.push(() => ch.close());
  return { ch, seen };
}

const vectorOf = (req: EmbedRequest) => Buffer.alloc(req.dimensions * 4, req.input[0]);
const echo = (req: EmbedRequest, ch: KernelChannel) =>
  ch.respond({ requestId: req.requestId, status: Status.SUCCESS, vector: vectorOf(req), processingNs: 1000n, serviceId: 'echo' });

describe('kernel twin', () => {
  it('hands out the VEXFS_IPC family and accepts a daemon attach', async () => {
    const t = twin();
    const { ch } = await daemon(t);
    expect(ch.family.name).toBe(Consts.GENL_NAME);
    expect(ch.family.id).toBe(t.family.id);
    expect(ch.family.ops.map((o) => o.id)).toContain(Cmd.EMBED_RESPONSE);
    expect(ch.kernelMaxInflight).toBe(65536);
    expect(t.attached).toBe(true);
    expect(t.stats().daemonPortId).toBe(ch.portId);
  });

  it('issues requests with ids, priority, deadline and caller, and returns the vector', async () => {
    const t = twin();
    const { seen } = await daemon(t, echo);
    const before = process.hrtime.bigint();
    const res = await t.embed({ input: Buffer.from([7, 1, 2]), dimensions: 8, priority: 192, timeoutMs: 3000, uid: 1000, pid: 77, model: 'm1' });
    expect(res.status).toBe(Status.SUCCESS);
    expect(res.vector).toEqual(Buffer.alloc(32, 7));
    expect(res.provenance?.serviceId).toBe('echo');
    expect(res.processingNs).toBe(1000n);
    const req = seen.requests[0] as EmbedRequest;
    expect(req.requestId).toBe(res.requestId);
    expect(req).toMatchObject({ priority: 192, timeoutMs: 3000, dimensions: 8, dataType: DataType.FLOAT32, model: 'm1', callerUid: 1000, callerPid: 77 });
    expect(req.deadlineNs - before).toBeGreaterThanOrEqual(3000n * 1_000_000n);
    expect(req.deadlineNs - before).toBeLessThan(4000n * 1_000_000n);
  });

  it('keeps many concurrent requests apart', async () => {
    const t = twin();
    await daemon(t, echo);
    const results = await Promise.all(Array.from({ length: 2000 }, (_, i) => t.embed({ input: Buffer.from([i & 0xff]), dimensions: 4 })));
    results.forEach((r, i) => {
      expect(r.status).toBe(Status.SUCCESS);
      expect(r.vector?.[0]).toBe(i & 0xff);
    });
    expect(new Set(results.map((r) => r.requestId)).size).toBe(2000);
    expect(t.stats().inflight).toBe(0);
  });

  it('times out a request, tells the daemon to cancel it, and counts the late answer', async () => {
    const t = twin();
    const { ch, seen } = await daemon(t);
    const errors: NetlinkError[] = [];
    ch.on('kernelError', (e) => errors.push(e));
    const res = await t.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 30 });
    expect(res.status).toBe(Status.TIMEOUT);
    await until(() => seen.cancels.length === 1, 'CANCEL');
    expect(seen.cancels[0]).toEqual({ requestId: res.requestId, status: Status.TIMEOUT });
    ch.respond({ requestId: res.requestId, status: Status.SUCCESS, vector: Buffer.alloc(16), processingNs: 0n, serviceId: undefined });
    await until(() => errors.length === 1, 'late-response error');
    expect(errors[0]?.errnoName).toBe('ENOENT');
    expect(t.stats().responsesLate).toBe(1);
    expect(ch.counters.lateResponses).toBe(1);
  });

  it('cancels on abort and tells the daemon', async () => {
    const t = twin();
    const { seen } = await daemon(t);
    const ac = new AbortController();
    const p = t.embed({ input: Buffer.from('x'), dimensions: 4, signal: ac.signal });
    await until(() => seen.requests.length === 1, 'request');
    ac.abort();
    expect((await p).status).toBe(Status.CANCELLED);
    await until(() => seen.cancels.length === 1, 'CANCEL');
    expect(seen.cancels[0]?.status).toBe(Status.CANCELLED);
  });

  it('rejects a vector of the wrong length with EMSGSIZE and keeps the request pending', async () => {
    const t = twin();
    const errors: NetlinkError[] = [];
    const { ch } = await daemon(t, (req, ch) => {
      ch.respond({ requestId: req.requestId, status: Status.SUCCESS, vector: Buffer.alloc(3), processingNs: 0n, serviceId: undefined });
      setTimeout(() => echo(req, ch), 10);
    });
    ch.on('kernelError', (e) => errors.push(e));
    const res = await t.embed({ input: Buffer.from([5]), dimensions: 4, dataType: DataType.FLOAT16, timeoutMs: 300 });
    expect(errors[0]?.errnoName).toBe('EMSGSIZE');
    expect(errors[0]?.extackMessage).toBe('VECTOR is 3 bytes, expected 8');
    // The echo answers float32-sized (16 bytes) for float16 (8 expected): refused again.
    expect(res.status).toBe(Status.TIMEOUT);
  });

  it('passes failure statuses through', async () => {
    const t = twin();
    await daemon(t, (req, ch) =>
      ch.respond({ requestId: req.requestId, status: Status.NO_SERVICE, vector: undefined, processingNs: 5n, serviceId: undefined }),
    );
    const res = await t.embed({ input: Buffer.from('x'), dimensions: 4 });
    expect(res.status).toBe(Status.NO_SERVICE);
    expect(t.stats().requestsFailed).toBe(1);
  });

  it('fails fast with no daemon and validates every argument', async () => {
    const t = twin();
    await expect(t.embed({ input: Buffer.from('x'), dimensions: 4 })).rejects.toBeInstanceOf(NotAttachedError);
    await expect(t.waitForDaemon(20)).rejects.toThrow(/no daemon attached within 20 ms/);
    const bad: Array<[Parameters<KernelTwin['embed']>[0], RegExp]> = [
      [{ input: Buffer.from('x'), dimensions: 0 }, /dimensions: 0 is not an integer from 1 to 8192/],
      [{ input: Buffer.from('x'), dimensions: 8193 }, /dimensions/],
      [{ input: Buffer.alloc(0), dimensions: 4 }, /input: must be 1 to 16384 bytes/],
      [{ input: Buffer.alloc(Consts.MAX_INPUT_BYTES + 1), dimensions: 4 }, /input/],
      [{ input: Buffer.from('x'), dimensions: 4, dataType: 5 }, /dataType: 5 is not a data type/],
      [{ input: Buffer.from('x'), dimensions: 4, priority: 256 }, /priority/],
      [{ input: Buffer.from('x'), dimensions: 4, timeoutMs: Consts.MAX_TIMEOUT_MS + 1 }, /timeoutMs/],
      [{ input: Buffer.from('x'), dimensions: 4, model: 'm'.repeat(64) }, /model: must be 1 to 63 bytes/],
    ];
    for (const [call, message] of bad) {
      const err = await t.embed(call).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidArgumentError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('refuses a second daemon with EBUSY and an extended ACK', async () => {
    const t = twin();
    await daemon(t);
    const other = await rawDaemon(t.portId);
    closers.push(() => other.conn.close());
    const err = await other.attach().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetlinkError);
    expect((err as NetlinkError).errnoName).toBe('EBUSY');
    expect((err as NetlinkError).extackMessage).toMatch(/a daemon is attached at port/);
  });

  it('takes SERVICE_REVOKE from the attached daemon only', async () => {
    const t = twin();
    const d = await rawDaemon(t.portId);
    const stranger = await rawDaemon(t.portId);
    closers.push(
      () => d.conn.close(),
      () => stranger.conn.close(),
    );
    await d.attach();
    const revoke = (r: typeof d) =>
      r.conn.request(t.portId, (w, seq) =>
        writeServiceRevoke(w, { familyId: r.family.id, seq, portId: r.socket.portId, flags: NlmFlags.ACK }, { serviceId: 'svc' }),
      );
    expect(t.family.ops.map((o) => o.id)).toContain(Cmd.SERVICE_REVOKE);
    await expect(revoke(d)).resolves.toBeDefined();
    await expect(revoke(stranger)).rejects.toMatchObject({ errnoName: 'ENOTCONN' });
  });

  it('answers malformed messages with EINVAL and the field, and keeps serving', async () => {
    const t = twin();
    const d = await rawDaemon(t.portId);
    closers.push(() => d.conn.close());
    await d.attach();
    const invalid: string[] = [];
    t.on('invalid', (e) => invalid.push(e.field));
    // An EMBED_RESPONSE without the required STATUS.
    const err = await d.conn
      .request(t.portId, (w, seq) => {
        w.beginMessage(d.family.id, NlmFlags.REQUEST | NlmFlags.ACK, seq, d.socket.portId).genlHeader(Cmd.EMBED_RESPONSE, 1);
        w.u64(2, 1n).endMessage();
      })
      .catch((e: unknown) => e);
    expect((err as NetlinkError).errnoName).toBe('EINVAL');
    expect((err as NetlinkError).extackMessage).toBe('VEXFS_IPC.STATUS: required attribute is missing');
    expect(invalid).toEqual(['VEXFS_IPC.STATUS']);
    expect(t.stats().messagesInvalid).toBe(1);
    expect(t.attached).toBe(true);
  });

  it('sheds priorities below the daemon-announced floor with OVERLOADED', async () => {
    const t = twin();
    const { ch } = await daemon(t, echo);
    ch.heartbeat(128, 0);
    await until(() => (t as unknown as { minPriority: number }).minPriority === 128, 'backpressure floor');
    expect((await t.embed({ input: Buffer.from('x'), dimensions: 4, priority: 0 })).status).toBe(Status.OVERLOADED);
    expect((await t.embed({ input: Buffer.from('x'), dimensions: 4, priority: 200 })).status).toBe(Status.SUCCESS);
  });

  it('refuses requests beyond its pending table with QueueFullError', async () => {
    const t = twin({ maxPending: 2 });
    await daemon(t);
    void t.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 100 });
    void t.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 100 });
    await expect(t.embed({ input: Buffer.from('x'), dimensions: 4 })).rejects.toBeInstanceOf(QueueFullError);
  });

  it('notices a daemon that vanished and re-sends its in-flight requests to the next one', async () => {
    const t = twin({ graceMs: 5000 });
    const first = await rawDaemon(t.portId);
    await first.attach();
    const detached: string[] = [];
    t.on('detached', (_port, reason) => detached.push(reason));
    const inflight = t.embed({ input: Buffer.from([9]), dimensions: 4, timeoutMs: 10_000 });
    first.conn.close(); // no DETACH: the socket is simply gone
    await until(() => detached.length === 1, 'twin to notice the daemon is gone');
    expect(detached).toEqual(['gone']);
    await expect(t.embed({ input: Buffer.from('x'), dimensions: 4 })).rejects.toBeInstanceOf(NotAttachedError);
    const { seen } = await daemon(t, echo);
    const res = await inflight;
    expect(res.status).toBe(Status.SUCCESS);
    expect(seen.requests[0]?.flags).toBe(Flags.RESENT);
    expect(t.stats().requestsResent).toBe(1);
  });

  it('completes in-flight requests with NO_DAEMON when no daemon returns within the grace period', async () => {
    const t = twin({ graceMs: 50 });
    const d = await rawDaemon(t.portId);
    await d.attach();
    const inflight = t.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 10_000 });
    d.conn.close();
    expect((await inflight).status).toBe(Status.NO_DAEMON);
  });

  it('answers the daemon heartbeat probe and a stats query', async () => {
    const t = twin();
    const d = await rawDaemon(t.portId);
    closers.push(() => d.conn.close());
    await d.attach();
    await d.conn.request(t.portId, (w, seq) =>
      writeHeartbeat(w, { familyId: d.family.id, seq, portId: d.socket.portId, flags: NlmFlags.ACK }, { requestId: undefined, minPriority: 0, inflight: 3 }),
    );
    // A response for an id never issued is refused as late.
    const err = await d.conn
      .request(t.portId, (w, seq) =>
        writeEmbedResponse(
          w,
          { familyId: d.family.id, seq, portId: d.socket.portId, flags: NlmFlags.ACK },
          { requestId: 999n, status: 0, vector: Buffer.alloc(4), processingNs: 0n, serviceId: undefined },
        ),
      )
      .catch((e: unknown) => e);
    expect((err as NetlinkError).errnoName).toBe('ENOENT');
  });
});
