// Services report their process's CPU use and resident memory with each heartbeat; the daemon keeps
// the latest in stats and /metrics, and the load policy weighs the CPU.
import { describe, expect, it } from 'vitest';

import { serviceStats } from '../../../src/daemon/stats.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('service resource reports', () => {
  it('carries CPU and memory from the heartbeat to stats and /metrics', async () => {
    bridge = await start();
    await bridge.service({ id: 'busy', name: 'busy', dimensions: [4], heartbeatMs: 50, embed: (i) => i.map(() => filled(4, 1)) });
    const d = bridge.daemon;
    const entry = d.registry.get('busy')!;
    // Burn CPU in this (the service's) process between heartbeats.
    await until(() => (spin(30), entry.cpuPermille > 100), 'a heartbeat reporting the CPU burnt', 10_000);
    const s = serviceStats(d, entry);
    expect(s.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(s.rssBytes % 1024).toBe(0);
    const text = await (await fetch(`http://127.0.0.1:${d.metricsAddress!.port}/metrics`)).text();
    expect(text).toMatch(/^vexfs_service_cpu_ratio\{service="busy"\} (0\.\d+|[1-9][\d.]*)$/m);
    expect(Number(/^vexfs_service_resident_memory_bytes\{service="busy"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(10 * 1024 * 1024);
  });
});
