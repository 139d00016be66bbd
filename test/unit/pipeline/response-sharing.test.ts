// The sharing stage on its own: keys scoped by caller, cached answers, one leader per key in
// flight with followers answered by it, and a follower taking over when its leader ends unanswered.
import { describe, expect, it } from 'vitest';

import { RequestState } from '../../../src/pipeline/request.js';
import { ResponseSharing, type Shareable } from '../../../src/pipeline/sharing.js';
import type { EmbedRequest } from '../../../src/kernel-side/messages/messages.js';

interface Entry extends Shareable<Entry> {
  name: string;
}

const req = (uid: number, text = 'same') => ({ callerUid: uid, model: 'm', dimensions: 4, dataType: 0, input: Buffer.from(text) }) as unknown as EmbedRequest;
const entry = (name: string, key: string | undefined, priority = 128): Entry => ({
  name,
  req: { priority },
  key,
  followers: undefined,
  state: RequestState.ROUTING,
});

describe('response sharing', () => {
  it('has no key when neither the cache nor coalescing is on', () => {
    expect(new ResponseSharing().keyOf(req(1))).toBeUndefined();
  });

  it('scopes keys by caller uid unless shared', () => {
    const byUid = new ResponseSharing({ coalesce: true });
    expect(byUid.keyOf(req(1))).not.toBe(byUid.keyOf(req(2)));
    const shared = new ResponseSharing({ coalesce: true, scope: 'shared' });
    expect(shared.keyOf(req(1))).toBe(shared.keyOf(req(2)));
  });

  it('lets followers ride on a leader and hands the lead to the first live follower', () => {
    const s = new ResponseSharing<Entry>({ coalesce: true });
    const a = entry('a', 'k');
    const b = entry('b', 'k');
    const c = entry('c', 'k');
    expect(s.join(a)).toBe(false);
    expect(s.join(b)).toBe(true);
    expect(s.join(c)).toBe(true);
    b.state = RequestState.FOLLOWING;
    c.state = RequestState.FOLLOWING;
    expect(s.cache.counters.coalesced).toBe(2);
    b.state = RequestState.DONE;
    a.state = RequestState.DONE;
    expect(s.handOver(a)?.name).toBe('c');
    // c leads now: a new identical request follows it.
    const d = entry('d', 'k');
    expect(s.join(d)).toBe(true);
    expect(s.takeFollowers(c)?.map((f) => f.name)).toEqual(['d']);
    s.ended(c);
    expect(s.join(entry('e', 'k'))).toBe(false);
  });

  it('hands the lead to the most urgent follower, the earliest among equals', () => {
    const s = new ResponseSharing<Entry>({ coalesce: true });
    const leader = entry('low leader', 'k', 0);
    const followers = [entry('normal', 'k', 128), entry('critical', 'k', 255), entry('critical later', 'k', 255)];
    s.join(leader);
    for (const f of followers) {
      s.join(f);
      f.state = RequestState.FOLLOWING;
    }
    leader.state = RequestState.DONE;
    const next = s.handOver(leader);
    expect(next?.name).toBe('critical');
    expect(s.takeFollowers(next as Entry)?.map((f) => f.name)).toEqual(['normal', 'critical later']);
  });

  it('answers from the cache and forgets what a leaving service produced', () => {
    const s = new ResponseSharing<Entry>({ cache: { maxEntries: 10 } });
    const key = s.keyOf(req(1));
    expect(s.cached(key)).toBeUndefined();
    const source = { serviceId: 'svc', model: 'm', modelVersion: '2', truncated: false };
    s.store(key, new Uint8Array([1, 2]), source);
    expect(s.cached(key)).toEqual({ vector: new Uint8Array([1, 2]), source, expires: expect.any(Number) });
    s.dropService('svc');
    expect(s.cached(key)).toBeUndefined();
  });
});
