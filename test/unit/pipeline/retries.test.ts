// The retry stage on its own (fake timers): what gets another try, when, and what is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { RequestState } from '../../../src/pipeline/request.js';
import { type Retriable, Retries } from '../../../src/pipeline/retries.js';

afterEach(() => {
  vi.useRealTimers();
});

const load = (inflight: number, spare = 0) => ({ inflight, spare: () => spare });

// The pipeline moves a scheduled request to RETRY_WAIT; only one still there is tried again.
const request = (expiresAt: number): Retriable & { name: string } => ({ name: 'r', state: RequestState.RETRY_WAIT, attempts: 0, tried: undefined, expiresAt });

describe('retries', () => {
  it('schedules a retryable failure after the backoff and remembers who failed it', () => {
    vi.useFakeTimers();
    const again: string[] = [];
    const r = new Retries<ReturnType<typeof request>>(
      { maxRetries: 2, baseMs: 10, maxMs: 10 },
      (e) => again.push(e.name),
      () => 0.999,
    );
    const e = request(1000);
    expect(r.afterFailure(e, 'svc-a', Status.SERVICE_ERROR, load(1), false, false, 0)).toBe('scheduled');
    expect(e).toMatchObject({ attempts: 1, tried: ['svc-a'] });
    expect(r.policy.active).toBe(1);
    vi.advanceTimersByTime(20);
    expect(again).toEqual(['r']);
    r.ended(e);
    expect(r.policy.active).toBe(0);
    r.close();
  });

  it('answers a status that is not worth retrying, and refuses when out of tries, time or budget', () => {
    const r = new Retries<ReturnType<typeof request>>(
      { maxRetries: 1, baseMs: 10, maxMs: 10 },
      () => {},
      () => 0.999,
    );
    expect(r.afterFailure(request(1000), 'a', Status.INVALID_REQUEST, load(1), false, false, 0)).toBe('final');
    const spent = { ...request(1000), attempts: 1 };
    expect(r.afterFailure(spent, 'a', Status.SERVICE_ERROR, load(1), false, false, 0)).toBe('final');
    expect(r.afterFailure(request(5), 'a', Status.SERVICE_ERROR, load(1), false, false, 0)).toBe('denied');
    expect(r.afterFailure(request(1000), 'a', Status.SERVICE_ERROR, load(1), true, false, 0)).toBe('denied');
    r.close();
  });

  it('moves on requests a departed service took with it however spent the budget is, within their tries and deadline', () => {
    const r = new Retries<ReturnType<typeof request>>(
      { maxRetries: 1, baseMs: 10, maxMs: 10 },
      () => {},
      () => 0.999,
    );
    // Twenty in flight, no spare capacity elsewhere: the budget (at least 3) is used up by the first three.
    const verdicts = Array.from({ length: 20 }, () => r.afterFailure(request(1000), 'gone', Status.SERVICE_ERROR, load(20), false, false, 0));
    expect(verdicts.filter((v) => v === 'scheduled')).toHaveLength(4);
    // Orphaned by a service that went away: each one is moved on.
    const orphans = Array.from({ length: 20 }, () => r.afterFailure(request(1000), 'gone', Status.SERVICE_ERROR, load(20), false, true, 0));
    expect(orphans.every((v) => v === 'scheduled')).toBe(true);
    expect(r.afterFailure({ ...request(1000), attempts: 1 }, 'gone', Status.SERVICE_ERROR, load(20), false, true, 0)).toBe('final');
    expect(r.afterFailure(request(5), 'gone', Status.SERVICE_ERROR, load(20), false, true, 0)).toBe('denied');
    r.close();
  });
});
