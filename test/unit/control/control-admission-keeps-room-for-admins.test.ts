// Control-socket admission: unprivileged users share what is left after the administrators'
// reserve, each uid at most a quarter of it, for connections and for buffered bytes alike; an
// administrator is refused only by the whole limit; what is released can be taken again.
import { describe, expect, it } from 'vitest';

import { ControlAdmission } from '../../../src/control/control-admission.js';

const ROOT = 0;
const admission = (maxConnections: number, maxBufferedBytes = 1 << 20) =>
  new ControlAdmission({ maxConnections, maxBufferedBytes, idleMs: 1000 }, (uid) => uid === ROOT);

describe('control-socket admission', () => {
  it('gives each other uid a quarter of what is left after the administrators’ eighth, and administrators the rest', () => {
    const a = admission(32);
    // 32 less 4 kept for administrators: 28 for the others, 7 per uid.
    for (let i = 0; i < 7; i++) expect(a.connect(1000)).toBeUndefined();
    expect(a.connect(1000)).toMatchObject({ errno: 'ENFILE', reason: expect.stringMatching(/uid 1000 holds 7 control connections, at most 7 per user/) });
    for (const uid of [1001, 1002, 1003]) for (let i = 0; i < 7; i++) expect(a.connect(uid)).toBeUndefined();
    expect(a.connect(1004)).toMatchObject({ errno: 'ENFILE', reason: expect.stringMatching(/unprivileged users hold 28 .* at most 28 of 32/) });
    // The reserve is the administrators'; past the whole limit even they are refused.
    for (let i = 0; i < 4; i++) expect(a.connect(ROOT)).toBeUndefined();
    expect(a.connect(ROOT)).toMatchObject({ errno: 'ENFILE', reason: expect.stringMatching(/at most 32 \(controlMaxConnections\)/) });
    // A connection given back is one more for whoever asks next.
    a.release(1001, 0, true);
    expect(a.connect(1004)).toBeUndefined();
    expect(a.connections).toBe(32);
  });

  it('shares buffered bytes the same way, and counts an unknown peer as one unprivileged user', () => {
    const a = admission(64, 800);
    // 800 less 100 kept: 700 for the others, 175 per uid.
    expect(a.buffer(undefined, 175)).toBeUndefined();
    expect(a.buffer(undefined, 1)).toMatchObject({ errno: 'ENOBUFS', reason: expect.stringMatching(/uid \(unknown\) holds 175 bytes/) });
    expect(a.buffer(ROOT, 625)).toBeUndefined();
    expect(a.buffer(ROOT, 1)).toMatchObject({ errno: 'ENOBUFS', reason: expect.stringMatching(/at most 800 \(controlMaxBufferedBytes\)/) });
    a.release(undefined, 175, false);
    expect(a.bufferedBytes).toBe(625);
  });
});
