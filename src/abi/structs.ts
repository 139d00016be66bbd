/**
 * The header's structs described with koffi, and the ioctl request numbers
 * derived from their sizes. The ABI test checks every size and offset here
 * against the compiled header; nothing else counts bytes by hand.
 */
import koffi from 'koffi';

import { Consts } from './uapi.js';

const u64 = 'uint64';
const u32 = 'uint32';
const u16 = 'uint16';
const u8 = 'uint8';
const chars = (n: number) => koffi.array('char', n, 'String');

export const MsgHeaderStruct = koffi.struct('vexfs_ipc_msg_header', {
  magic: u32,
  version: u32,
  message_type: u32,
  length: u32,
  correlation_id: u64,
  timestamp: u64,
  flags: u32,
  checksum: u32,
});

export const ServiceRegisterStruct = koffi.struct('vexfs_ipc_service_register', {
  service_id_ptr: u64,
  service_name_ptr: u64,
  dimensions_ptr: u64,
  endpoint_ptr: u64,
  version_ptr: u64,
  models_ptr: u64,
  service_id_len: u32,
  service_name_len: u32,
  dimensions_count: u32,
  max_batch_size: u32,
  endpoint_len: u32,
  version_len: u32,
  models_len: u32,
  data_types: u32,
  priority: u32,
  flags: u32,
  token_ptr: u64,
  token_len: u32,
  reserved: u32,
});

export const ServiceUnregisterStruct = koffi.struct('vexfs_ipc_service_unregister', {
  service_id_ptr: u64,
  service_id_len: u32,
  flags: u32,
});

export const EmbeddingRequestStruct = koffi.struct('vexfs_ipc_embedding_request', {
  request_id: u64,
  data_ptr: u64,
  model_ptr: u64,
  vector_ptr: u64,
  processing_time_ns: u64,
  data_size: u32,
  dimensions: u32,
  model_len: u32,
  vector_size: u32,
  timeout_ms: u32,
  flags: u32,
  status: u32,
  data_type: u8,
  priority: u8,
  reserved0: u16,
  session_key: u64,
  provenance_ptr: u64,
});

export const ProvenanceStruct = koffi.struct('vexfs_ipc_provenance', {
  service_id: chars(Consts.MAX_SERVICE_ID_LEN),
  model: chars(Consts.MAX_MODEL_LEN),
  model_version: chars(Consts.MAX_VERSION_LEN),
  processing_ns: u64,
  dimensions: u32,
  flags: u32,
  data_type: u8,
  pad: koffi.array(u8, 7),
});

export const ConsumerStatsStruct = koffi.struct('vexfs_ipc_consumer_stats', {
  name: chars(Consts.MAX_CONSUMER_NAME_LEN),
  submitted: u64,
  completed: u64,
  failed: u64,
  cancelled: u64,
  timed_out: u64,
  inflight: u32,
  max_inflight: u32,
});

export const ServiceInfoStruct = koffi.struct('vexfs_ipc_service_info', {
  id: chars(Consts.MAX_SERVICE_ID_LEN),
  name: chars(Consts.MAX_NAME_LEN),
  version: chars(Consts.MAX_VERSION_LEN),
  models: chars(Consts.MAX_MODELS_LEN),
  endpoint: chars(Consts.MAX_ENDPOINT_LEN),
  dimensions: koffi.array(u32, Consts.MAX_DIMENSION_SETS),
  dimensions_count: u32,
  data_types: u32,
  max_batch_size: u32,
  priority: u32,
  state: u32,
  health: u32,
  uid: u32,
  pid: u32,
  active_requests: u32,
  queued: u32,
  capacity: u32,
  breaker: u32,
  cpu_permille: u32,
  rss_kib: u32,
  total_requests: u64,
  failures: u64,
  avg_response_ns: u64,
  heartbeat_age_ms: u64,
  p50_response_ns: u64,
  p99_response_ns: u64,
});

export const ServiceStatusStruct = koffi.struct('vexfs_ipc_service_status', {
  service_id_ptr: u64,
  service_id_len: u32,
  flags: u32,
  info: ServiceInfoStruct,
});

export const ServiceListStruct = koffi.struct('vexfs_ipc_service_list', {
  entries_ptr: u64,
  entries_capacity: u32,
  entries_count: u32,
  total_services: u32,
  flags: u32,
});

export const StatsStruct = koffi.struct('vexfs_ipc_stats', {
  requests_submitted: u64,
  requests_completed: u64,
  requests_failed: u64,
  requests_timed_out: u64,
  requests_cancelled: u64,
  requests_resent: u64,
  responses_late: u64,
  messages_invalid: u64,
  live_requests: u64,
  live_buffers: u64,
  live_registrations: u64,
  daemon_attached: u32,
  transport: u32,
  daemon_port_id: u32,
  inflight: u32,
  pending_capacity: u32,
  daemon_valid: u32,
  flags: u32,
  reserved0: u32,
  daemon_requests_completed: u64,
  daemon_requests_failed: u64,
  daemon_inflight: u64,
  daemon_queued: u64,
  daemon_services: u64,
  daemon_avg_latency_ns: u64,
  daemon_cache_hits: u64,
  daemon_cache_misses: u64,
  daemon_cache_coalesced: u64,
  daemon_p50_latency_ns: u64,
  daemon_p99_latency_ns: u64,
  daemon_shed: u64,
  daemon_rate_limited: u64,
  daemon_retries: u64,
  daemon_uptime_ms: u64,
  daemon_by_status: koffi.array(u64, Consts.STATUS_SLOTS),
  daemon_queued_by_level: koffi.array(u64, Consts.PRIO_LEVELS),
  consumers_ptr: u64,
  consumers_capacity: u32,
  consumers_count: u32,
  consumers_total: u32,
  kernel_inflight: u32,
  kernel_capacity: u32,
  daemon_queues: u32,
});

/** Every struct of the header by its C name (for the ABI test). */
export const ABI_STRUCTS = {
  vexfs_ipc_msg_header: MsgHeaderStruct,
  vexfs_ipc_service_register: ServiceRegisterStruct,
  vexfs_ipc_service_unregister: ServiceUnregisterStruct,
  vexfs_ipc_embedding_request: EmbeddingRequestStruct,
  vexfs_ipc_provenance: ProvenanceStruct,
  vexfs_ipc_consumer_stats: ConsumerStatsStruct,
  vexfs_ipc_service_info: ServiceInfoStruct,
  vexfs_ipc_service_status: ServiceStatusStruct,
  vexfs_ipc_service_list: ServiceListStruct,
  vexfs_ipc_stats: StatsStruct,
} as const;

// asm-generic/ioctl.h encoding, as used on x86, arm and most architectures.
const IOC_WRITE = 1;
const IOC_READ = 2;
function ioc(dir: number, nr: number, size: number): number {
  return ((dir << 30) | (size << 16) | (Consts.IOCTL_MAGIC << 8) | nr) >>> 0;
}

/** ioctl request numbers: VEXFS_IOCTL_IPC_<key>. */
export const Ioctl = {
  REGISTER_SERVICE: ioc(IOC_WRITE, 0x20, koffi.sizeof(ServiceRegisterStruct)),
  UNREGISTER_SERVICE: ioc(IOC_WRITE, 0x21, koffi.sizeof(ServiceUnregisterStruct)),
  SEND_EMBEDDING_REQUEST: ioc(IOC_READ | IOC_WRITE, 0x22, koffi.sizeof(EmbeddingRequestStruct)),
  GET_SERVICE_STATUS: ioc(IOC_READ | IOC_WRITE, 0x23, koffi.sizeof(ServiceStatusStruct)),
  LIST_SERVICES: ioc(IOC_READ | IOC_WRITE, 0x24, koffi.sizeof(ServiceListStruct)),
  GET_STATS: ioc(IOC_READ | IOC_WRITE, 0x25, koffi.sizeof(StatsStruct)),
} as const;
