// An administrator adds, lists and removes HTTP backends at run time through the control
// socket (vexfsctl backend ...); a bad one is refused with the field named, a duplicate with EEXIST.
import { chmodSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { ctl } from '../../helpers/ctl.js';
import { type OpenAiServer, startOpenAiServer } from '../../helpers/openai-server.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: OpenAiServer | undefined;
let client: ControlClient | undefined;
afterEach(async () => {
  client?.close();
  await server?.close();
});

describe('backends at run time', () => {
  it('adds one that then serves, lists it without its key, refuses bad and duplicate ones, and removes it', async () => {
    server = await startOpenAiServer({ 'hash-8': 8 });
    bridge = await start();
    client = await ControlClient.connect(bridge.daemon.config.controlSocket);
    const entry = { id: 'live', url: server.url, model: 'hash-8', dimensions: [8], apiKeyEnv: 'VEXFS_TEST_LIVE_KEY' };
    process.env.VEXFS_TEST_LIVE_KEY = 'never-shown';
    const stored = JSON.parse(await client.backendAdd(JSON.stringify(entry)));
    expect(stored).toMatchObject({ ...entry, maxBatchSize: 32 });
    await until(() => bridge!.daemon.registry.get('live')?.state === ServiceState.READY, 'the added backend ready');
    expect((await bridge.twin.embed({ input: Buffer.from('q'), dimensions: 8, model: 'hash-8' })).status).toBe(Status.SUCCESS);
    const listed = await client.backendList();
    expect(listed.map((j) => JSON.parse(j).id)).toEqual(['live']);
    expect(listed.join('')).not.toContain('never-shown');
    await expect(client.backendAdd(JSON.stringify(entry))).rejects.toThrow(/already declared/);
    await expect(client.backendAdd(JSON.stringify({ ...entry, id: 'bad', dimensions: [] }))).rejects.toThrow(/backend\.dimensions/);
    await expect(client.backendAdd('{')).rejects.toThrow(/not JSON/);
    await expect(client.backendAdd(JSON.stringify({ ...entry, id: 'nokey', apiKeyEnv: 'VEXFS_TEST_UNSET' }))).rejects.toThrow(/VEXFS_TEST_UNSET is not set/);
    await client.backendRemove('live');
    expect(bridge.daemon.registry.get('live')).toBeUndefined();
    expect(await client.backendList()).toEqual([]);
    await expect(client.backendRemove('live')).rejects.toThrow(/no backend "live"/);
    delete process.env.VEXFS_TEST_LIVE_KEY;
  });

  it('lists backends to administrators only, header values hidden; refuses a URL carrying credentials', async () => {
    server = await startOpenAiServer({ 'hash-8': 8 });
    bridge = await start();
    client = await ControlClient.connect(bridge.daemon.config.controlSocket);
    const entry = { id: 'gw', url: server.url, model: 'hash-8', dimensions: [8], headers: { 'x-api-key': 'gateway-secret' } };
    await client.backendAdd(JSON.stringify(entry));
    const listed = await client.backendList();
    expect(JSON.parse(listed[0]!).headers).toEqual({ 'x-api-key': '(hidden)' });
    expect(listed.join('')).not.toContain('gateway-secret');
    const withUser = { ...entry, id: 'cred', url: server.url.replace('http://', 'http://user:pass@') };
    await expect(client.backendAdd(JSON.stringify(withUser))).rejects.toThrow(/backend\.url.*carries credentials \(user:password@\)/);
    // Another local user is told no.
    chmodSync(bridge.dir, 0o755);
    chmodSync(bridge.daemon.config.controlSocket, 0o666);
    const other = await ctl(['--socket', bridge.daemon.config.controlSocket, 'backend', 'list'], {}, { uid: 65534, gid: 65534 });
    expect(other.code).toBe(4);
    expect(other.stderr).toMatch(/backends need root or uid \d+ \(the daemon's\); you are uid 65534/);
    expect(other.stdout).not.toContain(server.url);
  });
});
