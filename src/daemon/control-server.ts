/**
 * The daemon's control socket: registration of services when there is no
 * kernel module (twin mode), listing and stats for tools, and one-off
 * embedding requests through the kernel twin. A registration belongs to the
 * connection that made it; when that connection closes (the service
 * exited), the service is unregistered — as closing /dev/vexfs_ipc does.
 */
import type { Server, Socket } from 'node:net';

import { ControlError, RegistrationError } from '../errors.js';
import { errnoValue } from '../netlink/extack.js';
import { FrameWriter, readFrames } from '../wire/frames.js';
import {
  type ControlRequestMsg,
  type ControlResponseMsg,
  type DaemonStatsMsg,
  type EmbedCallMsg,
  type EmbedOutcomeMsg,
  type ServiceInfoMsg,
  decodeControlRequest,
  encodeControlResponse,
} from '../wire/proto.js';
import { closeServer, listenUnix } from '../wire/unix-listen.js';
import type { ServiceEntry, ServiceRegistry } from './registry.js';

export function toServiceInfo(entry: ServiceEntry): ServiceInfoMsg {
  return entry.info;
}

/** Control messages are small; a client claiming more is cut off before it is buffered. */
export const MAX_CONTROL_FRAME = 1024 * 1024;

export interface PeerCred {
  uid: number;
  pid: number;
}

export interface ControlHandlers {
  stats: () => DaemonStatsMsg;
  /** Through the kernel path; throws ControlError (errno + reason) when there is none here. */
  embed: (call: EmbedCallMsg, peer: PeerCred | undefined) => Promise<EmbedOutcomeMsg>;
  /** Who is on the other end of a connection (SO_PEERCRED), when it can be told. */
  peer: (socket: Socket) => PeerCred | undefined;
  onError: (err: Error) => void;
}

export class ControlServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private nextOwner = 1;

  constructor(
    private readonly registry: ServiceRegistry,
    readonly path: string,
    private readonly handlers: ControlHandlers,
  ) {}

  async listen(): Promise<void> {
    this.server = await listenUnix(this.path, (socket) => this.onConnection(socket));
  }

  private onConnection(socket: Socket): void {
    const owner = `control:${this.nextOwner++}`;
    const peer = this.handlers.peer(socket);
    this.sockets.add(socket);
    const writer = new FrameWriter(socket);
    const send = (res: ControlResponseMsg) => {
      if (!socket.destroyed) writer.write(encodeControlResponse(res));
    };
    readFrames(
      socket,
      (frame) => {
        const req = decodeControlRequest(frame);
        if (req.embed) {
          this.embed(req, req.embed, peer).then(send, (err: Error) => {
            this.handlers.onError(err);
            socket.destroy();
          });
        } else {
          send(this.handle(req, owner, peer));
        }
      },
      { maxFrame: MAX_CONTROL_FRAME, onError: this.handlers.onError },
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.registry.dropOwner(owner, 'control connection closed');
    });
  }

  private handle(req: ControlRequestMsg, owner: string, peer: PeerCred | undefined): ControlResponseMsg {
    return answer(req.id, (res) => {
      if (req.register) {
        res.services.push(toServiceInfo(this.registry.register(req.register, owner, peer?.uid, peer?.pid)));
      } else if (req.unregister) {
        this.registry.unregister(req.unregister, owner, 'unregistered', peer?.uid, peer?.pid);
      } else if (req.remove) {
        if (peer === undefined) throw new ControlError('EPERM', 'cannot tell who is asking (no SO_PEERCRED), so removing services is refused');
        this.registry.remove(req.remove, peer.uid, peer.pid);
      } else if (req.list) {
        res.services = this.registry.list().map(toServiceInfo);
      } else if (req.stats) {
        res.stats = this.handlers.stats();
      } else {
        throw new ControlError('EINVAL', 'the request names no operation (expected register, unregister, remove, list, stats or embed)');
      }
    });
  }

  private async embed(req: ControlRequestMsg, call: EmbedCallMsg, peer: PeerCred | undefined): Promise<ControlResponseMsg> {
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

/** A response filled by `fill`; a RegistrationError or ControlError it throws becomes the errno and reason. */
function answer(id: number, fill: (res: ControlResponseMsg) => void): ControlResponseMsg {
  const res: ControlResponseMsg = { id, errno: 0, error: '', services: [] };
  try {
    fill(res);
  } catch (err) {
    if (!(err instanceof RegistrationError || err instanceof ControlError)) throw err;
    return { id, errno: errnoValue(err.errno as Parameters<typeof errnoValue>[0]), error: err.message, services: [] };
  }
  return res;
}
