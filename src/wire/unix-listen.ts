/** Listening on a Unix socket path, replacing a stale socket file but never a live listener. */
import { existsSync, unlinkSync } from 'node:fs';
import { type Server, type Socket, connect, createServer } from 'node:net';

import { TransportError } from '../errors.js';

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

export async function listenUnix(path: string, onConnection: (socket: Socket) => void): Promise<Server> {
  if (existsSync(path)) {
    if (await isLive(path)) throw new TransportError(`something is already listening on ${path}`);
    unlinkSync(path);
  }
  const server = createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new TransportError(`cannot listen on ${path}: ${err.message}`, { cause: err })));
    server.listen(path, () => resolve());
  });
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
