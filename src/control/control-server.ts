/**
 * The daemon's control socket: registration of services when there is no
 * kernel module (twin mode), listing and stats for tools, and one-off
 * embedding requests through the kernel twin. A registration belongs to the
 * connection that made it; when that connection closes (the service
 * exited), the service is unregistered — as closing /dev/vexfs_ipc does.
 */
import type { Server, Socket } from 'node:net';

import { ControlError, RegistrationError } from '../errors.js';
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
import type { TokenGrant } from './auth/policy.js';
import { refusalOf, verifyRegistrationToken } from './refusals.js';
import { DEFAULT_TOKEN_REGISTRATIONS, type TokenAuthority, type TokenRecord } from './auth/tokens.js';
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

  constructor(
    private readonly registry: ServiceRegistry,
    readonly path: string,
    private readonly handlers: ControlHandlers,
    limits: ControlLimits = { maxConnections: 256, maxBufferedBytes: 16 << 20, idleMs: 60_000 },
  ) {
    const self = process.getuid?.() ?? 0;
    this.admission = new ControlAdmission(limits, (uid) => uid === 0 || uid === self);
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
    const { owner, peer } = conn;
    const pending = req.embed ? this.embed(req, req.embed, peer) : needsAwait(req) ? this.handleAsync(req, conn) : undefined;
    if (pending === undefined) send(this.handle(req, owner, peer, undefined));
    else {
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
  }

  /** Operations that wait: a registration with a token (verified first) and the token ones. */
  private async handleAsync(req: ControlRequestMsg, conn: Connection): Promise<ControlResponseInit> {
    const { owner, peer } = conn;
    const tokens = this.handlers.tokens;
    try {
      if (req.register) {
        const grant = await verifyRegistrationToken(tokens, req.token as string);
        // Closed while the token was checked: its registrations were dropped already, so this one would have no owner left to drop it.
        if (conn.socket === undefined) throw new ControlError('ECONNRESET', 'the control connection closed while its registration token was checked');
        return this.handle(req, owner, peer, grant);
      }
      const admin = this.admin(peer, 'registration tokens');
      if (tokens === undefined) throw new ControlError('ENOTSUP', 'this daemon has no registration tokens (no --state-dir)');
      if (req.tokenCreate) {
        const t = req.tokenCreate;
        const { token, record } = await tokens.mint({
          services: t.services,
          models: t.models,
          ttlMs: t.ttlMs,
          note: t.note,
          maxRegistrations: t.maxRegistrations,
          byUid: admin.uid,
        });
        return answer(req.id, (res) => {
          res.token = token;
          res.tokens = [this.tokenInfo(record)];
        });
      }
      if (req.tokenRevoke) {
        const record = tokens.revoke(req.tokenRevoke);
        this.registry.revokeToken(record.id, admin.uid);
        this.handlers.onTokenRevoked?.(record.id, admin.uid);
        return answer(req.id, (res) => {
          res.tokens = [this.tokenInfo(record)];
        });
      }
      return answer(req.id, (res) => {
        res.tokens = tokens.list().map((r) => this.tokenInfo(r));
      });
    } catch (err) {
      return answer(req.id, () => {
        throw err;
      });
    }
  }

  private tokenInfo(r: TokenRecord): TokenInfoMsg {
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

  /** Root or the daemon's own user. */
  private admin(peer: PeerCred | undefined, what: string): PeerCred {
    const self = process.getuid?.() ?? 0;
    if (peer === undefined) throw new ControlError('EPERM', `cannot tell who is asking (no SO_PEERCRED), so ${what} are refused`);
    if (peer.uid !== 0 && peer.uid !== self) throw new ControlError('EPERM', `${what} need root or uid ${self} (the daemon's); you are uid ${peer.uid}`);
    return peer;
  }

  private handle(req: ControlRequestMsg, owner: string, peer: PeerCred | undefined, grant: TokenGrant | undefined): ControlResponseInit {
    return answer(req.id, (res) => {
      if (req.register) {
        if (peer === undefined) throw new RegistrationError('EPERM', 'cannot tell who is registering (no SO_PEERCRED), so registration is refused');
        res.services = [toServiceInfo(this.registry.register(req.register, owner, { uid: peer.uid, pid: peer.pid, gid: peer.gid, grant }))];
      } else if (req.unregister) {
        this.registry.unregister(req.unregister, owner, 'unregistered', peer?.uid, peer?.pid);
      } else if (req.remove) {
        if (peer === undefined) throw new ControlError('EPERM', 'cannot tell who is asking (no SO_PEERCRED), so removing services is refused');
        this.registry.remove(req.remove, peer.uid, peer.pid);
      } else if (req.list) {
        res.services = this.registry.list().map(toServiceInfo);
      } else if (req.stats) {
        res.stats = this.handlers.stats();
      } else if (req.backendAdd) {
        res.backends = [this.handlers.backends.add(req.backendAdd, this.admin(peer, 'backends').uid)];
      } else if (req.backendRemove) {
        this.handlers.backends.remove(req.backendRemove, this.admin(peer, 'backends').uid);
      } else if (req.backendList) {
        // Internal URLs and where the keys are: an administrator's business.
        this.admin(peer, 'backends');
        res.backends = this.handlers.backends.list();
      } else {
        throw new ControlError(
          'EINVAL',
          'the request names no operation (expected register, unregister, remove, list, stats, embed, token_create, token_list, token_revoke, backend_add, backend_remove or backend_list)',
        );
      }
    });
  }

  private async embed(req: ControlRequestMsg, call: EmbedCallMsg, peer: PeerCred | undefined): Promise<ControlResponseInit> {
    try {
      const outcome = await this.handlers.embed(call, peer);
      return answer(req.id, (res) => {
        res.embed = outcome;
      });
    } catch (err) {
      return answer(req.id, () => {
        throw err;
      });
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await closeServer(this.server, this.path);
  }
}

function needsAwait(req: ControlRequestMsg): boolean {
  return (req.register != null && (req.token ?? '') !== '') || req.tokenCreate != null || req.tokenList === true || (req.tokenRevoke ?? '') !== '';
}

/** A response filled by `fill`; a RegistrationError or ControlError it throws becomes the errno and reason. */
function answer(id: number, fill: (res: ControlResponseInit) => void): ControlResponseInit {
  const res: ControlResponseInit = { id, errno: 0, error: '', services: [] };
  try {
    fill(res);
  } catch (err) {
    const refused = refusalOf(err);
    if (refused === undefined) throw err;
    return { id, errno: refused.errno, error: refused.reason, services: [] };
  }
  return res;
}
