/**
 * Who may hold what on the control socket. The connection and buffered-byte
 * limits are shared out so that no user can lock out the administrator:
 * part of each limit is kept for administrators (root and the daemon's
 * user), and every other uid gets at most a share of the rest.
 */
export interface ControlLimits {
  /** Connections open at once; another is answered ENFILE and closed. */
  maxConnections: number;
  /** Bytes of unfinished requests held for all connections together; the connection that would pass it is answered ENOBUFS and closed. */
  maxBufferedBytes: number;
  /** A connection with nothing in progress and no registration, silent this long, is closed. */
  idleMs: number;
}

/** The part of each limit only administrators may use, and the share of the rest one other uid may hold. */
const ADMIN_RESERVE = 1 / 8;
const UID_SHARE = 1 / 4;

interface Held {
  connections: number;
  bytes: number;
}

/** What a refusal says: the errno's name and why. */
export type Refusal = { errno: 'ENFILE' | 'ENOBUFS'; reason: string } | undefined;

/** `uid` undefined: the peer could not be told (no SO_PEERCRED), counted as one unprivileged user. */
export class ControlAdmission {
  private readonly byUid = new Map<number | undefined, Held>();
  private readonly all: Held = { connections: 0, bytes: 0 };
  private readonly others: Held = { connections: 0, bytes: 0 };

  constructor(
    readonly limits: ControlLimits,
    private readonly isAdmin: (uid: number | undefined) => boolean,
  ) {}

  get connections(): number {
    return this.all.connections;
  }

  get bufferedBytes(): number {
    return this.all.bytes;
  }

  /** Takes a connection for `uid`, or says why not. */
  connect(uid: number | undefined): Refusal {
    const { maxConnections: max } = this.limits;
    if (this.all.connections >= max)
      return {
        errno: 'ENFILE',
        reason: `the daemon holds ${this.all.connections} control connections, at most ${max} (controlMaxConnections): close one and connect again`,
      };
    if (!this.isAdmin(uid)) {
      const room = othersRoom(max);
      if (this.others.connections >= room)
        return {
          errno: 'ENFILE',
          reason: `unprivileged users hold ${this.others.connections} control connections, at most ${room} of ${max} (the rest is kept for root and the daemon's user): close one and connect again`,
        };
      const share = uidShare(max);
      const mine = this.held(uid).connections;
      if (mine >= share)
        return {
          errno: 'ENFILE',
          reason: `uid ${uid ?? '(unknown)'} holds ${mine} control connections, at most ${share} per user: close one and connect again`,
        };
    }
    this.count(uid, 1, 0);
    return undefined;
  }

  /** Takes `bytes` more of unfinished requests for `uid`, or says why not. */
  buffer(uid: number | undefined, bytes: number): Refusal {
    const { maxBufferedBytes: max } = this.limits;
    if (this.all.bytes + bytes > max)
      return {
        errno: 'ENOBUFS',
        reason: `the daemon holds ${this.all.bytes} bytes of unfinished control requests, at most ${max} (controlMaxBufferedBytes): this connection is closed; send each request whole`,
      };
    if (!this.isAdmin(uid)) {
      const room = othersRoom(max);
      const share = uidShare(max);
      const mine = this.held(uid).bytes;
      if (this.others.bytes + bytes > room || mine + bytes > share)
        return {
          errno: 'ENOBUFS',
          reason: `uid ${uid ?? '(unknown)'} holds ${mine} bytes of unfinished control requests, at most ${share} per user (unprivileged users together ${room} of ${max}): this connection is closed; send each request whole`,
        };
    }
    this.count(uid, 0, bytes);
    return undefined;
  }

  /** Gives back what a connection held (`bytes` buffered, and the connection itself when `closed`). */
  release(uid: number | undefined, bytes: number, closed: boolean): void {
    this.count(uid, closed ? -1 : 0, -bytes);
  }

  private held(uid: number | undefined): Held {
    let h = this.byUid.get(uid);
    if (h === undefined) {
      h = { connections: 0, bytes: 0 };
      this.byUid.set(uid, h);
    }
    return h;
  }

  private count(uid: number | undefined, connections: number, bytes: number): void {
    const h = this.held(uid);
    h.connections += connections;
    h.bytes += bytes;
    this.all.connections += connections;
    this.all.bytes += bytes;
    if (!this.isAdmin(uid)) {
      this.others.connections += connections;
      this.others.bytes += bytes;
    }
    if (h.connections === 0 && h.bytes === 0) this.byUid.delete(uid);
  }
}

/** What unprivileged users may hold together: the limit less the administrators' reserve (at least one). */
function othersRoom(max: number): number {
  return Math.max(1, max - Math.max(1, Math.ceil(max * ADMIN_RESERVE)));
}

function uidShare(max: number): number {
  return Math.max(1, Math.floor(othersRoom(max) * UID_SHARE));
}
