/**
 * An embedding service serving over NATS (a worker on another host): a NATS
 * service named WORKER_SERVICE_NAME, so `$SRV.PING/INFO/STATS` find it,
 * with two endpoints — its own instance subject (daemons balance across
 * instances) and its service's pool subject in a queue group (daemons that
 * share a pool). A daemon asks it for its registration (hello: the
 * ServiceInfo and registration token), health, and batches; see
 * src/services/nats/subjects.ts for the subjects.
 */
import { randomBytes } from 'node:crypto';

import { type Msg, type NatsConnection, headers as natsHeaders } from '@nats-io/nats-core';
import { type Service, Svcm } from '@nats-io/services';

import { Consts, Status } from '../../abi/uapi.js';
import { InvalidArgumentError } from '../../errors.js';
import { type NatsAuth, connectNats, drainOrClose } from '../../services/nats/connect.js';
import { Headers, Op, Subjects, WORKER_PROTOCOL_VERSION, WORKER_SERVICE_NAME, isSubjectToken } from '../../services/nats/subjects.js';
import { type ServiceInfoMsg, decodeServiceFrame, encodeControlRequest, encodeServiceFrame } from '../../services/wire/proto.js';
import { PoolKeyPair, open, seal } from '../../services/nats/pool-seal.js';
import { type EmbedFn, answerBatch, checkHealth } from './batch.js';
import { type ProcessLoad, ProcessLoadSampler } from './process-load.js';

/** What a worker reports in its $SRV.STATS (each endpoint's data). */
export interface WorkerLoad extends ProcessLoad {
  activeRequests: number;
}

export interface NatsWorkerOptions {
  embed: EmbedFn;
  healthCheck?: (() => boolean | Promise<boolean>) | undefined;
  /** A registration token the daemons accept (vexfsctl token create). */
  token?: string | undefined;
}

export class NatsWorker {
  private active = 0;
  private readonly sampler = new ProcessLoadSampler();
  private lastLoad: ProcessLoad | undefined;
  private readonly idleWaiters: Array<() => void> = [];
  private closed = false;
  /** Given only in hello answers (which only the asking daemon receives): proves a stopping notice is ours. */
  private readonly stopKey = randomBytes(18).toString('base64url');
  /** Daemons that asked for our registration: when stopping, each acknowledges after the last batch it sent. */
  private readonly daemons = new Set<string>();
  private readonly stopSeenWaiters: Array<() => void> = [];
  /** Receives pool keys: daemons wrap them to its public key, which the hello answer carries. */
  private readonly poolPair = PoolKeyPair.generate();
  /** Each daemon's pool key (and the one before, for batches sealed just before it changed). */
  private readonly poolKeys = new Map<string, { current: Buffer; previous: Buffer | undefined }>();
  /** In the pool's queue group (from the first pool key on). */
  private pooled = false;

  private constructor(
    readonly info: ServiceInfoMsg,
    private readonly nc: NatsConnection,
    private readonly service: Service,
    private readonly options: NatsWorkerOptions,
  ) {}

  static async start(info: ServiceInfoMsg, auth: NatsAuth, options: NatsWorkerOptions): Promise<NatsWorker> {
    if (!isSubjectToken(info.id)) {
      throw new InvalidArgumentError('id', `"${info.id}" cannot name a NATS subject: a worker's id is 1-63 of A-Z a-z 0-9 _ - (no dots)`);
    }
    const nc = await connectNats(auth, `vexfs-worker ${info.id}`);
    let worker: NatsWorker | undefined;
    try {
      const service = await new Svcm(nc).add({
        name: WORKER_SERVICE_NAME,
        version: WORKER_PROTOCOL_VERSION,
        description: info.name,
        metadata: { service: info.id, models: info.models.join(','), dimensions: info.dimensions.join(','), version: info.version },
        queue: '',
        // Daemons read $SRV.STATS each discovery round: each endpoint's data is this process's
        // load, as an SDK service's heartbeat carries it on the Unix link.
        statsHandler: async () => worker?.load() ?? null,
      });
      const w = new NatsWorker(info, nc, service, options);
      worker = w;
      const instance = service.info().id;
      service.addEndpoint('embed', {
        subject: Subjects.instance(info.id, instance),
        handler: (err, msg) => {
          if (err === null) void w.handle(msg, false);
        },
        queue: '',
      });
      await nc.flush();
      return w;
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  /**
   * Requests in hand, CPU use since the last report (per mille of one CPU) and resident memory
   * (KiB). One stats request asks once per endpoint: within a second the last report stands.
   */
  load(): WorkerLoad {
    if (this.lastLoad === undefined || this.sampler.ageNs >= 1_000_000_000n) this.lastLoad = this.sampler.sample();
    return { ...this.lastLoad, activeRequests: this.active };
  }

  /** This worker's NATS service instance id. */
  get instance(): string {
    return this.service.info().id;
  }

  /** A message on the instance subject or (`pooled`) the pool's: pool batches come sealed with the pool key of the daemon that sent them. */
  private async handle(msg: Msg, pooled: boolean): Promise<void> {
    const op = msg.headers?.get(Headers.op) ?? '';
    const daemon = msg.headers?.get(Headers.daemon) ?? '';
    if (op === Op.hello) {
      if (daemon !== '' && this.daemons.size < MAX_DAEMONS) this.daemons.add(daemon);
      const h = natsHeaders();
      h.set(Headers.stopKey, this.stopKey);
      h.set(Headers.poolPublic, this.poolPair.publicKey);
      msg.respond(encodeControlRequest({ id: 0, register: this.info, token: this.options.token ?? '' }), { headers: h });
      return;
    }
    if (op === Op.poolKey) {
      const key = this.poolPair.unwrap(msg.data, daemon);
      if (key !== undefined && (this.poolKeys.has(daemon) || this.poolKeys.size < MAX_DAEMONS)) {
        this.poolKeys.set(daemon, { current: key, previous: this.poolKeys.get(daemon)?.current });
        // The queue group only once a key opens its batches; subscribed before the answer goes, so the
        // daemon counts this member only when NATS already delivers to it.
        this.joinPool();
        msg.respond(new Uint8Array(0));
      } else msg.respond(new TextEncoder().encode("the pool key did not open with this worker's key"));
      return;
    }
    if (op === Op.stopSeen) {
      if (this.daemons.delete(msg.headers?.get(Headers.daemon) ?? '')) for (const wake of this.stopSeenWaiters.splice(0)) wake();
      return;
    }
    if (op === Op.health) {
      msg.respond(encodeServiceFrame({ healthResult: await checkHealth(0, this.options.healthCheck) }));
      return;
    }
    let frame: Uint8Array = msg.data;
    let key: Buffer | undefined;
    if (pooled) {
      const keys = this.poolKeys.get(daemon);
      const opened = keys === undefined ? undefined : openWith(keys, msg.data, daemon);
      if (opened === undefined) {
        const h = natsHeaders();
        h.set(Headers.poolRefused, keys === undefined ? 'this worker holds no pool key from that daemon yet' : 'the batch did not open with the pool key');
        msg.respond(new Uint8Array(0), { headers: h });
        return;
      }
      [frame, key] = opened;
    }
    // Answers to a pool batch go back sealed with the key that opened it.
    const respond = (answer: Uint8Array) => msg.respond(key === undefined ? answer : seal(key, answer, 'answer', daemon));
    let req: ReturnType<typeof decodeServiceFrame>['request'];
    try {
      req = decodeServiceFrame(frame).request;
    } catch {
      req = null;
    }
    if (!req || req.inputs.length === 0 || req.inputs.length > Math.min(this.info.maxBatchSize, Consts.MAX_BATCH_SIZE)) {
      const why = req ? `a batch of ${req.inputs.length}; this worker takes 1-${this.info.maxBatchSize}` : 'not a batch request frame';
      respond(encodeServiceFrame({ response: { batchId: req?.batchId ?? 0, results: [], error: { code: Status.INVALID_REQUEST, message: why } } }));
      return;
    }
    const n = req.inputs.length;
    this.active += n;
    try {
      respond(encodeServiceFrame({ response: await answerBatch(req, this.options.embed) }));
    } finally {
      this.active -= n;
      if (this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /**
   * Tells daemons it is leaving (they send nothing new), waits — at most
   * `drainMs` in all — for each daemon that knows it to acknowledge (its
   * acknowledgement comes after every batch it sent, so none is still on
   * the way), answers what it holds, then stops the service and drains the
   * connection.
   */
  async close(drainMs: number): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.nc.isClosed()) return;
    const instance = this.instance;
    this.nc.publish(Subjects.stopping(this.info.id, instance), JSON.stringify({ drainMs, key: this.stopKey }));
    if (drainMs > 0) {
      const until = Date.now() + drainMs;
      await this.waitFor(() => this.daemons.size === 0, this.stopSeenWaiters, until);
      await this.waitFor(() => this.active === 0, this.idleWaiters, until);
    }
    // Drained: daemons may let it go now rather than when the promised drain time is up.
    this.nc.publish(Subjects.stopping(this.info.id, instance), JSON.stringify({ drainMs: 0, key: this.stopKey }));
    await this.service.stop().catch(() => null);
    await drainOrClose(this.nc);
  }

  private joinPool(): void {
    if (this.pooled || this.closed) return;
    this.pooled = true;
    this.service.addEndpoint('pool', {
      subject: Subjects.pool(this.info.id),
      handler: (err, msg) => {
        if (err === null) void this.handle(msg, true);
      },
      queue: Subjects.queueGroup(this.info.id),
    });
  }

  /** Until `done()` holds (re-checked whenever a waiter is woken) or the time `until`. */
  private async waitFor(done: () => boolean, waiters: Array<() => void>, until: number): Promise<void> {
    while (!done()) {
      const left = until - Date.now();
      if (left <= 0) return;
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        timer = setTimeout(resolve, left);
        timer.unref();
      });
      clearTimeout(timer);
    }
  }
}

function openWith(keys: { current: Buffer; previous: Buffer | undefined }, sealed: Uint8Array, daemon: string): [Buffer, Buffer] | undefined {
  for (const key of [keys.current, keys.previous]) {
    if (key === undefined) continue;
    const frame = open(key, sealed, 'batch', daemon);
    if (frame !== undefined) return [frame, key];
  }
  return undefined;
}

/** Daemons remembered for stop acknowledgements; past this (a bus client sending hellos), a stop waits out its drain time instead. */
const MAX_DAEMONS = 64;
