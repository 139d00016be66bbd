import { EventEmitter } from 'node:events';

import type { ServiceLink, ServiceLinkEvents } from '../../src/services/links/service-link.js';
import type { EmbedBatchRequestMsg } from '../../src/services/wire/proto.js';

// A service link that records what it is sent and answers `send` with `outcome`, for stages tested without a service.
export class StandIn extends EventEmitter<ServiceLinkEvents> implements ServiceLink {
  ready = true;
  congested = false;
  sendBuffered = 0;
  counters = { sendBlocked: 0, framesRefused: 0, tokens: 0 };
  outcome: 'sent' | 'down' | 'blocked' = 'sent';
  readonly sent: EmbedBatchRequestMsg[] = [];
  constructor(readonly serviceId: string) {
    super();
  }
  send = (batch: EmbedBatchRequestMsg) => {
    if (this.outcome === 'sent') this.sent.push(batch);
    return this.outcome;
  };
  healthCheck = () => true;
  ackStopping = () => {};
  setLimits = () => {};
  close = () => {};
}
