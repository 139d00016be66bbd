// The registry reaches services through the ServiceLink interface, made per endpoint scheme:
// a link of another kind plugs in with no change to the registry or the router.
import { EventEmitter } from 'node:events';

import { describe, expect, it } from 'vitest';

import { ServiceState } from '../../../../src/abi/uapi.js';
import type { ServiceFrameLimits, ServiceLink, ServiceLinkEvents } from '../../../../src/services/links/service-link.js';
import { ServiceRegistry } from '../../../../src/services/registry/registry.js';
import { serviceInfo } from '../../../helpers/service-info.js';

class FakeLink extends EventEmitter<ServiceLinkEvents> implements ServiceLink {
  ready = false;
  congested = false;
  sendBuffered = 0;
  counters = { sendBlocked: 0, framesRefused: 0, tokens: 0 };
  closed = false;
  limits: ServiceFrameLimits[] = [];
  constructor(
    readonly serviceId: string,
    readonly endpoint: string,
    limits: ServiceFrameLimits,
  ) {
    super();
    this.limits.push(limits);
  }
  send = () => 'sent' as const;
  healthCheck = () => true;
  ackStopping = () => {};
  setLimits(l: ServiceFrameLimits): void {
    this.limits.push(l);
  }
  close(): void {
    this.closed = true;
  }
}

const info = serviceInfo('fake', { name: 'f', version: '1', dimensions: [8, 16], maxBatchSize: 4, endpoint: 'unix:/tmp/fake.sock' });

describe('registry service links', () => {
  it('makes a link per registration with the factory of its scheme, follows its events, updates and closes it', () => {
    const links: FakeLink[] = [];
    const registry = new ServiceRegistry({
      links: { unix: (id, endpoint, limits) => (links.push(new FakeLink(id, endpoint, limits)), links.at(-1) as FakeLink) },
    });
    const entry = registry.register(info, 'owner');
    expect(links.map((l) => [l.serviceId, l.endpoint, l.limits])).toEqual([['fake', 'unix:/tmp/fake.sock', [{ maxBatchSize: 4, maxDimensions: 16 }]]]);
    expect(entry.state).toBe(ServiceState.STARTING);
    (links[0] as FakeLink).emit('ready');
    expect(entry.state).toBe(ServiceState.READY);
    registry.register({ ...info, maxBatchSize: 8 }, 'owner');
    expect((links[0] as FakeLink).limits.at(-1)).toEqual({ maxBatchSize: 8, maxDimensions: 16 });
    registry.unregister('fake', 'owner');
    expect((links[0] as FakeLink).closed).toBe(true);
    registry.close();
  });
});
