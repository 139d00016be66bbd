// Every vexfsctl command against a running daemon (twin mode, control socket): output, --json and exit codes.
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ExitCode } from '../../../src/clients/cli/errors.js';
import { type TestBridge, filled, startBridge } from '../../helpers/bridge.js';
import { ctl } from '../../helpers/ctl.js';
import { until } from '../../helpers/wait.js';

let bridge: TestBridge;
let socket: string;
const run = (...args: string[]) => ctl(['--socket', socket, '--device', '/nonexistent/vexfs_ipc', ...args]);

beforeAll(async () => {
  bridge = await startBridge();
  socket = bridge.daemon.config.controlSocket;
  await bridge.service({
    id: 'enc-a',
    name: 'Encoder A',
    version: '2.1.0',
    dimensions: [4, 8],
    models: ['mini'],
    maxBatchSize: 8,
    embed: (inputs, { dimensions }) => inputs.map((b) => filled(dimensions, b.length)),
  });
  await bridge.service({ id: 'enc-b', name: 'Encoder B', dimensions: [4], embed: (inputs) => inputs.map(() => filled(4, -1)) });
  for (let i = 0; i < 20; i++) await bridge.twin.embed({ input: Buffer.from(`warm ${i}`), dimensions: 4, model: 'mini' });
});
afterAll(() => bridge.close());

describe('vexfsctl over the control socket', () => {
  it('status: transport, uptime, services, in flight, queues', async () => {
    const r = await run('status');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kernel\s+no module: daemon on the kernel twin \(twin\)/);
    expect(r.stdout).toMatch(/services\s+2/);
    expect(r.stdout).toMatch(/queued\s+critical 0 {2}high 0 {2}normal 0 {2}low 0/);
    const j = JSON.parse((await run('status', '--json')).stdout);
    expect(j).toMatchObject({ source: 'daemon', kernel: { module: false, daemonAttached: true, transport: 'twin' }, services: 2, inflight: 0 });
    expect(j.uptimeMs).toBeGreaterThan(0);
  });

  it('services: a table for people, every field in JSON', async () => {
    const r = await run('services');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+VERSION\s+STATE\s+HEALTH\s+DIMS\s+MODELS\s+LOAD\s+P50\s+P99\s+BREAKER$/);
    const a = lines.find((l) => l.startsWith('enc-a')) as string;
    expect(a).toMatch(/^enc-a\s+Encoder A\s+2\.1\.0\s+ready\s+100\s+4,8\s+mini\s+0\/16\s+\S+s\s+\S+s\s+closed$/);
    expect(lines.find((l) => l.startsWith('enc-b'))).toMatch(/\(any\)/);
    expect(r.stdout).not.toContain('\u001b[');
    const list = JSON.parse((await run('services', '--json')).stdout) as Array<Record<string, unknown>>;
    const sa = list.find((s) => s.id === 'enc-a');
    expect(sa).toMatchObject({
      name: 'Encoder A',
      version: '2.1.0',
      state: 'ready',
      health: 100,
      dimensions: [4, 8],
      models: ['mini'],
      capacity: 16,
      breaker: 'closed',
      total: 20,
      failures: 0,
      pid: process.pid,
    });
    expect(sa?.p50ResponseNs as number).toBeGreaterThan(0);
    expect(sa?.p99ResponseNs as number).toBeGreaterThanOrEqual(sa?.p50ResponseNs as number);
  });

  it('service <id> shows one; an unknown id exits 5 and says how to list them', async () => {
    await until(() => bridge.daemon.registry.get('enc-a')!.rssKib > 0, 'its first heartbeat');
    const r = await run('service', 'enc-a');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/endpoint\s+unix:.*enc-a\.sock/);
    expect(r.stdout).toMatch(/requests\s+20 total, 0 failed/);
    // The service's heartbeats (this test process) carry its CPU and memory.
    expect(r.stdout).toMatch(/process\s+CPU \d+% of one core, memory \d+\.\d MiB \(its last heartbeat\)/);
    const missing = await run('service', 'nope');
    expect(missing.code).toBe(ExitCode.NOT_FOUND);
    expect(missing.stderr).toContain('no service "nope" is registered (vexfsctl services lists them)');
  });

  it('stats: totals, failures by status, percentiles, cache; --service narrows to one', async () => {
    await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 3 });
    const r = await run('stats');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/answered\s+21/);
    expect(r.stdout).toMatch(/by status\s+NO_SERVICE 1/);
    expect(r.stdout).toMatch(/latency\s+p50 \S+, p99 \S+, recent average \S+/);
    expect(r.stdout).toMatch(/cache\s+0% hit rate/);
    const j = JSON.parse((await run('stats', '--json')).stdout);
    expect(j).toMatchObject({ answered: 21, succeeded: 20, failed: 1, byStatus: { SUCCESS: 20, NO_SERVICE: 1 } });
    const one = JSON.parse((await run('stats', '--service', 'enc-a', '--json')).stdout);
    expect(one.service).toMatchObject({ id: 'enc-a', total: 20 });
    expect((await run('stats', '--service', 'nope')).code).toBe(ExitCode.NOT_FOUND);
  });

  it('embed sends one request through the kernel path and summarises the vector', async () => {
    const r = await run('embed', 'hello', '--model', 'mini', '--dims', '8');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/status\s+SUCCESS/);
    expect(r.stdout).toMatch(/vector\s+8 × float32: \[5, 5, 5, 5, 5, 5, 5, 5\]/);
    expect(r.stdout).toMatch(/timing\s+\S+ in the bridge, \S+ round trip/);
    const j = JSON.parse((await run('embed', 'hey', '--model', 'mini', '--json', '--dtype', 'float16', '--priority', 'critical')).stdout);
    // --dims defaults to the first size of a service serving the model.
    expect(j).toMatchObject({ status: 'SUCCESS', dimensions: 4, dataType: 1, values: [3, 3, 3, 3] });
    const none = await run('embed', 'x', '--model', 'absent', '--dims', '4');
    expect(none.code).toBe(ExitCode.FAILED);
    expect(none.stdout).toMatch(/status\s+MODEL_NOT_FOUND/);
  });

  it('register holds a registration for --hold-ms, then unregisters', async () => {
    const r = ctl([
      '--socket',
      socket,
      '--device',
      '/nonexistent/x',
      'register',
      '--id',
      'held',
      '--dims',
      '16',
      '--endpoint',
      `unix:${join(bridge.dir, 'held.sock')}`,
      '--hold-ms',
      '1500',
      '--json',
    ]);
    await until(() => bridge.daemon.registry.get('held') !== undefined, 'held registered');
    expect(bridge.daemon.registry.get('held')?.info.dimensions).toEqual([16]);
    const done = await r;
    expect(done.code).toBe(0);
    expect(
      done.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ registered: 'held', via: 'control socket' }, { unregistered: 'held' }]);
    expect(bridge.daemon.registry.get('held')).toBeUndefined();
  });

  it('unregister removes a service registered by another process', async () => {
    const held = ctl([
      '--socket',
      socket,
      'register',
      '--id',
      'victim',
      '--dims',
      '4',
      '--endpoint',
      `unix:${join(bridge.dir, 'victim.sock')}`,
      '--hold-ms',
      '20000',
    ]);
    await until(() => bridge.daemon.registry.get('victim') !== undefined, 'victim registered');
    const r = await run('unregister', 'victim');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('unregistered victim');
    expect(bridge.daemon.registry.get('victim')).toBeUndefined();
    expect((await run('unregister', 'victim')).code).toBe(ExitCode.NOT_FOUND);
    // The holder, told to stop, finds its registration already gone and says so.
    held.child.kill('SIGTERM');
    const h = await held;
    expect(h.code).toBe(ExitCode.NOT_FOUND);
    expect(h.stderr).toContain('no service "victim" is registered');
  });

  it('health exits 0 when attached with a healthy service', async () => {
    const r = await run('health');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok    kernel side: daemon attached (twin)');
    expect(r.stdout).toContain('ok    services: 2 of 2 healthy');
    expect(JSON.parse((await run('health', '--json')).stdout)).toMatchObject({ healthy: true });
  });

  it('bad usage exits 2 and names the argument and what it accepts', async () => {
    const cases: Array<[string[], string]> = [
      [['frobnicate'], 'unknown command "frobnicate" (commands: status, services'],
      [['stats', '--bogus'], 'unknown option --bogus for stats (accepted:'],
      [['embed', 'x', '--dtype', 'f64'], '--dtype "f64": expected one of float32, float16, int8, int16, binary'],
      [['embed', 'x', '--priority', '300'], '--priority "300": expected 0-255 or one of low, normal, high, critical'],
      [['embed', 'x', '--dims', '0'], '--dims "0": expected an integer from 1 to 8192'],
      [['embed', 'x', '--timeout', 'soon'], '--timeout "soon": expected an integer from 1 to 600000'],
      [['embed', 'x', '--session', '0'], '--session "0": expected an integer from 1 to 18446744073709551615'],
      [['embed', 'x', '--session', '18446744073709551616'], '--session "18446744073709551616": expected an integer from 1 to 18446744073709551615'],
      [['service'], 'service takes <id>'],
      [['register', '--id', 'x'], 'register needs --dims'],
      [['--via', 'carrier-pigeon', 'status'], '--via "carrier-pigeon": expected auto, device or daemon'],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(ExitCode.USAGE);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });

  it('says the daemon is not running (exit 3) when nothing listens', async () => {
    const r = await ctl(['--socket', join(bridge.dir, 'nobody.sock'), '--device', '/nonexistent/vexfs_ipc', 'status']);
    expect(r.code).toBe(ExitCode.UNAVAILABLE);
    expect(r.stderr).toContain('the vexfs_ipc module is not loaded (no /dev/vexfs_ipc) and the daemon is not running: nothing listens on');
  });

  it('help with examples, per-command help and a bash completion script', async () => {
    const h = await run('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('examples:');
    expect(h.stdout).toContain('exit codes: 0 ok, 1 operation failed, 2 bad usage, 3 module/daemon unavailable, 4 permission denied, 5 unknown service');
    expect((await run('embed', '--help')).stdout).toContain('--dtype T');
    const c = await run('completion', 'bash');
    expect(c.stdout).toContain('complete -F _vexfsctl vexfsctl');
    expect(c.stdout).toContain('embed) opts="--model --dims --dtype --priority --timeout --session"');
  });
});
