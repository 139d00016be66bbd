// The pipeline's first stage on its own, with a fake clock: deadline, room, then rate, in that order.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { Admission } from '../../../src/pipeline/admission.js';

const req = (timeoutMs: number, deadlineNs: bigint, callerUid = 1000) => ({ timeoutMs, deadlineNs, callerUid });

describe('admission', () => {
  it('gives the sooner of timeout and deadline as the time left', () => {
    const a = new Admission();
    expect(a.remainingMs(req(5000, 2_000_000_000n), 1_000_000_000n)).toBe(1000);
    expect(a.remainingMs(req(200, 2_000_000_000n), 1_000_000_000n)).toBe(200);
  });

  it('refuses a past deadline before a full table, and a full table before the rate limit', () => {
    const frozen = () => 0;
    const a = new Admission({ maxInflight: 2, rateLimits: { perUid: 1, clock: frozen } });
    expect(a.refusal(req(1, 0n), 0, 5)).toBe(Status.TIMEOUT);
    expect(a.refusal(req(1, 0n), 10, 2)).toBe(Status.OVERLOADED);
    expect(a.refusal(req(1, 0n), 10, 1)).toBeUndefined();
    // One request per second per uid: the second now is limited, another uid is not.
    expect(a.refusal(req(1, 0n), 10, 1)).toBe(Status.RATE_LIMITED);
    expect(a.refusal(req(1, 0n, 2000), 10, 1)).toBeUndefined();
  });

  it('takes new rate limits on reload and keeps per-service buckets', () => {
    const a = new Admission({ rateLimits: { perService: 1, clock: () => 0 } });
    expect(a.admitService('s')).toBe(true);
    expect(a.admitService('s')).toBe(false);
    a.setRateLimits({});
    expect(a.admitService('s')).toBe(true);
    expect(a.admitService('s')).toBe(true);
  });
});
