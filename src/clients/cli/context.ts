/** What every vexfsctl command runs with: the parsed line, where output goes, and the backends. */
import type { Backend } from './transports/backend.js';
import type { DaemonBackend } from './transports/daemon-backend.js';
import type { NatsCluster } from './transports/nats-backend.js';
import type { Style } from './format.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export interface Context {
  io: Io;
  style: Style;
  json: boolean;
  /** Opens the backend the options and this machine call for. */
  backend: () => Promise<Backend>;
  /** The daemon's control socket, whatever the device situation. */
  daemon: () => Promise<DaemonBackend>;
  /** --all-hosts: status, services and stats gather from every daemon on the NATS bus. */
  allHosts: boolean;
  /** --host: the daemon named over NATS. */
  host: string | undefined;
  natsTimeoutMs: number;
  /** The NATS bus (--nats URL); a usage error without it. */
  cluster: () => Promise<NatsCluster>;
  /** Closes what backend() opened. */
  close: () => void;
}
