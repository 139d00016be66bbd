// The parking stage on its own: held until a service is ready, or answered when the hold passes.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { Parking } from '../../../src/pipeline/parking.js';
import { RequestState } from '../../../src/pipeline/request.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('parking', () => {
  it('routes a parked request once a service is ready, and answers one whose hold passed with the reason', () => {
    vi.useFakeTimers();
    let now = 0;
    let ready = false;
    const routed: string[] = [];
    const gaveUp: Array<[string, number]> = [];
    const p = new Parking<{ name: string; state: RequestState }>(
      100,
      {
        tryRoute: (e) => {
          if (!ready) return Status.NO_SERVICE;
          routed.push(e.name);
          return undefined;
        },
        giveUp: (e, status) => gaveUp.push([e.name, status]),
      },
      () => now,
    );
    p.park({ name: 'a', state: RequestState.PARKED });
    p.park({ name: 'gone', state: RequestState.DONE });
    // A ready service that cannot take it yet keeps it parked.
    p.release(true);
    expect(p.size).toBe(1);
    ready = true;
    p.release(true);
    expect(routed).toEqual(['a']);
    ready = false;
    p.park({ name: 'b', state: RequestState.PARKED });
    now = 150;
    vi.advanceTimersByTime(20);
    expect(gaveUp).toEqual([['b', Status.NO_SERVICE]]);
    expect(p.size).toBe(0);
    p.close();
  });
});
