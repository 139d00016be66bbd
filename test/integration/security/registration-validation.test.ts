// Registrations through the control socket are validated with errors that say what is wrong.
import { afterEach, describe, expect, it } from 'vitest';

import { RegistrationError } from '../../../src/errors.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import type { ServiceInfoMsg } from '../../../src/services/wire/proto.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';
import { serviceInfo } from '../../helpers/service-info.js';

const start = useBridge();
let bridge: TestBridge | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
});

const good: ServiceInfoMsg = serviceInfo('svc-1', { name: 'Service', version: '1.0', dimensions: [384], models: ['m'], maxBatchSize: 32, endpoint: '/tmp/x' });

async function client(): Promise<ControlClient> {
  const c = await ControlClient.connect(bridge!.daemon.config.controlSocket);
  clients.push(c);
  return c;
}

describe('service registration', () => {
  it('rejects each bad field with the errno and a message naming it', async () => {
    bridge = await start();
    const c = await client();
    const endpoint = `unix:${bridge.dir}/svc.sock`;
    const cases: Array<[Partial<ServiceInfoMsg>, string, RegExp]> = [
      [{ id: '' }, 'EINVAL', /id must not be empty/],
      [{ id: 'has space' }, 'EINVAL', /may contain only A-Z a-z 0-9 \. _ -/],
      [{ id: 'x'.repeat(64) }, 'E2BIG', /id is 64 bytes; at most 63 allowed/],
      [{ name: 'n'.repeat(70) }, 'E2BIG', /name is 70 bytes/],
      [{ dimensions: [] }, 'EINVAL', /at least one dimension/],
      [{ dimensions: [0] }, 'EINVAL', /dimension 0 is outside 1\.\.8192/],
      [{ dimensions: [8193] }, 'EINVAL', /dimension 8193 is outside/],
      [{ dimensions: Array.from({ length: 17 }, (_, i) => i + 1) }, 'E2BIG', /at most 16/],
      [{ dimensions: [4, 4] }, 'EINVAL', /twice/],
      [{ maxBatchSize: 0 }, 'EINVAL', /maxBatchSize 0 is outside 1\.\.1000/],
      [{ maxBatchSize: 1001 }, 'EINVAL', /maxBatchSize/],
      [{ dataTypes: 64 }, 'EINVAL', /dataTypes 0x40 has bits beyond/],
      [{ endpoint: '/tmp/x' }, 'EINVAL', /must be "unix:" followed by an absolute socket path/],
      [{ endpoint: 'unix:relative' }, 'EINVAL', /absolute/],
      [{ endpoint: `unix:/${'p'.repeat(110)}` }, 'E2BIG', /107 bytes/],
      [{ models: ['bad,model'] }, 'EINVAL', /model "bad,model"/],
      [{ models: ['m', 'm'] }, 'EINVAL', /models lists a model twice/],
      [{ models: [''] }, 'EINVAL', /model must not be empty/],
      [{ models: ['m'.repeat(64)] }, 'E2BIG', /model is 64 bytes/],
      [{ metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) }, 'E2BIG', /metadata has 17 entries/],
      [{ metadata: { k: 'v'.repeat(256) } }, 'E2BIG', /metadata "k" is 256 bytes/],
      [{ priority: 256 }, 'EINVAL', /priority 256/],
    ];
    for (const [patch, errno, message] of cases) {
      const err = await c.register({ ...good, endpoint, ...patch }).catch((e: unknown) => e);
      expect(err, JSON.stringify(patch)).toBeInstanceOf(RegistrationError);
      expect((err as RegistrationError).errno, JSON.stringify(patch)).toBe(errno);
      expect((err as RegistrationError).message, JSON.stringify(patch)).toMatch(message);
    }
    expect(bridge.daemon.registry.size).toBe(0);
  });

  it('refuses a duplicate id from another client, lets the owner update it, and unregisters on disconnect', async () => {
    bridge = await start();
    const owner = await client();
    const other = await client();
    const endpoint = `unix:${bridge.dir}/svc.sock`;
    await owner.register({ ...good, endpoint });
    const dup = await other.register({ ...good, endpoint }).catch((e: unknown) => e);
    expect((dup as RegistrationError).errno).toBe('EEXIST');
    await owner.register({ ...good, endpoint, version: '2.0', dimensions: [384, 768] });
    expect(bridge.daemon.registry.get('svc-1')?.info).toMatchObject({ version: '2.0', dimensions: [384, 768] });
    const notMine = await other.unregister('svc-1').catch((e: unknown) => e);
    expect((notMine as RegistrationError).errno).toBe('EPERM');
    const missing = await other.unregister('nope').catch((e: unknown) => e);
    expect((missing as RegistrationError).errno).toBe('ENOENT');
    expect((await other.list()).map((s) => s.id)).toEqual(['svc-1']);
    owner.close();
    await until(() => bridge!.daemon.registry.size === 0, 'unregistration on disconnect');
  });

  it('enforces the registry limit with ENOSPC', async () => {
    bridge = await start({ maxServices: 1 });
    const c = await client();
    await c.register({ ...good, endpoint: `unix:${bridge.dir}/a.sock` });
    const err = await c.register({ ...good, id: 'svc-2', endpoint: `unix:${bridge.dir}/b.sock` }).catch((e: unknown) => e);
    expect((err as RegistrationError).errno).toBe('ENOSPC');
    expect((err as RegistrationError).message).toMatch(/registry is full \(1 services\)/);
  });
});

describe('control socket limits', () => {
  it('drops a client that announces an oversized frame, and keeps serving others', async () => {
    bridge = await start();
    const { createConnection } = await import('node:net');
    const raw = createConnection(bridge.daemon.config.controlSocket);
    const closed = new Promise<void>((resolve) => raw.on('close', () => resolve()));
    raw.on('error', () => {});
    const head = Buffer.alloc(4);
    head.writeUInt32LE(2 * 1024 * 1024);
    raw.write(head);
    await closed;
    const c = await client();
    expect(await c.list()).toEqual([]);
  });
});
