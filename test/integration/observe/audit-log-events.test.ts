// The daemon's audit trail: attach/detach, registrations with uid/pid, refusals and why, removals,
// breaker transitions and configuration reloads, as JSON Lines.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { RegistrationError } from '../../../src/errors.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { EmbedItemError } from '../../../src/clients/sdk/batch.js';
import { filled, startBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

it('records security-relevant events with who did them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-audit-'));
  const path = join(dir, 'audit.jsonl');
  const bridge = await startBridge({ auditLog: path, breakerVolume: 2, breakerErrorPercent: 50, breakerResetMs: 60_000, retryMax: 0 });
  const daemon = bridge.daemon;
  const svc = await bridge.service({
    id: 'flaky',
    name: 'flaky',
    dimensions: [4],
    embed: (inputs) => inputs.map((b) => (b[0] === 0x21 ? new EmbedItemError('down', Status.SERVICE_ERROR) : filled(4, 1))),
  });

  // Someone else tries to take the same id, and to remove a service that does not exist.
  const intruder = await ControlClient.connect(daemon.config.controlSocket);
  await expect(intruder.register({ ...svc.info })).rejects.toBeInstanceOf(RegistrationError);
  await expect(intruder.remove('nope')).rejects.toThrow(/no service "nope"/);

  // Failures open the breaker.
  for (let i = 0; i < 4; i++) await bridge.twin.embed({ input: Buffer.from('!fail'), dimensions: 4 });
  await until(() => daemon.router.breakers.state('flaky') === 'open', 'breaker open');

  const reload = daemon.reload({ ...daemon.config, logLevel: 'debug', rateLimitGlobal: 1000, queueGlobal: 7 });
  expect(reload).toEqual({ applied: ['logLevel', 'rateLimitGlobal'], needsRestart: ['queueGlobal'] });
  expect(daemon.config.rateLimitGlobal).toBe(1000);
  expect(daemon.config.queueGlobal).not.toBe(7);

  await intruder.remove('flaky');
  intruder.close();
  await bridge.close();

  const events = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  rmSync(dir, { recursive: true, force: true });
  const names = events.map((e) => e.event);
  const uid = process.getuid!();
  expect(names[0]).toBe('daemon.attached');
  expect(events[0]).toMatchObject({ transport: 'twin', pid: process.pid });
  expect(events.find((e) => e.event === 'service.registered')).toMatchObject({ service: 'flaky', via: 'control-socket', uid, pid: process.pid });
  expect(events.find((e) => e.event === 'service.register_refused')).toMatchObject({ service: 'flaky', errno: 'EEXIST', uid, pid: process.pid });
  expect(events.find((e) => e.event === 'service.remove_refused')).toMatchObject({ service: 'nope', errno: 'ENOENT', uid });
  expect(events.find((e) => e.event === 'breaker.state')).toMatchObject({ service: 'flaky', state: 'open' });
  expect(events.find((e) => e.event === 'config.reload')).toMatchObject({ applied: ['logLevel', 'rateLimitGlobal'], needsRestart: ['queueGlobal'] });
  expect(events.find((e) => e.event === 'service.unregistered')).toMatchObject({ service: 'flaky', reason: `removed by uid ${uid} pid ${process.pid}` });
  expect(names[names.length - 1]).toBe('daemon.detached');
  expect(events[events.length - 1]).toMatchObject({ transport: 'twin', reason: 'stopped' });
});
