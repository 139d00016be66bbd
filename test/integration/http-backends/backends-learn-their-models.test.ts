// A backend that names no model serves the models its server says it serves (TEI's /info, Ollama's
// /api/tags), learned at start and again when the server's answer changes; `vexfsctl backend list`
// shows them and the limits learned. A server naming hostile or malformed models registers none of
// those names. Truncation is allowed only where the server says which inputs it cut.
import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { backendSchema } from '../../../src/control/http-backends.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { ctl } from '../../helpers/ctl.js';
import { type OllamaServer, startOllamaServer } from '../../helpers/ollama-server.js';
import { type TeiServer, startTeiServer } from '../../helpers/tei-server.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let tei: TeiServer | undefined;
let ollama: OllamaServer | undefined;
afterEach(async () => {
  await tei?.close();
  await ollama?.close();
  tei = ollama = undefined;
});

describe('backends that learn their models', () => {
  it('serve what TEI and Ollama say they serve, listed by vexfsctl with the limits learned', async () => {
    tei = await startTeiServer({ modelId: 'BAAI/bge-small-en-v1.5', dimensions: 16, maxClientBatchSize: 8 });
    ollama = await startOllamaServer({ 'all-minilm:latest': { dimensions: 16, context: 256 }, 'bad name\u001b[31m': { dimensions: 16, context: 256 } });
    bridge = await start({
      backends: [
        backendSchema.parse({ id: 'tei', dialect: 'tei', url: tei.url, dimensions: [16] }),
        backendSchema.parse({ id: 'ollama', dialect: 'ollama', url: ollama.url, dimensions: [16] }),
      ],
    });
    await until(() => bridge!.daemon.registry.get('tei')?.info.models.length === 1, 'the TEI backend to learn its model');
    await until(() => bridge!.daemon.registry.get('tei')?.state === ServiceState.READY, 'the TEI backend ready');
    expect(bridge.daemon.registry.get('tei')!.info).toMatchObject({ models: ['BAAI/bge-small-en-v1.5'], metadata: { backend: 'tei' } });
    const r = await bridge.twin.embed({ input: Buffer.from('hello'), dimensions: 16, model: 'BAAI/bge-small-en-v1.5' });
    expect(r.status).toBe(Status.SUCCESS);
    expect(r.provenance).toMatchObject({ serviceId: 'tei', model: 'BAAI/bge-small-en-v1.5' });

    const listed = await ctl(['--socket', bridge.daemon.config.controlSocket, 'backend', 'list', '--json']);
    const byId = Object.fromEntries((JSON.parse(listed.stdout) as Array<Record<string, unknown>>).map((b) => [b.id, b]));
    expect(byId.tei).toMatchObject({
      dialect: 'tei',
      server: { models: ['BAAI/bge-small-en-v1.5'], maxBatchSize: 8, maxBatchTokens: 16384, maxInputTokens: 512 },
    });
    const text = await ctl(['--socket', bridge.daemon.config.controlSocket, 'backend', 'list']);
    expect(text.stdout).toMatch(/tei\s+tei\s+http:\/\/127\.0\.0\.1:\d+\s+BAAI\/bge-small-en-v1\.5 \(from the server\)/);
    // The server's names are shown as it gave them, but never as terminal escapes.
    expect(text.stdout).toMatch(/ollama\s+ollama\s+\S+\s+all-minilm:latest,bad name/);
    expect(text.stdout).not.toContain('\u001b');
    await until(() => bridge!.daemon.registry.get('ollama')?.info.models.length === 1, 'the Ollama backend to learn its models');
    expect(bridge.daemon.registry.get('ollama')!.info.models).toEqual(['all-minilm:latest']);
  });

  it('registers only the well-formed names a server gives', async () => {
    ollama = await startOllamaServer({ 'bad name': { dimensions: 16, context: 256 }, 'e5:small': { dimensions: 16, context: 256 } });
    bridge = await start({ backends: [backendSchema.parse({ id: 'ol', dialect: 'ollama', url: ollama.url, dimensions: [16] })] });
    await until(() => (bridge!.daemon.registry.get('ol')?.info.models.length ?? 0) > 0, 'the models learned');
    expect(bridge.daemon.registry.get('ol')!.info.models).toEqual(['e5:small']);
  });

  it("says an input was cut, with truncate on: in the kernel answer's provenance and in vexfsctl embed", async () => {
    tei = await startTeiServer({ dimensions: 16, maxInputLength: 32 });
    bridge = await start({ backends: [backendSchema.parse({ id: 'tei', dialect: 'tei', url: tei.url, dimensions: [16], truncate: true })] });
    await until(() => bridge!.daemon.registry.get('tei')?.info.models.length === 1, 'the model learned');
    await until(() => bridge!.daemon.registry.get('tei')?.state === ServiceState.READY, 'the backend ready');
    const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const cut = await bridge.twin.embed({ input: Buffer.from(long), dimensions: 16 });
    expect(cut.status).toBe(Status.SUCCESS);
    expect(cut.provenance).toMatchObject({ serviceId: 'tei', truncated: true });
    expect((await bridge.twin.embed({ input: Buffer.from('short'), dimensions: 16 })).provenance).toMatchObject({ truncated: false });
    const shown = await ctl(['--socket', bridge.daemon.config.controlSocket, 'embed', long, '--dims', '16']);
    expect(shown.stdout).toMatch(/served by\s+tei \(BAAI\/bge-small-en-v1\.5\)/);
    expect(shown.stdout).toMatch(/input\s+truncated: the service embedded only its beginning/);
    const json = JSON.parse((await ctl(['--socket', bridge.daemon.config.controlSocket, 'embed', long, '--dims', '16', '--json'])).stdout);
    expect(json.provenance).toEqual({ serviceId: 'tei', model: 'BAAI/bge-small-en-v1.5', modelVersion: '', truncated: true });
  });

  it('refuses truncation where the server would not say which inputs it cut, naming the field', () => {
    expect(() => backendSchema.parse({ id: 'o', dialect: 'ollama', url: 'http://h', dimensions: [8], truncate: true })).toThrow(/only the tei dialect/);
    expect(() => backendSchema.parse({ id: 'o', dialect: 'openai', url: 'http://h', model: 'm', dimensions: [8], truncate: true })).toThrow(/truncate/);
    expect(backendSchema.parse({ id: 't', dialect: 'tei', url: 'http://h', dimensions: [8], truncate: true })).toMatchObject({
      truncate: true,
      normalize: true,
    });
    expect(() => backendSchema.parse({ id: 't', dialect: 'vllm', url: 'http://h', dimensions: [8] })).toThrow(/dialect/);
  });
});
