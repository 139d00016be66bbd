// Observers of the pipeline's answers: each sees every answer, the counters keep the totals.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { Outcomes, countOutcomes, zeroCounters } from '../../../src/pipeline/outcomes.js';
import type { EmbedRequest } from '../../../src/kernel-side/messages/messages.js';

const req = { requestId: 1n, model: 'm', priority: 200 } as EmbedRequest;

describe('outcomes', () => {
  it('hands every answer to every observer until it unsubscribes', () => {
    const o = new Outcomes();
    const seen: Array<[number, string | undefined, number]> = [];
    const stop = o.subscribe({ onOutcome: (x) => seen.push([x.status, x.serviceId, x.tookNs]) });
    o.publish(req, Status.SUCCESS, 1500, 'svc', undefined, undefined);
    o.publish(req, Status.TIMEOUT, 9000, undefined, undefined, undefined);
    stop();
    o.publish(req, Status.SUCCESS, 1, 'svc', undefined, undefined);
    expect(seen).toEqual([
      [Status.SUCCESS, 'svc', 1500],
      [Status.TIMEOUT, undefined, 9000],
    ]);
  });

  it('counts answers by status, successes and failures, and the latency of successes', () => {
    const c = zeroCounters(3);
    const o = new Outcomes();
    o.subscribe(countOutcomes(c));
    o.publish(req, Status.SUCCESS, 1000, 'svc', undefined, undefined);
    o.publish(req, Status.SUCCESS, 2000, 'svc', undefined, undefined);
    o.publish(req, Status.TIMEOUT, 50_000, undefined, undefined, undefined);
    expect(c).toMatchObject({ succeeded: 2, failed: 1, byStatus: [2, 0, 1], avgLatencyNs: 1100 });
  });
});
