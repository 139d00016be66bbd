/**
 * The daemon's log lines and audit records for what its parts report: each
 * subscribes to a component's events (registry, router, kernel channel)
 * rather than being called from the component.
 */
import type { AuditLog } from '../control/audit/audit-log.js';
import type { DecodeError } from '../errors.js';
import type { KernelChannel } from '../kernel-side/channels/channel.js';
import type { ServiceRegistry } from '../services/registry/registry.js';
import { type Logger, RateLimitedLog } from './log.js';
import type { Backends } from '../control/http-backends.js';
import type { Router } from './router.js';

/** An administrator's backend changes, logged and audited. */
export function logBackendEvents(backends: Backends, log: Logger, audit: AuditLog | undefined): void {
  backends.on('added', ({ id, url, model }, byUid) => {
    log.info({ backend: id, url, model, byUid }, 'backend added');
    audit?.record('backend.added', { backend: id, url, model, uid: byUid });
  });
  backends.on('removed', (id, byUid) => {
    log.info({ backend: id, byUid }, 'backend removed');
    audit?.record('backend.removed', { backend: id, uid: byUid });
  });
  backends.on('discoveryRefused', (id, reason) => log.warn({ backend: id, reason }, "the models the backend's server named could not be registered"));
}

export function logEvents(registry: ServiceRegistry, router: Router, log: Logger, audit: AuditLog | undefined): void {
  const limited = new RateLimitedLog(log);
  registry.on('registered', (e) => {
    log.info({ service: e.info.id, endpoint: e.info.endpoint, dims: e.info.dimensions, models: e.info.models }, 'service registered');
    audit?.record('service.registered', {
      service: e.info.id,
      name: e.info.name,
      version: e.info.version,
      endpoint: e.info.endpoint,
      via: via(e.owner),
      uid: e.uid,
      pid: e.pid,
    });
  });
  registry.on('unregistered', (e, reason) => {
    log.info({ service: e.info.id, reason }, 'service unregistered');
    audit?.record('service.unregistered', { service: e.info.id, reason, via: via(e.owner), uid: e.uid, pid: e.pid });
  });
  registry.on('refused', (op, id, owner, uid, pid, err) => {
    limited.warn(`refused:${op}:${err.errno}`, { op, service: id, errno: err.errno, reason: err.message }, `${op} refused`);
    audit?.record(`service.${op}_refused`, { service: id, errno: err.errno, reason: err.message, via: via(owner), uid, pid });
  });
  registry.on('state', (e) => log.info({ service: e.info.id, state: e.state }, 'service connection state'));
  registry.on('invalid', (e, err) =>
    limited.warn(`service-frame:${e.info.id}`, { service: e.info.id, err: err.message }, 'bad frame from a service; connection reset'),
  );
  router.outcomes.subscribe({
    onOverdue: (id, ageMs, limitMs) =>
      limited.warn(
        `service-overdue:${id}`,
        { service: id, ageMs: Math.round(ageMs), limitMs: Math.round(limitMs) },
        'a service is not answering: its batch failed over and its breaker opened',
      ),
    onInvalidResponse: (id, reason) => limited.warn(`service-response:${id}`, { service: id, reason }, 'bad response from a service'),
    onShed: (priority) => limited.warn('shed', { priority, shed: router.counters.shed }, 'queues full: shedding the lowest priority'),
  });
  registry.on('updated', (e, prev) => {
    log.info(
      { service: e.info.id, version: e.info.version, previousVersion: prev.version, dims: e.info.dimensions, models: e.info.models },
      'service registration updated',
    );
    audit?.record('service.updated', {
      service: e.info.id,
      version: e.info.version,
      previousVersion: prev.version,
      endpoint: e.info.endpoint,
      via: via(e.owner),
      uid: e.uid,
      pid: e.pid,
    });
  });
  registry.on('health', (e, healthy, reason) =>
    healthy ? log.info({ service: e.info.id }, 'service healthy again') : log.warn({ service: e.info.id, reason }, 'service unhealthy; no new requests'),
  );
  router.on('breaker', (id, state, shared) => {
    // `shared`: a worker's breaker changed first; the main pipeline's follows (logged once per daemon).
    log.warn({ service: id, breaker: state, byWorker: shared }, 'circuit breaker state changed');
    audit?.record('breaker.state', { service: id, state });
  });
}

export function logChannelEvents(ch: KernelChannel, limited: RateLimitedLog): void {
  ch.on('invalid', (err: DecodeError) => limited.warn(`kernel:${err.field}`, { field: err.field, err: err.message }, 'bad message from the kernel side'));
  ch.on('fault', (err) =>
    limited.warn(
      `kernel-fault:${err.name}`,
      { err: err.message, faults: ch.counters.faults },
      'handling a message from the kernel side failed; it was answered with an error',
    ),
  );
  ch.on('overrun', (err) =>
    limited.warn('kernel-overrun', { err: err.message, overruns: ch.counters.overruns }, 'the kernel side dropped messages to the daemon (receive queue full)'),
  );
  ch.on('kernelError', (err) =>
    limited.warn(`kernel-error:${err.errnoName}`, { errno: err.errnoName, msg: err.extackMessage }, 'the kernel side refused a message'),
  );
}

/** How a registration arrived: the module (ioctl) or the control socket. */
function via(owner: string): string {
  return owner.startsWith('control:') ? 'control-socket' : owner === 'admin' ? 'admin' : 'ioctl';
}
