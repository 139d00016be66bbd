// Starts a real daemon in twin mode with a private control socket, and SDK services against it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach } from 'vitest';

import { ServiceState } from '../../src/abi/uapi.js';
import { type DaemonConfig, defaultConfig } from '../../src/daemon/config.js';
import { Daemon } from '../../src/daemon/daemon.js';
import { createLogger } from '../../src/daemon/log.js';
import { EmbeddingService, type EmbeddingServiceOptions } from '../../src/clients/sdk/service.js';
import type { KernelTwin } from '../../src/kernel-side/twin/kernel-twin.js';
import { until } from './wait.js';

export interface TestBridge {
  daemon: Daemon;
  twin: KernelTwin;
  dir: string;
  service(options: Omit<EmbeddingServiceOptions, 'controlSocket'>): Promise<EmbeddingService>;
  close(): Promise<void>;
}

/** `logTo` receives the daemon's log lines (JSON) at warn and above; silent otherwise. */
export async function startBridge(overrides: Partial<DaemonConfig> = {}, logTo?: NodeJS.WritableStream): Promise<TestBridge> {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-test-'));
  const config = {
    ...defaultConfig(),
    kernel: 'twin' as const,
    controlSocket: join(dir, 'control.sock'),
    reconnectMinMs: 10,
    reconnectMaxMs: 50,
    metricsPort: 0,
    ...overrides,
  };
  const daemon = await Daemon.start(config, logTo ? createLogger('warn', logTo) : createLogger('silent'));
  const services: EmbeddingService[] = [];
  return {
    daemon,
    twin: daemon.twin as KernelTwin,
    dir,
    async service(options) {
      const svc = await EmbeddingService.start({ endpoint: `unix:${join(dir, `${options.id}.sock`)}`, ...options, controlSocket: config.controlSocket });
      services.push(svc);
      await until(() => daemon.registry.get(options.id)?.state === ServiceState.READY, `service ${options.id} ready`);
      return svc;
    },
    async close() {
      // Tests leave services stuck on purpose; draining them would only wait out the timeout.
      for (const s of services) await s.close({ drainMs: 0 });
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The shared set-up of integration tests: `const start = useBridge()` at the top of a file
 * gives a startBridge that closes every bridge it started after each test.
 */
export function useBridge(): (overrides?: Partial<DaemonConfig>, logTo?: NodeJS.WritableStream) => Promise<TestBridge> {
  const open: TestBridge[] = [];
  afterEach(async () => {
    for (const b of open.splice(0)) await b.close();
  });
  return async (overrides = {}, logTo) => {
    const b = await startBridge(overrides, logTo);
    open.push(b);
    return b;
  };
}

/** A float32 vector whose every value is `x`. */
export function filled(dims: number, x: number): Float32Array {
  return new Float32Array(dims).fill(x);
}
