/** A client of the daemon's control socket: request/response frames matched by id. */
import { EventEmitter } from 'node:events';
import { type Socket, createConnection } from 'node:net';

import { Consts } from '../../abi/uapi.js';
import { ClosedError, ControlError, DecodeError, RegistrationError, TimeoutError, TransportError } from '../../errors.js';
import { errnoName } from '../../kernel-side/netlink/extack.js';
import { FrameWriter, readFrames } from '../../services/wire/frames.js';
import { checkSocketTrust } from './socket-trust.js';
import {
  type ControlRequestInit,
  type ControlResponseMsg,
  type DaemonStatsMsg,
  type TokenCreateMsg,
  type TokenInfoMsg,
  type EmbedCallMsg,
  type EmbedOutcomeMsg,
  type ServiceInfoMsg,
  decodeControlResponse,
  encodeControlRequest,
} from '../../services/wire/proto.js';

/** What a token allows; `maxRegistrations` unset: the daemon's default. */
export type TokenCreateOptions = Omit<TokenCreateMsg, 'maxRegistrations'> & { maxRegistrations?: number };

export class ControlClient extends EventEmitter<{ close: [] }> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ControlResponseMsg) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly writer: FrameWriter;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    super();
    this.writer = new FrameWriter(socket);
    readFrames(socket, (frame) => {
      const res = decodeControlResponse(frame);
      const p = this.pending.get(res.id);
      if (p === undefined) return;
      this.pending.delete(res.id);
      clearTimeout(p.timer);
      p.resolve(res);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new ClosedError('daemon control connection'));
      }
      this.pending.clear();
      this.emit('close');
    });
  }

  static connect(path: string, timeoutMs = 2000): Promise<ControlClient> {
    return new Promise((resolve, reject) => {
      try {
        checkSocketTrust(path);
      } catch (err) {
        reject(err);
        return;
      }
      const socket = createConnection(path);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TimeoutError(`connecting to the daemon at ${path}`, timeoutMs));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new ControlClient(socket));
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const hint = err.code === 'ENOENT' || err.code === 'ECONNREFUSED' ? ' (is vexfs-bridged running?)' : '';
        reject(new TransportError(`cannot reach the daemon's control socket ${path}: ${err.code ?? err.message}${hint}`, { cause: err }));
      });
    });
  }

  request(body: Omit<ControlRequestInit, 'id'>, timeoutMs = 5000): Promise<ControlResponseMsg> {
    if (this.closed) return Promise.reject(new ClosedError('daemon control connection'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TimeoutError('daemon control request', timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.writer.write(encodeControlRequest({ id, ...body }));
    });
  }

  /** Registers a service (with a registration token when given); throws RegistrationError with the daemon's errno and reason. */
  async register(info: ServiceInfoMsg, token?: string): Promise<void> {
    check(await this.request(token ? { register: info, token } : { register: info }));
  }

  /** Administrative: mints a registration token; returns it (shown once) and its record. */
  async tokenCreate(create: TokenCreateOptions): Promise<{ token: string; info: TokenInfoMsg }> {
    const res = await this.request({ tokenCreate: { maxRegistrations: 0, ...create } });
    checkControl(res);
    const info = res.tokens?.[0];
    if (!res.token || info === undefined) throw new DecodeError('control response', 'a token answer without a token');
    return { token: res.token, info };
  }

  async tokenList(): Promise<TokenInfoMsg[]> {
    const res = await this.request({ tokenList: true });
    checkControl(res);
    return res.tokens ?? [];
  }

  /** Revokes a token at once; registrations made with it are removed. */
  async tokenRevoke(id: string): Promise<TokenInfoMsg> {
    const res = await this.request({ tokenRevoke: id });
    checkControl(res);
    const info = res.tokens?.[0];
    if (info === undefined) throw new DecodeError('control response', 'a revoke answer without the token');
    return info;
  }

  /** Administrative: declares an HTTP embedding backend (one entry of the configuration's "backends", as JSON); returns it as stored. */
  async backendAdd(json: string): Promise<string> {
    const res = await this.request({ backendAdd: json });
    checkControl(res);
    const stored = res.backends?.[0];
    if (stored === undefined) throw new DecodeError('control response', 'a backend answer without the backend');
    return stored;
  }

  async backendRemove(id: string): Promise<void> {
    checkControl(await this.request({ backendRemove: id }));
  }

  /** Every backend the daemon serves, each as JSON. */
  async backendList(): Promise<string[]> {
    const res = await this.request({ backendList: true });
    checkControl(res);
    return res.backends ?? [];
  }

  async unregister(id: string): Promise<void> {
    check(await this.request({ unregister: id }));
  }

  /** Administrative: unregisters a service whoever registered it. Throws RegistrationError (ENOENT, EPERM). */
  async remove(id: string): Promise<void> {
    check(await this.request({ remove: id }));
  }

  async list(): Promise<ServiceInfoMsg[]> {
    const res = await this.request({ list: true });
    checkControl(res);
    return res.services;
  }

  /** The daemon's counters and every service's state. */
  async stats(): Promise<DaemonStatsMsg> {
    const res = await this.request({ stats: true });
    checkControl(res);
    if (!res.stats) throw new DecodeError('control response', 'a stats answer without stats');
    return res.stats;
  }

  /**
   * One request through the daemon's kernel twin (twin mode). The outcome's
   * status says how it ended; throws ControlError when the daemon has no twin.
   */
  async embed(call: EmbedCallMsg, timeoutMs = (call.timeoutMs || Consts.DEFAULT_TIMEOUT_MS) + 5000): Promise<EmbedOutcomeMsg> {
    const res = await this.request({ embed: call }, timeoutMs);
    checkControl(res);
    if (!res.embed) throw new DecodeError('control response', 'an embed answer without an outcome');
    return res.embed;
  }

  close(): void {
    this.socket.destroy();
  }
}

function checkControl(res: ControlResponseMsg): void {
  if (res.errno !== 0) throw new ControlError(errnoName(res.errno), res.error);
}

function check(res: ControlResponseMsg): void {
  if (res.errno !== 0) throw new RegistrationError(errnoName(res.errno) as RegistrationError['errno'], res.error);
}
