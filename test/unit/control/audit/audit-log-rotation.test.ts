// The audit log writer: JSON Lines, size-based rotation keeping N files, recording never waits on the disk,
// and a disk that falls behind costs counted drops, not memory.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, expect, it } from 'vitest';

import { AuditLog } from '../../../../src/control/audit/audit-log.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vexfs-audit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { ts: string; event: string; n?: number; count?: number });

it('writes one JSON object per line with ts and event, after record() has returned', async () => {
  const path = join(dir, 'audit.jsonl');
  const log = new AuditLog({ path });
  log.record('service.registered', { service: 's1', uid: 1000, pid: 42, models: ['a', 'b'] });
  // The line is not on disk yet: the write happens off the caller's path. (The file itself may already
  // exist: the open runs in libuv's thread pool, but the write needs this thread, which has not yielded.)
  expect(existsSync(path) ? readFileSync(path, 'utf8') : '').toBe('');
  await log.drain();
  const [entry] = lines(path);
  expect(entry).toMatchObject({ event: 'service.registered', service: 's1', uid: 1000, pid: 42, models: ['a', 'b'] });
  expect(new Date(entry!.ts).getTime()).toBeGreaterThan(Date.now() - 60_000);
  await log.close();
});

it('rotates by size, keeps the newest files, and loses no line that is kept', async () => {
  const path = join(dir, 'audit.jsonl');
  const log = new AuditLog({ path, maxBytes: 2000, keep: 2 });
  for (let n = 0; n < 200; n++) {
    log.record('tick', { n });
    if (n % 10 === 0) await log.drain();
  }
  await log.close();
  expect(existsSync(`${path}.3`)).toBe(false);
  const files = [`${path}.2`, `${path}.1`, path];
  for (const f of files) expect(statSync(f).size).toBeLessThanOrEqual(2000);
  const ns = files.flatMap((f) => lines(f).map((l) => l.n));
  // Oldest first across the kept files, consecutive, ending with the last record.
  expect(ns[ns.length - 1]).toBe(199);
  expect(ns).toEqual(Array.from({ length: ns.length }, (_, i) => 200 - ns.length + i));
});

it('drops and counts records past maxQueued instead of growing without bound', async () => {
  const path = join(dir, 'audit.jsonl');
  const log = new AuditLog({ path, maxQueued: 10 });
  for (let n = 0; n < 25; n++) log.record('burst', { n });
  await log.close();
  const all = lines(path);
  // The first record started a flush; ten more queued behind it; the rest were dropped and reported.
  expect(all.filter((l) => l.event === 'burst').length).toBe(11);
  expect(all.find((l) => l.event === 'audit.dropped')?.count).toBe(14);
});

it('keeps going after a write error and reports it', async () => {
  const errors: Error[] = [];
  const log = new AuditLog({ path: join(dir, 'missing-dir', 'audit.jsonl'), onError: (e) => errors.push(e) });
  log.record('lost');
  await log.drain();
  expect(errors[0]?.message).toMatch(/ENOENT/);
  await log.close();
});
