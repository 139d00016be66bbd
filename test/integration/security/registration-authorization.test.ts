// Who may register: an unprivileged user is refused unless the policy names it or it
// presents a token; tokens are minted, listed and revoked by an administrator, and a
// revocation removes the registrations made with the token at once.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { ctl } from '../../helpers/ctl.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const NOBODY = { uid: 65534, gid: 65534 };
const startOne = useBridge();
let bridge: TestBridge | undefined;
const clients: ControlClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(policy?: unknown): Promise<{ socket: string; policyFile: string; refused: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-auth-'));
  dirs.push(dir);
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(policy ?? { registrants: [] }));
  bridge = await startOne({ policyFile, stateDir: join(dir, 'state') });
  // The test's private directory and socket are opened to the unprivileged user.
  chmodSync(bridge.dir, 0o755);
  chmodSync(bridge.daemon.config.controlSocket, 0o666);
  const refused: string[] = [];
  bridge.daemon.registry.on('refused', (_op, id, _owner, uid, _pid, err) => refused.push(`${uid} ${id} ${err.errno}`));
  return { socket: bridge.daemon.config.controlSocket, policyFile, refused };
}

const register = (socket: string, id: string, extra: string[] = [], token?: string) =>
  ctl(
    ['--socket', socket, '--json', 'register', '--id', id, '--dims', '8', '--endpoint', `unix:/tmp/${id}.sock`, '--hold-ms', '1', ...extra],
    token === undefined ? {} : { VEXFS_REGISTRATION_TOKEN: token },
    NOBODY,
  );

describe('registration authorization', () => {
  it('refuses an unprivileged user with no policy entry or token, and audits the refusal', async () => {
    const { socket, refused } = await start();
    const r = await register(socket, 'claim-bundled', ['--models', 'hashing-ngram-v1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/uid 65534 may not register services: only root, the daemon's user/);
    expect(refused).toEqual(['65534 claim-bundled EPERM']);
    expect(bridge?.daemon.registry.get('claim-bundled')).toBeUndefined();
  });

  it('lets a policy entry register what it names, within its quota; a reload changes it', async () => {
    const { socket, policyFile } = await start({ registrants: [{ uid: 65534, services: ['u-*'], models: ['m1'], maxRegistrations: 1 }] });
    expect((await register(socket, 'u-a', ['--models', 'm1'])).code).toBe(0);
    const wrongId = await register(socket, 'x-a', ['--models', 'm1']);
    expect(wrongId.stderr).toMatch(/may register service ids u-\*, not "x-a"/);
    const wrongModel = await register(socket, 'u-b', ['--models', 'm2']);
    expect(wrongModel.stderr).toMatch(/may claim models m1 for "u-b", not m2/);
    // A held registration uses up the quota of 1.
    const held = ctl(['--socket', socket, 'register', '--id', 'u-held', '--dims', '8', '--endpoint', 'unix:/tmp/u-held.sock', '--models', 'm1'], {}, NOBODY);
    await until(() => bridge?.daemon.registry.get('u-held') !== undefined, 'the held registration');
    const over = await register(socket, 'u-c', ['--models', 'm1']);
    expect(over.code).toBe(4);
    expect(over.stderr).toMatch(/holds 1 registrations, its quota is 1 \(EDQUOT\)/);
    held.child.kill('SIGINT');
    await held;
    writeFileSync(policyFile, JSON.stringify({ registrants: [{ uid: 65534, services: ['x-*'], models: ['*'] }] }));
    bridge!.daemon.reload(bridge!.daemon.config);
    expect((await register(socket, 'x-a', ['--models', 'm9'])).code).toBe(0);
    expect((await register(socket, 'u-a', ['--models', 'm1'])).code).toBe(4);
  });

  it('keeps the running policy when a reload finds a bad policy file', async () => {
    const { policyFile } = await start({ registrants: [{ uid: 65534, services: ['u-*'] }] });
    writeFileSync(policyFile, JSON.stringify({ registrants: [{ uid: 65534, services: ['bad pattern'] }] }));
    expect(() => bridge!.daemon.reload(bridge!.daemon.config)).toThrow(/registrants.0.services.0/);
    expect(bridge!.daemon.registry.policy.entries[0]?.services).toEqual(['u-*']);
  });

  it('lets a token holder register what the token covers; revoking it removes the registration at once', async () => {
    const { socket } = await start();
    const admin = await ControlClient.connect(socket);
    clients.push(admin);
    const { token, info } = await admin.tokenCreate({ services: 'tok-*', models: ['*'], ttlMs: 60_000, note: 'ci' });
    expect(info).toMatchObject({ services: 'tok-*', models: ['*'], note: 'ci', revokedAtMs: 0 });
    const wrong = await register(socket, 'other', [], token);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/token .* allows service ids "tok-\*", not "other" \(EACCES\)/);
    const tampered = await register(socket, 'tok-x', [], `${token.slice(0, -2)}AA`);
    expect(tampered.stderr).toMatch(/registration token was refused: it is not valid/);

    const held = ctl(
      ['--socket', socket, 'register', '--id', 'tok-1', '--dims', '8', '--endpoint', 'unix:/tmp/tok-1.sock'],
      { VEXFS_REGISTRATION_TOKEN: token },
      NOBODY,
    );
    await until(() => bridge?.daemon.registry.get('tok-1') !== undefined, 'the token registration');
    expect((await admin.tokenList()).find((t) => t.id === info.id)?.liveRegistrations).toBe(1);
    // Tokens are administrators' business.
    const listed = await ctl(['--socket', socket, 'token', 'list'], {}, NOBODY);
    expect(listed.code).toBe(4);
    expect(listed.stderr).toMatch(/registration tokens need root or uid \d+ \(the daemon's\); you are uid 65534/);

    const revoked = await admin.tokenRevoke(info.id);
    expect(revoked.revokedAtMs).toBeGreaterThan(0);
    expect(bridge!.daemon.registry.get('tok-1')).toBeUndefined();
    held.child.kill('SIGINT');
    await held;
    const again = await register(socket, 'tok-2', [], token);
    expect(again.stderr).toMatch(/was revoked/);
    const text = await ctl(['--socket', socket, 'token', 'list']);
    expect(text.stdout).toMatch(new RegExp(`${info.id}\\s+tok-\\*\\s+\\*\\s+revoked`));
  });

  it('a token holds at most its max-registrations at once, and names its models', async () => {
    const { socket } = await start();
    const admin = await ControlClient.connect(socket);
    clients.push(admin);
    const { token } = await admin.tokenCreate({ services: 'q-*', models: ['m'], ttlMs: 60_000, note: '', maxRegistrations: 1 });
    const held = ctl(
      ['--socket', socket, 'register', '--id', 'q-1', '--dims', '8', '--endpoint', 'unix:/tmp/q-1.sock', '--models', 'm'],
      { VEXFS_REGISTRATION_TOKEN: token },
      NOBODY,
    );
    await until(() => bridge?.daemon.registry.get('q-1') !== undefined, 'the first registration');
    const second = await register(socket, 'q-2', ['--models', 'm'], token);
    expect(second.code).toBe(4);
    expect(second.stderr).toMatch(/token .* holds 1 registrations, at most 1 \(vexfsctl token create --max-registrations\) \(EDQUOT\)/);
    held.child.kill('SIGINT');
    await held;
    const noModels = await ctl(['--socket', socket, 'token', 'create', '--services', 'q-*']);
    expect(noModels.code).toBe(2);
    expect(noModels.stderr).toMatch(/token create needs --models/);
    await expect(admin.tokenCreate({ services: 'q-*', models: [], ttlMs: 60_000, note: '' })).rejects.toThrow(/a token must name the models it allows/);
  });
});
