// An OpenAI-compatible server declared in the daemon's configuration serves kernel
// requests with no code written, as a service like any other; a bad declaration names its field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { backendSchema } from '../../../src/control/http-backends.js';
import { loadConfig } from '../../../src/daemon/config.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { type OpenAiServer, startOpenAiServer } from '../../helpers/openai-server.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: OpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('an HTTP embedding backend from the configuration', () => {
  it('serves kernel requests for its model, with its key from the environment, and is listed like any service', async () => {
    server = await startOpenAiServer({ 'hash-16': 16 });
    process.env.VEXFS_TEST_BACKEND_KEY = 'k-123';
    const backend = backendSchema.parse({
      id: 'remote',
      url: server.url,
      model: 'hash-16',
      dimensions: [16],
      maxBatchSize: 8,
      apiKeyEnv: 'VEXFS_TEST_BACKEND_KEY',
    });
    bridge = await start({ backends: [backend] });
    await until(() => bridge!.daemon.registry.get('remote')?.state === ServiceState.READY, 'the backend ready');
    const results = await Promise.all(['one', 'two', 'three'].map((t) => bridge!.twin.embed({ input: Buffer.from(t), dimensions: 16, model: 'hash-16' })));
    expect(results.map((r) => r.status)).toEqual([Status.SUCCESS, Status.SUCCESS, Status.SUCCESS]);
    expect([...new Float32Array(results[1]!.vector!.buffer, results[1]!.vector!.byteOffset, 16)]).toEqual([...hashingEmbed('two', 16)]);
    expect(server.requests.filter((r) => r.path === '/v1/embeddings').every((r) => r.authorization === 'Bearer k-123')).toBe(true);
    const entry = bridge.daemon.registry.get('remote')!;
    expect(entry.info).toMatchObject({ endpoint: 'openai:remote', models: ['hash-16'], metadata: { backend: 'openai' } });
    // The server's usage is counted per service, for /metrics.
    expect(entry.link.counters.tokens).toBe(9);
    const m = bridge.daemon.metricsAddress!;
    expect(await (await fetch(`http://${m.host}:${m.port}/metrics`)).text()).toMatch(/vexfs_service_tokens_total\{service="remote"\} 9/);
    // A model it does not serve is not sent to it.
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 16, model: 'other' })).status).toBe(Status.MODEL_NOT_FOUND);
    delete process.env.VEXFS_TEST_BACKEND_KEY;
  });

  it('reads backends from a configuration file and names the field of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-backends-'));
    const file = (value: unknown) => {
      const path = join(dir, `backends-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, JSON.stringify({ backends: value }));
      return path;
    };
    const ok = loadConfig({ argv: ['--config', file([{ id: 'tei', url: 'http://127.0.0.1:8080', model: 'bge-small', dimensions: [384] }])] }).config;
    expect(ok.backends[0]).toMatchObject({ id: 'tei', maxBatchSize: 32, connections: 4, utf8: 'reject' });
    expect(() => loadConfig({ argv: ['--config', file([{ id: 'tei', url: 'http://127.0.0.1:8080', model: 'm' }])] })).toThrow(
      /backends \(.*\)\[0\]\.dimensions/,
    );
    expect(() => loadConfig({ argv: ['--config', file([{ id: 'x', url: 'ftp://host', model: 'm', dimensions: [4] }])] })).toThrow(/backends \(.*\)\[0\]\.url/);
    expect(() => loadConfig({ argv: ['--config', file([{ id: 'x', url: 'http://h', model: 'm', dimensions: [4], apiKey: 'inline' }])] })).toThrow(/apiKey/);
    expect(() => loadConfig({ env: { VEXFS_BACKENDS: '[{' } })).toThrow(/backends \(VEXFS_BACKENDS\): is not JSON/);
  });
});
