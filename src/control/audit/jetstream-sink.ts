/**
 * The audit log's second home: a JetStream stream (durable, bounded by age
 * and size) that every daemon writes its records to on its own subject,
 * so an administrator can read a cluster's audit trail from one place
 * (vexfsctl audit --nats). Records queue while NATS is away and go out in
 * order when it is back; each carries a message id (host and sequence) so
 * a resend after a lost acknowledgement is not stored twice.
 */
import { type JetStreamClient, type JetStreamManager, type StreamConfig, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';

export interface JetStreamAuditOptions {
  stream: string;
  /** The subject this daemon's records go to (vexfs.v1.audit.<host>). */
  subject: string;
  /** Subjects the stream holds (every daemon's). */
  streamSubjects: string[];
  host: string;
  maxAgeMs: number;
  maxBytes: number;
  /** Records held while NATS is away; older ones are dropped past it and the next record says how many. */
  maxQueued?: number;
  onError?: (err: Error) => void;
}

const DUPLICATE_WINDOW_NS = 120_000_000_000;

export class JetStreamAuditSink {
  private queue: Array<{ id: string; line: string }> = [];
  private seq = 0;
  private dropped = 0;
  private js: JetStreamClient | undefined;
  private flushing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly bootId = Date.now().toString(36);
  /** Records stored in the stream. */
  stored = 0;

  constructor(private readonly options: JetStreamAuditOptions) {}

  /** One audit record (a JSON line without its newline). */
  record(line: string): void {
    if (this.queue.length >= (this.options.maxQueued ?? 10_000)) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push({ id: `${this.options.host}-${this.bootId}-${++this.seq}`, line });
    this.flush();
  }

  /** The bus is up: make sure the stream exists, then send what waited. */
  async connected(nc: NatsConnection): Promise<void> {
    try {
      await ensureStream(await jetstreamManager(nc), this.options);
      this.js = jetstream(nc);
    } catch (err) {
      this.js = undefined;
      this.options.onError?.(err as Error);
      return;
    }
    this.flush();
  }

  disconnected(): void {
    this.js = undefined;
  }

  close(): void {
    this.js = undefined;
    clearTimeout(this.retryTimer);
  }

  /** Resolves once what is queued now has been sent (or the bus went away). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private flush(): void {
    clearTimeout(this.retryTimer);
    if (this.js === undefined) return;
    this.flushing ??= this.send().finally(() => {
      this.flushing = undefined;
    });
  }

  private async send(): Promise<void> {
    while (this.queue.length > 0 && this.js !== undefined) {
      if (this.dropped > 0) {
        const line = JSON.stringify({ ts: new Date().toISOString(), event: 'audit.dropped', count: this.dropped, host: this.options.host });
        this.queue.unshift({ id: `${this.options.host}-${this.bootId}-d${this.seq}`, line });
        this.dropped = 0;
      }
      const next = this.queue[0] as { id: string; line: string };
      try {
        await this.js.publish(this.options.subject, next.line, { msgID: next.id, timeout: 5000 });
      } catch (err) {
        this.options.onError?.(err as Error);
        // Kept at the head and sent again (same id) a moment later, or when the bus is back.
        this.retryTimer = setTimeout(() => this.flush(), 1000);
        this.retryTimer.unref();
        return;
      }
      this.queue.shift();
      this.stored++;
    }
  }
}

/**
 * Creates the stream, or brings an existing one up to what this daemon needs: its subjects, no
 * deleting or purging of records, and retention at least this daemon's. Retention is only ever
 * raised: no daemon can shorten the trail that others write to (lowering it is an operator's
 * change to the stream itself).
 */
async function ensureStream(jsm: JetStreamManager, o: JetStreamAuditOptions): Promise<void> {
  const wanted = {
    name: o.stream,
    subjects: o.streamSubjects,
    max_age: o.maxAgeMs * 1_000_000,
    max_bytes: o.maxBytes,
    duplicate_window: DUPLICATE_WINDOW_NS,
    deny_delete: true,
    deny_purge: true,
  };
  let c: StreamConfig;
  try {
    c = (await jsm.streams.info(o.stream)).config;
  } catch (err) {
    if (!/stream not found/i.test((err as Error).message)) throw err;
    await jsm.streams.add(wanted);
    return;
  }
  const maxAge = c.max_age === 0 ? 0 : Math.max(c.max_age, wanted.max_age);
  const maxBytes = c.max_bytes === -1 ? -1 : Math.max(c.max_bytes, wanted.max_bytes);
  const subjects = [...new Set([...(c.subjects ?? []), ...o.streamSubjects])];
  if (maxAge !== c.max_age || maxBytes !== c.max_bytes || subjects.length !== (c.subjects ?? []).length || !c.deny_delete || !c.deny_purge) {
    await jsm.streams.update(o.stream, { ...c, max_age: maxAge, max_bytes: maxBytes, subjects, deny_delete: true, deny_purge: true });
  }
}
