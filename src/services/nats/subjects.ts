/**
 * The bridge's NATS subjects, one versioned hierarchy (docs/nats.md):
 *
 *   vexfs.v1.embed.<service>               a pool of identical workers (queue group vexfs.<service>)
 *   vexfs.v1.embed.<service>.<instance>    one worker instance (the daemon balances across them)
 *   vexfs.v1.workers.<service>.<instance>.stopping   a worker draining before it leaves
 *   vexfs.v1.events.<host>.<kind>          a daemon's events (JSON)
 *   vexfs.v1.audit.<host>                  a daemon's audit records (JSON; the JetStream stream's subject)
 *   vexfs.v1.ctl.<host>.<op>               control queries to one daemon
 *   vexfs.v1.ctl.all.<op>                  the same, answered by every daemon
 *
 * Workers are NATS services named WORKER_SERVICE_NAME, so `$SRV.PING/INFO/STATS`
 * tooling (nats micro ls) finds them; a worker's metadata names the bridge
 * service it implements.
 */
export const SUBJECT_ROOT = 'vexfs.v1';
export const WORKER_SERVICE_NAME = 'vexfs-embed';
/** The NATS service version workers report (the subject hierarchy's). */
export const WORKER_PROTOCOL_VERSION = '1.0.0';

/** A service id or a host name as one subject token: no dots, spaces or wildcards. */
const TOKEN = /^[A-Za-z0-9_-]{1,63}$/;

export function isSubjectToken(s: string): boolean {
  return TOKEN.test(s);
}

export const Subjects = {
  pool: (service: string) => `${SUBJECT_ROOT}.embed.${service}`,
  instance: (service: string, instance: string) => `${SUBJECT_ROOT}.embed.${service}.${instance}`,
  stopping: (service: string, instance: string) => `${SUBJECT_ROOT}.workers.${service}.${instance}.stopping`,
  anyStopping: `${SUBJECT_ROOT}.workers.*.*.stopping`,
  event: (host: string, kind: string) => `${SUBJECT_ROOT}.events.${host}.${kind}`,
  audit: (host: string) => `${SUBJECT_ROOT}.audit.${host}`,
  anyAudit: `${SUBJECT_ROOT}.audit.*`,
  control: (host: string, op: ControlOp) => `${SUBJECT_ROOT}.ctl.${host}.${op}`,
  /** Every daemon answers these too. */
  controlAll: (op: ControlOp) => `${SUBJECT_ROOT}.ctl.all.${op}`,
  queueGroup: (service: string) => `vexfs.${service}`,
} as const;

/** Control queries a daemon answers on the bus: read-only (changes stay on the local control socket); stats answers with the daemon's stats and its services' registrations. */
export const CONTROL_OPS = ['stats'] as const;
export type ControlOp = (typeof CONTROL_OPS)[number];

/** Headers on a batch sent to a worker. */
export const Headers = {
  /** What the message asks of a worker: Op.* (absent: a batch). */
  op: 'Vexfs-Op',
  /** Milliseconds left before the batch's most urgent request's deadline (relative: hosts' clocks differ). */
  timeoutMs: 'Vexfs-Timeout-Ms',
  /** The most urgent (highest) priority in the batch, 0-255 as the kernel gives it. */
  priority: 'Vexfs-Priority',
  /** W3C trace context of the batch's first request (each request's is in the message). */
  traceparent: 'traceparent',
  /** On a daemon's control answer: which daemon. */
  host: 'Vexfs-Host',
  /** On hello and stop-seen: the asking daemon's random id, so a stopping worker knows whose acknowledgements to wait for. */
  daemon: 'Vexfs-Daemon',
  /** On a worker's hello answer (which only the asking daemon receives): the secret its stopping notices carry. */
  stopKey: 'Vexfs-Stop-Key',
  /** On a worker's hello answer: its X25519 public key (base64url), to which a daemon in pool mode wraps the pool key. */
  poolPublic: 'Vexfs-Pool-Public',
  /** On a worker's answer to a pool batch it could not open: why (it has no key from that daemon). */
  poolRefused: 'Vexfs-Pool-Refused',
} as const;

export const Op = {
  /** The worker answers with its registration (a ControlRequest with register and token). */
  hello: 'hello',
  /** The worker answers with a HealthCheckResult service frame. */
  health: 'health',
  /** No answer: the daemon saw the worker's stopping notice and sends it nothing after this message. */
  stopSeen: 'stop-seen',
  /** The pool key, wrapped to the worker's public key (src/services/nats/pool-seal.ts); answered empty once taken. */
  poolKey: 'pool-key',
} as const;
