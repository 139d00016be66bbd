// A netlink socket in a worker thread that is terminated with an overrun (ENOBUFS) and answers
// pending — as a daemon worker's queue the module overran — must not take the process down: the
// addon used to throw a C++ exception out of its poll callback while the thread was being torn
// down ("terminate called after throwing an instance of 'Napi::Error'").
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

describe('a netlink socket in a worker thread', () => {
  it('is closed quietly when the thread ends with an overrun and unread answers pending', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'helpers', 'end-overrun-workers.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/terminate called/);
    expect({ status: r.status, out: r.stdout.trim() }).toEqual({ status: 0, out: 'survived' });
  });
});
