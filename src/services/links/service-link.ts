/**
 * How the registry reaches a service: one interface for every kind of link
 * (the SDK's Unix socket today; an HTTP embedding server or a remote worker
 * are other implementations), chosen by the scheme of the endpoint a service
 * registers. The manager sends batches and health checks, acknowledges a
 * drain and closes; the link reports readiness, answers and its own health
 * as events.
 */
import type { EventEmitter } from 'node:events';

import type { EmbedBatchRequestMsg, EmbedBatchResponseMsg } from '../wire/proto.js';

/** What a service may send, from its registration: a full batch of its largest vector. */
export interface ServiceFrameLimits {
  maxBatchSize: number;
  maxDimensions: number;
}

export interface ServiceLinkCounters {
  /** Batches refused because the service had not read what it was sent. */
  sendBlocked: number;
  /** Frames refused before decoding: too large for the service's registration, or too many results. */
  framesRefused: number;
  /** Tokens the service reported using (an HTTP backend's usage.prompt_tokens; 0 where none are reported). */
  tokens: number;
}

export interface ServiceLinkEvents {
  /** Connected and the service said Hello with the expected id. */
  ready: [];
  /** The connection dropped (a reconnect is scheduled unless closed). */
  down: [reason: string];
  response: [msg: EmbedBatchResponseMsg];
  /** With the service process's CPU use (per mille of one CPU) and resident memory (KiB), 0 when not reported. */
  heartbeat: [activeRequests: number, cpuPermille: number, rssKib: number];
  healthResult: [id: number, healthy: boolean, message: string];
  /** The service is draining before it unregisters: send it nothing new, then ackStopping(). */
  stopping: [drainMs: number];
  /** A malformed frame or a protocol violation; the connection is reset. */
  invalid: [err: Error];
  /** The service stopped reading past the send bound (true), or caught up (false). */
  congestion: [congested: boolean];
}

export interface ServiceLink extends EventEmitter<ServiceLinkEvents> {
  readonly serviceId: string;
  /** Connected and past its handshake: batches may be sent. */
  readonly ready: boolean;
  /** Not taking what it is sent: no new batches until 'congestion' false. */
  readonly congested: boolean;
  /** Bytes sent and not yet taken by the service. */
  readonly sendBuffered: number;
  readonly counters: ServiceLinkCounters;
  /** 'down' when not connected, 'blocked' while congested. */
  send(batch: EmbedBatchRequestMsg): 'sent' | 'down' | 'blocked';
  /** False when not connected. */
  healthCheck(id: number): boolean;
  /** Answers the service's Stopping: every batch it will get has been sent. */
  ackStopping(drainMs: number): void;
  /** A re-registration changed what the service may send. */
  setLimits(limits: ServiceFrameLimits): void;
  close(): void;
}

/** Makes the link for a service registered with `endpoint` (of the scheme the factory is given for). */
export type ServiceLinkFactory = (serviceId: string, endpoint: string, limits: ServiceFrameLimits) => ServiceLink;
