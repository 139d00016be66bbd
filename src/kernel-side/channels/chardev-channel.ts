/**
 * The daemon's end of the char-device fallback transport: frames on
 * /dev/vexfs_ipc (struct vexfs_ipc_msg_header + VEXFS_IPC_A_* attributes),
 * for when generic netlink cannot be used. Same messages and semantics as
 * GenlKernelChannel. The module's read() blocks, so reads run on the libuv
 * thread pool one at a time; writes of a tick leave in one write().
 */
import { EventEmitter } from 'node:events';
import { type FileHandle, open } from 'node:fs/promises';

import { Cmd, Consts } from '../../abi/uapi.js';
import { DecodeError, NetlinkError, TimeoutError, TransportError, isErrnoException } from '../../errors.js';
import { FRAME_HEADER_BYTES, readFrame, sealFrame } from '../messages/chardev-frame.js';
import { GENL_HDRLEN, NLMSG_HDRLEN } from '../netlink/constants.js';
import { NlWriter } from '../netlink/writer.js';
import { decodeAttrs } from '../messages/decode.js';
import { type GenlAddress, writeAttach, writeDetach, writeEmbedResponse, writeHeartbeat, writeReply, writeServiceRevoke } from '../messages/encode.js';
import type { EmbedResponse, ReplyMessage } from '../messages/messages.js';
import { type GenlChannelCounters, type GenlChannelEvents, type KernelChannel, type KernelChannelHandlers, deliver, newChannelCounters } from './channel.js';

const ADDRESS: GenlAddress = { familyId: 0, seq: 0, portId: 0 };
// As the genetlink socket's send bound: past it the daemon takes no new work until the module catches up.
const CONGESTION_BYTES = 16 * 1024 * 1024;

export class ChardevKernelChannel extends EventEmitter<GenlChannelEvents> implements KernelChannel {
  readonly family = { id: 0 };
  readonly portId = 0;
  readonly counters: GenlChannelCounters = newChannelCounters();
  private maxInflight: number | undefined;
  private readonly scratch = new NlWriter(64 * 1024);
  private pending: Buffer[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private closed = false;
  private attached: ((err?: Error) => void) | undefined;
  /** Bytes handed to write() and not yet taken by the module. */
  private writing = 0;
  private congested = false;

  private constructor(
    private readonly fh: FileHandle,
    private readonly handlers: KernelChannelHandlers,
  ) {
    super();
  }

  get kernelMaxInflight(): number | undefined {
    return this.maxInflight;
  }

  static async open(path: string, handlers: KernelChannelHandlers, timeoutMs = 5000): Promise<ChardevKernelChannel> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r+');
    } catch (err) {
      throw new TransportError(`cannot open ${path}: ${(err as Error).message}`, { cause: err });
    }
    const ch = new ChardevKernelChannel(fh, handlers);
    const attachedNow = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new TimeoutError(`attaching through ${path}`, timeoutMs)), timeoutMs);
      ch.attached = (err) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
    });
    ch.send(Cmd.DAEMON_ATTACH, (w) => writeAttach(w, ADDRESS, { protocolVersion: Consts.PROTOCOL_VERSION, maxInflight: undefined }));
    ch.flush();
    try {
      await ch.flushing;
      void ch.readLoop();
      await attachedNow;
    } catch (err) {
      ch.closed = true;
      await fh.close();
      throw err instanceof Error && isErrnoException(err) ? new TransportError(`attach through ${path} refused: ${err.code}`, { cause: err }) : err;
    }
    return ch;
  }

  private async readLoop(): Promise<void> {
    const buf = Buffer.alloc(FRAME_HEADER_BYTES + Consts.MAX_MSG_BYTES);
    while (!this.closed) {
      let n: number;
      try {
        ({ bytesRead: n } = await this.fh.read(buf, 0, buf.length, null));
      } catch (err) {
        if (!this.closed) this.emit('lost', err as Error);
        return;
      }
      if (n === 0) {
        if (!this.closed) this.emit('lost', new TransportError('the module detached this daemon'));
        return;
      }
      // Nothing the module sends may end the process: failures are counted and reported.
      try {
        this.onFrame(buf, n);
      } catch (err) {
        if (err instanceof DecodeError) {
          this.counters.invalid++;
          this.emit('invalid', err);
        } else {
          this.counters.faults++;
          this.emit('fault', err instanceof Error ? err : new Error(String(err)));
        }
      }
    }
  }

  private onFrame(buf: Buffer, n: number): void {
    const h = readFrame(buf, 0, n);
    const m = decodeAttrs(h.cmd, buf, FRAME_HEADER_BYTES, h.length);
    if (m.cmd !== Cmd.DAEMON_ATTACH) return deliver(m, this, this.handlers, this.counters);
    this.maxInflight = m.msg.maxInflight;
    this.attached?.();
    this.attached = undefined;
  }

  /** Encodes the message(s) `write` builds, one frame each, and queues them for this tick's write. */
  private send(cmd: number, write: (w: NlWriter) => void): void {
    const w = this.scratch;
    w.reset();
    write(w);
    for (let i = 0; i < w.starts.length; i++) {
      const start = (w.starts[i] as number) + NLMSG_HDRLEN + GENL_HDRLEN;
      const end = i + 1 < w.starts.length ? (w.starts[i + 1] as number) : w.length;
      const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + end - start);
      w.buffer.copy(frame, FRAME_HEADER_BYTES, start, end);
      sealFrame(frame, 0, end - start, cmd, 0n);
      this.pending.push(frame);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const out = Buffer.concat(this.pending);
    this.pending = [];
    this.writing += out.length;
    if (!this.congested && this.writing > CONGESTION_BYTES) this.setCongested(true);
    // Writes are serialised; a refused frame's errno is reported, the rest were applied.
    this.flushing = this.flushing.then(() =>
      this.fh.write(out).then(
        () => this.wrote(out.length),
        (err: unknown) => {
          this.wrote(out.length);
          if (this.attached) {
            this.attached(err as Error);
            this.attached = undefined;
            return;
          }
          if (!isErrnoException(err)) return;
          this.counters.kernelErrors++;
          if (err.code === 'ENOENT') this.counters.lateResponses++;
          this.emit('kernelError', new NetlinkError(-err.errno, err.code));
        },
      ),
    );
  }

  private wrote(bytes: number): void {
    this.writing -= bytes;
    if (this.congested && this.writing < CONGESTION_BYTES / 2) this.setCongested(false);
  }

  private setCongested(on: boolean): void {
    this.congested = on;
    this.emit('congestion', on);
  }

  respond(res: EmbedResponse): void {
    this.counters.responses++;
    this.send(Cmd.EMBED_RESPONSE, (w) => writeEmbedResponse(w, ADDRESS, res));
  }

  reply(msg: ReplyMessage): void {
    this.send(Cmd.REPLY, (w) => writeReply(w, ADDRESS, msg));
  }

  revoke(serviceId: string): void {
    this.send(Cmd.SERVICE_REVOKE, (w) => writeServiceRevoke(w, ADDRESS, { serviceId }));
  }

  heartbeat(minPriority: number | undefined, inflight: number): void {
    this.send(Cmd.HEARTBEAT, (w) => writeHeartbeat(w, ADDRESS, { requestId: undefined, minPriority, inflight }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.send(Cmd.DAEMON_DETACH, (w) => writeDetach(w, ADDRESS));
    this.flush();
    await this.flushing;
    // The detach wakes the pending read with end-of-file.
    this.closed = true;
    await this.fh.close();
  }
}
