// /metrics, /health and /ready served by a running daemon: Prometheus text with bounded labels,
// probes that say why they fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Priority } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, startBridge } from '../../helpers/bridge.js';

let bridge: TestBridge;
let base: string;

async function get(path: string, method = 'GET'): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(base + path, { method });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

beforeAll(async () => {
  bridge = await startBridge({ metricsHost: '127.0.0.1', metricsPort: 0 });
  const a = bridge.daemon.metricsAddress;
  if (a === undefined) throw new Error('no metrics server');
  base = `http://127.0.0.1:${a.port}`;
});
afterAll(() => bridge.close());

describe('observability endpoints', () => {
  it('binds to loopback by default', () => {
    expect(bridge.daemon.metricsAddress?.host).toBe('127.0.0.1');
  });

  it('/ready says why it is not ready until a healthy service is registered', async () => {
    const before = await get('/ready');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.text)).toEqual({
      status: 'not ready',
      ready: false,
      reasons: ['no service is registered'],
      kernelAttached: true,
      healthyServices: 0,
    });
    await bridge.service({ id: 'm1', name: 'm1', dimensions: [4], models: ['mini'], embed: (inputs) => inputs.map(() => filled(4, 1)) });
    const after = await get('/ready');
    expect(after.status).toBe(200);
    expect(JSON.parse(after.text)).toMatchObject({ ready: true, kernelAttached: true, healthyServices: 1 });
  });

  it('/health answers while the event loop keeps up', async () => {
    const r = await get('/health');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ status: 'ok', limitMs: 1000 });
  });

  it('/metrics counts requests by service, model, priority and status with bounded labels', async () => {
    for (let i = 0; i < 5; i++) await bridge.twin.embed({ input: Buffer.from(`a${i}`), dimensions: 4, model: 'mini', priority: Priority.HIGH });
    await bridge.twin.embed({ input: Buffer.from('free text model'), dimensions: 4, model: `user-${Date.now()}` });
    await bridge.twin.embed({ input: Buffer.from('b'), dimensions: 4 });
    const r = await get('/metrics');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain');
    const t = r.text;
    expect(sample(t, 'vexfs_requests_total', { service: 'm1', model: 'mini', priority: 'high', status: 'success' })).toBe(5);
    // A model nobody declares is not a label value of its own.
    expect(sample(t, 'vexfs_requests_total', { service: '(none)', model: '(other)', status: 'model_not_found' })).toBe(1);
    expect(sample(t, 'vexfs_requests_total', { service: 'm1', model: '(default)', priority: 'normal', status: 'success' })).toBe(1);
    expect(t).not.toMatch(/model="user-/);
    expect(t).not.toMatch(/request_id|correlation/);
    expect(sample(t, 'vexfs_request_duration_seconds_count')).toBe(6);
    expect(sample(t, 'vexfs_request_duration_seconds_bucket', { le: '+Inf' })).toBe(6);
    expect(sample(t, 'vexfs_service_response_duration_seconds_count', { service: 'm1' })).toBe(6);
    expect(sample(t, 'vexfs_queue_wait_seconds_count', { priority: 'high' })).toBe(5);
    expect(sample(t, 'vexfs_queue_depth', { priority: 'critical' })).toBe(0);
    expect(sample(t, 'vexfs_inflight')).toBe(0);
    expect(sample(t, 'vexfs_service_breaker_state', { service: 'm1' })).toBe(0);
    expect(sample(t, 'vexfs_service_health', { service: 'm1' })).toBe(100);
    expect(sample(t, 'vexfs_service_state', { service: 'm1' })).toBe(1);
    for (const name of [
      'vexfs_cache_hits_total',
      'vexfs_cache_misses_total',
      'vexfs_cache_coalesced_total',
      'vexfs_retries_total',
      'vexfs_shed_total',
      'vexfs_rate_limited_total',
    ]) {
      expect(sample(t, name), name).toBe(0);
    }
    // The kernel side's own counters (here the twin's, as GET_STATS would give the module's).
    expect(sample(t, 'vexfs_kernel_requests_submitted_total')).toBe(7);
    expect(sample(t, 'vexfs_kernel_daemon_attached')).toBe(1);
    // prom-client's process metrics.
    expect(sample(t, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(t).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('a service leaving takes its series with it', async () => {
    await bridge.service({ id: 'm2', name: 'm2', dimensions: [8], embed: (inputs) => inputs.map(() => filled(8, 1)) });
    await bridge.twin.embed({ input: Buffer.from('c'), dimensions: 8 });
    expect(sample((await get('/metrics')).text, 'vexfs_requests_total', { service: 'm2' })).toBe(1);
    await bridge.daemon.registry.remove('m2', 0, process.pid);
    const t = (await get('/metrics')).text;
    // The SDK service may have registered again already (its connection was dropped, as after a
    // daemon restart): then its series start afresh. Either way nothing of the removed one is left.
    expect(sample(t, 'vexfs_requests_total', { service: 'm2' })).toBeUndefined();
    expect(sample(t, 'vexfs_service_response_duration_seconds_count', { service: 'm2' }) ?? 0).toBe(0);
  });

  it('refuses other methods and paths with a hint', async () => {
    const post = await get('/metrics', 'POST');
    expect(post.status).toBe(405);
    const missing = await get('/nope');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('try /metrics, /health or /ready');
  });
});
