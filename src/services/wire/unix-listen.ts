/**
 * Listening on a Unix socket path: in a directory no other user can write
 * (created if missing), replacing a stale socket file but never a live
 * listener, with an explicit mode and group on the socket.
 */
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { dirname } from 'node:path';

import { TransportError } from '../../errors.js';

export interface ListenOptions {
  /** Mode of the socket file (who may connect), e.g. 0o660. */
  mode?: number;
  /** Group of the socket file; undefined keeps the daemon's. */
  gid?: number | undefined;
}

function isLive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * The socket's directory must be writable by its owner only (root's or
 * ours): in a shared one such as /tmp another user could take the path
 * first or swap the socket. A missing directory is made (0755).
 */
function checkDirectory(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = statSync(dir);
  const self = process.getuid?.() ?? 0;
  if (st.uid !== self && st.uid !== 0)
    throw new TransportError(`${dir} belongs to uid ${st.uid}: the control socket's directory must be the daemon's user's or root's`);
  if (st.mode & 0o022) {
    throw new TransportError(
      `${dir} is writable by ${st.mode & 0o002 ? 'every user' : 'its group'} (mode ${(st.mode & 0o7777).toString(8)}): ` +
        'another user could take or replace the control socket there; use a directory only its owner can write ' +
        '(the default is /run/vexfs for root, $XDG_RUNTIME_DIR/vexfs for a user)',
    );
  }
}

export async function listenUnix(path: string, onConnection: (socket: Socket) => void, options: ListenOptions = {}): Promise<Server> {
  checkDirectory(dirname(path));
  if (existsSync(path)) {
    const owner = lstatSync(path).uid;
    if (await isLive(path))
      throw new TransportError(`something is already listening on ${path} (the socket belongs to uid ${owner}): stop it, or choose another --control-socket`);
    unlinkSync(path);
  }
  const server = createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new TransportError(`cannot listen on ${path}: ${err.message}`, { cause: err })));
    server.listen(path, () => resolve());
  });
  try {
    if (options.gid !== undefined) chownSync(path, -1, options.gid);
    if (options.mode !== undefined) chmodSync(path, options.mode);
  } catch (err) {
    server.close();
    throw new TransportError(`cannot set the mode or group of ${path}: ${(err as Error).message}`, { cause: err });
  }
  return server;
}

export function closeServer(server: Server, path: string): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
      resolve();
    });
  });
}
