/**
 * The native addon's interface. TS wrappers take these as constructor
 * arguments so unit tests can inject fakes; `loadNative()` gives the real one.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { NativeUnavailableError } from './errors.js';

/** Words per received datagram in `recvMeta`. */
export const RECV_META_WORDS = 4;
export const RecvMeta = { LENGTH: 0, PORT_ID: 1, GROUPS: 2, FLAGS: 3 } as const;
export const RECV_FLAG_TRUNCATED = 1;

export interface NativeNetlinkSocketOptions {
  /** Datagrams per recvmmsg call. */
  batch?: number;
  /** Bytes per receive slot; a longer datagram is reported truncated. */
  slotSize?: number;
  /** recvmmsg calls per wakeup before yielding to the event loop. */
  maxRounds?: number;
}

export interface NativeNetlinkSocket {
  readonly fd: number;
  readonly portId: number;
  /** Slot i is bytes [i*slotSize, i*slotSize + length); valid only inside onBatch. */
  readonly recvBuffer: Buffer;
  readonly recvMeta: Uint32Array;
  readonly slotSize: number;
  bind(portId: number, groups: number): void;
  addMembership(group: number): void;
  dropMembership(group: number): void;
  setRecvBufferSize(bytes: number): void;
  setSendBufferSize(bytes: number): void;
  setExtAck(on: boolean): void;
  send(buffer: Uint8Array, offset: number, length: number, destPort: number, destGroups: number): number;
  sendBatch(buffer: Uint8Array, lengths: Uint32Array, count: number, destPort: number, destGroups: number): number;
  start(onBatch: (count: number) => void, onError: (err: Error) => void): void;
  stop(): void;
  ref(): void;
  unref(): void;
  close(): void;
}

export interface NativeAddon {
  NetlinkSocket: new (protocol: number, options?: NativeNetlinkSocketOptions) => NativeNetlinkSocket;
  ioctlSync(fd: number, request: number, buffer: Uint8Array): number;
  /** On a worker thread; `keepAlive` (the buffers the struct points to) stays referenced until it completes. */
  ioctl(fd: number, request: number, buffer: Uint8Array, keepAlive?: readonly Uint8Array[]): Promise<number>;
  /** SO_PEERCRED of a connected Unix socket. */
  peerCred(fd: number): { pid: number; uid: number; gid: number };
  /** getxattr(2): the attribute's bytes, or null when the file has none by that name. */
  getxattr(path: string, name: string): Buffer | null;
}

let cached: NativeAddon | undefined;

export function loadNative(): NativeAddon {
  if (cached) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  // Works from src/ (tests) and dist/ (built package) alike. VEXFS_NATIVE_ADDON names another
  // build of the same addon: native/sanitize.mjs runs the tests against an ASan/UBSan one.
  const path = process.env.VEXFS_NATIVE_ADDON || join(here, '..', 'native', 'build', 'Release', 'vexfs_native.node');
  try {
    cached = createRequire(import.meta.url)(path) as NativeAddon;
  } catch (err) {
    throw new NativeUnavailableError(path, err);
  }
  return cached;
}
