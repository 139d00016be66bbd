// The bundled hashing embedder: deterministic, unit length, and similar texts are closer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { cosine } from '../../../src/kernel-side/messages/vectors.js';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('hashing embedder', () => {
  it('gives identical vectors for identical text', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1024 }), (t, d) => {
        expect(hashingEmbed(t, d)).toEqual(hashingEmbed(t, d));
      }),
    );
  });

  it('returns unit vectors of the requested size for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 2048 }), (t, d) => {
        const v = hashingEmbed(t, d);
        expect(v.length).toBe(d);
        expect(Math.abs(norm(v) - 1)).toBeLessThan(1e-5);
      }),
    );
  });

  it('puts near-duplicates closer than unrelated texts', () => {
    const pairs: Array<[string, string, string]> = [
      [
        'The filesystem journal replays metadata after a crash',
        'the file system journal replays its metadata after crashes',
        'Simmer the tomato sauce with garlic and basil',
      ],
      ['Knead the bread dough until smooth', 'knead the dough for the bread until it is smooth', 'The router forwards packets to the next hop'],
      ['Saturn rings are made of ice particles', 'the rings of Saturn are ice particles', 'Interest rates rose to slow inflation'],
    ];
    for (const [a, nearA, unrelated] of pairs) {
      const va = hashingEmbed(a, 384);
      expect(cosine(va, hashingEmbed(nearA, 384))).toBeGreaterThan(cosine(va, hashingEmbed(unrelated, 384)) + 0.2);
    }
  });

  it('a one-word edit stays closer than a different random sentence', () => {
    const word = fc.stringMatching(/^[a-z]{4,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 6, maxLength: 12 }), fc.array(word, { minLength: 6, maxLength: 12 }), word, (ws, other, swap) => {
        fc.pre(new Set(ws).size === ws.length && ws.every((w) => !other.includes(w)) && !ws.includes(swap));
        const base = ws.join(' ');
        const edited = [...ws.slice(0, -1), swap].join(' ');
        const v = hashingEmbed(base, 512);
        expect(cosine(v, hashingEmbed(edited, 512))).toBeGreaterThan(cosine(v, hashingEmbed(other.join(' '), 512)));
      }),
      { numRuns: 200 },
    );
  });
});
