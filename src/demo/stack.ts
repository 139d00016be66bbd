/**
 * What the demos share: vexfs-bridged on its default kernel transport (the
 * embedded kernel twin when the module is not loaded) with a private
 * control socket, and bundled embedders as service processes registered
 * through it; then closed again, whatever happened.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { ServiceState } from '../abi/uapi.js';
import { defaultConfig } from '../daemon/config.js';
import { Daemon } from '../daemon/daemon.js';
import { createLogger } from '../daemon/log.js';
import type { KernelTwin } from '../kernel-side/twin/kernel-twin.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A bundled embedder: its program in dist/bin and the service id it registers. */
export const EMBEDDERS = {
  hashing: { bin: 'vexfs-hash-embedder.js', id: 'hashing-embedder' },
  neural: { bin: 'vexfs-use-embedder.js', id: 'use-embedder' },
} as const;

export interface DemoStack {
  daemon: Daemon;
  twin: KernelTwin;
  controlSocket: string;
  close(): Promise<void>;
}

/** Starts the daemon and `embedders`, writing one line for each to `out`; resolves once all are ready. */
export async function startDemoStack(embedders: ReadonlyArray<keyof typeof EMBEDDERS>, out: NodeJS.WritableStream): Promise<DemoStack> {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-demo-'));
  // outlierMinMs: the neural model's first batches (on one core here) may take seconds; they are not hangs.
  const config = {
    ...defaultConfig(),
    kernel: 'auto' as const,
    controlSocket: join(dir, 'control.sock'),
    logLevel: 'warn' as const,
    metricsPort: 0,
    outlierMinMs: 15_000,
  };
  const daemon = await Daemon.start(config, createLogger(config.logLevel));
  const children: ChildProcess[] = [];
  const close = async () => {
    for (const c of children) {
      if (c.exitCode !== null) continue;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    }
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    out.write(`  daemon: kernel transport ${daemon.transport}${daemon.twin ? ' (the vexfs_ipc module is not loaded: embedded kernel twin)' : ''}\n`);
    const twin = daemon.twin;
    if (twin === undefined) throw new Error('the demos drive requests through the kernel twin; with the module loaded, send requests with vexfsctl embed');
    const m = daemon.metricsAddress;
    if (m !== undefined) out.write(`  metrics: http://${m.host}:${m.port}/metrics (and /health, /ready); vexfsctl --socket ${config.controlSocket} status\n`);
    for (const name of embedders) {
      const { bin, id } = EMBEDDERS[name];
      const child = spawn(process.execPath, [join(here, '..', 'bin', bin), config.controlSocket], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`${bin} exited with code ${code} before registering`)));
      });
      out.write(`  embedder: ${line}\n`);
      while (daemon.registry.get(id)?.state !== ServiceState.READY) await new Promise((r) => setTimeout(r, 5));
    }
    return { daemon, twin, controlSocket: config.controlSocket, close };
  } catch (err) {
    await close();
    throw err;
  }
}
