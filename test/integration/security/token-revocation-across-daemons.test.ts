// Two daemons sharing one --state-dir (as the README recommends for daemons sharing workers): a
// token revoked on one takes the registrations resting on it off the other as well, and a
// registration lasts no longer than its token.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { ctl } from '../../helpers/ctl.js';
import { until } from '../../helpers/wait.js';

const NOBODY = { uid: 65534, gid: 65534 };
const start = useBridge();

async function openToNobody(b: TestBridge): Promise<string> {
  chmodSync(b.dir, 0o755);
  chmodSync(b.daemon.config.controlSocket, 0o666);
  return b.daemon.config.controlSocket;
}

async function mint(b: TestBridge, ttlMs: number): Promise<{ token: string; id: string }> {
  const admin = await ControlClient.connect(b.daemon.config.controlSocket);
  try {
    const { token, info } = await admin.tokenCreate({ services: 'shared-*', models: ['m'], ttlMs, note: 'shared' });
    return { token, id: info.id };
  } finally {
    admin.close();
  }
}

/** vexfsctl register as uid 65534 with the token, holding the registration until killed. */
function holdRegistration(socket: string, id: string, token: string) {
  return ctl(
    ['--socket', socket, 'register', '--id', id, '--dims', '8', '--endpoint', `unix:/tmp/${id}.sock`, '--models', 'm'],
    { VEXFS_REGISTRATION_TOKEN: token },
    NOBODY,
  );
}

describe('registration tokens across daemons sharing a state directory', () => {
  it('a token revoked on daemon A removes its registration on daemon B, and B refuses it from then on', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'vexfs-shared-state-'));
    const a = await start({ stateDir });
    const b = await start({ stateDir });
    const socketB = await openToNobody(b);
    const { token, id } = await mint(a, 600_000);
    const held = holdRegistration(socketB, 'shared-1', token);
    await until(() => b.daemon.registry.get('shared-1') !== undefined, 'the registration on B');
    const admin = await ControlClient.connect(a.daemon.config.controlSocket);
    await admin.tokenRevoke(id);
    admin.close();
    await until(() => b.daemon.registry.get('shared-1') === undefined, 'the registration on B removed after the revocation on A');
    held.child.kill('SIGINT');
    await held;
    const again = await ctl(
      ['--socket', socketB, 'register', '--id', 'shared-2', '--dims', '8', '--endpoint', 'unix:/tmp/shared-2.sock', '--models', 'm', '--hold-ms', '1'],
      { VEXFS_REGISTRATION_TOKEN: token },
      NOBODY,
    );
    expect(again.stderr).toMatch(/was revoked/);
  });

  it('a registration goes when its token expires', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'vexfs-shared-state-'));
    const a = await start({ stateDir });
    const socket = await openToNobody(a);
    const { token } = await mint(a, 3000);
    const held = holdRegistration(socket, 'shared-exp', token);
    await until(() => a.daemon.registry.get('shared-exp') !== undefined, 'the registration');
    await until(() => a.daemon.registry.get('shared-exp') === undefined, 'the registration removed at its token’s expiry', 10_000);
    held.child.kill('SIGINT');
    await held;
  });
});
