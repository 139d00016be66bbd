// A model group: a model name requests use, served by backends in order (the next when the first is
// down) or by weight. Each member is asked for its own model; the answer's provenance and /metrics
// name the member that served; a bad group names its field.
import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { backendSchema } from '../../../src/control/http-backends.js';
import { loadConfig } from '../../../src/daemon/config.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { type OpenAiServer, startOpenAiServer } from '../../helpers/openai-server.js';
import { until, untilAsync } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
const servers: OpenAiServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function twoBackends(modelGroups: unknown) {
  const a = await startOpenAiServer({ 'model-a': 16 });
  const b = await startOpenAiServer({ 'model-b': 16 });
  servers.push(a, b);
  const config = loadConfig({ env: { VEXFS_MODEL_GROUPS: JSON.stringify(modelGroups) } }).config;
  bridge = await start({
    modelGroups: config.modelGroups,
    breakerVolume: 2,
    backends: [
      backendSchema.parse({ id: 'a', url: a.url, model: 'model-a', dimensions: [16], timeoutMs: 2000 }),
      backendSchema.parse({ id: 'b', url: b.url, model: 'model-b', dimensions: [16], timeoutMs: 2000 }),
    ],
  });
  for (const id of ['a', 'b']) await until(() => bridge!.daemon.registry.get(id)?.state === ServiceState.READY, `backend ${id} ready`);
  const embed = (i: number) => bridge!.twin.embed({ input: Buffer.from(`text ${i} ${Math.random()}`), dimensions: 16, model: 'small' });
  return { a, b, embed };
}

const served = async (bridge: TestBridge) => {
  const m = bridge.daemon.metricsAddress!;
  const text = await (await fetch(`http://${m.host}:${m.port}/metrics`)).text();
  const count = (service: string) =>
    Number(text.match(new RegExp(`vexfs_requests_total\\{service="${service}",model="small",priority="normal",status="success"\\} (\\d+)`))?.[1] ?? 0);
  return { a: count('a'), b: count('b') };
};

describe('model groups', () => {
  it('in order: the first member serves; when it is down the next does, asked for its own model; the first again once back', async () => {
    const { a, embed } = await twoBackends({ small: { members: [{ service: 'a' }, { service: 'b' }] } });
    const first = await Promise.all([0, 1, 2, 3].map(embed));
    expect(first.map((r) => r.status)).toEqual([Status.SUCCESS, Status.SUCCESS, Status.SUCCESS, Status.SUCCESS]);
    expect(first.map((r) => r.provenance?.serviceId)).toEqual(['a', 'a', 'a', 'a']);
    expect(first[0]?.provenance?.model).toBe('model-a');
    expect(a.requests.filter((r) => r.path === '/v1/embeddings').every((r) => (r.body as { model: string }).model === 'model-a')).toBe(true);

    a.fault = 'server-error';
    // Its failures (each request retried on the second member) open its breaker; from then on the second member serves.
    await untilAsync(
      async () => {
        await embed(100);
        return bridge!.daemon.router.breakers.state('a') === 'open';
      },
      "a's breaker open",
      15_000,
    );
    const fallen = await Promise.all([4, 5, 6].map(embed));
    expect(fallen.map((r) => [r.status, r.provenance?.serviceId, r.provenance?.model])).toEqual([
      [Status.SUCCESS, 'b', 'model-b'],
      [Status.SUCCESS, 'b', 'model-b'],
      [Status.SUCCESS, 'b', 'model-b'],
    ]);
    a.fault = 'none';
    await until(() => bridge!.daemon.router.breakers.state('a') !== 'open', "a's breaker half-open again", 15_000);
    await untilAsync(async () => (await embed(7)).provenance?.serviceId === 'a', 'a serving again', 15_000);
    const counts = await served(bridge!);
    expect(counts.a).toBeGreaterThanOrEqual(5);
    expect(counts.b).toBeGreaterThanOrEqual(3);
  });

  it('by weight: members share the requests 3:1', async () => {
    const { embed } = await twoBackends({
      small: {
        mode: 'weighted',
        members: [
          { service: 'a', weight: 3 },
          { service: 'b', weight: 1 },
        ],
      },
    });
    const results: Array<Awaited<ReturnType<typeof embed>>> = [];
    for (let i = 0; i < 40; i++) results.push(await embed(i));
    expect(results.every((r) => r.status === Status.SUCCESS)).toBe(true);
    const by = (id: string) => results.filter((r) => r.provenance?.serviceId === id).length;
    expect([by('a'), by('b')]).toEqual([30, 10]);
    expect(await served(bridge!)).toEqual({ a: 30, b: 10 });
  });

  it('answers NO_SERVICE when no member fits, and refuses a bad group naming its field', async () => {
    await twoBackends({ small: { members: [{ service: 'a' }] }, empty: { members: [{ service: 'nobody' }] } });
    expect((await bridge!.twin.embed({ input: Buffer.from('x'), dimensions: 16, model: 'empty' })).status).toBe(Status.NO_SERVICE);
    expect(() => loadConfig({ env: { VEXFS_MODEL_GROUPS: '{"g": {"members": []}}' } })).toThrow(/modelGroups \(VEXFS_MODEL_GROUPS\)\.g\.members/);
    expect(() => loadConfig({ env: { VEXFS_MODEL_GROUPS: '{"g": {"members": [{"service": "a"}, {"service": "a"}]}}' } })).toThrow(/names a member twice/);
    expect(() => loadConfig({ env: { VEXFS_MODEL_GROUPS: '{"bad name": {"members": [{"service": "a"}]}}' } })).toThrow(
      /modelGroups \(VEXFS_MODEL_GROUPS\)\.bad name: a group's name is a model name/,
    );
    expect(() => loadConfig({ env: { VEXFS_MODEL_GROUPS: '{"g": {"mode": "random", "members": [{"service": "a"}]}}' } })).toThrow(/\.g\.mode/);
  });
});
