/**
 * How the request pipeline follows its services (the router's half of the
 * registry's events): a breaker that opens moves the service's queue on, a
 * service that reconnects or recovers reopens parked and queued requests,
 * a lost connection fails what it held, and an unregistered one is
 * forgotten by every stage.
 */
import { ServiceState } from '../abi/uapi.js';
import { BreakerState, type Breakers } from '../pipeline/breakers.js';
import type { Dispatch } from '../pipeline/dispatch.js';
import type { Parking } from '../pipeline/parking.js';
import type { Placement } from '../pipeline/placement.js';
import type { PipelineRequest } from '../pipeline/request.js';
import { type Selection, canServe } from '../pipeline/selection.js';
import type { ResponseSharing } from '../pipeline/sharing.js';
import { type ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';

/** The stages that follow the services. */
export interface FollowingStages {
  readonly breakers: Breakers;
  readonly placement: Placement;
  readonly dispatch: Dispatch;
  readonly selection: Selection;
  readonly sharing: ResponseSharing<PipelineRequest>;
  readonly parking: Parking<PipelineRequest>;
  /** A breaker changed (`shared`: another pipeline's change this one followed). */
  breakerChanged(serviceId: string, state: BreakerState, shared: boolean): void;
}

export function followServices(registry: ServiceRegistry, p: FollowingStages): void {
  const reopen = () => {
    p.parking.release(true);
    p.placement.pullSoon();
  };
  // The service's connection is gone: what it was sent is retried or failed; what it queued goes elsewhere.
  const failService = (service: ServiceEntry) => {
    p.dispatch.failService(service);
    p.placement.moveQueued(service);
  };
  p.breakers.on('state', (id, state, shared) => {
    p.breakerChanged(id, state, shared);
    const entry = registry.get(id);
    if (entry === undefined) return;
    if (state === BreakerState.OPEN) p.placement.moveQueued(entry);
    else reopen();
  });
  registry.on('response', (entry, msg) => p.dispatch.onResponse(entry, msg));
  registry.on('registered', () => p.selection.changed());
  // A service that is not reading keeps its queue (bounded like any other) but gets no batches until it catches up.
  registry.on('congestion', (entry, on) => p.placement.setServiceCongested(entry, on));
  registry.on('updated', (entry, previous) => {
    p.selection.changed();
    // Vectors from another version may differ.
    if (previous.version !== entry.info.version) p.sharing.dropService(entry.info.id);
    p.placement.moveQueued(entry, (e) => !canServe(entry, e.req));
  });
  registry.on('state', (entry) => {
    p.selection.changed();
    // Draining: its batches in flight still complete; only queued requests move.
    if (entry.state === ServiceState.STOPPING) p.placement.moveQueued(entry);
    else if (entry.state !== ServiceState.READY) failService(entry);
    else if (!ServiceRegistry.available(entry)) p.placement.moveQueued(entry);
    else reopen();
  });
  registry.on('unregistered', (entry) => {
    p.selection.changed();
    p.sharing.dropService(entry.info.id);
    failService(entry);
    p.placement.remove(entry);
    p.dispatch.remove(entry);
    p.breakers.remove(entry.info.id);
  });
}
