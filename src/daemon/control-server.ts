/**
 * The daemon's control socket: registration of services when there is no
 * kernel module (twin mode), and listing for tools. A registration belongs to
 * the connection that made it; when that connection closes (the service
 * exited), the service is unregistered — as closing /dev/vexfs_ipc does.
 */
import type { Server, Socket } from 'node:net';

import { RegistrationError } from '../errors.js';
import { errnoValue } from '../netlink/extack.js';
import { FrameWriter, readFrames } from '../wire/frames.js';
import {
  type ControlResponseMsg,
  type DaemonStatsMsg,
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

export class ControlServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private nextOwner = 1;

  constructor(
    private readonly registry: ServiceRegistry,
    readonly path: string,
    private readonly onError: (err: Error) => void,
    private readonly stats: () => DaemonStatsMsg,
  ) {}

  async listen(): Promise<void> {
    this.server = await listenUnix(this.path, (socket) => this.onConnection(socket));
  }

  private onConnection(socket: Socket): void {
    const owner = `control:${this.nextOwner++}`;
    this.sockets.add(socket);
    const writer = new FrameWriter(socket);
    readFrames(
      socket,
      (frame) => writer.write(encodeControlResponse(this.handle(decodeControlRequest(frame), owner))),
      { maxFrame: MAX_CONTROL_FRAME, onError: this.onError },
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.registry.dropOwner(owner, 'control connection closed');
    });
  }

  private handle(req: ReturnType<typeof decodeControlRequest>, owner: string): ControlResponseMsg {
    const res: ControlResponseMsg = { id: req.id, errno: 0, error: '', services: [] };
    try {
      if (req.register) {
        res.services.push(toServiceInfo(this.registry.register(req.register, owner)));
      } else if (req.unregister) {
        this.registry.unregister(req.unregister, owner);
      } else if (req.list) {
        res.services = this.registry.list().map(toServiceInfo);
      } else if (req.stats) {
        res.stats = this.stats();
      } else {
        res.errno = errnoValue('EINVAL');
        res.error = 'the request names no operation (expected register, unregister, list or stats)';
      }
    } catch (err) {
      if (!(err instanceof RegistrationError)) throw err;
      res.errno = errnoValue(err.errno);
      res.error = err.message;
    }
    return res;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server) await closeServer(this.server, this.path);
  }
}
