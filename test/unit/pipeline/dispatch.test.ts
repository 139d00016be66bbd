// The dispatch stage on its own: a batch through the service's link, answers checked against the
// batch they claim to answer, late and unknown answers told apart, and requests that never reached
// the service routed again rather than failed.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { Breakers } from '../../../src/pipeline/breakers.js';
import { Dispatch } from '../../../src/pipeline/dispatch.js';
import { Outcomes } from '../../../src/pipeline/outcomes.js';
import { type PipelineRequest, RequestState, transition } from '../../../src/pipeline/request.js';
import { RequestTracing } from '../../../src/observe/trace/tracing.js';
import type { EmbedBatchResponseMsg } from '../../../src/services/wire/proto.js';
import { pipelineRequest, serviceEntry } from '../../helpers/pipeline-request.js';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
  vi.useRealTimers();
});

function setUp(usable = true) {
  const breakers = new Breakers();
  closers.push(() => breakers.close());
  const overdue: Array<[string, number]> = [];
  const outcomes = new Outcomes();
  const seen = {
    invalid: [] as string[],
    late: 0,
    failed: [] as Array<[number, number]>,
    rerouted: [] as number[],
    succeeded: [] as Array<[number, number[]]>,
  };
  outcomes.subscribe({
    onInvalidResponse: (_id, reason) => seen.invalid.push(reason),
    onLate: (n) => (seen.late += n),
    onOverdue: (id, _age, limit) => overdue.push([id, limit]),
  });
  const id = (e: PipelineRequest) => Number(e.req.requestId);
  const dispatch = new Dispatch(
    breakers,
    outcomes,
    new RequestTracing(undefined),
    () => usable,
    {
      failed: (e, _s, status) => seen.failed.push([id(e), status]),
      reroute: (e) => seen.rerouted.push(id(e)),
      succeeded: (e, _s, vector) => seen.succeeded.push([id(e), [...new Float32Array(vector.buffer, vector.byteOffset, vector.length / 4)]]),
    },
    { factor: 10, minMs: 500 },
  );
  closers.push(() => dispatch.close());
  const service = serviceEntry('svc');
  closers.push(service.close);
  // As the service's queue hands them over: QUEUED at the service, each holding a slot.
  const handed = (...ids: number[]) =>
    ids.map((i) => {
      const e = pipelineRequest(i);
      transition(e, RequestState.QUEUED);
      e.service = service;
      e.slots = { free: (item) => void (item.slots = undefined) };
      return e;
    });
  return { dispatch, service, seen, handed, breakers, overdue };
}

const vec = (...xs: number[]) => new Uint8Array(new Float32Array(xs).buffer);
const answer = (batchId: number, ...vectors: Array<Uint8Array | undefined>): EmbedBatchResponseMsg =>
  ({ batchId, results: vectors.map((vector) => ({ vector })) }) as unknown as EmbedBatchResponseMsg;

describe('dispatch', () => {
  it('sends one batch and hands each request its own vector', () => {
    const { dispatch, service, seen, handed } = setUp();
    const batch = handed(1, 2);
    dispatch.send(service, batch);
    expect(service.link.sent).toHaveLength(1);
    expect(service.link.sent[0]).toMatchObject({ batchId: 1, dimensions: 2, inputs: [Buffer.from('text 1'), Buffer.from('text 2')] });
    expect(batch.map((e) => e.state)).toEqual([RequestState.IN_BATCH, RequestState.IN_BATCH]);
    expect(service.active).toBe(2);
    dispatch.onResponse(service, answer(1, vec(1, 2), vec(3, 4)));
    expect(seen.succeeded).toEqual([
      [1, [1, 2]],
      [2, [3, 4]],
    ]);
    expect(service.active).toBe(0);
  });

  it('fails every request of an answer with the wrong count, and only the item whose vector has the wrong size', () => {
    const { dispatch, service, seen, handed } = setUp();
    dispatch.send(service, handed(1, 2));
    dispatch.onResponse(service, answer(1, vec(1, 2)));
    expect(seen.invalid).toEqual(['1 results for a batch of 2']);
    expect(seen.failed).toEqual([
      [1, Status.SERVICE_ERROR],
      [2, Status.SERVICE_ERROR],
    ]);
    dispatch.send(service, handed(3, 4));
    dispatch.onResponse(service, answer(2, vec(1, 2, 3), vec(5, 6)));
    expect(seen.invalid[1]).toBe('vector of 12 bytes, expected 8');
    expect(seen.failed[2]).toEqual([3, Status.SERVICE_ERROR]);
    expect(seen.succeeded).toEqual([[4, [5, 6]]]);
    // Both failing answers count in its error rate.
    expect(dispatch.health(service)).toBeLessThan(100);
  });

  it('counts an answer to a batch whose requests all ended as late, and one to a batch never sent as invalid, failing over what the service holds', () => {
    const { dispatch, service, seen, handed } = setUp();
    const batch = handed(1, 2);
    dispatch.send(service, batch);
    for (const e of batch) dispatch.detach(e);
    expect(service.active).toBe(0);
    dispatch.onResponse(service, answer(1, vec(1, 2), vec(3, 4)));
    expect(seen.late).toBe(2);
    dispatch.onResponse(service, answer(7, vec(1, 2)));
    expect(seen.invalid).toEqual(['response to unknown batch 7']);
    expect(seen.succeeded).toEqual([]);
    // What it holds when it answers a batch it never got fails over at once.
    dispatch.send(service, handed(3));
    dispatch.onResponse(service, answer(9, vec(1, 2)));
    expect(seen.failed).toEqual([[3, Status.SERVICE_ERROR]]);
    expect(service.active).toBe(0);
  });

  it('routes again what never reached the service, and fails this try of what a lost service had', () => {
    const { dispatch, service, seen, handed } = setUp();
    service.link.outcome = 'blocked';
    dispatch.send(service, handed(1));
    service.link.outcome = 'down';
    dispatch.send(service, handed(2));
    service.link.outcome = 'sent';
    dispatch.send(service, handed(3, 4));
    dispatch.failService(service);
    expect(seen.rerouted).toEqual([1]);
    expect(seen.failed).toEqual([
      [2, Status.SERVICE_ERROR],
      [3, Status.SERVICE_ERROR],
      [4, Status.SERVICE_ERROR],
    ]);
    const unusable = setUp(false);
    unusable.dispatch.send(unusable.service, unusable.handed(5));
    expect(unusable.seen.rerouted).toEqual([5]);
    expect(unusable.service.link.sent).toHaveLength(0);
  });

  it('fails over a batch far past the usual round trip of its service and opens its breaker', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'performance'] });
    const { dispatch, service, seen, handed, breakers, overdue } = setUp();
    dispatch.send(service, handed(1));
    vi.advanceTimersByTime(100);
    dispatch.onResponse(service, answer(1, vec(1, 2)));
    // Its round trip was 100 ms: the limit is 10 times that, 1000 ms.
    dispatch.send(service, handed(2));
    vi.advanceTimersByTime(900);
    expect(seen.failed).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(seen.failed).toEqual([[2, Status.SERVICE_ERROR]]);
    expect(overdue).toEqual([['svc', 1000]]);
    expect(breakers.state('svc')).toBe('open');
    // Its answer, when it comes, is late.
    dispatch.onResponse(service, answer(2, vec(1, 2)));
    expect(seen.late).toBe(1);
  });
});
