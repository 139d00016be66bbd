/**
 * vexfs-bridge internals (`vexfs-bridge/internal`): codecs, manager parts and
 * observers, for tests, benchmarks and tools built on the pieces. No stability
 * promise; integrators use the root entry point and `vexfs-bridge/sdk`.
 */
export * from './errors.js';
export * from './abi/uapi.js';
export {
  ABI_STRUCTS,
  EmbeddingRequestStruct,
  Ioctl,
  MsgHeaderStruct,
  ServiceInfoStruct,
  ServiceListStruct,
  ServiceRegisterStruct,
  ServiceStatusStruct,
  ServiceUnregisterStruct,
  StatsStruct,
} from './abi/structs.js';
export { loadNative, type NativeAddon, type NativeNetlinkSocket, type NativeNetlinkSocketOptions } from './native.js';
export { NetlinkProtocol, NlmFlags, MsgKind, GENL_ID_CTRL } from './kernel-side/netlink/constants.js';
export { NlWriter } from './kernel-side/netlink/writer.js';
export { NlHeader, readNlHeader } from './kernel-side/netlink/message.js';
export { AttrTable, definePolicy, forEachNested, type AttrPolicy, type Policy } from './kernel-side/netlink/attributes.js';
export { readNlError, writeNlError, errnoName, type NlError } from './kernel-side/netlink/extack.js';
export { NetlinkSocket, type NetlinkSocketOptions, type DatagramHandler } from './kernel-side/netlink/socket.js';
export { NetlinkConnection, type NlReply, type RequestOptions } from './kernel-side/netlink/connection.js';
export { resolveFamily, readFamily, writeFamily, type FamilyInfo, type FamilyOp, type FamilyGroup } from './kernel-side/netlink/controller.js';
export { FRAME_HEADER_BYTES, readFrame, sealFrame, type FrameHeader } from './kernel-side/messages/chardev-frame.js';
export * from './kernel-side/messages/messages.js';
export * from './kernel-side/messages/encode.js';
export * from './kernel-side/messages/decode.js';
export { attrPolicy, svcPolicy, statsPolicy } from './kernel-side/messages/policy.js';
export {
  KernelTwin,
  TWIN_DEFAULT_FAMILY_ID,
  type KernelTwinOptions,
  type TwinEmbedCall,
  type TwinEmbedResult,
  type TwinStats,
} from './kernel-side/twin/kernel-twin.js';
export type { EmbedCall, EmbedResult } from './abi/embed-call.js';
export { GenlKernelChannel, type GenlChannelOptions, type KernelChannel, type KernelChannelHandlers } from './kernel-side/channels/channel.js';
export { ChardevKernelChannel } from './kernel-side/channels/chardev-channel.js';
export { DEVICE_PATH, VexfsDevice, type DeviceEmbedCall, type DeviceEmbedResult, type DeviceServiceInfo } from './kernel-side/channels/device.js';
export { Balancer, Policy as BalancingPolicy, POLICIES, StickyTable, type BalancerView } from './pipeline/balancer.js';
export { Breakers, BreakerState, BatchFailure, type BreakerOptions } from './pipeline/breakers.js';
export { FairQueue } from './pipeline/fair-queue.js';
export { ServiceQueue, type Queueable } from './pipeline/service-queue.js';
export { Level, LEVELS, LEVEL_NAMES, levelOf } from './abi/priority.js';
export { RetryPolicy, retryable, type RetryOptions } from './pipeline/retry-policy.js';
export { ResponseCache, cacheKey, type CacheOptions, type CacheCounters } from './pipeline/cache.js';
export { AdaptiveLimit, type AdaptiveLimitOptions } from './pipeline/adaptive-limit.js';
export { HealthChecker, type HealthCheckOptions } from './services/registry/health-check.js';
export { TokenBucket, RateLimits, type RateLimitOptions } from './pipeline/rate-limit.js';
export { LatencyHistogram, BOUNDS_NS } from './observe/metrics/histogram.js';
export { RequestMetrics, NO_SERVICE_LABEL, NO_MODEL_LABEL, OTHER_MODEL_LABEL, CACHE_LABEL } from './observe/metrics/request-metrics.js';
export { createMetricsRegistry, type KernelCounters, type MetricsSource } from './observe/metrics/prometheus.js';
export { ObservabilityServer, type HttpServerOptions, type Readiness } from './observe/metrics/http-server.js';
export { AuditLog, type AuditLogOptions, type AuditFields } from './control/audit/audit-log.js';
export { RequestTracing } from './observe/trace/tracing.js';
export { parseTraceparent, traceparentsOf, type PackedTraceContext } from './services/wire/trace-context.js';
