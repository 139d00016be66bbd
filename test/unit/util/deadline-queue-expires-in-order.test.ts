// The deadline queue: entries expire once their time passes, in order within a timeout, never
// after they settled; its sweep timer does not keep the process alive.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DeadlineQueue, type Expirable } from '../../../src/util/deadlines.js';

afterEach(() => {
  vi.useRealTimers();
});

interface Entry extends Expirable {
  name: string;
  done: boolean;
}

describe('deadline queue', () => {
  it('expires what is still live once its time passes, oldest first, and skips what settled', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const expired: string[] = [];
    const q = new DeadlineQueue<Entry>(
      (e) => !e.done,
      (e) => expired.push(e.name),
    );
    const at = (name: string, ms: number): Entry => ({ name, done: false, expiresAt: performance.now() + ms });
    const a = at('a', 10);
    const b = at('b', 10);
    const c = at('c', 50);
    q.add(a, 10);
    q.add(b, 10);
    q.add(c, 50);
    b.done = true;
    q.settled();
    vi.advanceTimersByTime(20);
    expect(expired).toEqual(['a']);
    vi.advanceTimersByTime(40);
    expect(expired).toEqual(['a', 'c']);
  });
});
