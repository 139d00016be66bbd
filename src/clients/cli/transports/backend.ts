/**
 * Where vexfsctl gets its answers: the module's ioctls on /dev/vexfs_ipc
 * when it exists (device-backend.ts), else the daemon's control socket
 * (daemon-backend.ts). Both fill the views in views.ts; errors become
 * CliErrors that say what to do.
 */
import type { VectorProvenance } from '../../../abi/embed-call.js';
import type { ServiceInfoMsg } from '../../../services/wire/proto.js';
import type { EmbedCallView, ServiceView, Source, StatsView, StatusView } from '../views.js';

export interface EmbedOutcome {
  requestId: bigint;
  status: number;
  vector: Uint8Array;
  processingNs: number;
  priorityClamped: boolean;
  /** Who made the vector; undefined where the path does not say (the control socket). */
  provenance: VectorProvenance | undefined;
}

export interface Backend {
  readonly source: Source;
  status(): Promise<StatusView>;
  services(): Promise<ServiceView[]>;
  service(id: string): Promise<ServiceView>;
  stats(): Promise<StatsView>;
  /** Registers through this backend; the registration lasts until unregister() or close(). */
  register(info: ServiceInfoMsg, token?: string): Promise<void>;
  unregister(id: string): Promise<void>;
  embed(call: EmbedCallView): Promise<EmbedOutcome>;
  close(): void;
}
