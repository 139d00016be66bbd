import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the daemon's control socket is unless configured: $VEXFS_CONTROL_SOCKET or a per-machine temp path. */
export function defaultControlSocket(): string {
  return process.env.VEXFS_CONTROL_SOCKET ?? join(tmpdir(), 'vexfs-bridge.sock');
}
