// The control socket lives where no other user can take or swap it, with an explicit mode,
// and a live socket at the path is refused with who owns it.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { defaultConfig } from '../../../src/daemon/config.js';
import { defaultControlSocket, runtimeDir } from '../../../src/util/places.js';
import { TransportError } from '../../../src/errors.js';
import { closeServer, listenUnix } from '../../../src/services/wire/unix-listen.js';
import { useBridge } from '../../helpers/bridge.js';

const dirs: string[] = [];
const servers: Array<[Server, string]> = [];
const start = useBridge();
afterEach(async () => {
  for (const [s, p] of servers.splice(0)) await closeServer(s, p);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'vexfs-place-'));
  dirs.push(d);
  return d;
}

describe('control socket place', () => {
  it('defaults to a runtime directory of its own, never the shared temp directory', () => {
    const saved = process.env.VEXFS_CONTROL_SOCKET;
    delete process.env.VEXFS_CONTROL_SOCKET;
    try {
      expect(defaultControlSocket()).toBe(process.getuid?.() === 0 ? '/run/vexfs/control.sock' : join(runtimeDir(), 'control.sock'));
      expect(defaultControlSocket().startsWith(`${tmpdir()}/vexfs-bridge`)).toBe(false);
    } finally {
      if (saved !== undefined) process.env.VEXFS_CONTROL_SOCKET = saved;
    }
  });

  it('refuses a directory others can write', async () => {
    const open = join(scratch(), 'shared');
    mkdirSync(open);
    chmodSync(open, 0o1777);
    await expect(listenUnix(join(open, 'c.sock'), () => {})).rejects.toThrow(
      /writable by every user \(mode 1777\): another user could take or replace the control socket/,
    );
    chmodSync(open, 0o775);
    await expect(listenUnix(join(open, 'c.sock'), () => {})).rejects.toThrow(TransportError);
  });

  it('creates a missing directory and gives the socket the configured mode', async () => {
    const dir = join(scratch(), 'run', 'vexfs');
    await start({ controlSocket: join(dir, 'control.sock') });
    expect(statSync(dir).mode & 0o7777).toBe(0o755);
    expect(statSync(join(dir, 'control.sock')).mode & 0o777).toBe(defaultConfig().controlSocketMode);
    expect(defaultConfig().controlSocketMode).toBe(0o660);
  });

  it('refuses a path where something is listening, naming its owner', async () => {
    const path = join(scratch(), 'taken.sock');
    const other = createServer();
    await new Promise<void>((r) => other.listen(path, r));
    servers.push([other, path]);
    await expect(listenUnix(path, () => {})).rejects.toThrow(
      new RegExp(`something is already listening on ${path} \\(the socket belongs to uid ${process.getuid?.()}\\)`),
    );
  });
});
