#!/usr/bin/env node
// The multi-host test (npm run test:multihost; root, after npm run build): four hosts as
// network namespaces around a star of veth links — a NATS host (nats-server, JetStream), two
// daemon hosts (vexfs-bridged on its kernel twin) and a worker host (two vexfs-hash-embedder
// workers on NATS). Load enters each daemon's kernel twin through its control socket (Unix
// sockets are not scoped to a network namespace). Phases: steady; a worker SIGKILLed; the NATS
// server restarted; one daemon host's link down and up. Every request must get exactly one answer,
// failures only with specific statuses inside fault windows, both daemons served by both workers,
// and cluster-wide vexfsctl must see both hosts. Prints a JSON summary; exits 1 on a failed check.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const { ControlClient } = await import(join(dist, 'clients', 'sdk', 'control-client.js'));
const { TokenAuthority } = await import(join(dist, 'control', 'auth', 'tokens.js'));
const { Status } = await import(join(dist, 'abi', 'uapi.js'));
const STATUS = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k]));

const PREFIX = `vx${process.pid % 10000}`;
const HOSTS = { nats: 1, h1: 2, h2: 3, w: 4 };
const ns = (h) => `${PREFIX}-${h}`;
/** The star: host h's link to the NATS host is 10.77.<n>.0/30, NATS at .1, h at .2. */
const natsAddr = (h) => `10.77.${HOSTS[h]}.1`;
const hostAddr = (h) => `10.77.${HOSTS[h]}.2`;
const natsUrl = (h) => `nats://${natsAddr(h)}:4222`;

const checks = [];
function check(ok, what) {
  checks.push({ ok: Boolean(ok), what });
  if (!ok) process.stderr.write(`FAILED: ${what}\n`);
}

function sh(args, { allowFail = false } = {}) {
  const r = spawnSync(args[0], args.slice(1), { encoding: 'utf8' });
  if (r.status !== 0 && !allowFail) throw new Error(`${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r;
}

function inNs(h, args, opts = {}) {
  return spawn('ip', ['netns', 'exec', ns(h), ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

function waitFor(child, re, what, ms = 15_000) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error(`${what}: nothing matching ${re} within ${ms} ms; output: ${buf.slice(-400)}`)), ms);
    const on = (d) => {
      buf += d;
      if (re.test(buf)) {
        clearTimeout(t);
        resolve(buf);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`${what} exited (${code}) before ${re}; output: ${buf.slice(-400)}`));
    });
  });
}

function setUp() {
  if (process.getuid?.() !== 0) throw new Error('the multi-host test makes network namespaces: run it as root');
  for (const h of Object.keys(HOSTS)) {
    sh(['ip', 'netns', 'add', ns(h)]);
    sh(['ip', 'netns', 'exec', ns(h), 'ip', 'link', 'set', 'lo', 'up']);
  }
  for (const h of ['h1', 'h2', 'w']) {
    const a = `${PREFIX}${h}a`;
    const b = `${PREFIX}${h}b`;
    sh(['ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
    sh(['ip', 'link', 'set', a, 'netns', ns('nats')]);
    sh(['ip', 'link', 'set', b, 'netns', ns(h)]);
    sh(['ip', 'netns', 'exec', ns('nats'), 'ip', 'addr', 'add', `${natsAddr(h)}/30`, 'dev', a]);
    sh(['ip', 'netns', 'exec', ns('nats'), 'ip', 'link', 'set', a, 'up']);
    sh(['ip', 'netns', 'exec', ns(h), 'ip', 'addr', 'add', `${hostAddr(h)}/30`, 'dev', b]);
    sh(['ip', 'netns', 'exec', ns(h), 'ip', 'link', 'set', b, 'up']);
  }
}

function tearDown() {
  for (const h of Object.keys(HOSTS)) sh(['ip', 'netns', 'del', ns(h)], { allowFail: true });
}

/** One host's link to the NATS host (its own end). */
function link(h, up) {
  sh(['ip', 'netns', 'exec', ns(h), 'ip', 'link', 'set', `${PREFIX}${h}b`, up ? 'up' : 'down']);
}

const dir = mkdtempSync(join(tmpdir(), 'vexfs-multihost-'));
const children = new Set();
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function startNats() {
  const c = track(inNs('nats', ['nats-server', '-a', '0.0.0.0', '-p', '4222', '-js', '-sd', join(dir, 'js')]));
  await waitFor(c, /Server is ready/, 'nats-server');
  return c;
}

async function startDaemon(h, stateDir) {
  const args = [
    process.execPath,
    join(dist, 'bin', 'vexfs-bridged.js'),
    '--kernel',
    'twin',
    '--control-socket',
    join(dir, `${h}.sock`),
    '--metrics',
    'false',
    '--nats',
    natsUrl(h),
    '--nats-host',
    h,
    '--nats-discovery-ms',
    '250',
    '--state-dir',
    stateDir,
    '--nats-audit-stream',
    'VEXFS_AUDIT',
    '--log-level',
    'warn',
  ];
  const c = track(inNs(h, args));
  const client = await (async () => {
    for (let i = 0; i < 200; i++) {
      try {
        return await ControlClient.connect(join(dir, `${h}.sock`));
      } catch {
        await sleep(50);
      }
    }
    throw new Error(`daemon ${h} did not open its control socket`);
  })();
  return { child: c, client };
}

async function startWorker(token) {
  const c = track(
    inNs('w', [process.execPath, join(dist, 'bin', 'vexfs-hash-embedder.js'), '--nats', natsUrl('w'), '--id', 'shared'], {
      env: { ...process.env, VEXFS_REGISTRATION_TOKEN: token },
    }),
  );
  const out = await waitFor(c, /as instance (\w+)/, 'worker');
  return { child: c, instance: /as instance (\w+)/.exec(out)[1] };
}

async function untilWorkers(daemons, n, ms = 20_000) {
  const start = Date.now();
  for (;;) {
    const counts = await Promise.all(Object.values(daemons).map(async (d) => (await d.client.stats()).services.filter((s) => s.state === 1).length));
    if (counts.every((c) => c === n)) return;
    if (Date.now() - start > ms) throw new Error(`expected ${n} ready workers at every daemon, have ${counts.join(', ')}`);
    await sleep(100);
  }
}

/** Open loop: `rate` requests/s into each daemon for `ms`; every answer recorded per daemon. */
async function load(daemons, rate, ms, tally) {
  const sends = [];
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    for (const [h, d] of Object.entries(daemons)) {
      const t = tally[h];
      t.sent++;
      sends.push(
        d.client
          .embed({ input: Buffer.from(`${h} request ${t.sent}`), model: '', dimensions: 128, dataType: 0, priority: 128, timeoutMs: 3000, sessionKey: '' })
          .then(
            (r) => {
              t.answers++;
              if (t.ids.has(r.requestId)) t.duplicateIds++;
              t.ids.add(r.requestId);
              const name = STATUS[r.status] ?? String(r.status);
              t.byStatus[name] = (t.byStatus[name] ?? 0) + 1;
            },
            (err) => {
              t.errors.push(err.message);
            },
          ),
      );
    }
    n++;
  }
  await Promise.all(sends);
}

function newTally() {
  return { sent: 0, answers: 0, duplicateIds: 0, ids: new Set(), byStatus: {}, errors: [] };
}

function summary(t) {
  return { sent: t.sent, answers: t.answers, duplicateIds: t.duplicateIds, byStatus: t.byStatus, errors: t.errors.slice(0, 3) };
}

const ALLOWED_IN_FAULT = new Set(['SUCCESS', 'NO_SERVICE', 'TIMEOUT', 'SERVICE_ERROR']);
const result = { phases: {} };
let code = 0;
try {
  setUp();
  let nats = await startNats();
  // The daemons share the token key and store, as hosts that share workers must (copied here).
  const stateA = join(dir, 'state-h1');
  const authority = TokenAuthority.open(stateA);
  const { token } = await authority.mint({ services: 'shared', models: ['*'], ttlMs: 3_600_000, note: 'multihost', byUid: 0 });
  const stateB = join(dir, 'state-h2');
  cpSync(stateA, stateB, { recursive: true });
  const daemons = { h1: await startDaemon('h1', stateA), h2: await startDaemon('h2', stateB) };
  const workers = [await startWorker(token), await startWorker(token)];
  await untilWorkers(daemons, 2);

  const phase = async (name, rate, ms, during) => {
    const tally = { h1: newTally(), h2: newTally() };
    const before = { h1: await daemons.h1.client.stats(), h2: await daemons.h2.client.stats() };
    await Promise.all([load(daemons, rate, ms, tally), during?.()]);
    const after = { h1: await daemons.h1.client.stats(), h2: await daemons.h2.client.stats() };
    result.phases[name] = { h1: summary(tally.h1), h2: summary(tally.h2) };
    for (const h of ['h1', 'h2']) {
      const t = tally[h];
      check(
        t.answers === t.sent && t.errors.length === 0,
        `${name}: ${h} answered each of its ${t.sent} requests (${t.answers} answers, ${t.errors.length} errors)`,
      );
      check(t.duplicateIds === 0, `${name}: ${h} no request id answered twice`);
      check(after[h].received - before[h].received === t.sent, `${name}: ${h}'s kernel side received exactly what was sent`);
    }
    return { tally, before, after };
  };

  // Steady: everything served, both daemons by both workers.
  const steady = await phase('steady', 100, 4000);
  for (const h of ['h1', 'h2']) {
    check(steady.tally[h].byStatus.SUCCESS === steady.tally[h].sent, `steady: every ${h} request succeeded`);
    const perWorker = steady.after[h].services.map((s) => s.total);
    check(perWorker.length === 2 && perWorker.every((n) => n > 0), `steady: ${h} served by both workers (${perWorker.join(', ')})`);
  }

  // A worker SIGKILLed mid-load: what it held fails over to the other within the deadline.
  const killed = await phase('worker-killed', 100, 5000, async () => {
    await sleep(1500);
    workers[0].child.kill('SIGKILL');
  });
  for (const h of ['h1', 'h2']) check(killed.tally[h].byStatus.SUCCESS === killed.tally[h].sent, `worker-killed: every ${h} request succeeded (failed over)`);
  workers[0] = await startWorker(token);
  await untilWorkers(daemons, 2);

  // The NATS server restarted: requests during the outage end with a specific status; workers come back.
  const restart = await phase('nats-restarted', 100, 7000, async () => {
    await sleep(1000);
    nats.kill('SIGTERM');
    await new Promise((r) => nats.once('exit', r));
    await sleep(1500);
    nats = await startNats();
  });
  for (const h of ['h1', 'h2']) {
    const statuses = Object.keys(restart.tally[h].byStatus);
    check(
      statuses.every((s) => ALLOWED_IN_FAULT.has(s)),
      `nats-restarted: ${h} failures are specific (${statuses.join(', ')})`,
    );
  }
  await untilWorkers(daemons, 2);
  check(restart.after.h1.natsReconnects >= 1 && restart.after.h2.natsReconnects >= 1, 'nats-restarted: both daemons reconnected');
  const recovered = await phase('after-restart', 100, 2000);
  for (const h of ['h1', 'h2']) check(recovered.tally[h].byStatus.SUCCESS === recovered.tally[h].sent, `after-restart: every ${h} request succeeded`);

  // h2's link cut and restored: h1 is untouched, h2 fails specifically, then recovers.
  const cut = await phase('h2-link-down', 100, 6000, async () => {
    await sleep(1000);
    link('h2', false);
    await sleep(2500);
    link('h2', true);
  });
  check(cut.tally.h1.byStatus.SUCCESS === cut.tally.h1.sent, 'h2-link-down: every h1 request succeeded');
  check(
    Object.keys(cut.tally.h2.byStatus).every((s) => ALLOWED_IN_FAULT.has(s)),
    `h2-link-down: h2 failures are specific (${Object.keys(cut.tally.h2.byStatus).join(', ')})`,
  );
  await untilWorkers(daemons, 2, 30_000);
  const healed = await phase('after-link-up', 100, 2000);
  for (const h of ['h1', 'h2']) check(healed.tally[h].byStatus.SUCCESS === healed.tally[h].sent, `after-link-up: every ${h} request succeeded`);

  // Cluster-wide administration from a daemon host.
  const ctl = (args) =>
    spawnSync('ip', ['netns', 'exec', ns('h1'), process.execPath, join(dist, 'bin', 'vexfsctl.js'), '--nats', natsUrl('h1'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  const status = ctl(['status', '--all-hosts']);
  result.clusterStatus = status.stdout.trim().split('\n');
  check(
    status.status === 0 && /^h1\s+twin\s+connected/m.test(status.stdout) && /^h2\s+twin\s+connected/m.test(status.stdout),
    'vexfsctl status --all-hosts shows h1 and h2 connected',
  );
  const services = JSON.parse(ctl(['services', '--all-hosts', '--json']).stdout || '[]');
  check(services.length === 2 && services.every((s) => s.services.length === 2), 'vexfsctl services --all-hosts: two workers at each host');
  const audit = ctl(['audit', '--last', '0', '--json'])
    .stdout.trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const reconnects = audit.filter((r) => r.event === 'nats.connected').map((r) => r.host);
  check(reconnects.includes('h1') && reconnects.includes('h2'), `the audit stream holds both hosts' records (${audit.length} records)`);
  result.auditRecords = audit.length;

  await Promise.all(workers.map((w) => new Promise((r) => (w.child.exitCode !== null ? r() : (w.child.once('exit', r), w.child.kill('SIGTERM'))))));
  for (const d of Object.values(daemons)) d.client.close();
} catch (err) {
  check(false, `ran to the end: ${err.message}`);
} finally {
  for (const c of children) c.kill('SIGKILL');
  await sleep(200);
  tearDown();
  rmSync(dir, { recursive: true, force: true });
}
result.checks = checks;
result.failed = checks.filter((c) => !c.ok).length;
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
if (result.failed > 0) code = 1;
process.exit(code);
