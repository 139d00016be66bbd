// Runs inside the VM (npm run test:kernel) against the real vexfs_ipc.ko:
// the daemon over generic netlink, SDK services, requests by ioctl.
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { appendFileSync, chmodSync, closeSync, constants, openSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';

import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Ioctl, StatsStruct } from '../../../src/abi/structs.js';
import { Attr, Cmd, Consts, DataType, EventType, Flags, Status } from '../../../src/abi/uapi.js';
import { FRAME_HEADER_BYTES, readFrame, sealFrame } from '../../../src/kernel-side/messages/chardev-frame.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { HASHING_MODEL } from '../../../src/embedder/service.js';
import { DEVICE_PATH, VexfsDevice } from '../../../src/kernel-side/channels/device.js';
import { NetlinkConnection } from '../../../src/kernel-side/netlink/connection.js';
import { GenlOpFlags, NetlinkProtocol, NlmFlags } from '../../../src/kernel-side/netlink/constants.js';
import { resolveFamily } from '../../../src/kernel-side/netlink/controller.js';
import { comparePolicies, parsePolicyDump, writeGetPolicy } from '../../../src/kernel-side/netlink/policy-dump.js';
import { attrPolicy, queuePolicy, statsPolicy, svcPolicy } from '../../../src/kernel-side/messages/policy.js';
import { decodeGenl } from '../../../src/kernel-side/messages/decode.js';
import { writeGetStats } from '../../../src/kernel-side/messages/encode.js';
import type { VexfsMessage } from '../../../src/kernel-side/messages/messages.js';
import { GenlKernelChannel } from '../../../src/kernel-side/channels/channel.js';
import { NetlinkSocket } from '../../../src/kernel-side/netlink/socket.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { VEXFSCTL, ctl } from '../../helpers/ctl.js';
import { startOpenAiServer } from '../../helpers/openai-server.js';
import { serviceInfo } from '../../helpers/service-info.js';
import { until } from '../../helpers/wait.js';

const CONTROL = '/run/vexfs/control.sock'; // the daemon's; services here register by ioctl
const GRACE_PARAM = '/sys/module/vexfs_ipc/parameters/grace_ms';
let dev: VexfsDevice;
let daemon: ChildProcess | undefined;
let service: EmbeddingService | undefined;
const slowRelease: Array<() => void> = [];

function startDaemon(kernel: 'genl' | 'chardev' = 'genl', extra: string[] = []): Promise<ChildProcess> {
  // The guest's service lives in this test process, whose event loop can be busy for seconds under TCG
  // (48 hashing embeds plus their checks in one turn: "no heartbeat for 3336 ms" was seen with the 3 s
  // default), so heartbeats get a timeout for an emulated machine. Sticky sessions by key and
  // round-robin make the session test's spread deterministic. The 'slow' model holds its requests on
  // purpose for as long as a test needs: outlier detection (a batch unanswered for 2 s by default)
  // would call the service hung under TCG, open its breaker and fail the next tests NO_SERVICE.
  const child = spawn(
    process.execPath,
    [
      'dist/bin/vexfs-bridged.js',
      '--kernel',
      kernel,
      '--control-socket',
      CONTROL,
      '--log-level',
      'info',
      '--heartbeat-timeout-ms',
      '15000',
      '--sticky-by',
      'key',
      '--balancer',
      'round-robin',
      '--state-dir',
      '/tmp/vexfs-state',
      '--outlier-min-ms',
      '120000',
      ...extra,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let logs = '';
  child.stderr!.on('data', (d) => {
    logs += d;
    // Kept for the VM's console when a test fails (run-vm.mjs prints its tail).
    appendFileSync('/tmp/vexfs-daemon.log', d);
  });
  return until(() => logs.includes('kernel transport') || child.exitCode !== null, 'the daemon to attach', 60_000).then(() => {
    if (child.exitCode !== null) throw new Error(`the daemon exited: ${logs}`);
    return child;
  });
}

async function startService(): Promise<EmbeddingService> {
  const decoder = new TextDecoder();
  return EmbeddingService.start({
    id: 'guest-embedder',
    name: 'hashing embedder (guest)',
    dimensions: [384],
    models: [HASHING_MODEL, 'slow'],
    embed: async (inputs, { model, dimensions }) => {
      if (model === 'slow') await new Promise<void>((r) => slowRelease.push(r));
      return inputs.map((i) => hashingEmbed(decoder.decode(i), dimensions));
    },
  });
}

const stats = () => dev.stats() as Record<string, number>;
const text = (s: string) => Buffer.from(s);
const expectedVector = (s: string) => Buffer.from(hashingEmbed(s, 384).buffer);

beforeAll(() => {
  dev = VexfsDevice.open();
});
afterAll(async () => {
  for (const r of slowRelease.splice(0)) r();
  await service?.close();
  dev.close();
  // The daemon stays attached: the VM's init unloads the module with it attached.
});

/** Stops the daemon with SIGTERM and waits until the module has seen it go. */
async function stopDaemon(): Promise<void> {
  const exited = new Promise((r) => daemon!.once('exit', r));
  daemon!.kill('SIGTERM');
  await exited;
  await until(() => stats().daemon_attached === 0, 'detach');
}

/** Embeds `s` once a (re)started daemon has its services back, and checks the vector. */
async function expectServedAgain(s: string): Promise<void> {
  let r = await dev.embed({ input: text(s), dimensions: 384, model: HASHING_MODEL });
  const deadline = Date.now() + 30_000;
  while (r.status !== Status.SUCCESS && Date.now() < deadline) {
    await new Promise((res) => setTimeout(res, 50));
    r = await dev.embed({ input: text(s), dimensions: 384, model: HASHING_MODEL });
  }
  expect(r.status).toBe(Status.SUCCESS);
  expect(r.vector).toEqual(expectedVector(s));
}

// Registrations whose every field has its maximum length: about 90 no longer fit one netlink
// attribute (64 KiB), so the daemon answers LIST_SERVICES in parts.
async function registerLongest(n: number): Promise<VexfsDevice[]> {
  const pad = (s: string, len: number) => (s + 'x'.repeat(len)).slice(0, len);
  const files: VexfsDevice[] = [];
  for (let i = 0; i < n; i++) {
    const d = VexfsDevice.open();
    files.push(d);
    await d.register({
      id: pad(`long-${i}-`, 63),
      name: pad(`long service ${i} `, 63),
      version: pad('1.', 31),
      dimensions: Array.from({ length: 16 }, (_, k) => k + 1),
      dataTypes: 1,
      models: [0, 1, 2, 3].map((k) => pad(`m${k}-`, 63)),
      maxBatchSize: 1000,
      priority: 0,
      endpoint: pad(`unix:/tmp/long-${i}-`, 112),
      metadata: {},
    });
  }
  return files;
}

async function expectLongList(total: number): Promise<void> {
  const listed = await dev.list(256);
  expect(listed.total).toBe(total);
  expect(listed.services.length).toBe(total);
  expect(listed.services.filter((s) => s.id.startsWith('long-')).length).toBe(total - 1);
  // The daemon survived the answer: a request is still served.
  const r = await dev.embed({ input: text('after a long list'), dimensions: 384, model: HASHING_MODEL });
  expect(r.status).toBe(Status.SUCCESS);
  expect(daemon!.exitCode).toBeNull();
}

describe('vexfs_ipc.ko', () => {
  it('creates /dev/vexfs_ipc (0660) and the VEXFS_IPC family with admin-only daemon ops', async () => {
    expect(statSync(DEVICE_PATH).mode & 0o777).toBe(0o660);
    const conn = new NetlinkConnection(new NetlinkSocket(NetlinkProtocol.GENERIC).bind());
    try {
      const family = await resolveFamily(conn, 'VEXFS_IPC');
      const flags = new Map(family.ops.map((o) => [o.id, o.flags]));
      expect(flags.get(Cmd.DAEMON_ATTACH)! & GenlOpFlags.ADMIN_PERM).toBeTruthy();
      expect(flags.get(Cmd.EMBED_RESPONSE)! & GenlOpFlags.ADMIN_PERM).toBeTruthy();
      expect(flags.get(Cmd.GET_STATS)! & GenlOpFlags.ADMIN_PERM).toBe(0);
      expect(family.groups.map((g) => g.name)).toEqual(['events']);
    } finally {
      conn.close();
    }
  });

  it('checks exactly the attribute policies src/kernel-side/messages/policy.ts describes (CTRL_CMD_GETPOLICY)', async () => {
    const conn = new NetlinkConnection(new NetlinkSocket(NetlinkProtocol.GENERIC).bind());
    try {
      const k = parsePolicyDump(await conn.request(0, (w, seq) => writeGetPolicy(w, seq, conn.socket.portId, 'VEXFS_IPC'), { dump: true }));
      const daemonCommands = [Cmd.DAEMON_ATTACH, Cmd.DAEMON_DETACH, Cmd.EMBED_RESPONSE, Cmd.REPLY, Cmd.HEARTBEAT, Cmd.SERVICE_REVOKE, Cmd.GET_STATS];
      for (const cmd of daemonCommands) {
        const idx = k.doPolicy.get(cmd);
        expect(idx, `command ${cmd} has a policy`).toBeDefined();
        expect(
          comparePolicies(k, idx as number, attrPolicy, {
            [Attr.SERVICE]: svcPolicy,
            [Attr.SERVICES]: svcPolicy,
            [Attr.STATS]: statsPolicy,
            [Attr.QUEUES]: queuePolicy,
          }),
        ).toEqual([]);
      }
    } finally {
      conn.close();
    }
  });

  it('fails fast with ENOTCONN when no daemon is attached', async () => {
    await expect(dev.embed({ input: text('x'), dimensions: 384 })).rejects.toMatchObject({ code: 'ENOTCONN', syscall: 'ioctl' });
    expect(stats().daemon_attached).toBe(0);
  });

  it('rejects every bad field with the documented errno', async () => {
    const ok = { input: text('x'), dimensions: 384 };
    const cases: Array<[Record<string, number | bigint>, string]> = [
      [{ reserved0: 1 }, 'EINVAL'],
      [{ flags: 1 }, 'EINVAL'],
      [{ data_size: 0 }, 'EINVAL'],
      [{ data_size: 16385 }, 'E2BIG'],
      [{ dimensions: 0 }, 'EINVAL'],
      [{ dimensions: 8193 }, 'EINVAL'],
      [{ data_type: 5 }, 'EINVAL'],
      [{ model_len: 64 }, 'E2BIG'],
      [{ model_len: 3, model_ptr: 0n }, 'EFAULT'],
      [{ timeout_ms: 600_001 }, 'EINVAL'],
      [{ vector_size: 10 }, 'ENOSPC'],
      [{ vector_ptr: 0n }, 'EFAULT'],
      [{ data_ptr: 0n }, 'EFAULT'],
      [{ data_ptr: 8n }, 'EFAULT'],
    ];
    for (const [raw, code] of cases) {
      await expect(
        dev.embed({ ...ok, raw }),
        JSON.stringify(raw, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
      ).rejects.toMatchObject({ code });
    }
    await expect(dev.rawIoctl(0xc0085699, Buffer.alloc(8))).rejects.toMatchObject({ code: 'ENOTTY' });
    // A known number with another size is not this device's ioctl either.
    await expect(dev.rawIoctl(0xc0085625, Buffer.alloc(8))).rejects.toMatchObject({ code: 'ENOTTY' });
    // GET_STATS refuses a non-zero reserved0 like every other struct.
    const st = Buffer.alloc(koffi.sizeof(StatsStruct));
    koffi.encode(st, 0, StatsStruct, { ...koffi.decode(st, 0, StatsStruct), reserved0: 1 });
    await expect(dev.rawIoctl(Ioctl.GET_STATS, st)).rejects.toMatchObject({ code: 'EINVAL' });
    for (const [fields, code] of [
      [{ consumers_capacity: 33, consumers_ptr: 8n }, 'EINVAL'],
      [{ consumers_capacity: 1, consumers_ptr: 0n }, 'EFAULT'],
      [{ consumers_capacity: 1, consumers_ptr: 8n }, 'EFAULT'],
    ] as const) {
      koffi.encode(st, 0, StatsStruct, { ...koffi.decode(Buffer.alloc(st.length), 0, StatsStruct), ...fields });
      await expect(
        dev.rawIoctl(Ioctl.GET_STATS, st),
        JSON.stringify(fields, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
      ).rejects.toMatchObject({ code });
    }
    // With no daemon, forwarded calls fail fast too.
    await expect(dev.list()).rejects.toMatchObject({ code: 'ENOTCONN' });
  });

  it('serves embeddings by ioctl through the daemon and a service, identical to the embedder called directly', async () => {
    daemon = await startDaemon();
    service = await startService();
    expect(service.registeredVia).toBe('ioctl');
    await until(() => stats().daemon_attached === 1, 'attach');
    const deadline = Date.now() + 30_000;
    let r = await dev.embed({ input: text('hello kernel'), dimensions: 384, model: HASHING_MODEL });
    // The service registers just after the daemon attaches.
    while (r.status === Status.NO_SERVICE && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 50));
      r = await dev.embed({ input: text('hello kernel'), dimensions: 384, model: HASHING_MODEL });
    }
    expect(r.status).toBe(Status.SUCCESS);
    expect(r.vector).toEqual(expectedVector('hello kernel'));
    expect(r.requestId).toBeGreaterThan(0n);
    // Who made it, as the module passes the daemon's answer on (provenance_ptr).
    expect(r.provenance).toEqual({
      serviceId: 'guest-embedder',
      model: HASHING_MODEL,
      modelVersion: service.info.version,
      dimensions: 384,
      dataType: DataType.FLOAT32,
      truncated: false,
    });
    const h = await dev.embed({ input: text('hello kernel'), dimensions: 384, dataType: DataType.FLOAT16 });
    expect(h.status).toBe(Status.SUCCESS);
    expect(h.vector.length).toBe(768);
  });

  it('serves the in-kernel API to another module calling from a kworker, which holds vexfs_ipc loaded', async () => {
    const EMBED = '/sys/kernel/debug/vexfs_ipc_test/embed';
    // The test module writes its outcome as three 32-bit words (return value, status, vector length), then the vector.
    const call = async (line: string) => {
      // Asynchronous: the write blocks until the answer, which this process's service gives.
      await writeFile(EMBED, line);
      const b = await readFile(EMBED);
      return { ret: b.readInt32LE(0), status: b.readUInt32LE(4), vector: b.subarray(12, 12 + b.readUInt32LE(8)) };
    };
    const loaded = spawnSync('insmod', ['kernel-shim/vexfs_ipc_test.ko'], { encoding: 'utf8' });
    expect(loaded.status, loaded.stderr).toBe(0);
    try {
      const ok = await call(`384 10000 ${HASHING_MODEL} written by the filesystem`);
      expect(ok).toMatchObject({ ret: 0, status: Status.SUCCESS });
      expect(ok.vector).toEqual(expectedVector('written by the filesystem'));
      // The service holds "slow" requests: the kernel's own timeout ends it.
      const slow = await call('384 300 slow held past its timeout');
      expect(slow).toMatchObject({ ret: 0, status: Status.TIMEOUT });
      for (const release of slowRelease.splice(0)) release();
      // Bad arguments are the API's -EINVAL; no daemon is -ENOTCONN at once.
      expect((await call('0 1000 - zero dimensions')).ret).toBe(-22);
      // vexfs_ipc cannot go while a module using its API is loaded.
      expect(spawnSync('rmmod', ['vexfs_ipc']).status).not.toBe(0);
      await stopDaemon();
      expect((await call(`384 1000 ${HASHING_MODEL} nobody home`)).ret).toBe(-107);
      daemon = await startDaemon();
      await expectServedAgain('back after the daemon');
      expect((await call(`384 10000 ${HASHING_MODEL} written again`)).vector).toEqual(expectedVector('written again'));
    } finally {
      expect(spawnSync('rmmod', ['vexfs_ipc_test']).status).toBe(0);
    }
  });

  it('lists and reports the service registered by ioctl', async () => {
    const { services, total } = await dev.list();
    expect(total).toBe(1);
    expect(services[0]).toMatchObject({ id: 'guest-embedder', dimensions: [384], models: [HASHING_MODEL, 'slow'], state: 1, health: 100 });
    expect(services[0]?.pid).toBe(process.pid);
    const s = await dev.status('guest-embedder');
    expect(s.endpoint).toMatch(/^unix:\//);
    expect(s.total).toBeGreaterThan(0);
    await expect(dev.status('nope')).rejects.toMatchObject({ code: 'ENOENT' });
    const withDaemon = await dev.statsWithDaemon();
    expect(withDaemon).toMatchObject({ daemon_valid: 1, daemon_services: 1, flags: 1 });
    expect(withDaemon.daemon_requests_completed).toBeGreaterThan(0);
    expect(withDaemon.daemon_avg_latency_ns).toBeGreaterThan(0);
    expect(stats()).toMatchObject({ daemon_valid: 0, daemon_services: 0 });
    // The same module counters over generic netlink (GET_STATS needs no privilege).
    const conn = new NetlinkConnection(new NetlinkSocket(NetlinkProtocol.GENERIC).bind());
    try {
      const family = await resolveFamily(conn, 'VEXFS_IPC');
      const replies = await conn.request(0, (w, seq) =>
        writeGetStats(w, { familyId: family.id, seq, portId: conn.socket.portId, flags: NlmFlags.ACK }, { requestId: undefined, stats: undefined }),
      );
      const m = decodeGenl(replies[0]!.buf, replies[0]!.hdr);
      expect(m.cmd).toBe(Cmd.GET_STATS);
      const genlStats = (m.msg as unknown as { stats: Record<string, bigint> }).stats;
      expect(Number(genlStats.REQUESTS_SUBMITTED)).toBe(stats().requests_submitted);
      expect(genlStats.INFLIGHT).toBe(0n);
    } finally {
      conn.close();
    }
    expect((await dev.list(0)).total).toBe(1);
    expect(stats().live_registrations).toBe(1);
  });

  it('vexfsctl reads the module by ioctl: status, services, service, stats, the same views as the control socket', async () => {
    const status = JSON.parse((await ctl(['status', '--json'])).stdout);
    expect(status).toMatchObject({ source: 'device', kernel: { module: true, daemonAttached: true, transport: 'genl' }, services: 1, inflight: 0 });
    expect(status.uptimeMs).toBeGreaterThan(0);
    const viaDevice = JSON.parse((await ctl(['services', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(viaDevice).toHaveLength(1);
    expect(viaDevice[0]).toMatchObject({
      id: 'guest-embedder',
      state: 'ready',
      health: 100,
      breaker: 'closed',
      dimensions: [384],
      models: [HASHING_MODEL, 'slow'],
      pid: process.pid,
    });
    expect(viaDevice[0]?.capacity as number).toBeGreaterThan(0);
    expect(viaDevice[0]?.p50ResponseNs as number).toBeGreaterThan(0);
    const viaDaemon = JSON.parse((await ctl(['--via', 'daemon', '--socket', CONTROL, 'services', '--json'])).stdout) as Array<Record<string, unknown>>;
    // What each heartbeat refreshes may differ between the two reads.
    const stable = (v: Record<string, unknown>) => ({ ...v, heartbeatAgeMs: 0, cpu: 0, rssBytes: 0 });
    // The service's process reports its memory, through the daemon and the module to the ioctl.
    expect(viaDevice[0]?.rssBytes as number).toBeGreaterThan(10 * 1024 * 1024);
    expect(viaDaemon.map(stable)).toEqual(viaDevice.map(stable));
    const table = await ctl(['services']);
    expect(table.stdout).toMatch(
      /^guest-embedder\s+hashing embedder \(guest\)\s+-\s+ready\s+100\s+384\s+hashing-ngram-v1,slow\s+\d+\/\d+\s+\S+s\s+\S+s\s+closed$/m,
    );
    expect((await ctl(['service', 'guest-embedder'])).stdout).toMatch(/registered by\s+uid 0, pid \d+/);
    const missing = await ctl(['service', 'nope']);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('no such service is registered');
    const st = JSON.parse((await ctl(['stats', '--json'])).stdout);
    expect(st.source).toBe('device');
    expect(st.succeeded).toBeGreaterThan(0);
    expect(st.byStatus.SUCCESS).toBe(st.succeeded);
    expect(st.p99LatencyNs).toBeGreaterThanOrEqual(st.p50LatencyNs);
    expect(st.p50LatencyNs).toBeGreaterThan(0);
    const health = await ctl(['health']);
    expect(health.code).toBe(0);
    expect(health.stdout).toContain('daemon attached (genl)');
  });

  it('vexfsctl embeds by SEND_EMBEDDING_REQUEST and registers by ioctl', async () => {
    const e = JSON.parse((await ctl(['embed', 'hello kernel', '--model', HASHING_MODEL, '--json'])).stdout);
    expect(e).toMatchObject({ status: 'SUCCESS', dimensions: 384, dataType: 0 });
    expect(Float32Array.from(e.values as number[])).toEqual(hashingEmbed('hello kernel', 384));
    const held = ctl(['register', '--id', 'ctl-held', '--dims', '8', '--endpoint', 'unix:/tmp/ctl-held.sock', '--hold-ms', '1500', '--json']);
    const deadline = Date.now() + 30_000;
    while (!(await dev.list()).services.some((s) => s.id === 'ctl-held') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await dev.list()).services.map((s) => s.id)).toContain('ctl-held');
    const done = await held;
    expect(done.code).toBe(0);
    expect(
      done.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ registered: 'ctl-held', via: 'ioctl' }, { unregistered: 'ctl-held' }]);
    expect((await dev.list()).services.map((s) => s.id)).toEqual(['guest-embedder']);
  });

  it('vexfsctl says which group a user needs when the device refuses them', async () => {
    const r = await ctl(['status'], {}, { uid: 65534, gid: 65534 });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('permission denied: open on /dev/vexfs_ipc: it is mode 660, group root: add your user to group root');
  });

  it('serves the module counters on /metrics', async () => {
    const text = await (await fetch('http://127.0.0.1:9477/metrics')).text();
    const submitted = Number(/^vexfs_kernel_requests_submitted_total (\d+)$/m.exec(text)?.[1]);
    expect(submitted).toBe(stats().requests_submitted);
    expect(text).toMatch(/^vexfs_kernel_daemon_attached 1$/m);
    expect(text).toMatch(/^vexfs_requests_total\{service="guest-embedder",model="hashing-ngram-v1",priority="normal",status="success"\} [1-9]/m);
    expect((await fetch('http://127.0.0.1:9477/ready')).status).toBe(200);
  });

  it('refuses bad registrations with the documented errno, in the module or from the daemon', async () => {
    const info = serviceInfo('reg-test', { name: 'r', version: '1', dimensions: [8], dataTypes: 1, maxBatchSize: 4, endpoint: '/tmp/reg-test.sock' });
    const good = { ...info, endpoint: 'unix:/tmp/reg-test.sock' };
    const cases: Array<[Record<string, number | bigint>, string]> = [
      [{ service_id_len: 0 }, 'EINVAL'],
      [{ service_id_len: 64 }, 'E2BIG'],
      [{ dimensions_count: 0 }, 'EINVAL'],
      [{ dimensions_count: 17 }, 'E2BIG'],
      [{ max_batch_size: 0 }, 'EINVAL'],
      [{ max_batch_size: 1001 }, 'EINVAL'],
      [{ data_types: 64 }, 'EINVAL'],
      [{ priority: 256 }, 'EINVAL'],
      [{ flags: 1 }, 'EINVAL'],
      [{ endpoint_ptr: 8n }, 'EFAULT'],
      [{ endpoint_ptr: 0n }, 'EFAULT'],
      [{ dimensions_ptr: 0n }, 'EFAULT'],
      [{ version_len: 32 }, 'E2BIG'],
    ];
    for (const [raw, code] of cases) {
      const d = VexfsDevice.open();
      try {
        await expect(
          d.register(good, raw),
          JSON.stringify(raw, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
        ).rejects.toMatchObject({ code });
      } finally {
        d.close();
      }
    }
    const d = VexfsDevice.open();
    const other = VexfsDevice.open();
    try {
      // The daemon's own validation: an endpoint without "unix:".
      await expect(d.register(info)).rejects.toMatchObject({ code: 'EINVAL' });
      await expect(d.register({ ...good, id: 'guest-embedder' })).rejects.toMatchObject({ code: 'EEXIST' });
      await d.register(good);
      await expect(d.register({ ...good, id: 'second' })).rejects.toMatchObject({ code: 'EBUSY' });
      await expect(other.register(good)).rejects.toMatchObject({ code: 'EEXIST' });
      await expect(other.unregister('reg-test')).rejects.toMatchObject({ code: 'ENOENT' });
      // An id of VEXFS_IPC_MAX_SERVICE_ID_LEN bytes or more, as the header documents for both.
      await expect(other.unregister('u'.repeat(64))).rejects.toMatchObject({ code: 'E2BIG' });
      await expect(other.status('u'.repeat(64))).rejects.toMatchObject({ code: 'E2BIG' });
      expect((await dev.list()).services.map((s) => s.id).sort()).toEqual(['guest-embedder', 'reg-test']);
      await d.unregister('reg-test');
      expect((await dev.list()).services.map((s) => s.id)).toEqual(['guest-embedder']);
    } finally {
      d.close();
      other.close();
    }
  });

  it('forgets a device registration an administrator removes: the id is free and its file may register again', async () => {
    const svc = serviceInfo('revoked', { name: 'r', version: '1', dimensions: [8], dataTypes: 1, maxBatchSize: 4 });
    const d = VexfsDevice.open();
    const other = VexfsDevice.open();
    try {
      await d.register(svc);
      expect(stats().live_registrations).toBe(2);
      await expect(other.register(svc)).rejects.toMatchObject({ code: 'EEXIST' });
      const removed = await ctl(['--socket', CONTROL, 'unregister', 'revoked', '--json']);
      expect(removed.code, removed.stderr).toBe(0);
      await until(() => stats().live_registrations === 1, 'the module to forget the removed registration');
      expect((await dev.list()).services.map((s) => s.id)).toEqual(['guest-embedder']);
      await other.register(svc);
      await expect(d.unregister('revoked')).rejects.toMatchObject({ code: 'ENOENT' });
      await other.unregister('revoked');
      await d.register(svc);
      expect(stats().live_registrations).toBe(2);
      await d.unregister('revoked');
      expect(stats().live_registrations).toBe(1);
    } finally {
      d.close();
      other.close();
    }
  });

  it('lists more registrations than one message holds (90 of maximum length) over genetlink and the daemon lives on', async () => {
    const files = await registerLongest(90);
    try {
      await expectLongList(91);
    } finally {
      for (const f of files) f.close();
    }
    await until(() => stats().live_registrations === 1, 'the 90 registrations to go with their files');
  });

  it("refuses a device registration the daemon's policy does not allow, and takes one with a registration token", async () => {
    const nobody = { uid: 65534, gid: 65534 };
    chmodSync(DEVICE_PATH, 0o666);
    try {
      // The bundled embedder's model and dimensions, claimed by an unprivileged user.
      const claim = await ctl(
        ['register', '--id', 'claimer', '--dims', '384', '--models', HASHING_MODEL, '--endpoint', 'unix:/tmp/claimer.sock', '--hold-ms', '1'],
        {},
        nobody,
      );
      expect(claim.code, claim.stderr).toBe(4);
      expect(claim.stderr).toMatch(/REGISTER_SERVICE "claimer": the daemon's policy does not let this user register/);
      const made = await ctl(['--via', 'daemon', '--socket', CONTROL, '--json', 'token', 'create', '--services', 'tok-*', '--models', HASHING_MODEL]);
      expect(made.code, made.stderr).toBe(0);
      const { token } = JSON.parse(made.stdout) as { token: string };
      const wrong = await ctl(
        ['register', '--id', 'claimer', '--dims', '384', '--models', HASHING_MODEL, '--endpoint', 'unix:/tmp/claimer.sock', '--hold-ms', '1'],
        { VEXFS_REGISTRATION_TOKEN: token },
        nobody,
      );
      expect(wrong.stderr).toMatch(/refused the registration token/);
      const ok = await ctl(
        ['--json', 'register', '--id', 'tok-dev', '--dims', '384', '--models', HASHING_MODEL, '--endpoint', 'unix:/tmp/tok-dev.sock', '--hold-ms', '1'],
        { VEXFS_REGISTRATION_TOKEN: token },
        nobody,
      );
      expect(ok.code, ok.stderr).toBe(0);
      expect(
        ok.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual([{ registered: 'tok-dev', via: 'ioctl' }, { unregistered: 'tok-dev' }]);
    } finally {
      chmodSync(DEVICE_PATH, 0o660);
    }
  });

  it("lowers an unprivileged caller's priority (and says so) and bounds its pending requests per uid", async () => {
    const nobody = { uid: 65534, gid: 65534 };
    const perUid = '/sys/module/vexfs_ipc/parameters/max_pending_per_uid';
    const priorityGid = '/sys/module/vexfs_ipc/parameters/priority_gid';
    chmodSync(DEVICE_PATH, 0o666);
    writeFileSync(perUid, '2');
    try {
      const user = await ctl(['--json', 'embed', 'clamp me', '--model', HASHING_MODEL, '--priority', 'critical'], {}, nobody);
      expect(user.code, user.stderr).toBe(0);
      expect(JSON.parse(user.stdout)).toMatchObject({ status: 'SUCCESS', priorityClamped: true });
      const rootCall = await dev.embed({ input: text('root keeps critical'), dimensions: 384, model: HASHING_MODEL, priority: 255 });
      expect(rootCall).toMatchObject({ status: Status.SUCCESS, priorityClamped: false });
      const normal = await ctl(['--json', 'embed', 'normal is fine', '--model', HASHING_MODEL, '--priority', 'normal'], {}, nobody);
      expect(JSON.parse(normal.stdout)).toMatchObject({ priorityClamped: false });
      // Two slow requests of this uid pending: its third is refused; root is not affected.
      const slow = [0, 1].map((i) => ctl(['--json', 'embed', `slow ${i}`, '--model', 'slow', '--dims', '384', '--timeout', '120000'], {}, nobody));
      await until(() => (stats().live_requests ?? 0) >= 2 && slowRelease.length >= 1, 'two slow requests pending', 120_000);
      const third = await ctl(['embed', 'third', '--model', HASHING_MODEL], {}, nobody);
      expect(third.code).toBe(1);
      expect(third.stderr).toMatch(/max_pending_per_uid requests pending \(EDQUOT\)/);
      expect((await dev.embed({ input: text('root still served'), dimensions: 384, model: HASHING_MODEL })).status).toBe(Status.SUCCESS);
      for (const r of slowRelease.splice(0)) r();
      for (const r of await Promise.all(slow)) expect(r.code, r.stderr).toBe(0);

      // Counted while the limit is 0 too, so the counts are true when a limit is set at run time.
      writeFileSync(perUid, '0');
      const uncounted = [0, 1].map((i) => ctl(['--json', 'embed', `slow again ${i}`, '--model', 'slow', '--dims', '384', '--timeout', '120000'], {}, nobody));
      await until(() => (stats().live_requests ?? 0) >= 2 && slowRelease.length >= 1, 'two slow requests pending with no limit', 120_000);
      writeFileSync(perUid, '2');
      const over = await ctl(['embed', 'over', '--model', HASHING_MODEL], {}, nobody);
      expect(over.stderr).toMatch(/max_pending_per_uid requests pending \(EDQUOT\)/);
      for (const r of slowRelease.splice(0)) r();
      for (const r of await Promise.all(uncounted)) expect(r.code, r.stderr).toBe(0);

      // priority_gid names a gid of the initial user namespace: a user namespace that maps the
      // caller's own gid to it (here 0, with unshare -r) gets no way past the clamp.
      writeFileSync(priorityGid, '0');
      const mapped = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          'unshare',
          ['-r', process.execPath, VEXFSCTL, '--json', 'embed', 'mapped', '--model', HASHING_MODEL, '--priority', 'critical'],
          { ...nobody, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
          (err, stdout, stderr) => resolve({ code: err === null ? 0 : ((err as { code?: number }).code ?? -1), stdout, stderr }),
        );
      });
      expect(mapped.code, mapped.stderr).toBe(0);
      expect(JSON.parse(mapped.stdout)).toMatchObject({ status: 'SUCCESS', priorityClamped: true });
    } finally {
      writeFileSync(perUid, '1024');
      writeFileSync(priorityGid, '-1');
      chmodSync(DEVICE_PATH, 0o660);
    }
  });

  it('removes the service of a registering process that is killed', async () => {
    const child = spawn(process.execPath, ['test/kernel/guest/fixtures/register-and-wait.mjs', 'doomed'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    await until(() => out.includes('registered via ioctl'), 'the child to register', 60_000);
    expect((await dev.list()).services.map((s) => s.id)).toContain('doomed');
    child.kill('SIGKILL');
    await until(() => stats().live_registrations === 1, 'the module to drop the registration');
    const deadline = Date.now() + 10_000;
    while ((await dev.list()).services.some((s) => s.id === 'doomed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await dev.list()).services.map((s) => s.id)).toEqual(['guest-embedder']);
  });

  it('keeps concurrent requests apart', async () => {
    const texts = Array.from({ length: 48 }, (_, i) => `concurrent request number ${i}`);
    const results = await Promise.all(texts.map((t) => dev.embed({ input: text(t), dimensions: 384, model: HASHING_MODEL })));
    results.forEach((r, i) => {
      expect(r.status).toBe(Status.SUCCESS);
      expect(r.vector).toEqual(expectedVector(texts[i] as string));
    });
    expect(new Set(results.map((r) => r.requestId)).size).toBe(texts.length);
  });

  it('keeps a caller session (session_key) on one service', async () => {
    const decoder = new TextDecoder();
    const seen: string[] = [];
    const second = await EmbeddingService.start({
      id: 'guest-second',
      name: 'second hashing embedder',
      dimensions: [384],
      models: [HASHING_MODEL],
      embed: (inputs, { dimensions }) => inputs.map((i) => (seen.push(decoder.decode(i)), hashingEmbed(decoder.decode(i), dimensions))),
    });
    try {
      await until(() => stats().live_registrations === 2, 'the second service to register');
      const keys = [7n, 8n, 0xffffffffffffffffn];
      const deadline = Date.now() + 30_000;
      // Until the daemon has connected to it, the second service cannot take a session.
      while (!(await dev.list()).services.some((s) => s.id === 'guest-second' && s.state === 1) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      for (let round = 0; round < 6; round++) {
        for (const key of keys) {
          const r = await dev.embed({ input: text(`session ${key}`), dimensions: 384, model: HASHING_MODEL, sessionKey: key });
          expect(r.status).toBe(Status.SUCCESS);
          expect(r.vector).toEqual(expectedVector(`session ${key}`));
        }
      }
      // Each session went wholly to one service or the other; round-robin gave the second service one or two of them.
      const counts = keys.map((key) => seen.filter((t) => t === `session ${key}`).length);
      for (const c of counts) expect([0, 6]).toContain(c);
      expect(counts.filter((c) => c === 6).length).toBeGreaterThanOrEqual(1);
      expect(counts.filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
    } finally {
      await second.close();
    }
    await until(() => stats().live_registrations === 1, 'the second service to unregister');
  });

  it('times out a request the service does not answer in time', async () => {
    const before = stats().requests_timed_out as number;
    const r = await dev.embed({ input: text('slow'), dimensions: 384, model: 'slow', timeoutMs: 300 });
    expect(r.status).toBe(Status.TIMEOUT);
    expect(stats().requests_timed_out).toBe(before + 1);
    for (const release of slowRelease.splice(0)) release();
  });

  it('fails new requests fast when the daemon dies and re-sends in-flight ones to a restarted daemon', async () => {
    const inflight = dev.embed({ input: text('survivor'), dimensions: 384, model: 'slow', timeoutMs: 60_000 });
    await until(() => slowRelease.length === 1, 'the request to reach the service', 30_000);
    const resentBefore = stats().requests_resent as number;
    daemon!.kill('SIGKILL');
    await until(() => stats().daemon_attached === 0, 'the module to notice the daemon is gone');
    await expect(dev.embed({ input: text('x'), dimensions: 384 })).rejects.toMatchObject({ code: 'ENOTCONN' });
    for (const release of slowRelease.splice(0)) release();
    daemon = await startDaemon();
    // The re-sent copy reaches the (slow) service again through the new daemon.
    await until(() => slowRelease.length === 1, 'the re-sent request to reach the service', 60_000);
    for (const release of slowRelease.splice(0)) release();
    const r = await inflight;
    expect(stats().requests_resent).toBeGreaterThan(resentBefore);
    // The module re-announced the registration first; the daemon held the request until the service connected.
    expect(r.status).toBe(Status.SUCCESS);
    expect(r.vector).toEqual(expectedVector('survivor'));
  });

  it('completes in-flight requests with NO_DAEMON when no daemon returns within the grace period', async () => {
    await until(() => service !== undefined && stats().daemon_attached === 1, 'attach');
    let r = await dev.embed({ input: text('warm'), dimensions: 384, model: HASHING_MODEL });
    while (r.status !== Status.SUCCESS) r = await dev.embed({ input: text('warm'), dimensions: 384, model: HASHING_MODEL });
    const inflight = dev.embed({ input: text('orphan'), dimensions: 384, model: 'slow', timeoutMs: 60_000 });
    await until(() => slowRelease.length === 1, 'the request to reach the service', 30_000);
    // The module is loaded with a long grace period so restarts are never raced; shorten it here.
    writeFileSync(GRACE_PARAM, '300');
    try {
      daemon!.kill('SIGKILL');
      expect((await inflight).status).toBe(Status.NO_DAEMON);
    } finally {
      writeFileSync(GRACE_PARAM, '20000');
    }
    for (const release of slowRelease.splice(0)) release();
    daemon = await startDaemon();
  });

  it('serves requests over the char-device framed transport', async () => {
    await stopDaemon();
    daemon = await startDaemon('chardev');
    await until(() => stats().daemon_attached === 1, 'attach through the device');
    expect(stats()).toMatchObject({ transport: 2, daemon_port_id: 0 });
    // The module re-announced the registration to the new daemon.
    await expectServedAgain('framed');
    const many = await Promise.all(Array.from({ length: 16 }, (_, i) => dev.embed({ input: text(`framed ${i}`), dimensions: 384, model: HASHING_MODEL })));
    many.forEach((m, i) => {
      expect(m.vector).toEqual(expectedVector(`framed ${i}`));
    });
    expect((await dev.list()).services.map((s) => s.id)).toEqual(['guest-embedder']);
    // A long list leaves as several frames.
    const longFiles = await registerLongest(90);
    try {
      await expectLongList(91);
    } finally {
      for (const f of longFiles) f.close();
    }
    await until(() => stats().live_registrations === 1, 'the 90 registrations to go with their files');

    // SERVICE_REVOKE travels as a frame too.
    const held = VexfsDevice.open();
    try {
      await held.register(serviceInfo('framed-revoked', { name: 'r', dimensions: [8], dataTypes: 1, endpoint: 'unix:/tmp/fr.sock' }));
      expect((await ctl(['--socket', CONTROL, 'unregister', 'framed-revoked'])).code).toBe(0);
      await until(() => stats().live_registrations === 1, 'the module to forget the removed registration');
      await expect(held.unregister('framed-revoked')).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      held.close();
    }

    // Frames from a file that is not the daemon, and broken frames.
    const fd = openSync(DEVICE_PATH, 'r+');
    try {
      const body = Buffer.alloc(16);
      const frame = Buffer.alloc(FRAME_HEADER_BYTES + body.length);
      body.copy(frame, FRAME_HEADER_BYTES);
      sealFrame(frame, 0, body.length, Cmd.HEARTBEAT, 0n);
      const bad = Buffer.from(frame);
      bad[FRAME_HEADER_BYTES] = 1;
      expect(() => writeSync(fd, Buffer.alloc(40))).toThrow(expect.objectContaining({ code: 'EPROTO' }));
      // EBADMSG (74): libuv has no name for it.
      expect(() => writeSync(fd, bad)).toThrow(expect.objectContaining({ errno: -74 }));
      const attach = Buffer.alloc(FRAME_HEADER_BYTES + 8);
      attach.writeUInt16LE(8, FRAME_HEADER_BYTES);
      attach.writeUInt16LE(Attr.PROTOCOL_VERSION, FRAME_HEADER_BYTES + 2);
      attach.writeUInt32LE(Consts.PROTOCOL_VERSION, FRAME_HEADER_BYTES + 4);
      sealFrame(attach, 0, 8, Cmd.DAEMON_ATTACH, 0n);
      expect(() => writeSync(fd, attach)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
      const empty = Buffer.alloc(FRAME_HEADER_BYTES);
      sealFrame(empty, 0, 0, Cmd.HEARTBEAT, 0n);
      expect(() => writeSync(fd, empty)).toThrow(expect.objectContaining({ code: 'ENOTCONN' }));
      expect(() => readSync(fd, Buffer.alloc(100))).toThrow(expect.objectContaining({ code: 'ENOTCONN' }));
    } finally {
      closeSync(fd);
    }

    // Back to genetlink: the VM unloads the module with that daemon attached.
    await stopDaemon();
    daemon = await startDaemon('genl');
  });

  it('cancels the request of a process killed while it waits', async () => {
    await until(() => stats().daemon_attached === 1, 'attach');
    const before = stats().requests_cancelled as number;
    const child = spawn(process.execPath, ['test/kernel/guest/fixtures/embed-and-wait.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await until(() => slowRelease.length === 1, 'the request to reach the service', 60_000);
    child.kill('SIGKILL');
    await until(() => stats().requests_cancelled === before + 1, 'the module to cancel it');
    for (const release of slowRelease.splice(0)) release();
    await until(() => stats().inflight === 0, 'idle');
  });

  it('multicasts daemon and service events on the events group', async () => {
    const conn = new NetlinkConnection(new NetlinkSocket(NetlinkProtocol.GENERIC).bind());
    try {
      const family = await resolveFamily(conn, 'VEXFS_IPC');
      const events: Array<{ event: number; serviceId: string | undefined }> = [];
      conn.onMessage((buf, hdr) => {
        if (hdr.type !== family.id) return;
        const m = decodeGenl(buf, hdr);
        if (m.cmd === Cmd.EVENT) events.push({ event: m.msg.event, serviceId: m.msg.serviceId });
      });
      conn.socket.addMembership(family.groups[0]!.id);
      const d = VexfsDevice.open();
      await d.register(serviceInfo('evt', { name: 'e', dimensions: [8], dataTypes: 1 }));
      d.close();
      await until(() => events.length >= 2, 'service events');
      expect(events.slice(0, 2)).toEqual([
        { event: EventType.SERVICE_REGISTERED, serviceId: 'evt' },
        { event: EventType.SERVICE_UNREGISTERED, serviceId: 'evt' },
      ]);
      const exited = new Promise((r) => daemon!.once('exit', r));
      daemon!.kill('SIGTERM');
      await exited;
      daemon = await startDaemon();
      await until(() => events.length >= 4, 'daemon events');
      expect(events.slice(2, 4).map((e) => e.event)).toEqual([EventType.DAEMON_DETACHED, EventType.DAEMON_ATTACHED]);
    } finally {
      conn.close();
    }
  });

  it('refuses rmmod while a request is in flight, and the request still completes', async () => {
    await until(() => stats().daemon_attached === 1, 'attach');
    let warm = await dev.embed({ input: text('warm'), dimensions: 384, model: HASHING_MODEL });
    while (warm.status !== Status.SUCCESS) warm = await dev.embed({ input: text('warm'), dimensions: 384, model: HASHING_MODEL });
    const inflight = dev.embed({ input: text('during rmmod'), dimensions: 384, model: 'slow', timeoutMs: 60_000 });
    await until(() => slowRelease.length === 1, 'the request to reach the service', 30_000);
    const rmmod = spawnSync('rmmod', ['vexfs_ipc'], { encoding: 'utf8' });
    expect(rmmod.status).not.toBe(0);
    // The open device pins the module; busybox's non-blocking unload reports EAGAIN.
    expect(rmmod.stderr).toMatch(/temporarily unavailable|in use|busy/i);
    for (const release of slowRelease.splice(0)) release();
    const r = await inflight;
    expect(r.status).toBe(Status.SUCCESS);
    expect(r.vector).toEqual(expectedVector('during rmmod'));
  });

  it("holds a daemon to the documented errnos, drops a registration whose REGISTER timed out, refuses late list parts, drops a timed-out query's frame and hides the daemon's port from users", async () => {
    await stopDaemon();
    const timeoutParam = '/sys/module/vexfs_ipc/parameters/reply_timeout_ms';
    writeFileSync(timeoutParam, '500');
    const seen: VexfsMessage[] = [];
    let answerWith: number | undefined = 512;
    let lastList: bigint | undefined;
    const svc = serviceInfo('raw-test', { name: 'r', dimensions: [8], dataTypes: 1, endpoint: 'unix:/tmp/raw.sock' });
    // A daemon of the test's own, over the real channel code, answering as each step needs.
    const ch = await GenlKernelChannel.open(
      { protocol: NetlinkProtocol.GENERIC, kernelPort: 0 },
      {
        request: () => {},
        cancel: () => {},
        control: (m, c) => {
          seen.push(m);
          if (m.cmd === Cmd.SERVICE_REGISTER && !((m.msg.flags ?? 0) & Flags.NO_REPLY) && answerWith !== undefined)
            c.reply({ requestId: m.msg.requestId, errno: answerWith });
          if (m.cmd === Cmd.LIST_SERVICES) lastList = m.msg.requestId;
        },
      },
    );
    const lateErrors: string[] = [];
    ch.on('kernelError', (err) => lateErrors.push(err.errnoName));
    try {
      // An errno outside the documented set (512 is ERESTARTSYS inside the kernel) reaches the caller as EIO.
      const d = VexfsDevice.open();
      await expect(d.register(svc)).rejects.toMatchObject({ code: 'EIO' });
      d.close();

      // Unanswered: ETIMEDOUT, and the module tells the daemon to drop it, naming the registrant.
      answerWith = undefined;
      const d2 = VexfsDevice.open();
      await expect(d2.register({ ...svc, id: 'half-made' })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      await until(() => seen.some((m) => m.cmd === Cmd.SERVICE_UNREGISTER && m.msg.serviceId === 'half-made'), 'the drop of the half-made registration');
      const drop = seen.find((m) => m.cmd === Cmd.SERVICE_UNREGISTER && m.msg.serviceId === 'half-made');
      expect(drop?.msg).toMatchObject({ flags: Flags.NO_REPLY, callerUid: 0, callerPid: process.pid });
      d2.close();

      // Parts of a list answered after the query timed out are late, MORE or not.
      await expect(dev.list()).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      const pad = (x: string, n: number) => (x + 'x'.repeat(n)).slice(0, n);
      const many = Array.from({ length: 100 }, (_, i) => ({
        id: `late-${i}`,
        name: pad('n', 63),
        version: pad('v', 31),
        dimensions: [8],
        dataTypes: 1,
        models: [pad('m', 63), pad('o', 63), pad('p', 63)],
        maxBatchSize: 1,
        priority: 0,
        endpoint: pad('unix:/tmp/', 100),
        flags: 0,
      }));
      ch.reply({ requestId: lastList!, errno: 0, services: many });
      await until(() => lateErrors.filter((e) => e === 'ENOENT').length >= 2, 'both parts refused as late');

      // The daemon's port is for CAP_NET_ADMIN only.
      expect(stats().daemon_port_id).toBe(ch.portId);
      chmodSync(DEVICE_PATH, 0o666);
      try {
        const asUser = spawnSync(
          process.execPath,
          ['-e', "import('./dist/kernel-side/channels/device.js').then((m) => console.log(m.VexfsDevice.open().stats().daemon_port_id))"],
          { uid: 65534, gid: 65534, encoding: 'utf8' },
        );
        expect(asUser.stdout.trim(), asUser.stderr).toBe('0');
      } finally {
        chmodSync(DEVICE_PATH, 0o660);
      }
    } finally {
      await ch.close();
    }

    // The framed transport: a query that times out takes its unread frame out of the daemon's queue.
    const fd = openSync(DEVICE_PATH, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      const attach = Buffer.alloc(FRAME_HEADER_BYTES + 8);
      attach.writeUInt16LE(8, FRAME_HEADER_BYTES);
      attach.writeUInt16LE(Attr.PROTOCOL_VERSION, FRAME_HEADER_BYTES + 2);
      attach.writeUInt32LE(Consts.PROTOCOL_VERSION, FRAME_HEADER_BYTES + 4);
      sealFrame(attach, 0, 8, Cmd.DAEMON_ATTACH, 0n);
      writeSync(fd, attach);
      await expect(dev.list()).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      const cmds: number[] = [];
      const buf = Buffer.alloc(FRAME_HEADER_BYTES + 65536);
      for (;;) {
        let n: number;
        try {
          n = readSync(fd, buf, 0, buf.length, null);
        } catch (err) {
          expect((err as NodeJS.ErrnoException).code).toBe('EAGAIN');
          break;
        }
        cmds.push(readFrame(buf, 0, n).cmd);
      }
      expect(cmds).toContain(Cmd.DAEMON_ATTACH);
      expect(cmds).not.toContain(Cmd.LIST_SERVICES);
    } finally {
      closeSync(fd);
      writeFileSync(timeoutParam, '5000');
    }
    daemon = await startDaemon('genl');
    await expectServedAgain('after the raw daemon');
  });

  it('survives a seeded fuzz of every ioctl (root and an unprivileged uid, many in flight) and of frames, then serves normally', async () => {
    const seed = 20261124;
    // In processes of their own (this one serves the guest's embedder meanwhile; and as uid 65534).
    const fuzz = (args: string[], as?: { uid: number; gid: number }) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const child = spawn(process.execPath, ['test/kernel/guest/fuzz.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...as });
        let out = '';
        let err = '';
        child.stdout!.on('data', (d) => (out += d));
        child.stderr!.on('data', (d) => (err += d));
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`fuzz ${args.join(' ')} exited ${code}: ${err}`)),
        );
      });
    const asRoot = await fuzz(['ioctls', String(seed), '1500']);
    // Some calls got through and some were refused: the fuzz reached past the first check.
    expect(Object.keys(asRoot).some((k) => k.endsWith(' ok'))).toBe(true);
    expect(Object.keys(asRoot).some((k) => k.endsWith(' EFAULT'))).toBe(true);
    chmodSync(DEVICE_PATH, 0o666);
    try {
      const asNobody = await fuzz(['ioctls', String(seed + 1), '800'], { uid: 65534, gid: 65534 });
      expect(Object.keys(asNobody).length).toBeGreaterThan(3);
    } finally {
      chmodSync(DEVICE_PATH, 0o660);
    }

    // Frames need the daemon's place: the real one steps aside meanwhile.
    await stopDaemon();
    const frames = await fuzz(['frames', String(seed + 2), '3000']);
    // What the fuzz reached, for the log: outcome counts per ioctl and per frame write.
    console.log(JSON.stringify({ fuzz: { asRoot, frames } }));
    expect(frames['write ok']).toBeGreaterThan(0);
    expect(Object.keys(frames).filter((k) => k.startsWith('write E')).length).toBeGreaterThan(2);
    expect(stats().daemon_attached).toBe(0);
    daemon = await startDaemon('genl');
    await expectServedAgain('after the fuzz');
  });

  it('serves SEND_EMBEDDING_REQUEST through an OpenAI-compatible server declared as a backend', async () => {
    // The server runs in the guest (the fixture of the host tests, embedding with the hashing embedder).
    const server = await startOpenAiServer({ 'hash-16': 16 });
    try {
      await stopDaemon();
      daemon = await startDaemon('genl', ['--backends', JSON.stringify([{ id: 'http-hash', url: server.url, model: 'hash-16', dimensions: [16] }])]);
      await until(() => stats().daemon_attached === 1, 'attach');
      let r = await dev.embed({ input: text('through http'), dimensions: 16, model: 'hash-16' });
      const deadline = Date.now() + 30_000;
      while (r.status !== Status.SUCCESS && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 50));
        r = await dev.embed({ input: text('through http'), dimensions: 16, model: 'hash-16' });
      }
      expect(r.status).toBe(Status.SUCCESS);
      expect(r.vector).toEqual(Buffer.from(hashingEmbed('through http', 16).buffer));
      expect(server.requests.some((q) => q.path === '/v1/embeddings')).toBe(true);
      // The device-registered service is back with the new daemon as well.
      await expectServedAgain('after the backend');
    } finally {
      await server.close();
    }
  });

  it('returns every request and buffer it allocated', async () => {
    await until(() => stats().inflight === 0, 'idle');
    const s = stats();
    expect(s.live_requests).toBe(0);
    expect(s.live_buffers).toBe(0);
    expect(s.requests_submitted).toBe((s.requests_completed as number) + (s.requests_failed as number));
    // Only the guest embedder's registration remains, held by its open device.
    expect(s.live_registrations).toBe(1);
  });
});
