/**
 * Length-prefixed frames on a stream socket: u32 little-endian length, then
 * the bytes. The reader copes with frames split across or packed into
 * chunks; the writer gathers a tick's frames into one (vectored) write.
 */
import type { Socket } from 'node:net';

import { DecodeError } from '../../errors.js';

/** Frames larger than this are a protocol violation (64 KiB vectors x 1000 items stay well under). */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export class FrameReader {
  private chunks: Buffer[] = [];
  private held = 0;

  /** The largest frame accepted from here on; a peer's allowance can change (after its Hello, on re-registration). */
  maxFrame: number;

  constructor(
    private readonly onFrame: (frame: Buffer) => void,
    maxFrame = MAX_FRAME_BYTES,
  ) {
    this.maxFrame = maxFrame;
  }

  /** Bytes held: the unfinished frame (and anything after it) not yet handed to onFrame. */
  get buffered(): number {
    return this.held;
  }

  /** Feeds bytes; calls onFrame for each complete frame. Throws DecodeError on an oversize length. */
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.held += chunk.length;
    while (this.held >= 4) {
      const head = this.peekLength();
      if (head > this.maxFrame) throw new DecodeError('frame.length', `${head} bytes exceeds ${this.maxFrame}`);
      if (this.held < 4 + head) return;
      const all = this.take(4 + head);
      this.onFrame(all.subarray(4));
    }
  }

  private peekLength(): number {
    const first = this.chunks[0] as Buffer;
    if (first.length >= 4) return first.readUInt32LE(0);
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined.readUInt32LE(0);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0] as Buffer;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const joined = Buffer.concat(this.chunks);
      out = joined.subarray(0, n);
      this.chunks = joined.length > n ? [joined.subarray(n)] : [];
    }
    this.held -= n;
    return out;
  }
}

/**
 * Delivers every frame arriving on `socket` to `onFrame`. A frame that
 * cannot be read, or an `onFrame` that throws, resets the connection after
 * `onError` is told why.
 */
export function readFrames(socket: Socket, onFrame: (frame: Buffer) => void, options: { maxFrame?: number; onError?: (err: Error) => void } = {}): FrameReader {
  const reader = new FrameReader(onFrame, options.maxFrame);
  socket.on('data', (chunk: Buffer) => {
    try {
      reader.push(chunk);
    } catch (err) {
      options.onError?.(err as Error);
      socket.destroy();
    }
  });
  return reader;
}

/** Collects frames and writes them in one socket.write at the end of the tick. */
export class FrameWriter {
  private pending: Uint8Array[] = [];
  private bytes = 0;
  private scheduled = false;

  constructor(private readonly socket: Socket) {}

  /** Bytes given to write() and not yet taken by the peer (queued here and in the socket). */
  get buffered(): number {
    return this.bytes + this.socket.writableLength;
  }

  write(frame: Uint8Array): void {
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(frame.length, 0);
    this.pending.push(head, frame);
    this.bytes += 4 + frame.length;
    this.schedule();
  }

  /** A frame whose encoder wrote its u32 length in front already (saves a header buffer). */
  writeFramed(framed: Uint8Array): void {
    this.pending.push(framed);
    this.bytes += framed.length;
    this.schedule();
  }

  private schedule(): void {
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || this.socket.destroyed) {
      this.pending = [];
      this.bytes = 0;
      return;
    }
    const pending = this.pending;
    this.pending = [];
    this.bytes = 0;
    // Corked, the tick's buffers leave in one writev: no copy into one big buffer first.
    this.socket.cork();
    for (const b of pending) this.socket.write(b);
    this.socket.uncork();
  }
}
