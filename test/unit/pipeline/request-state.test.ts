// A request's state changes only by the moves the pipeline makes; any other is refused, and DONE is final.
import { describe, expect, it } from 'vitest';

import { RequestState, StateTransitionError, transition } from '../../../src/pipeline/request.js';

const S = RequestState;

describe('request state', () => {
  it('follows a request from arrival through a failed try and a retry to its answer', () => {
    const e = { state: S.ROUTING as RequestState };
    for (const to of [S.QUEUED, S.IN_BATCH, S.ROUTING, S.RETRY_WAIT, S.ROUTING, S.OVERFLOW, S.ROUTING, S.QUEUED, S.IN_BATCH, S.DONE]) {
      transition(e, to);
      expect(e.state).toBe(to);
    }
  });

  it('refuses moves the pipeline never makes and names both ends', () => {
    expect(() => transition({ state: S.IN_BATCH }, S.QUEUED)).toThrow(/IN_BATCH to QUEUED/);
    expect(() => transition({ state: S.PARKED }, S.IN_BATCH)).toThrow(StateTransitionError);
    expect(() => transition({ state: S.OVERFLOW }, S.RETRY_WAIT)).toThrow(StateTransitionError);
    for (const to of Object.values(S)) expect(() => transition({ state: S.DONE }, to)).toThrow(StateTransitionError);
  });
});
