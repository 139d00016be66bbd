// Vexfsctl over NATS — every daemon answers control queries on its subjects;
// --all-hosts gathers them into one table with a HOST column (or JSON), --host asks one, and
// vexfsctl audit reads the audit trail back from the file or from the JetStream stream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { headers as natsHeaders } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';

import { Headers, Subjects } from '../../src/services/nats/subjects.js';
import { type DaemonStatsMsg, encodeControlResponse } from '../../src/services/wire/proto.js';
import { filled, useBridge } from '../helpers/bridge.js';
import { ctl } from '../helpers/ctl.js';
import { client, natsSettings, startWorker, untilWorkers, useNats } from '../helpers/nats-bridge.js';
import { until } from '../helpers/wait.js';

const start = useBridge();
const nats = useNats();

describe('vexfsctl across daemons over NATS', () => {
  it('status, services and stats --all-hosts show both daemons with a host column; --host asks one; mistakes are named', async () => {
    const server = await nats.server();
    const a = await start(natsSettings(server, 'node-a', { natsTrustWorkers: true }));
    const b = await start(natsSettings(server, 'node-b', { natsTrustWorkers: true }));
    nats.keep(await startWorker(server, { id: 'shared', embed: (inputs, o) => inputs.map(() => filled(o.dimensions, 1)) }));
    await untilWorkers(a, 'shared', 1);
    await untilWorkers(b, 'shared', 1);
    await a.twin.embed({ input: Buffer.from('x'), dimensions: 8 });
    const bus = ['--nats', server.url];

    const status = await ctl([...bus, 'status', '--all-hosts']);
    expect(status.code).toBe(0);
    const rows = status.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^HOST\s+KERNEL\s+NATS\s+UPTIME\s+SERVICES/);
    expect(rows.slice(1).map((r) => r.split(/\s+/).slice(0, 3))).toEqual([
      ['node-a', 'twin', 'connected'],
      ['node-b', 'twin', 'connected'],
    ]);

    const services = await ctl([...bus, 'services', '--all-hosts', '--json']);
    const parsed = JSON.parse(services.stdout) as Array<{ host: string; services: Array<{ id: string; endpoint: string }> }>;
    expect(parsed.map((h) => h.host)).toEqual(['node-a', 'node-b']);
    for (const h of parsed) expect(h.services.map((s) => s.endpoint)).toEqual([expect.stringMatching(/^nats:shared\./)]);

    const stats = await ctl([...bus, 'stats', '--all-hosts']);
    expect(stats.stdout).toMatch(/^node-a\s+1\s+1\s+0\s/m);
    expect(stats.stdout).toMatch(/^node-b\s+0\s+0\s+0\s/m);

    const one = await ctl([...bus, '--host', 'node-b', 'status', '--json']);
    expect(JSON.parse(one.stdout)).toMatchObject({ source: 'nats', nats: { host: 'node-b', state: 'connected' }, services: 1 });

    const missing = await ctl([...bus, '--host', 'node-z', 'status', '--nats-timeout', '300']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no daemon "node-z" answered on nats:\/\/127\.0\.0\.1:\d+ within 300 ms/);
    expect((await ctl(['status', '--all-hosts'])).stderr).toMatch(/--all-hosts asks daemons over NATS: give --nats URL too/);
    expect((await ctl([...bus, 'status'])).stderr).toMatch(/name the daemon \(--host NAME, its --nats-host\) or ask them all \(--all-hosts\)/);
    expect((await ctl(['--nats', 'http://x:1', '--host', 'a', 'status'])).stderr).toMatch(/the scheme is http:, expected nats:\/\/ or tls:\/\//);
  });

  it('--all-hosts shows no answer posing as a daemon, and a client answering for ever does not hold it open', async () => {
    const server = await nats.server();
    await start(natsSettings(server, 'node-a', { natsTrustWorkers: true }));
    const rogue = nats.keepClient(await client(server));
    const timers: NodeJS.Timeout[] = [];
    rogue.subscribe(Subjects.controlAll('stats'), {
      callback: (_e, m) => {
        const reply = m.reply as string;
        const answer = (host: string) => {
          const h = natsHeaders();
          h.set(Headers.host, host);
          rogue.publish(reply, encodeControlResponse({ id: 0, errno: 0, error: '', services: [], stats: { host } as DaemonStatsMsg }), { headers: h });
        };
        answer('node-a');
        answer('evil\u001b[2Jhost');
        timers.push(setInterval(() => rogue.publish(reply, 'x'), 50));
      },
    });
    try {
      const r = await ctl(['--nats', server.url, 'status', '--all-hosts', '--nats-timeout', '1500']);
      expect(r.stdout).not.toMatch(/node-a/);
      expect(r.stderr).toMatch(/2 answers claim host node-a: none is shown/);
      expect(r.stderr).toMatch(/naming host "evil\\u001b\[2Jhost", which is no host name/);
      expect(r.stderr).toMatch(/\d+ answers that are not stats answers/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    } finally {
      for (const t of timers) clearInterval(t);
    }
  });

  it('vexfsctl audit reads the trail back from the file and from the stream, one host or all', async () => {
    const server = await nats.server();
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-audit-'));
    const a = await start(natsSettings(server, 'node-a', { natsTrustWorkers: true, natsAuditStream: 'VEXFS_AUDIT', auditLog: join(dir, 'a.log') }));
    const b = await start(natsSettings(server, 'node-b', { natsTrustWorkers: true, natsAuditStream: 'VEXFS_AUDIT' }));
    nats.keep(await startWorker(server, { id: 'shared', embed: (inputs, o) => inputs.map(() => filled(o.dimensions, 1)) }));
    await untilWorkers(a, 'shared', 1);
    await untilWorkers(b, 'shared', 1);
    await a.daemon.audit!.drain();
    const file = await ctl(['audit', '--file', join(dir, 'a.log'), '--last', '0']);
    expect(file.code).toBe(0);
    expect(file.stdout).toMatch(/ {2}service\.registered {2}service=shared\.\w+ /);
    // Both daemons' records reach the stream (b has no file at all).
    let all = '';
    for (let i = 0; i < 50 && !(all.includes('node-a') && /service\.registered[^\n]*\n[\s\S]*service\.registered/.test(all)); i++) {
      all = (await ctl(['--nats', server.url, 'audit', '--last', '0', '--json'])).stdout;
      await new Promise((r) => setTimeout(r, 100));
    }
    const events = all
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(events.filter((e) => e.event === 'service.registered').length).toBe(2);
    const onlyB = await ctl(['--nats', server.url, '--host', 'node-b', 'audit', '--last', '0', '--json']);
    const bRecords = onlyB.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; host?: string; server?: string });
    expect(bRecords.some((r) => r.event === 'nats.connected' && r.host === 'node-b')).toBe(true);
    expect(bRecords.some((r) => r.host === 'node-a')).toBe(false);
    // --follow prints a record written after it started.
    const follow = ctl(['audit', '--file', join(dir, 'a.log'), '--last', '1', '--follow']);
    let seen = '';
    follow.child.stdout?.on('data', (d) => {
      seen += d;
    });
    // Following once it has printed the last record; then a new one must appear.
    await until(() => seen.includes('\n'), 'vexfsctl audit --follow printing the last record', 10_000);
    a.daemon.audit!.record('test.marker', { n: 1 });
    await a.daemon.audit!.drain();
    await until(() => seen.includes('test.marker'), 'the new record followed', 10_000);
    follow.child.kill('SIGINT');
    expect((await follow).stdout).toMatch(/test\.marker {2}n=1/);
    expect((await ctl(['audit', '--file', join(dir, 'nope.log')])).stderr).toMatch(/cannot read the audit log .*nope\.log: ENOENT/);
  });
});
