// Per-service opossum breakers: open on errors past the volume, half-open after the reset, one shared timer.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { BatchFailure, BreakerState, Breakers } from '../../../src/pipeline/breakers.js';
import { until } from '../../helpers/wait.js';

let breakers: Breakers | undefined;
afterEach(() => breakers?.close());

const ok = () => Promise.resolve();
const fail = () => Promise.reject(new BatchFailure('boom'));

async function fireMany(b: Breakers, id: string, n: number, action: () => Promise<void>): Promise<number> {
  let called = 0;
  for (let i = 0; i < n; i++) {
    if (b.fire(id, action)) called++;
    await new Promise((r) => setImmediate(r));
  }
  return called;
}

describe('circuit breakers', () => {
  it('stays closed below the volume threshold, opens past the error threshold, and then refuses', async () => {
    breakers = new Breakers({ volumeThreshold: 5, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 });
    const states: string[] = [];
    breakers.on('state', (id, s) => states.push(`${id}:${s}`));
    expect(await fireMany(breakers, 's1', 4, fail)).toBe(4);
    expect(breakers.state('s1')).toBe(BreakerState.CLOSED);
    await fireMany(breakers, 's1', 1, fail);
    expect(breakers.state('s1')).toBe(BreakerState.OPEN);
    expect(breakers.allows('s1')).toBe(false);
    expect(breakers.fire('s1', ok)).toBe(false);
    expect(states).toEqual(['s1:open']);
    // Another service is unaffected.
    expect(breakers.allows('s2')).toBe(true);
    expect(await fireMany(breakers, 's2', 3, ok)).toBe(3);
  });

  it('lets one trial through when half-open: success closes, failure opens again', async () => {
    breakers = new Breakers({ volumeThreshold: 2, errorThresholdPercentage: 10, resetTimeoutMs: 30 });
    const states: string[] = [];
    breakers.on('state', (_id, s) => states.push(s));
    await fireMany(breakers, 's', 2, fail);
    expect(breakers.state('s')).toBe(BreakerState.OPEN);
    await until(() => breakers!.state('s') === BreakerState.HALF_OPEN, 'half-open');
    let finishTrial!: (e?: Error) => void;
    expect(breakers.fire('s', () => new Promise<void>((res, rej) => (finishTrial = (e) => (e ? rej(e) : res()))))).toBe(true);
    // The trial is out: nothing else goes.
    expect(breakers.allows('s')).toBe(false);
    finishTrial(new BatchFailure('still broken'));
    await until(() => breakers!.state('s') === BreakerState.OPEN, 'open again');
    await until(() => breakers!.state('s') === BreakerState.HALF_OPEN, 'half-open again');
    expect(breakers.fire('s', ok)).toBe(true);
    await until(() => breakers!.state('s') === BreakerState.CLOSED, 'closed');
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('follows another pipeline’s breaker, marking what that causes as shared and doing nothing in the same state', async () => {
    breakers = new Breakers({ volumeThreshold: 2, errorThresholdPercentage: 10, resetTimeoutMs: 30 });
    const states: string[] = [];
    breakers.on('state', (_id, s, shared) => states.push(`${s}${shared ? ' (shared)' : ''}`));
    breakers.share('s', BreakerState.OPEN);
    breakers.share('s', BreakerState.OPEN);
    expect(breakers.allows('s')).toBe(false);
    // Its own trial after the reset, as after any opening; a half-open elsewhere is not passed on.
    await until(() => breakers!.state('s') === BreakerState.HALF_OPEN, 'half-open');
    breakers.share('s', BreakerState.HALF_OPEN);
    breakers.share('s', BreakerState.CLOSED);
    expect(breakers.allows('s')).toBe(true);
    // Closing a breaker this pipeline never made creates none.
    breakers.share('other', BreakerState.CLOSED);
    expect(states).toEqual(['open (shared)', 'half-open', 'closed (shared)']);
    // Its own batches' failures are not marked.
    await fireMany(breakers, 's', 2, fail);
    expect(states.at(-1)).toBe('open');
  });

  it('adds no timer per breaker: every rolling window turns on one shared timer', async () => {
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    try {
      breakers = new Breakers();
      expect(intervals).toHaveBeenCalledTimes(1);
      intervals.mockClear();
      timeouts.mockClear();
      for (let i = 0; i < 200; i++) breakers.fire(`svc-${i}`, ok);
      expect(intervals).not.toHaveBeenCalled();
      expect(timeouts).not.toHaveBeenCalled();
    } finally {
      intervals.mockRestore();
      timeouts.mockRestore();
    }
  });
});
