/**
 * A service's status in one shape: its registration and the daemon's live
 * view of it. Every other shape that carries it — the netlink SERVICE nest
 * (service-attrs.ts), the C struct vexfs_ipc_service_info of the ioctls
 * (device.ts), the protobuf ServiceStats of the control socket (proto.ts) —
 * is mapped to and from it by the LIVE table below, and vexfsctl shows a
 * snapshot whichever way it came. A new live figure is one row here (and
 * one field in each shape that carries it).
 */
import { BREAKER_CODES, BREAKER_NAMES, type BreakerName, nameOf } from './names.js';

export interface ServiceSnapshot {
  id: string;
  name: string;
  version: string;
  dimensions: number[];
  dataTypes: number;
  models: string[];
  maxBatchSize: number;
  priority: number;
  endpoint: string;
  /** enum vexfs_ipc_service_state. */
  state: number;
  /** 0-100. */
  health: number;
  /** closed, open or half-open (a code the header does not name: the number). */
  breaker: BreakerName | string;
  uid: number;
  pid: number;
  /** Requests sent and not answered. */
  active: number;
  queued: number;
  /** Requests it may have outstanding. */
  capacity: number;
  total: number;
  failures: number;
  avgResponseNs: number;
  p50ResponseNs: number;
  p99ResponseNs: number;
  heartbeatAgeMs: number;
  /** Per mille of one CPU over its last heartbeat interval (0: not reported). */
  cpuPermille: number;
  /** Resident memory, bytes (0: not reported). */
  rssBytes: number;
}

export type LiveKey = Exclude<
  keyof ServiceSnapshot,
  'id' | 'name' | 'version' | 'dimensions' | 'dataTypes' | 'models' | 'maxBatchSize' | 'priority' | 'endpoint'
>;
export type Shape = 'netlink' | 'c' | 'proto';

/**
 * How a figure travels where it is not a plain number: a u64 (bigint in the
 * netlink record, bigint or number out of the C struct), KiB in the
 * kernel's shapes, a breaker's code in the kernel's shapes and its name in
 * protobuf.
 */
type Carried = 'number' | 'u64' | 'kib' | 'breaker';

/** Each live figure: its field in the netlink record, in the C struct and in protobuf ServiceStats. */
export const LIVE: Readonly<Record<LiveKey, { readonly netlink: string; readonly c: string; readonly proto: string; readonly as: Carried }>> = {
  state: { netlink: 'state', c: 'state', proto: 'state', as: 'number' },
  health: { netlink: 'health', c: 'health', proto: 'health', as: 'number' },
  breaker: { netlink: 'breaker', c: 'breaker', proto: 'breaker', as: 'breaker' },
  uid: { netlink: 'uid', c: 'uid', proto: 'uid', as: 'number' },
  pid: { netlink: 'pid', c: 'pid', proto: 'pid', as: 'number' },
  active: { netlink: 'activeRequests', c: 'active_requests', proto: 'active', as: 'number' },
  queued: { netlink: 'queued', c: 'queued', proto: 'queued', as: 'number' },
  capacity: { netlink: 'capacity', c: 'capacity', proto: 'capacity', as: 'number' },
  total: { netlink: 'totalRequests', c: 'total_requests', proto: 'total', as: 'u64' },
  failures: { netlink: 'failures', c: 'failures', proto: 'failures', as: 'u64' },
  avgResponseNs: { netlink: 'avgResponseNs', c: 'avg_response_ns', proto: 'avgResponseNs', as: 'u64' },
  p50ResponseNs: { netlink: 'p50ResponseNs', c: 'p50_response_ns', proto: 'p50ResponseNs', as: 'u64' },
  p99ResponseNs: { netlink: 'p99ResponseNs', c: 'p99_response_ns', proto: 'p99ResponseNs', as: 'u64' },
  heartbeatAgeMs: { netlink: 'heartbeatAgeMs', c: 'heartbeat_age_ms', proto: 'heartbeatAgeMs', as: 'u64' },
  cpuPermille: { netlink: 'cpuPermille', c: 'cpu_permille', proto: 'cpuPermille', as: 'number' },
  rssBytes: { netlink: 'rssKib', c: 'rss_kib', proto: 'rssBytes', as: 'kib' },
};

const ROWS = Object.entries(LIVE) as Array<[LiveKey, (typeof LIVE)[LiveKey]]>;

/** The live figures of `snap` as shape `to` names and carries them. */
export function liveTo(to: Shape, snap: Pick<ServiceSnapshot, LiveKey>): Record<string, number | bigint | string> {
  const out: Record<string, number | bigint | string> = {};
  for (const [key, row] of ROWS) {
    const v = snap[key];
    if (row.as === 'breaker') out[row[to]] = to === 'proto' ? v : (BREAKER_CODES[v as BreakerName] ?? Number(v));
    else if (to === 'proto') out[row[to]] = v;
    else if (row.as === 'kib') out[row[to]] = Math.ceil((v as number) / 1024);
    else if (row.as === 'u64' && to === 'netlink') out[row[to]] = BigInt(Math.max(0, Math.round(v as number)));
    else out[row[to]] = v;
  }
  return out;
}

/** The live figures of a record of shape `from` (absent ones 0). */
export function liveFrom(from: Shape, src: Readonly<Record<string, unknown>>): Pick<ServiceSnapshot, LiveKey> {
  const out: Record<string, number | string> = {};
  for (const [key, row] of ROWS) {
    const v = src[row[from]];
    if (row.as === 'breaker') out[key] = from === 'proto' ? String(v ?? 'closed') : nameOf(BREAKER_NAMES, Number(v ?? 0));
    else if (row.as === 'kib' && from !== 'proto') out[key] = Number(v ?? 0) * 1024;
    else out[key] = Number(v ?? 0);
  }
  return out as Pick<ServiceSnapshot, LiveKey>;
}
