/**
 * The audit log: security-relevant events as JSON Lines, one object per
 * line with `ts` (ISO time) and `event`. Writes are queued and flushed by one
 * async loop, so recording never waits on the disk; the file rotates by size
 * (path -> path.1 -> ... -> path.<keep>). If the disk falls behind by more
 * than `maxQueued` lines the newest are dropped and the next line written
 * says how many.
 */
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';

export interface AuditLogOptions {
  /** Empty: no file, only the sinks (addSink). */
  path: string;
  /** Rotate before the file would exceed this. */
  maxBytes?: number;
  /** Rotated files kept. */
  keep?: number;
  maxQueued?: number;
  /** Failures to write (disk full, permissions): the log keeps trying with later lines. */
  onError?: (err: Error) => void;
}

export type AuditFields = Record<string, string | number | boolean | null | undefined | readonly string[] | readonly number[]>;

export class AuditLog {
  private queue: string[] = [];
  private readonly sinks: Array<(line: string) => void> = [];
  private dropped = 0;
  private file: FileHandle | undefined;
  private size = 0;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly maxQueued: number;

  constructor(private readonly options: AuditLogOptions) {
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.keep = options.keep ?? 5;
    this.maxQueued = options.maxQueued ?? 10_000;
  }

  get path(): string {
    return this.options.path;
  }

  record(event: string, fields: AuditFields = {}): void {
    if (this.closed) return;
    const line = JSON.stringify({ ts: new Date().toISOString(), event, ...fields });
    for (const sink of this.sinks) sink(line);
    // No file: the sinks are the whole log.
    if (this.options.path === '') return;
    if (this.queue.length >= this.maxQueued) {
      this.dropped++;
      return;
    }
    this.queue.push(`${line}\n`);
    this.flushing ??= this.flush();
  }

  /** Also hands every record (a JSON line, no newline) to `sink` (a JetStream stream). */
  addSink(sink: (line: string) => void): void {
    this.sinks.push(sink);
  }

  /** Resolves once everything recorded so far is written. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        if (this.dropped > 0) {
          this.queue.unshift(`${JSON.stringify({ ts: new Date().toISOString(), event: 'audit.dropped', count: this.dropped })}\n`);
          this.dropped = 0;
        }
        const lines = this.queue;
        this.queue = [];
        const chunk = Buffer.from(lines.join(''));
        try {
          await this.write(chunk);
        } catch (err) {
          this.options.onError?.(err as Error);
          await this.file?.close().catch(() => {});
          this.file = undefined;
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async write(chunk: Buffer): Promise<void> {
    if (this.file === undefined) {
      this.file = await open(this.options.path, 'a', 0o640);
      this.size = (await this.file.stat()).size;
    }
    if (this.size > 0 && this.size + chunk.length > this.maxBytes) await this.rotate();
    await (this.file as FileHandle).write(chunk);
    this.size += chunk.length;
  }

  private async rotate(): Promise<void> {
    await this.file?.close();
    this.file = undefined;
    const path = this.options.path;
    if (this.keep === 0) {
      await unlink(path).catch(ignoreMissing);
    } else {
      await unlink(`${path}.${this.keep}`).catch(ignoreMissing);
      for (let i = this.keep - 1; i >= 1; i--) await rename(`${path}.${i}`, `${path}.${i + 1}`).catch(ignoreMissing);
      await rename(path, `${path}.1`);
    }
    this.file = await open(path, 'a', 0o640);
    this.size = 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
    await this.file?.close();
    this.file = undefined;
  }
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
