// Issue 15: an administrator adds, lists and removes HTTP backends at run time through the control
// socket (vexfsctl backend ...); a bad one is refused with the field named, a duplicate with EEXIST.
import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../src/abi/uapi.js';
import { ControlClient } from '../../src/sdk/control-client.js';
import { type TestBridge, useBridge } from '../helpers/bridge.js';
import { type OpenAiServer, startOpenAiServer } from '../helpers/openai-server.js';
import { until } from '../helpers/wait.js';

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
});
