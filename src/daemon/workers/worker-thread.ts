/**
 * A daemon worker (vexfs-bridged --workers N): a thread with a kernel queue
 * of its own, its own request pipeline and its own connections to every
 * service. The main thread owns the registry (registrations, tokens,
 * policy, health checks) and sends each worker the services as snapshots;
 * the worker mirrors them, serves what arrives on its queue, and reports
 * its counters. Breakers and outlier detection judge the services through
 * the worker's own connections, and what they decide is shared: a breaker
 * change goes to the main thread, which passes it to every other pipeline.
 * The retry budget reads the load of all pipelines (a SharedArrayBuffer);
 * the worker's priority floor goes to the main thread, which tells the
 * kernel the highest. Priority queues, fair shares and the cache are the
 * worker's own: it orders what its queue gets.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';

import { ControlError, RegistrationError } from '../../errors.js';
import { GenlKernelChannel } from '../../kernel-side/channels/channel.js';
import { type PoolKeys, poolSeal } from '../../control/cluster/pool-keys.js';
import { NatsServiceLink } from '../../services/links/nats-service-link.js';
import { HttpLink, type HttpLinkOptions } from '../../services/links/http-link.js';
import { ServiceRegistry } from '../../services/registry/registry.js';
import { SharedBuckets } from '../../pipeline/shared-buckets.js';
import { SharedLoad } from '../../pipeline/shared-load.js';
import { BACKEND_SCHEME, NATS_SCHEME } from '../../services/wire/registration.js';
import { pipelineHandlers } from './pipeline-handlers.js';
import { Router } from '../router.js';
import { routerOptionsOf } from '../router-options.js';
import { MIRROR_OWNER, type ToMain, type ToWorker, type WorkerData, totalsOf } from './worker-messages.js';
import { RelayedNats } from './worker-nats.js';

/** How often the worker tells the main thread its counters. */
const TOTALS_MS = 500;

if (parentPort === null) throw new Error('worker-thread.js runs as a worker thread of vexfs-bridged');
const port: MessagePort = parentPort;
const { config, queues, shared, row } = workerData as WorkerData;
const post = (m: ToMain) => port.postMessage(m);

const backendOptions = new Map<string, HttpLinkOptions>();
/** Where each NATS worker's batches go, from the main thread's discovery. */
const natsSubjects = new Map<string, string>();
/** Pool mode: each pool's keys, as the main thread made them, and the daemon's name its sealed batches carry. */
const poolKeys = new Map<string, PoolKeys>();
let natsDaemonId = '';
const nats = new RelayedNats(post);
/** What each mirrored registration was last made from: an unchanged service is not registered again. */
const applied = new Map<string, string>();
const registry = new ServiceRegistry({
  maxServices: config.maxServices,
  heartbeatTimeoutMs: config.heartbeatTimeoutMs,
  connection: { reconnectMinMs: config.reconnectMinMs, reconnectMaxMs: config.reconnectMaxMs, maxSendBufferBytes: config.serviceSendBufferBytes },
  links: {
    [BACKEND_SCHEME]: (id) => {
      const options = backendOptions.get(id);
      if (options === undefined) throw new ControlError('ENOENT', `no backend "${id}" is declared`);
      return new HttpLink(id, options);
    },
    [NATS_SCHEME]: (id, _endpoint, limits) => {
      const subject = natsSubjects.get(id);
      if (subject === undefined) throw new ControlError('ENOENT', `no NATS worker "${id}" is known`);
      return new NatsServiceLink(id, subject, nats, limits, config.natsPool ? { seal: poolSeal(natsDaemonId, () => poolKeys.get(id)) } : {});
    },
  },
});
registry.unboundedOwners.add(MIRROR_OWNER);
const router = new Router(registry, {
  ...routerOptionsOf(config, undefined),
  shared: { load: new SharedLoad(shared.load, row), buckets: new SharedBuckets(shared.buckets) },
});
router.on('breaker', (serviceId, state, fromElsewhere) => {
  if (!fromElsewhere) post({ type: 'breaker', serviceId, state });
});
router.on('backpressure', (floor) => post({ type: 'floor', floor }));

const channel = await GenlKernelChannel.open(
  { protocol: queues.protocol, kernelPort: queues.kernelPort, maxInflight: config.maxInflight, queue: true },
  pipelineHandlers(router),
);
channel.on('congestion', (on) => router.placement.setKernelCongested(on));
channel.on('fault', (err) => post({ type: 'warn', message: `handling a kernel message failed: ${err.message}` }));

const totals = setInterval(() => post({ type: 'totals', totals: totalsOf(router, registry) }), TOTALS_MS);
totals.unref();

port.on('message', (m: ToWorker) => {
  if (m.type === 'services') mirror(m);
  else if (m.type === 'breaker') router.breakers.share(m.serviceId, m.state);
  else if (m.type === 'rateLimits') router.setRateLimits(m.limits);
  else if (m.type === 'natsReply') nats.answered(m);
  else if (m.type === 'poolKeys') {
    if (m.keys === undefined) poolKeys.delete(m.service);
    else poolKeys.set(m.service, { current: m.keys.current, previous: m.keys.previous });
  } else if (m.type === 'natsLink') natsLink(m);
  else if (m.type === 'natsDown') {
    for (const e of registry.list()) if (e.link instanceof NatsServiceLink) e.link.disconnected();
  } else if (m.type === 'sync') post({ type: 'synced', id: m.id });
  else if (m.type === 'stop') void stop(m.graceMs);
});
post({ type: 'attached', queue: channel.queue });

/** The main thread's services, as this worker's own registrations. */
function mirror(m: Extract<ToWorker, { type: 'services' }>): void {
  backendOptions.clear();
  for (const [id, options] of m.backends) backendOptions.set(id, options);
  natsDaemonId = m.natsDaemonId;
  natsSubjects.clear();
  for (const s of m.services) if (s.subject !== undefined) natsSubjects.set(s.info.id, s.subject);
  const wanted = new Set(m.services.map((s) => s.info.id));
  for (const e of registry.list()) {
    if (wanted.has(e.info.id)) continue;
    applied.delete(e.info.id);
    registry.unregister(e.info.id, MIRROR_OWNER, 'unregistered in the daemon');
  }
  for (const s of m.services) {
    const made = JSON.stringify(s);
    if (applied.get(s.info.id) === made) continue;
    applied.set(s.info.id, made);
    try {
      if (s.scheme === BACKEND_SCHEME || s.scheme === NATS_SCHEME) registry.registerLinked(s.info, s.scheme, MIRROR_OWNER, registry.selfCredentials);
      else registry.register(s.info, MIRROR_OWNER, registry.selfCredentials);
    } catch (err) {
      // A service this worker cannot reach (a scheme it has no link for) is served by the others.
      if (!(err instanceof RegistrationError || err instanceof ControlError)) throw err;
      post({ type: 'warn', message: `service "${s.info.id}" is not served by this worker: ${err.message}` });
    }
  }
}

/** What the main thread's discovery told its own link to a NATS worker: this thread's link follows. */
function natsLink(m: Extract<ToWorker, { type: 'natsLink' }>): void {
  const link = registry.get(m.serviceId)?.link;
  if (!(link instanceof NatsServiceLink)) return;
  if (m.seen !== undefined) link.seen(m.seen.cpuPermille, m.seen.rssKib);
  if (m.stoppingMs !== undefined) link.stopping(m.stoppingMs);
}

async function stop(graceMs: number): Promise<void> {
  clearInterval(totals);
  await router.shutdown(graceMs);
  post({ type: 'totals', totals: totalsOf(router, registry) });
  await channel.close();
  registry.close();
  nats.close();
  port.close();
}
