/**
 * Userspace side of /dev/vexfs_ipc: the ioctls with their structs encoded by
 * koffi from the uapi layout. Requests that wait on the kernel run on a
 * worker thread (the addon's async ioctl), so the event loop never blocks.
 */
import { closeSync, openSync } from 'node:fs';

import koffi from 'koffi';

import {
  EmbeddingRequestStruct,
  Ioctl,
  ServiceInfoStruct,
  ServiceListStruct,
  ServiceRegisterStruct,
  ServiceStatusStruct,
  ServiceUnregisterStruct,
  StatsStruct,
  ConsumerStatsStruct,
  ProvenanceStruct,
} from '../../abi/structs.js';
import type { ServiceInfoMsg } from '../../services/wire/proto.js';
import type { EmbedCall, EmbedResult } from '../../abi/embed-call.js';
import { Consts, Priority, Status, checkSessionKey, vectorBytes } from '../../abi/uapi.js';
import { ClosedError } from '../../errors.js';
import { type ServiceSnapshot, liveFrom } from '../../abi/service-snapshot.js';
import { loadNative, type NativeAddon } from '../../native.js';

export const DEVICE_PATH = '/dev/vexfs_ipc';

/** The common request; the module checks it (this wrapper does not, so tests can reach the module's checks). */
export interface DeviceEmbedCall extends EmbedCall {
  /** Overrides for testing the module's validation: raw struct fields. */
  raw?: Partial<Record<string, number | bigint>>;
}

export interface DeviceEmbedResult extends EmbedResult {
  vector: Buffer;
  /** The module lowered the priority to its user_max_priority (an unprivileged caller). */
  priorityClamped: boolean;
}

export type DeviceStats = Record<string, number>;

interface RawProvenance {
  service_id: string;
  model: string;
  model_version: string;
  dimensions: number;
  flags: number;
  data_type: number;
}

/** One in-kernel consumer of the module (struct vexfs_ipc_consumer_stats). */
export interface ConsumerStats {
  name: string;
  submitted: number;
  completed: number;
  failed: number;
  cancelled: number;
  timed_out: number;
  inflight: number;
  max_inflight: number;
}

export class VexfsDevice {
  /** Asynchronous ioctls not yet completed: the fd is not closed under them (its number could be reused). */
  private inflight = 0;
  private closing = false;

  private constructor(
    readonly fd: number,
    private readonly native: Pick<NativeAddon, 'ioctl' | 'ioctlSync'>,
  ) {}

  /** One ioctl on a worker thread; `keep` holds the buffers the struct points to until the kernel is done with them. */
  private async ioctl(request: number, buf: Buffer, keep: readonly Uint8Array[] = []): Promise<number> {
    if (this.closing) throw new ClosedError(`${DEVICE_PATH} handle`);
    this.inflight++;
    try {
      return await this.native.ioctl(this.fd, request, buf, keep);
    } finally {
      if (--this.inflight === 0 && this.closing) closeSync(this.fd);
    }
  }

  static open(path = DEVICE_PATH, native: Pick<NativeAddon, 'ioctl' | 'ioctlSync'> = loadNative()): VexfsDevice {
    return new VexfsDevice(openSync(path, 'r+'), native);
  }

  /** SEND_EMBEDDING_REQUEST. Rejects with the module's errno (code, errno, syscall). */
  async embed(call: DeviceEmbedCall): Promise<DeviceEmbedResult> {
    const dtype = call.dataType ?? 0;
    const sessionKey = checkSessionKey(call.sessionKey);
    const vector = Buffer.alloc(Math.max(1, vectorBytes(call.dimensions, dtype)));
    const model = call.model === undefined ? undefined : Buffer.from(call.model);
    const prov = Buffer.alloc(koffi.sizeof(ProvenanceStruct));
    const fields: Record<string, number | bigint | number[]> = {
      request_id: 0n,
      data_ptr: koffi.address(call.input),
      model_ptr: model ? koffi.address(model) : 0n,
      vector_ptr: koffi.address(vector),
      processing_time_ns: 0n,
      data_size: call.input.length,
      dimensions: call.dimensions,
      model_len: model?.length ?? 0,
      vector_size: vector.length,
      timeout_ms: call.timeoutMs ?? 0,
      flags: 0,
      status: 0,
      data_type: dtype,
      priority: call.priority ?? Priority.NORMAL,
      reserved0: 0,
      session_key: sessionKey,
      provenance_ptr: koffi.address(prov),
      ...call.raw,
    };
    const buf = Buffer.alloc(koffi.sizeof(EmbeddingRequestStruct));
    koffi.encode(buf, 0, EmbeddingRequestStruct, fields);
    await this.ioctl(Ioctl.SEND_EMBEDDING_REQUEST, buf, model ? [call.input, vector, prov, model] : [call.input, vector, prov]);
    const out = koffi.decode(buf, 0, EmbeddingRequestStruct) as Record<string, number | bigint>;
    const p = koffi.decode(prov, 0, ProvenanceStruct) as RawProvenance;
    const status = Number(out.status);
    return {
      provenance:
        status === Status.SUCCESS
          ? {
              serviceId: p.service_id,
              model: p.model,
              modelVersion: p.model_version,
              dimensions: p.dimensions,
              dataType: p.data_type,
              truncated: (p.flags & Consts.PROV_F_TRUNCATED) !== 0,
            }
          : undefined,
      requestId: BigInt(out.request_id as number),
      status,
      vector: vector.subarray(0, Number(out.vector_size)),
      processingNs: BigInt(out.processing_time_ns as number),
      priorityClamped: (Number(out.flags) & Consts.EMBED_F_PRIORITY_CLAMPED) !== 0,
    };
  }

  /**
   * REGISTER_SERVICE: the module forwards it to the daemon. The registration
   * lasts until unregister() or until this device is closed.
   */
  async register(info: ServiceInfoMsg, raw?: Partial<Record<string, number | bigint>>, token?: string): Promise<void> {
    const tok = Buffer.from(token ?? '');
    const id = Buffer.from(info.id);
    const name = Buffer.from(info.name);
    const endpoint = Buffer.from(info.endpoint);
    const version = Buffer.from(info.version);
    const models = Buffer.from(info.models.join(','));
    const dims = Buffer.from(new Uint32Array(info.dimensions).buffer);
    const addr = (b: Buffer) => (b.length ? koffi.address(b) : 0n);
    const buf = Buffer.alloc(koffi.sizeof(ServiceRegisterStruct));
    koffi.encode(buf, 0, ServiceRegisterStruct, {
      service_id_ptr: addr(id),
      service_name_ptr: addr(name),
      dimensions_ptr: addr(dims),
      endpoint_ptr: addr(endpoint),
      version_ptr: addr(version),
      models_ptr: addr(models),
      service_id_len: id.length,
      service_name_len: name.length,
      dimensions_count: info.dimensions.length,
      max_batch_size: info.maxBatchSize,
      endpoint_len: endpoint.length,
      version_len: version.length,
      models_len: models.length,
      data_types: info.dataTypes,
      priority: info.priority,
      flags: 0,
      token_ptr: addr(tok),
      token_len: tok.length,
      reserved: 0,
      ...raw,
    });
    await this.ioctl(Ioctl.REGISTER_SERVICE, buf, [id, name, endpoint, version, models, dims, tok]);
  }

  async unregister(serviceId: string): Promise<void> {
    const id = Buffer.from(serviceId);
    const buf = Buffer.alloc(koffi.sizeof(ServiceUnregisterStruct));
    koffi.encode(buf, 0, ServiceUnregisterStruct, { service_id_ptr: koffi.address(id), service_id_len: id.length, flags: 0 });
    await this.ioctl(Ioctl.UNREGISTER_SERVICE, buf, [id]);
  }

  /** GET_SERVICE_STATUS. */
  async status(serviceId: string): Promise<DeviceServiceInfo> {
    const id = Buffer.from(serviceId);
    const buf = Buffer.alloc(koffi.sizeof(ServiceStatusStruct));
    koffi.encode(buf, 0, ServiceStatusStruct, { service_id_ptr: koffi.address(id), service_id_len: id.length, flags: 0 });
    await this.ioctl(Ioctl.GET_SERVICE_STATUS, buf, [id]);
    return toServiceInfo((koffi.decode(buf, 0, ServiceStatusStruct) as { info: RawServiceInfo }).info);
  }

  /** LIST_SERVICES with room for `capacity` entries; `total` may exceed what was returned. */
  async list(capacity: number = 256): Promise<{ services: DeviceServiceInfo[]; total: number }> {
    const size = koffi.sizeof(ServiceInfoStruct);
    const entries = Buffer.alloc(Math.max(1, capacity) * size);
    const buf = Buffer.alloc(koffi.sizeof(ServiceListStruct));
    koffi.encode(buf, 0, ServiceListStruct, {
      entries_ptr: capacity ? koffi.address(entries) : 0n,
      entries_capacity: capacity,
      entries_count: 0,
      total_services: 0,
      flags: 0,
    });
    await this.ioctl(Ioctl.LIST_SERVICES, buf, [entries]);
    const out = koffi.decode(buf, 0, ServiceListStruct) as { entries_count: number; total_services: number };
    const services = Array.from({ length: out.entries_count }, (_, i) => toServiceInfo(koffi.decode(entries, i * size, ServiceInfoStruct) as RawServiceInfo));
    return { services, total: out.total_services };
  }

  /** GET_STATS (never waits on the kernel, so synchronous). */
  stats(): DeviceStats {
    if (this.closing) throw new ClosedError(`${DEVICE_PATH} handle`);
    const buf = Buffer.alloc(koffi.sizeof(StatsStruct));
    this.native.ioctlSync(this.fd, Ioctl.GET_STATS, buf);
    return koffi.decode(buf, 0, StatsStruct) as DeviceStats;
  }

  /** GET_STATS with room for every in-kernel consumer: who they are and their counters. */
  consumers(): ConsumerStats[] {
    if (this.closing) throw new ClosedError(`${DEVICE_PATH} handle`);
    const size = koffi.sizeof(ConsumerStatsStruct);
    const entries = Buffer.alloc(size * Consts.MAX_CONSUMERS);
    const buf = Buffer.alloc(koffi.sizeof(StatsStruct));
    koffi.encode(buf, 0, StatsStruct, { consumers_ptr: koffi.address(entries), consumers_capacity: Consts.MAX_CONSUMERS });
    this.native.ioctlSync(this.fd, Ioctl.GET_STATS, buf);
    const n = (koffi.decode(buf, 0, StatsStruct) as DeviceStats).consumers_count ?? 0;
    return Array.from({ length: n }, (_, i) => koffi.decode(entries, i * size, ConsumerStatsStruct) as ConsumerStats);
  }

  /** GET_STATS with VEXFS_IPC_STATS_F_DAEMON: the daemon's counters too (may wait on it). */
  async statsWithDaemon(): Promise<DeviceStats> {
    const buf = Buffer.alloc(koffi.sizeof(StatsStruct));
    koffi.encode(buf, 0, StatsStruct, { flags: Consts.STATS_F_DAEMON });
    await this.ioctl(Ioctl.GET_STATS, buf);
    return koffi.decode(buf, 0, StatsStruct) as DeviceStats;
  }

  /** Any request number with a raw buffer and the buffers it points to (for testing the module's checks). */
  rawIoctl(request: number, buf: Buffer, keep: readonly Uint8Array[] = []): Promise<number> {
    return this.ioctl(request, buf, keep);
  }

  /** Closes the file (which ends a registration made through it) once no ioctl is in flight on it. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.inflight === 0) closeSync(this.fd);
  }
}

/** struct vexfs_ipc_service_info as koffi decodes it: the registration, then the live figures LIVE names. */
interface RawServiceInfo {
  id: string;
  name: string;
  version: string;
  models: string;
  endpoint: string;
  dimensions: ArrayLike<number>;
  dimensions_count: number;
  data_types: number;
  max_batch_size: number;
  priority: number;
  [live: string]: unknown;
}

/** A service as the ioctls report it: the one snapshot shape (abi/service-snapshot.ts). */
export type DeviceServiceInfo = ServiceSnapshot;

function toServiceInfo(r: RawServiceInfo): DeviceServiceInfo {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    models: r.models === '' ? [] : r.models.split(','),
    endpoint: r.endpoint,
    dimensions: Array.from(r.dimensions).slice(0, r.dimensions_count),
    dataTypes: r.data_types,
    maxBatchSize: r.max_batch_size,
    priority: r.priority,
    ...liveFrom('c', r),
  };
}
