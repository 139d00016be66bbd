/**
 * The embedding-service SDK. Give it an id, a name, capabilities and an
 * `embed(inputs, options)` function; it listens on a Unix socket endpoint,
 * registers with the bridge, heartbeats, answers batches (mapping thrown
 * errors to per-item errors) and unregisters on close.
 *
 * Registration is by ioctl on /dev/vexfs_ipc when the kernel module is
 * loaded (the module forwards it to the daemon, keeps it while the device
 * stays open, and re-announces it to a restarted daemon); otherwise it goes
 * to the daemon's control socket and is made again whenever the daemon
 * restarts. Either way it ends when the service closes or its process dies.
 */
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';

import { Consts } from '../../abi/uapi.js';
import { existsSync } from 'node:fs';

import { InvalidArgumentError, RegistrationError, isErrnoException } from '../../errors.js';
import { DEVICE_PATH, VexfsDevice } from '../../kernel-side/channels/device.js';
import { findControlSocket, runtimeDir } from '../../util/places.js';
import { FrameWriter, readFrames } from '../../services/wire/frames.js';
import { type EmbedBatchRequestMsg, type ServiceInfoMsg, decodeServiceFrame, encodeServiceFrame } from '../../services/wire/proto.js';
import { type EmbedBatchResponseInit, type EmbedFn, answerBatch, checkHealth } from './batch.js';
import { closeServer, listenUnix } from '../../services/wire/unix-listen.js';
import type { NatsAuth } from '../../services/nats/connect.js';
import { NATS_SCHEME, validateRegistration } from '../../services/wire/registration.js';
import { ControlClient } from './control-client.js';
import { NatsWorker } from './nats-worker.js';
import { checkServiceOptions, natsAuthOf } from './options.js';
import { ProcessLoadSampler } from './process-load.js';

const RECONNECT_MIN_MS = 50;
// Short: a restarted daemon holds requests for its services only briefly (restartHoldMs), and a failed connect to a missing socket costs nothing.
const RECONNECT_MAX_MS = 250;

export interface EmbeddingServiceOptions {
  id: string;
  name: string;
  version?: string;
  dimensions: number[];
  models?: string[];
  maxBatchSize?: number;
  priority?: number;
  /** Data types the kernel may ask for (the daemon converts); default all. */
  dataTypes?: number;
  metadata?: Record<string, string>;
  /** "unix:/path"; default a socket in the temp directory. */
  endpoint?: string;
  /**
   * Serve over NATS instead (a worker on another host): daemons connected
   * to the same NATS discover it; no Unix socket, no control socket. Its id
   * must be one subject token (no dots). The token (below) is what daemons
   * check its claims against.
   */
  nats?: NatsAuth | (Omit<NatsAuth, 'url'> & { servers: string | string[] });
  /**
   * The daemon's control socket; default $VEXFS_CONTROL_SOCKET or the daemon's default.
   * Naming it forces registration through it even when /dev/vexfs_ipc exists.
   */
  controlSocket?: string;
  /**
   * A registration token (vexfsctl token create) for a user the daemon's
   * policy does not name; default $VEXFS_REGISTRATION_TOKEN.
   */
  token?: string;
  heartbeatMs?: number;
  embed: EmbedFn;
  /**
   * Answers the daemon's active health checks: resolve true when healthy;
   * false, a rejection or a thrown error counts as a failed check (its
   * message is reported). Default: healthy while the process answers.
   */
  healthCheck?: () => boolean | Promise<boolean>;
  /**
   * How long close() lets batches already given to this service finish
   * before it unregisters (the daemon sends it nothing new meanwhile).
   * Default 5000; 0 unregisters at once (the daemon then retries or fails
   * what was in flight).
   */
  drainMs?: number;
}

export class EmbeddingService {
  readonly info: ServiceInfoMsg;
  private server: Server | undefined;
  private control: ControlClient | undefined;
  /** The daemon's connections, and for each the resolver of a pending Stopping echo. */
  private readonly connections = new Map<Socket, { writer: FrameWriter; echoed?: () => void }>();
  private readonly idleWaiters: Array<() => void> = [];
  private active = 0;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private device: VexfsDevice | undefined;
  private worker: NatsWorker | undefined;

  private constructor(
    info: ServiceInfoMsg,
    private readonly options: EmbeddingServiceOptions,
  ) {
    this.info = info;
  }

  /** Listens on the endpoint and registers with the daemon. */
  static async start(options: EmbeddingServiceOptions): Promise<EmbeddingService> {
    checkServiceOptions(options);
    const nats = options.nats === undefined ? undefined : natsAuthOf(options.nats);
    if (nats !== undefined && options.endpoint !== undefined)
      throw new InvalidArgumentError('endpoint', 'a NATS worker has no endpoint of its own (give nats or endpoint, not both)');
    const endpoint = nats ? `${NATS_SCHEME}:${options.id}` : (options.endpoint ?? `unix:${join(runtimeDir(), `svc-${options.id}-${process.pid}.sock`)}`);
    // Validate here too, so a mistake is reported before anything listens.
    const info = validateRegistration(
      {
        id: options.id,
        name: options.name,
        version: options.version ?? '',
        dimensions: options.dimensions,
        dataTypes: options.dataTypes ?? (1 << (Consts.DTYPE_MAX + 1)) - 1,
        models: options.models ?? [],
        maxBatchSize: options.maxBatchSize ?? 64,
        priority: options.priority ?? 0,
        endpoint,
        metadata: options.metadata ?? {},
      },
      nats ? NATS_SCHEME : undefined,
    );
    const service = new EmbeddingService(info, options);
    if (nats) {
      service.worker = await NatsWorker.start(info, nats, { embed: options.embed, healthCheck: options.healthCheck, token: service.token });
      return service;
    }
    const path = endpoint.slice('unix:'.length);
    service.server = await listenUnix(path, (socket) => service.onConnection(socket));
    try {
      await service.register();
    } catch (err) {
      await service.close();
      throw err;
    }
    return service;
  }

  private get controlPath(): string {
    return this.options.controlSocket ?? findControlSocket();
  }

  /** How the service registered: by ioctl with the module, through the daemon's control socket, or none (a NATS worker, found by discovery). */
  get registeredVia(): 'ioctl' | 'control' | 'nats' {
    return this.worker ? 'nats' : this.device ? 'ioctl' : 'control';
  }

  /** The NATS service instance id, when serving over NATS. */
  get natsInstance(): string | undefined {
    return this.worker?.instance;
  }

  private async register(): Promise<void> {
    if (this.options.controlSocket === undefined && existsSync(DEVICE_PATH)) {
      const device = VexfsDevice.open();
      try {
        await device.register(this.info, undefined, this.token);
      } catch (err) {
        device.close();
        throw registrationErrorFromErrno(err, this.info.id);
      }
      this.device = device;
      return;
    }
    const control = await ControlClient.connect(this.controlPath);
    this.control = control;
    control.once('close', () => {
      if (!this.closed) this.reregister(RECONNECT_MIN_MS);
    });
    await control.register(this.info, this.token);
  }

  private get token(): string | undefined {
    return this.options.token ?? (process.env.VEXFS_REGISTRATION_TOKEN || undefined);
  }

  // The daemon went away: keep trying until it is back, then register again.
  private reregister(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.closed) return;
      this.register().catch(() => {
        this.control?.close();
        this.reregister(Math.min(delayMs * 2, RECONNECT_MAX_MS));
      });
    }, delayMs);
    this.retryTimer.unref();
  }

  get endpoint(): string {
    return this.info.endpoint;
  }

  private onConnection(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const writer = new FrameWriter(socket);
    const conn: { writer: FrameWriter; echoed?: () => void } = { writer };
    this.connections.set(socket, conn);
    writer.write(encodeServiceFrame({ hello: { serviceId: this.info.id } }));
    const load = new ProcessLoadSampler();
    const heartbeat = setInterval(() => {
      writer.write(encodeServiceFrame({ heartbeat: { serviceId: this.info.id, activeRequests: this.active, ...load.sample() } }));
    }, this.options.heartbeatMs ?? 1000);
    heartbeat.unref();
    readFrames(socket, (frame) => {
      const msg = decodeServiceFrame(frame);
      if (msg.request) void this.serve(msg.request, writer);
      else if (msg.healthCheck) void this.check(msg.healthCheck.id, writer);
      else if (msg.stopping) conn.echoed?.();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(heartbeat);
      this.connections.delete(socket);
      conn.echoed?.();
    });
  }

  private async check(id: number, writer: FrameWriter): Promise<void> {
    writer.write(encodeServiceFrame({ healthResult: await checkHealth(id, this.options.healthCheck) }));
  }

  private async serve(req: EmbedBatchRequestMsg, writer: FrameWriter): Promise<void> {
    const n = req.inputs.length;
    this.active += n;
    let response: EmbedBatchResponseInit;
    try {
      response = await answerBatch(req, this.options.embed);
    } finally {
      this.active -= n;
    }
    writer.write(encodeServiceFrame({ response }));
    if (this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /**
   * Tells every daemon connection this service is stopping, waits for each
   * echo (after it, no batch is on its way) and for the batches in hand to
   * be answered and written out, for at most `ms`.
   */
  private async drain(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    });
    const echoes = [...this.connections.values()].map(
      (c) =>
        new Promise<void>((resolve) => {
          c.echoed = resolve;
          c.writer.write(encodeServiceFrame({ stopping: { drainMs: ms } }));
        }),
    );
    const idle = () => (this.active === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.idleWaiters.push(resolve)));
    const flushed = () =>
      Promise.all(
        [...this.connections.keys()].map((s) =>
          s.writableLength === 0 || s.destroyed ? undefined : new Promise((resolve) => s.once('drain', resolve).once('close', resolve)),
        ),
      );
    await Promise.race([Promise.all(echoes).then(idle).then(flushed), expired]);
    clearTimeout(timer);
  }

  /**
   * Lets the batches in hand finish (up to `drainMs`, from the options or
   * the service's own; the daemon sends nothing new meanwhile), then
   * unregisters, stops listening and drops the daemon's connections.
   */
  async close(options: { drainMs?: number } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    const drainMs = options.drainMs ?? this.options.drainMs ?? 5000;
    if (this.worker) {
      await this.worker.close(drainMs);
      return;
    }
    if (drainMs > 0 && this.connections.size > 0) await this.drain(drainMs);
    // Closing the device is the unregistration: the module tells the daemon.
    this.device?.close();
    if (this.control) {
      try {
        await this.control.unregister(this.info.id);
      } catch {
        // The daemon may be gone already; closing the connection unregisters anyway.
      }
      this.control.close();
    }
    for (const s of this.connections.keys()) s.destroy();
    if (this.server) await closeServer(this.server, this.info.endpoint.slice('unix:'.length));
  }
}

const IOCTL_REASONS: Record<string, string> = {
  EEXIST: 'the service id is already registered by another process',
  ENOTCONN: 'no daemon is attached to the kernel module (is vexfs-bridged running?)',
  ETIMEDOUT: 'the daemon did not answer the registration in time',
  EINVAL: 'a registration field is out of range (see include/uapi/linux/vexfs_ipc.h)',
  E2BIG: 'a registration string or list is over its limit',
  ENOSPC: "the daemon's registry is full",
  // The device is open by now: these come from the daemon's registration policy.
  EACCES: 'the daemon refused the registration token (not minted by it, expired, revoked, or not covering this id or these models)',
  EPERM: "the daemon's policy does not let this user register this id or these models (ask an administrator for a policy entry or a registration token)",
  EDQUOT: "this user's registration quota is used up",
};

function registrationErrorFromErrno(err: unknown, id: string): Error {
  if (!isErrnoException(err)) return err as Error;
  const reason = IOCTL_REASONS[err.code] ?? err.message;
  const errno = (['EINVAL', 'E2BIG', 'EEXIST', 'ENOENT', 'ENOSPC', 'EPERM', 'EACCES', 'EDQUOT'] as const).find((e) => e === err.code);
  if (errno === undefined) return Object.assign(new Error(`registering "${id}" by ioctl failed: ${reason}`), { code: err.code, cause: err });
  return new RegistrationError(errno, `registering "${id}" by ioctl failed: ${reason}`);
}
