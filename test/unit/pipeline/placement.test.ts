// The placement stage on its own: a service queue, the overflow queue behind it, displacement of
// lower priorities, shedding when everything is full, the backpressure floor, and moving queued work.
import { afterEach, describe, expect, it } from 'vitest';

import { LEVEL_FLOOR } from '../../../src/abi/priority.js';
import { ServiceState } from '../../../src/abi/uapi.js';
import { Placement } from '../../../src/pipeline/placement.js';
import { type PipelineRequest, RequestState, transition } from '../../../src/pipeline/request.js';
import { pipelineRequest, serviceEntry } from '../../helpers/pipeline-request.js';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

function setUp() {
  const service = serviceEntry('svc', 1);
  closers.push(service.close);
  const routed: number[] = [];
  const shed: number[] = [];
  const dispatched: PipelineRequest[][] = [];
  const floors: number[] = [];
  const placement = new Placement(
    { perPriority: 10, perService: 2, global: 2, serviceConcurrency: 1, batchesInFlight: 1 },
    {
      route: (e) => routed.push(Number(e.req.requestId)),
      shed: (e) => {
        transition(e, RequestState.DONE);
        shed.push(Number(e.req.requestId));
      },
      dispatch: (_service, items) => dispatched.push(items),
      floor: (f) => floors.push(f),
    },
  );
  return { placement, routed, shed, dispatched, floors, service };
}

const ids = (xs: PipelineRequest[]) => xs.map((e) => Number(e.req.requestId));
const tick = () => new Promise((r) => setImmediate(r));

describe('placement', () => {
  it('queues at the service, overflows when its queue is full, and lets higher priorities displace lower ones', async () => {
    const { placement, shed, dispatched, floors, service } = setUp();
    const r = [0, 0, 0, 0, 0, 0].map((level, i) => pipelineRequest(i + 1, level as 0));
    placement.place(service, r[0]!);
    await tick();
    // The one slot is taken by request 1 (not released): the rest wait.
    expect(dispatched.map(ids)).toEqual([[1]]);
    expect(r[0]!.slots).toBeDefined();
    placement.place(service, r[1]!);
    placement.place(service, r[2]!);
    placement.place(service, r[3]!);
    expect(r.slice(1, 4).map((e) => e.state)).toEqual([RequestState.QUEUED, RequestState.QUEUED, RequestState.OVERFLOW]);
    const urgent = pipelineRequest(10, 3);
    placement.place(service, urgent);
    // A Low one made way into the overflow queue, which is now full: the floor rises.
    expect(urgent.state).toBe(RequestState.QUEUED);
    expect(placement.overflow.size).toBe(2);
    expect(floors).toEqual([LEVEL_FLOOR[1]]);
    // Everything full and nothing lower to shed: the newcomer itself is shed.
    placement.place(service, r[4]!);
    expect(shed).toEqual([5]);
    expect(placement.queuedByLevel).toEqual([3, 0, 0, 1]);
    expect(placement.reportedState(service)).toBe(ServiceState.OVERLOADED);
  });

  it('sends queued requests of a service that can no longer take them back to routing, and pulls overflow when room frees', async () => {
    const { placement, routed, dispatched, service } = setUp();
    const [a, b, c, d] = [1, 2, 3, 4].map((i) => pipelineRequest(i));
    placement.place(service, a!);
    await tick();
    for (const e of [b, c, d]) placement.place(service, e!);
    expect(d!.state).toBe(RequestState.OVERFLOW);
    placement.moveQueued(service, (e) => e === c);
    expect(routed).toEqual([3]);
    expect(c!.state).toBe(RequestState.ROUTING);
    // Request 1 is answered: its slot frees, request 2 leaves, and overflow is offered a place again.
    transition(a!, RequestState.DONE);
    a!.slots?.free(a!);
    await tick();
    expect(dispatched.map(ids)).toEqual([[1], [2]]);
    expect(routed).toEqual([3, 4]);
    expect(d!.state).toBe(RequestState.ROUTING);
    expect(placement.overflow.size).toBe(0);
  });

  it('with its default bounds sheds nothing and raises no floor for a burst a fast service drains in a moment', async () => {
    // 5000 requests at once: a 50 ms scheduling hiccup at 100k req/s, for a service taking 512 per batch.
    const service = serviceEntry('fast', 512);
    closers.push(service.close);
    const shed: number[] = [];
    const floors: number[] = [];
    const placement = new Placement({}, { route: () => {}, shed: (e) => shed.push(Number(e.req.requestId)), dispatch: () => {}, floor: (f) => floors.push(f) });
    for (let i = 0; i < 5000; i++) placement.place(service, pipelineRequest(i, 1));
    await tick();
    expect(shed).toEqual([]);
    expect(floors).toEqual([]);
  });
});
