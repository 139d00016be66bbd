/** The router's options: one field per pipeline stage it composes. */
import type { Tracer } from '@opentelemetry/api';

import type { AdaptiveLimitOptions } from '../pipeline/adaptive-limit.js';
import type { Policy } from '../pipeline/balancer.js';
import type { BreakerOptions, BreakerState } from '../pipeline/breakers.js';
import type { CacheOptions } from '../pipeline/cache.js';
import type { ModelGroups } from '../pipeline/model-groups.js';
import type { OutlierOptions } from '../pipeline/dispatch.js';
import type { PipelineCounters } from '../pipeline/outcomes.js';
import type { PlacementOptions } from '../pipeline/placement.js';
import type { RateLimitOptions } from '../pipeline/rate-limit.js';
import type { RetryOptions } from '../pipeline/retry-policy.js';
import type { SharedBuckets } from '../pipeline/shared-buckets.js';
import type { SharedLoad } from '../pipeline/shared-load.js';
import type { DaemonConfig } from './settings.js';

/** Queue bounds and batching (placement's options). */
export type QueueOptions = Omit<PlacementOptions, 'batchMaxDelayUs'>;

export interface RouterOptions {
  /** Requests held at once before new ones are answered OVERLOADED. */
  maxInflight?: number;
  /** How long a request may wait for a matching service that is still connecting (0: not at all). */
  startingHoldMs?: number;
  /** For this long after the router starts, a request no registered service can serve waits (within its deadline) for services to register. */
  restartHoldMs?: number;
  /** Token-bucket limits (all off unless given); a limited request gets RATE_LIMITED. */
  rateLimits?: RateLimitOptions;
  adaptiveLimit?: AdaptiveLimitOptions;
  balancer?: Policy;
  /** Policy per model name, overriding `balancer`. */
  balancerByModel?: Record<string, Policy>;
  /** Model names served by a set of services in order or by weight. */
  modelGroups?: ModelGroups;
  /** Sticky sessions: how a request's session key is found, and how long a key sticks. */
  sticky?: { by: 'key' | 'pid' | 'uid'; ttlMs: number };
  queues?: QueueOptions;
  breaker?: BreakerOptions;
  /** When an unanswered batch makes its service an outlier. */
  outlier?: OutlierOptions;
  retry?: RetryOptions;
  /** What this pipeline shares with the daemon's other pipelines (its own when absent). */
  shared?: SharedState;
  cache?: CacheOptions;
  /** Identical requests in flight share one service call. */
  coalesce?: boolean;
  /** 'uid' (default): cached and coalesced answers are shared only within a caller uid; 'shared': across callers. */
  cacheScope?: 'uid' | 'shared';
  /** Hold a partial batch this long for more requests (0: send at the end of the tick). */
  batchMaxDelayUs?: number;
  /** Spans through the OpenTelemetry API; none when absent. */
  tracer?: Tracer;
  random?: () => number;
}

/** What a daemon's pipelines judge together, in shared memory. */
export interface SharedState {
  /** This pipeline's row of the load (the retry budget counts every pipeline's). */
  load: SharedLoad;
  /** The rate-limit buckets (a rate is the daemon's). */
  buckets: SharedBuckets;
}

/** The router's totals: the pipeline's. */
export type RouterCounters = PipelineCounters;

export interface RouterEvents {
  /** The priority below which the kernel should fail requests early changed. */
  backpressure: [minPriority: number];
  /** `shared`: the state came from another pipeline's breaker (see Breakers.share). */
  breaker: [serviceId: string, state: BreakerState, shared: boolean];
}

/** The token-bucket limits a configuration sets (all 0: off). */
export function rateLimitsOf(c: DaemonConfig): RateLimitOptions {
  return { global: c.rateLimitGlobal, perUid: c.rateLimitPerUid, perService: c.rateLimitPerService };
}

/** The router's options from the daemon's configuration: the one place settings meet the pipeline. */
export function routerOptionsOf(config: DaemonConfig, tracer: Tracer | undefined): RouterOptions {
  return {
    maxInflight: config.maxInflight,
    startingHoldMs: config.startingHoldMs,
    restartHoldMs: config.restartHoldMs,
    rateLimits: rateLimitsOf(config),
    adaptiveLimit: { targetMs: config.adaptiveLatencyMs },
    balancer: config.balancer,
    balancerByModel: config.balancerByModel,
    modelGroups: config.modelGroups,
    sticky: config.stickyBy === 'off' ? undefined : { by: config.stickyBy, ttlMs: config.stickyTtlMs },
    queues: {
      perPriority: config.queuePerPriority,
      perService: config.queuePerService,
      global: config.queueGlobal,
      serviceConcurrency: config.serviceConcurrency,
    },
    breaker: {
      errorThresholdPercentage: config.breakerErrorPercent,
      volumeThreshold: config.breakerVolume,
      rollingCountTimeoutMs: config.breakerWindowMs,
      resetTimeoutMs: config.breakerResetMs,
    },
    outlier: { factor: config.outlierFactor, minMs: config.outlierMinMs },
    retry: { maxRetries: config.retryMax, baseMs: config.retryBaseMs, maxMs: config.retryMaxMs },
    cache: { maxEntries: config.cacheMaxEntries, maxBytes: config.cacheMaxBytes, ttlMs: config.cacheTtlMs },
    coalesce: config.coalesce,
    cacheScope: config.cacheScope,
    batchMaxDelayUs: config.batchMaxDelayUs,
    tracer,
  };
}
