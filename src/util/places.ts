import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The system daemon's socket (systemd's RuntimeDirectory=vexfs). */
export const SYSTEM_CONTROL_SOCKET = '/run/vexfs/control.sock';

/**
 * Where the daemon listens unless configured: $VEXFS_CONTROL_SOCKET, else a
 * runtime directory of its user's own (never a shared, world-writable
 * directory, where another user could take the path first): /run/vexfs for
 * root, $XDG_RUNTIME_DIR/vexfs for a user, else a per-uid directory.
 */
export function defaultControlSocket(): string {
  return process.env.VEXFS_CONTROL_SOCKET || join(runtimeDir(), 'control.sock');
}

/** This user's own runtime directory for the bridge's sockets (created 0755 when first listened in). */
export function runtimeDir(): string {
  const uid = process.getuid?.() ?? 0;
  if (uid === 0) return dirname(SYSTEM_CONTROL_SOCKET);
  const runtime = process.env.XDG_RUNTIME_DIR;
  return runtime ? join(runtime, 'vexfs') : join(tmpdir(), `vexfs-${uid}`);
}

/** Where a client looks for the daemon: $VEXFS_CONTROL_SOCKET, the system daemon's socket when it exists, else its own user's. */
export function findControlSocket(): string {
  const fromEnv = process.env.VEXFS_CONTROL_SOCKET;
  if (fromEnv) return fromEnv;
  return existsSync(SYSTEM_CONTROL_SOCKET) ? SYSTEM_CONTROL_SOCKET : defaultControlSocket();
}
