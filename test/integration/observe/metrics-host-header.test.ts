// The metrics server answers loopback Host names only (no DNS rebinding from a browser),
// unless more are allowed.
import { request } from 'node:http';

import { describe, expect, it } from 'vitest';

import { type TestBridge, useBridge } from '../../helpers/bridge.js';

const start = useBridge();
let bridge: TestBridge | undefined;

function get(port: number, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('metrics Host header', () => {
  it('answers loopback names and refuses others with 421', async () => {
    bridge = await start({ metricsPort: 0 });
    const port = bridge.daemon.metricsAddress!.port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) expect((await get(port, host)).status).toBe(200);
    const evil = await get(port, `attacker.example:${port}`);
    expect(evil.status).toBe(421);
    expect(evil.body).toMatch(/Host "attacker.example" is not served here/);
  });

  it('answers the names given by metricsAllowedHosts', async () => {
    bridge = await start({ metricsPort: 0, metricsAllowedHosts: ['metrics.internal'] });
    const port = bridge.daemon.metricsAddress!.port;
    expect((await get(port, `metrics.internal:${port}`)).status).toBe(200);
    expect((await get(port, 'other.internal')).status).toBe(421);
  });
});
