// The selection stage on its own, over a registry of services whose links are stand-ins.
import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { Breakers } from '../../../src/pipeline/breakers.js';
import { type ServiceEntry, ServiceRegistry } from '../../../src/services/registry/registry.js';
import { Selection } from '../../../src/pipeline/selection.js';
import type { EmbedRequest } from '../../../src/kernel-side/messages/messages.js';
import { serviceInfo } from '../../helpers/service-info.js';
import { StandIn } from '../../helpers/stand-in-link.js';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

function setUp(sticky?: { by: 'key'; ttlMs: number }) {
  const links = new Map<string, StandIn>();
  const registry = new ServiceRegistry({ links: { unix: (id) => links.set(id, new StandIn(id)).get(id) as StandIn } });
  const breakers = new Breakers();
  closers.push(
    () => registry.close(),
    () => breakers.close(),
  );
  const view = {
    id: (s: ServiceEntry) => s.info.id,
    weight: () => 1,
    priority: () => 0,
    load: () => 0,
    capacity: () => 1,
    latencyNs: () => 0,
    health: () => 100,
    cpu: () => 0,
  };
  const selection = new Selection(registry, breakers, view, { balancer: 'round-robin', sticky });
  const add = (id: string, dims: number[], models: string[] = []) => {
    registry.register(serviceInfo(id, { dimensions: dims, models }), 'o');
    links.get(id)?.emit('ready');
    selection.changed();
  };
  return { registry, selection, add };
}

const req = (dimensions: number, model?: string, sessionKey = 0n) =>
  ({ dimensions, dataType: 0, model, sessionKey, callerUid: 0, callerPid: 0 }) as unknown as EmbedRequest;
const idOf = (x: ServiceEntry | number) => (typeof x === 'number' ? x : x.info.id);

describe('selection', () => {
  it('says NO_SERVICE for a shape nobody serves and MODEL_NOT_FOUND for a model nobody serves', () => {
    const { selection, add } = setUp();
    add('a', [8], ['m1']);
    expect(idOf(selection.pick(req(16), undefined))).toBe(Status.NO_SERVICE);
    expect(idOf(selection.pick(req(8, 'm2'), undefined))).toBe(Status.MODEL_NOT_FOUND);
    expect(idOf(selection.pick(req(8, 'm1'), undefined))).toBe('a');
    expect(idOf(selection.pick(req(8), undefined))).toBe('a');
  });

  it('sends a retry to a service that has not failed it, and skips services that cannot take work', () => {
    const { registry, selection, add } = setUp();
    add('a', [8]);
    add('b', [8]);
    for (let i = 0; i < 4; i++) expect(idOf(selection.pick(req(8), ['a']))).toBe('b');
    (registry.get('b') as ServiceEntry).unhealthy = true;
    // Only the one that failed it is left: a retry may still go there.
    expect(idOf(selection.pick(req(8), ['a']))).toBe('a');
    expect((registry.get('a') as ServiceEntry).state).toBe(ServiceState.READY);
  });

  it('keeps a session on the service it first went to', () => {
    const { selection, add } = setUp({ by: 'key', ttlMs: 60_000 });
    add('a', [8]);
    add('b', [8]);
    const first = idOf(selection.pick(req(8, undefined, 7n), undefined));
    for (let i = 0; i < 5; i++) expect(idOf(selection.pick(req(8, undefined, 7n), undefined))).toBe(first);
  });
});
