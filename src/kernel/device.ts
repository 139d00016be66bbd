/**
 * Userspace side of /dev/vexfs_ipc: the ioctls with their structs encoded by
 * koffi from the uapi layout. Requests that wait on the kernel run on a
 * worker thread (the addon's async ioctl), so the event loop never blocks.
 */
import { closeSync, openSync } from 'node:fs';

import koffi from 'koffi';

import { Ioctl, EmbeddingRequestStruct, StatsStruct } from '../abi/structs.js';
import { vectorBytes } from '../abi/uapi.js';
import { loadNative, type NativeAddon } from '../native.js';

export const DEVICE_PATH = '/dev/vexfs_ipc';

export interface DeviceEmbedCall {
  input: Uint8Array;
  dimensions: number;
  dataType?: number;
  model?: string;
  priority?: number;
  timeoutMs?: number;
  /** Overrides for testing the module's validation: raw struct fields. */
  raw?: Partial<Record<string, number | bigint>>;
}

export interface DeviceEmbedResult {
  requestId: bigint;
  status: number;
  vector: Buffer;
  processingNs: bigint;
}

export type DeviceStats = Record<string, number>;

export class VexfsDevice {
  private constructor(
    readonly fd: number,
    private readonly native: Pick<NativeAddon, 'ioctl' | 'ioctlSync'>,
  ) {}

  static open(path = DEVICE_PATH, native: Pick<NativeAddon, 'ioctl' | 'ioctlSync'> = loadNative()): VexfsDevice {
    return new VexfsDevice(openSync(path, 'r+'), native);
  }

  /** SEND_EMBEDDING_REQUEST. Rejects with the module's errno (code, errno, syscall). */
  async embed(call: DeviceEmbedCall): Promise<DeviceEmbedResult> {
    const dtype = call.dataType ?? 0;
    const vector = Buffer.alloc(Math.max(1, vectorBytes(call.dimensions, dtype)));
    const model = call.model === undefined ? undefined : Buffer.from(call.model);
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
      priority: call.priority ?? 128,
      reserved0: 0,
      reserved: [0, 0],
      ...call.raw,
    };
    const buf = Buffer.alloc(koffi.sizeof(EmbeddingRequestStruct));
    koffi.encode(buf, 0, EmbeddingRequestStruct, fields);
    await this.native.ioctl(this.fd, Ioctl.SEND_EMBEDDING_REQUEST, buf);
    // The kernel read and wrote these through raw addresses: keep them alive until here.
    void [call.input, model];
    const out = koffi.decode(buf, 0, EmbeddingRequestStruct) as Record<string, number | bigint>;
    return {
      requestId: BigInt(out.request_id as number),
      status: Number(out.status),
      vector: vector.subarray(0, Number(out.vector_size)),
      processingNs: BigInt(out.processing_time_ns as number),
    };
  }

  /** GET_STATS (never waits on the kernel, so synchronous). */
  stats(): DeviceStats {
    const buf = Buffer.alloc(koffi.sizeof(StatsStruct));
    this.native.ioctlSync(this.fd, Ioctl.GET_STATS, buf);
    return koffi.decode(buf, 0, StatsStruct) as DeviceStats;
  }

  /** Any request number with a raw buffer (for testing the module's checks). */
  rawIoctl(request: number, buf: Buffer): Promise<number> {
    return this.native.ioctl(this.fd, request, buf);
  }

  close(): void {
    closeSync(this.fd);
  }
}
