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
export { NetlinkProtocol, NlmFlags, MsgKind, GENL_ID_CTRL } from './netlink/constants.js';
export { NlWriter } from './netlink/writer.js';
export { NlHeader, readNlHeader } from './netlink/message.js';
export { AttrTable, definePolicy, forEachNested, type AttrPolicy, type Policy } from './netlink/attributes.js';
export { readNlError, writeNlError, errnoName, type NlError } from './netlink/extack.js';
export { NetlinkSocket, type NetlinkSocketOptions, type DatagramHandler } from './netlink/socket.js';
export { NetlinkConnection, type NlReply, type RequestOptions } from './netlink/connection.js';
export { resolveFamily, readFamily, writeFamily, type FamilyInfo, type FamilyOp, type FamilyGroup } from './netlink/controller.js';
export { FRAME_HEADER_BYTES, readFrame, sealFrame, type FrameHeader } from './frame/header.js';
export * from './protocol/messages.js';
export * from './protocol/encode.js';
export * from './protocol/decode.js';
export { attrPolicy, svcPolicy, statsPolicy } from './protocol/policy.js';
export { KernelTwin, TWIN_DEFAULT_FAMILY_ID, type KernelTwinOptions, type TwinEmbedCall, type TwinEmbedResult, type TwinStats } from './twin/kernel-twin.js';
export type { EmbedCall, EmbedResult } from './abi/embed-call.js';
export { GenlKernelChannel, type GenlChannelOptions, type KernelChannel, type KernelChannelHandlers } from './kernel/channel.js';
export { ChardevKernelChannel } from './kernel/chardev-channel.js';
export { DEVICE_PATH, VexfsDevice, type DeviceEmbedCall, type DeviceEmbedResult, type DeviceServiceInfo } from './kernel/device.js';
export { Balancer, Policy as BalancingPolicy, POLICIES, StickyTable, type BalancerView } from './manager/balancer.js';
export { Breakers, BreakerState, BatchFailure, type BreakerOptions } from './manager/breakers.js';
export { FairQueue } from './manager/fair-queue.js';
export { ServiceQueue, type Queueable } from './manager/service-queue.js';
export { Level, LEVELS, LEVEL_NAMES, levelOf } from './abi/priority.js';
export { RetryPolicy, retryable, type RetryOptions } from './manager/retry.js';
export { ResponseCache, cacheKey, type CacheOptions, type CacheCounters } from './manager/cache.js';
export { AdaptiveLimit, type AdaptiveLimitOptions } from './manager/adaptive-limit.js';
export { HealthChecker, type HealthCheckOptions } from './manager/health-check.js';
export { TokenBucket, RateLimits, type RateLimitOptions } from './manager/rate-limit.js';
export { LatencyHistogram, BOUNDS_NS } from './metrics/histogram.js';
export { RequestMetrics, NO_SERVICE_LABEL, NO_MODEL_LABEL, OTHER_MODEL_LABEL, CACHE_LABEL } from './metrics/request-metrics.js';
export { createMetricsRegistry, type KernelCounters, type MetricsSource } from './metrics/prometheus.js';
export { ObservabilityServer, type HttpServerOptions, type Readiness } from './metrics/http-server.js';
export { AuditLog, type AuditLogOptions, type AuditFields } from './audit/audit-log.js';
export { RequestTracing } from './trace/tracing.js';
export { parseTraceparent, traceparentsOf, type PackedTraceContext } from './wire/trace-context.js';
