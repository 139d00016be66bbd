// The slab copier: copies survive the source being overwritten, never overlap one another across
// slabs, start 8-byte aligned, and large copies get a buffer of their own.
import { describe, expect, it } from 'vitest';

import { SlabCopier } from '../../../src/util/slab.js';

describe('slab copies', () => {
  it('keep their bytes when the source is reused, each apart from the others and aligned', () => {
    const slab = new SlabCopier();
    const src = new Uint8Array(64);
    const copies: Array<[Uint8Array, number]> = [];
    // Enough copies to fill several slabs, each of an odd length.
    for (let i = 0; i < 2000; i++) {
      src.fill(i & 0xff);
      const c = slab.copy(src, 3, 13 + (i % 7));
      copies.push([c, i & 0xff]);
      expect(c.byteOffset % 8).toBe(0);
    }
    src.fill(0xee);
    for (const [c, v] of copies) expect(c.every((b) => b === v)).toBe(true);
  });

  it('gives a copy larger than a quarter slab a buffer of its own', () => {
    const slab = new SlabCopier();
    const small = slab.copy(new Uint8Array(100), 0, 100);
    const big = slab.copy(new Uint8Array(8192), 0, 8192);
    expect(big.buffer).not.toBe(small.buffer);
    expect(big.byteOffset).toBe(0);
    expect(big.byteLength).toBe(8192);
  });
});
