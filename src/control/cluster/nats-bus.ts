/**
 * The daemon's NATS connection: made in the background (the daemon starts
 * and serves local services whether or not NATS is up), retried with
 * backoff until it first succeeds, then kept by the client's own reconnects.
 * Every change of state is an event; status, metrics, logs and the audit
 * log subscribe.
 */
import { EventEmitter } from 'node:events';

import type { NatsConnection } from '@nats-io/nats-core';

import { type NatsAuth, connectNats, describeNats, drainOrClose, natsOptions } from '../../services/nats/connect.js';

export type BusState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface NatsBusEvents {
  /** Connected (first time or again); `nc` is usable. */
  up: [server: string, nc: NatsConnection];
  /** Lost the server; the client is reconnecting. */
  down: [reason: string];
  /** A failed first connection attempt (retried after `retryMs`). */
  connectFailed: [err: Error, retryMs: number];
  /** An error the server reported (permissions violation, for one). */
  serverError: [err: Error];
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5000;

export class NatsBus extends EventEmitter<NatsBusEvents> {
  private connection: NatsConnection | undefined;
  private current: BusState = 'connecting';
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Times the connection was lost after it was made. */
  disconnects = 0;
  /** Times it came back. */
  reconnects = 0;
  server = '';

  constructor(
    private readonly auth: NatsAuth,
    /** This daemon's name on the bus. */
    readonly host: string,
  ) {
    super();
    // Bad settings (a missing credentials file) fail the daemon's start, not a background retry.
    natsOptions(auth, '');
  }

  /** Where and how it connects, without secrets. */
  get description(): ReturnType<typeof describeNats> {
    return describeNats(this.auth);
  }

  get state(): BusState {
    return this.current;
  }

  /** The connection while it is up. */
  get nc(): NatsConnection | undefined {
    return this.current === 'connected' ? this.connection : undefined;
  }

  start(): void {
    this.attempt(RETRY_MIN_MS);
  }

  private attempt(retryMs: number): void {
    if (this.closed) return;
    connectNats(this.auth, `vexfs-bridged ${this.host}`).then(
      (nc) => {
        if (this.closed) {
          void nc.close();
          return;
        }
        this.connection = nc;
        this.watch(nc);
        this.up(nc);
      },
      (err: Error) => {
        if (this.closed) return;
        this.emit('connectFailed', err, retryMs);
        this.retryTimer = setTimeout(() => this.attempt(Math.min(retryMs * 2, RETRY_MAX_MS)), retryMs);
        this.retryTimer.unref();
      },
    );
  }

  private up(nc: NatsConnection): void {
    this.current = 'connected';
    this.server = nc.getServer();
    this.emit('up', this.server, nc);
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (this.closed) return;
      if (s.type === 'disconnect' && this.current === 'connected') {
        this.current = 'reconnecting';
        this.disconnects++;
        this.emit('down', `lost ${s.server}`);
      } else if (s.type === 'reconnect') {
        this.reconnects++;
        this.up(nc);
      } else if (s.type === 'error') {
        this.emit('serverError', s.error);
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    const nc = this.connection;
    this.current = 'closed';
    if (nc !== undefined) await drainOrClose(nc);
  }
}
