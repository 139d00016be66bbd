/**
 * The daemon's control socket: registration of services when there is no
 * kernel module (twin mode), listing and stats for tools, and one-off
 * embedding requests through the kernel twin. A registration belongs to the
 * connection that made it; when that connection closes (the service
 * exited), the service is unregistered — as closing /dev/vexfs_ipc does.
 */
import type { Server, Socket } from 'node:net';

import { errnoValue } from '../kernel-side/netlink/extack.js';
import { FrameReader, FrameWriter } from '../services/wire/frames.js';
import {
  type ControlRequestMsg,
  type ControlResponseInit,
  type DaemonStatsMsg,
  type EmbedCallMsg,
  type EmbedOutcomeMsg,
  type ServiceInfoMsg,
  type TokenInfoMsg,
  decodeControlRequest,
  encodeControlResponse,
} from '../services/wire/proto.js';
import { type ListenOptions, closeServer, listenUnix } from '../services/wire/unix-listen.js';
import { refusalOf } from './refusals.js';
import { DEFAULT_TOKEN_REGISTRATIONS, type TokenAuthority, type TokenRecord } from './auth/tokens.js';
import { type ArgsOf, type Caller, type OperationContext, type OperationName, type Outcome, type ResultOf, perform } from './operations.js';
import type { ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import { ControlAdmission, type ControlLimits } from './control-admission.js';

/** One control connection; `socket` is cleared when it closes. */
interface Connection {
  socket: Socket | undefined;
  owner: string;
  peer: PeerCred | undefined;
  /** Requests being answered (a registration's token check, an embed): the connection is not idle. */
  pending: number;
}

export function toServiceInfo(entry: ServiceEntry): ServiceInfoMsg {
  return entry.info;
}

const EBADMSG = errnoValue('EBADMSG');
const EINVAL = errnoValue('EINVAL');
const ETIMEDOUT = errnoValue('ETIMEDOUT');

/** Control messages are small; a client claiming more is cut off before it is buffered. */
export const MAX_CONTROL_FRAME = 1024 * 1024;

export interface PeerCred {
  uid: number;
  pid: number;
  gid?: number | undefined;
}

export interface ControlHandlers {
  stats: () => DaemonStatsMsg;
  /** Through the kernel path; throws ControlError (errno + reason) when there is none here. */
  embed: (call: EmbedCallMsg, peer: PeerCred | undefined) => Promise<EmbedOutcomeMsg>;
  /** Who is on the other end of a connection (SO_PEERCRED), when it can be told. */
  peer: (socket: Socket) => PeerCred | undefined;
  /** Registration tokens (undefined: this daemon mints none, and a presented token is refused). */
  tokens: TokenAuthority | undefined;
  onError: (err: Error) => void;
  /** A token was revoked (its registrations are already removed). */
  onTokenRevoked?: (id: string, byUid: number) => void;
  /** HTTP embedding backends at run time (an administrator's); each throws ControlError with the reason. */
  backends: {
    add(json: string, byUid: number): string;
    remove(id: string, byUid: number): void;
    list(): string[];
  };
}

export class ControlServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private nextOwner = 1;
  private readonly admission: ControlAdmission;
  private readonly ctx: OperationContext;

  constructor(
    private readonly registry: ServiceRegistry,
    readonly path: string,
    private readonly handlers: ControlHandlers,
    limits: ControlLimits = { maxConnections: 256, maxBufferedBytes: 16 << 20, idleMs: 60_000 },
  ) {
    const self = process.getuid?.() ?? 0;
    this.admission = new ControlAdmission(limits, (uid) => uid === 0 || uid === self);
    this.ctx = { registry, tokens: handlers.tokens, backends: handlers.backends, onTokenRevoked: handlers.onTokenRevoked };
  }

  /** Bytes of unfinished requests held for all connections. */
  get bufferedBytes(): number {
    return this.admission.bufferedBytes;
  }

  get connections(): number {
    return this.sockets.size;
  }

  async listen(options: ListenOptions = {}): Promise<void> {
    this.server = await listenUnix(this.path, (socket) => this.onConnection(socket), options);
  }

  private onConnection(socket: Socket): void {
    socket.on('error', () => {});
    const writer = new FrameWriter(socket);
    const send = (res: ControlResponseInit) => {
      if (!socket.destroyed) writer.write(encodeControlResponse(res));
    };
    let refused = false;
    // Said once, then closed: what it sends after is not read.
    const refuse = (errno: number, error: string) => {
      refused = true;
      this.handlers.onError(new Error(error));
      send({ id: 0, errno, error, services: [] });
      writer.flush();
      socket.once('finish', () => socket.destroy());
      socket.end();
    };
    const peer = this.handlers.peer(socket);
    const uid = peer?.uid;
    const refusal = this.admission.connect(uid);
    if (refusal !== undefined) {
      refuse(errnoValue(refusal.errno), refusal.reason);
      return;
    }
    const owner = `control:${this.nextOwner++}`;
    const conn: Connection = { socket, owner, peer, pending: 0 };
    this.sockets.add(socket);
    const reader = new FrameReader((frame) => this.onFrame(frame, conn, send), MAX_CONTROL_FRAME);
    socket.on('data', (chunk: Buffer) => {
      if (refused) return;
      const over = this.admission.buffer(uid, chunk.length);
      if (over !== undefined) {
        refuse(errnoValue(over.errno), over.reason);
        return;
      }
      const before = reader.buffered;
      try {
        reader.push(chunk);
      } catch (err) {
        this.handlers.onError(err as Error);
        socket.destroy();
      } finally {
        this.admission.release(uid, before + chunk.length - reader.buffered, false);
      }
    });
    // A connection that holds nothing (no registration, no request in progress) and says nothing is let go: idle ones cannot pile up.
    const idleMs = this.admission.limits.idleMs;
    socket.setTimeout(idleMs);
    socket.on('timeout', () => {
      if (refused) return;
      if (conn.pending > 0 || (reader.buffered === 0 && this.registry.list().some((e) => e.owner === owner))) {
        socket.setTimeout(idleMs);
        return;
      }
      refuse(ETIMEDOUT, `this control connection was idle for ${idleMs} ms with nothing in progress (controlIdleMs): it is closed; connect again when needed`);
    });
    socket.on('close', () => {
      conn.socket = undefined;
      this.admission.release(uid, reader.buffered, true);
      this.sockets.delete(socket);
      this.registry.dropOwner(owner, 'control connection closed');
    });
  }

  private onFrame(frame: Buffer, conn: Connection, send: (res: ControlResponseInit) => void): void {
    let req: ControlRequestMsg;
    try {
      req = decodeControlRequest(frame);
    } catch (err) {
      // The framing still holds: say what was wrong and read on.
      this.handlers.onError(err as Error);
      send({
        id: 0,
        errno: EBADMSG,
        error: `the request did not decode as a ControlRequest (proto/bridge.proto): ${(err as Error).message}`,
        services: [],
      });
      return;
    }
    const pending = this.answer(req, conn);
    if (!(pending instanceof Promise)) {
      send(pending);
      return;
    }
    conn.pending++;
    pending.then(
      (res) => {
        conn.pending--;
        send(res);
      },
      (err: Error) => {
        conn.pending--;
        this.handlers.onError(err);
        conn.socket?.destroy();
      },
    );
  }

  /** The answer to `req`: at once, unless it waits (a token checked, an embedding). */
  private answer(req: ControlRequestMsg, conn: Connection): ControlResponseInit | Promise<ControlResponseInit> {
    const { id } = req;
    if (req.embed) return this.embed(req, req.embed, conn.peer);
    if (req.stats) return { id, errno: 0, error: '', services: [], stats: this.handlers.stats() };
    const op = operationOf(req);
    if (op === undefined) {
      return refusal(id, {
        errno: EINVAL,
        reason:
          'the request names no operation (expected register, unregister, remove, list, stats, embed, token_create, token_list, token_revoke, backend_add, backend_remove or backend_list)',
      });
    }
    const { peer, owner } = conn;
    const caller: Caller = { owner, uid: peer?.uid, pid: peer?.pid, gid: peer?.gid, gone: () => conn.socket === undefined };
    const outcome = perform(op.name, this.ctx, caller, op.args as never);
    const respond = (o: Outcome<unknown>): ControlResponseInit => {
      if (!o.ok) return refusal(id, o);
      const res: ControlResponseInit = { id, errno: 0, error: '', services: [] };
      (ANSWERS[op.name] as (res: ControlResponseInit, value: unknown, server: ControlServer) => void)(res, o.value, this);
      return res;
    };
    return outcome instanceof Promise ? outcome.then(respond) : respond(outcome);
  }

  /** A token as `vexfsctl token list` shows it, with the registrations it holds now. */
  tokenInfo(r: TokenRecord): TokenInfoMsg {
    const live = this.registry.list().filter((e) => e.tokenId === r.id).length;
    return {
      id: r.id,
      services: r.services,
      models: r.models,
      expiresAtMs: r.expiresAt,
      createdAtMs: r.createdAt,
      createdByUid: r.createdByUid,
      note: r.note,
      revokedAtMs: r.revokedAt ?? 0,
      maxRegistrations: r.maxRegistrations ?? DEFAULT_TOKEN_REGISTRATIONS,
      liveRegistrations: live,
    };
  }

  private async embed(req: ControlRequestMsg, call: EmbedCallMsg, peer: PeerCred | undefined): Promise<ControlResponseInit> {
    try {
      return { id: req.id, errno: 0, error: '', services: [], embed: await this.handlers.embed(call, peer) };
    } catch (err) {
      const refused = refusalOf(err);
      if (refused === undefined) throw err;
      return refusal(req.id, refused);
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await closeServer(this.server, this.path);
  }
}

type Op = { [N in OperationName]: { name: N; args: ArgsOf<N> } }[OperationName];

/** The operation a ControlRequest names (its one set field), with its arguments. */
function operationOf(req: ControlRequestMsg): Op | undefined {
  if (req.register) return { name: 'register', args: { info: req.register, token: req.token ?? undefined } };
  if (req.unregister) return { name: 'unregister', args: { id: req.unregister } };
  if (req.remove) return { name: 'remove', args: { id: req.remove } };
  if (req.list) return { name: 'list', args: {} };
  if (req.tokenCreate) {
    const t = req.tokenCreate;
    return { name: 'tokenCreate', args: { services: t.services, models: t.models, ttlMs: t.ttlMs, note: t.note, maxRegistrations: t.maxRegistrations } };
  }
  if (req.tokenRevoke) return { name: 'tokenRevoke', args: { id: req.tokenRevoke } };
  if (req.tokenList) return { name: 'tokenList', args: {} };
  if (req.backendAdd) return { name: 'backendAdd', args: { json: req.backendAdd } };
  if (req.backendRemove) return { name: 'backendRemove', args: { id: req.backendRemove } };
  if (req.backendList) return { name: 'backendList', args: {} };
  return undefined;
}

/** How each operation's result fills a ControlResponse. */
const ANSWERS: { [N in OperationName]: (res: ControlResponseInit, value: ResultOf<N>, server: ControlServer) => void } = {
  register: (res, entry) => {
    res.services = [toServiceInfo(entry)];
  },
  unregister: () => {},
  remove: () => {},
  status: (res, entry) => {
    res.services = [toServiceInfo(entry)];
  },
  list: (res, entries) => {
    res.services = entries.map(toServiceInfo);
  },
  tokenCreate: (res, { token, record }, server) => {
    res.token = token;
    res.tokens = [server.tokenInfo(record)];
  },
  tokenRevoke: (res, record, server) => {
    res.tokens = [server.tokenInfo(record)];
  },
  tokenList: (res, records, server) => {
    res.tokens = records.map((r) => server.tokenInfo(r));
  },
  backendAdd: (res, id) => {
    res.backends = [id];
  },
  backendRemove: () => {},
  backendList: (res, list) => {
    res.backends = list;
  },
};

function refusal(id: number, o: { errno: number; reason: string }): ControlResponseInit {
  return { id, errno: o.errno, error: o.reason, services: [] };
}
