/**
 * The control socket's `embed` for tools (vexfsctl embed, search): one
 * request through the kernel path, when that path is an embedded kernel
 * twin. The caller's priority is clamped as the module clamps an
 * unprivileged SEND_EMBEDDING_REQUEST; who asks comes from SO_PEERCRED.
 */
import type { Socket } from 'node:net';

import { Priority } from '../abi/uapi.js';
import { ControlError } from '../errors.js';
import type { KernelTwin } from '../kernel-side/twin/kernel-twin.js';
import { loadNative } from '../native.js';
import type { EmbedCallMsg, EmbedOutcomeMsg } from '../services/wire/proto.js';
import { CHARDEV_PATH } from '../daemon/kernel-link.js';
import type { PeerCred } from './control-server.js';

/** The module's user_max_priority default (the top of Normal), applied to unprivileged callers. */
const TWIN_USER_MAX_PRIORITY = Priority.HIGH - 1;

/** `transport`: the daemon's kernel side, named in the refusal when it is not a twin. */
export async function embedThroughTwin(
  twin: KernelTwin | undefined,
  transport: string,
  call: EmbedCallMsg,
  peer: PeerCred | undefined,
): Promise<EmbedOutcomeMsg> {
  if (twin === undefined) {
    throw new ControlError(
      'ENODEV',
      `the daemon's kernel side is ${transport}, not an embedded twin: send requests through ${CHARDEV_PATH} (SEND_EMBEDDING_REQUEST)`,
    );
  }
  if (peer === undefined) throw new ControlError('EPERM', 'cannot tell who is asking (no SO_PEERCRED), so embedding requests are refused');
  const self = process.getuid?.() ?? 0;
  const priority = peer.uid === 0 || peer.uid === self ? call.priority : Math.min(call.priority, TWIN_USER_MAX_PRIORITY);
  const session = call.sessionKey ?? '';
  if (session !== '' && !/^\d{1,20}$/.test(session)) throw new ControlError('EINVAL', `session key ${JSON.stringify(session)} is not a decimal integer`);
  try {
    const r = await twin.embed({
      sessionKey: session === '' ? undefined : BigInt(session),
      input: call.input,
      dimensions: call.dimensions,
      dataType: call.dataType,
      model: call.model === '' ? undefined : call.model,
      priority,
      timeoutMs: call.timeoutMs,
      uid: peer.uid,
      pid: peer.pid,
    });
    const p = r.provenance;
    return {
      requestId: Number(r.requestId),
      status: r.status,
      vector: r.vector ?? new Uint8Array(0),
      processingNs: Number(r.processingNs),
      serviceId: p?.serviceId ?? '',
      model: p?.model ?? '',
      modelVersion: p?.modelVersion ?? '',
      truncated: p?.truncated ?? false,
    };
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_VEXFS_INVALID_ARGUMENT') throw new ControlError('EINVAL', (err as Error).message);
    throw new ControlError('ENOTCONN', (err as Error).message);
  }
}

/** SO_PEERCRED of a control connection; undefined when the addon or the fd is not available. */
export function peerCred(socket: Socket): PeerCred | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) return undefined;
  try {
    const c = loadNative().peerCred(fd);
    return { uid: c.uid, pid: c.pid, gid: c.gid };
  } catch {
    return undefined;
  }
}
