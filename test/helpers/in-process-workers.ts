// A daemon with worker threads in the test's own process, for tests that reach into it (its worker
// pool, its metrics address). Its modules come from dist/, where its worker threads load theirs:
// the addon's struct types are made once per copy of the modules, so such a test must not load
// src/ copies of anything that touches them. The daemon, its directory and its services are
// closed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach } from 'vitest';

import type { DaemonConfig } from '../../src/daemon/config.js';
import type { Daemon } from '../../src/daemon/daemon.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const load = async <T>(...path: string[]) => (await import(join(dist, ...path))) as T;

export const distModules = async () => ({
  ...(await load<typeof import('../../src/daemon/daemon.js')>('daemon', 'daemon.js')),
  ...(await load<typeof import('../../src/daemon/config.js')>('daemon', 'config.js')),
  ...(await load<typeof import('../../src/daemon/log.js')>('daemon', 'log.js')),
  ...(await load<typeof import('../../src/clients/sdk/service.js')>('clients', 'sdk', 'service.js')),
  ...(await load<typeof import('../../src/clients/sdk/control-client.js')>('clients', 'sdk', 'control-client.js')),
});

/** `start(config)`: a twin-mode daemon with a private control socket and the given settings; `service(id, value)`: an SDK service whose vectors are all `value`. */
export function useInProcessWorkers() {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  return {
    async start(settings: Partial<DaemonConfig>): Promise<{ daemon: Daemon; config: DaemonConfig; dir: string; m: Awaited<ReturnType<typeof distModules>> }> {
      const m = await distModules();
      const dir = mkdtempSync(join(tmpdir(), 'vexfs-workers-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const config = { ...m.defaultConfig(), kernel: 'twin' as const, controlSocket: join(dir, 'control.sock'), metrics: false, ...settings };
      const daemon = await m.Daemon.start(config, m.createLogger('silent'));
      cleanup.push(() => daemon.stop());
      return { daemon, config, dir, m };
    },
    async service(started: { config: DaemonConfig; dir: string; m: Awaited<ReturnType<typeof distModules>> }, id: string, value: number) {
      const svc = await started.m.EmbeddingService.start({
        id,
        name: id,
        dimensions: [4],
        endpoint: `unix:${join(started.dir, `${id}.sock`)}`,
        controlSocket: started.config.controlSocket,
        embed: async (inputs) => inputs.map(() => new Float32Array(4).fill(value)),
      });
      cleanup.push(() => svc.close({ drainMs: 0 }));
      return svc;
    },
    keep: (close: () => unknown) => cleanup.push(close),
  };
}
