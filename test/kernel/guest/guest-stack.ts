// Shared by the guest test files that run the daemon themselves: each file
// starts from no daemon attached and leaves none, whatever ran before it
// (the files share one process, in no fixed order).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';

import type { VexfsDevice } from '../../../src/kernel-side/channels/device.js';
import { until } from '../../helpers/wait.js';

export const CONTROL = '/run/vexfs/control.sock';

/** Kills every vexfs-bridged in the guest and waits until the module has no daemon. */
export async function stopAnyDaemon(dev: VexfsDevice): Promise<void> {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes('vexfs-bridged')) process.kill(Number(pid), 'SIGKILL');
  }
  await until(() => dev.stats().daemon_attached === 0, 'no daemon attached', 30_000);
}

/** Starts vexfs-bridged over generic netlink; resolves once it is attached. */
export async function startDaemon(extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      'dist/bin/vexfs-bridged.js',
      '--kernel',
      'genl',
      '--control-socket',
      CONTROL,
      '--log-level',
      'info',
      '--heartbeat-timeout-ms',
      '60000',
      '--outlier-min-ms',
      '600000',
      ...extra,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let logs = '';
  child.stderr!.on('data', (d) => {
    logs += d;
    appendFileSync('/tmp/vexfs-daemon.log', d);
  });
  await until(() => logs.includes('kernel transport') || child.exitCode !== null, 'the daemon to attach', 60_000);
  if (child.exitCode !== null) throw new Error(`the daemon exited: ${logs}`);
  return child;
}

export async function stopDaemon(child: ChildProcess | undefined, dev: VexfsDevice, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
  await until(() => dev.stats().daemon_attached === 0, 'detach', 30_000);
}

export function insmod(path: string, ...params: string[]): void {
  const r = spawnSync('insmod', [path, ...params], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`insmod ${path} failed: ${r.stderr}`);
}

export function rmmod(name: string): number {
  return existsSync(`/sys/module/${name}`) ? (spawnSync('rmmod', [name]).status ?? 1) : 0;
}
