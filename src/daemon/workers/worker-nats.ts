/**
 * NATS workers served by the daemon's worker threads. A worker thread has
 * no NATS connection of its own: its links to NATS workers send their
 * requests through the main thread's connection (RelayedNats here, the
 * main thread's side in relayNatsRequest). One connection keeps the order
 * NATS promises per connection, which a draining worker's stop-seen
 * acknowledgement relies on; the main thread's discovery stays the only
 * judge of which workers exist and are alive, and its verdicts reach the
 * threads' links as messages (see WorkerPool).
 */
import { headers as natsHeaders } from '@nats-io/nats-core';

import type { NatsRequester } from '../../services/links/nats-service-link.js';
import type { NatsBus } from '../../control/cluster/nats-bus.js';
import type { NatsReply, NatsRequest } from './worker-messages.js';

type Headers = Array<[name: string, value: string]>;

/** A worker thread's NATS: requests go to the main thread, answers come back by id. */
export class RelayedNats implements NatsRequester {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (m: { data: Uint8Array; headers: { get(k: string): string } }) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(private readonly post: (m: NatsRequest) => void) {}

  isClosed(): boolean {
    return this.closed;
  }

  request(subject: string, data: Uint8Array, options: { timeout: number; headers?: { keys(): string[]; get(k: string): string } }) {
    if (this.closed) return Promise.reject(new Error('the worker thread is stopping'));
    const id = this.nextId++;
    const h = options.headers;
    const headers: Headers = h === undefined ? [] : h.keys().map((k) => [k, h.get(k)]);
    this.post({ type: 'natsRequest', id, subject, data, timeoutMs: options.timeout, headers });
    return new Promise<{ data: Uint8Array; headers: { get(k: string): string } }>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }

  /** The main thread's answer to request `m.id`. */
  answered(m: NatsReply): void {
    const w = this.waiting.get(m.id);
    if (w === undefined) return;
    this.waiting.delete(m.id);
    if (m.error !== undefined) {
      w.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      return;
    }
    const headers = new Map(m.headers);
    w.resolve({ data: m.data ?? new Uint8Array(0), headers: { get: (k) => headers.get(k) ?? '' } });
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.values()) w.reject(new Error('the worker thread is stopping'));
    this.waiting.clear();
  }
}

/** The main thread's side: a worker thread's NATS request made on the daemon's connection. */
export function relayNatsRequest(bus: NatsBus, m: NatsRequest, reply: (r: NatsReply) => void): void {
  const nc = bus.nc;
  if (nc === undefined || nc.isClosed()) {
    reply({ type: 'natsReply', id: m.id, error: { message: 'the NATS connection is down' } });
    return;
  }
  const h = natsHeaders();
  for (const [k, v] of m.headers) h.set(k, v);
  nc.request(m.subject, m.data, { timeout: m.timeoutMs, headers: h }).then(
    (msg) => {
      const got = msg.headers;
      reply({ type: 'natsReply', id: m.id, data: msg.data, headers: got === undefined ? [] : got.keys().map((k) => [k, got.get(k)]) });
    },
    (err: Error & { code?: string }) => {
      // The link tells a gone worker by "no responders" and a timeout by its words: both must survive the hop.
      const cause = err.cause instanceof Error && err.cause.message !== err.message ? ` (${err.cause.message})` : '';
      reply({ type: 'natsReply', id: m.id, error: { message: `${err.message}${cause}`, code: err.code === undefined ? undefined : String(err.code) } });
    },
  );
}
