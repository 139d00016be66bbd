// Vexfsctl search reads the hook's attribute as uapi/linux/vexfs_hook.h lays it out,
// refuses one it cannot read, ranks files by their best chunk, and never ranks vectors of
// different models or versions together.
import { describe, expect, it } from 'vitest';

import { HOOK_HEADER_BYTES, HOOK_XATTR_MAGIC, parseHookXattr } from '../../../../src/abi/hook-xattr.js';
import { type Embedded, chooseGroup, rank } from '../../../../src/clients/cli/commands/search.js';

/** An attribute as the module writes it: header, chunk table, float32 vectors, little-endian. */
function attribute(o: { model: string; version: string; vectors: number[][]; offsets?: number[] }): Buffer {
  const dims = o.vectors[0]!.length;
  const n = o.vectors.length;
  const b = Buffer.alloc(HOOK_HEADER_BYTES + n * (16 + dims * 4));
  b.writeUInt32LE(HOOK_XATTR_MAGIC, 0);
  b.writeUInt16LE(1, 4);
  b.writeUInt16LE(HOOK_HEADER_BYTES, 6);
  b.writeUInt32LE(dims, 8);
  b.writeUInt16LE(n, 12);
  b[14] = 0;
  b[15] = 0;
  b.writeBigUInt64LE(100n, 16);
  Buffer.alloc(32, 0xab).copy(b, 24);
  b.write(o.model, 56);
  b.write(o.version, 120);
  b.write('svc', 152);
  b.writeBigUInt64LE(5000n, 216);
  o.vectors.forEach((v, i) => {
    b.writeBigUInt64LE(BigInt(o.offsets?.[i] ?? i * 50), HOOK_HEADER_BYTES + i * 16);
    b.writeUInt32LE(50, HOOK_HEADER_BYTES + i * 16 + 8);
    for (const [d, x] of v.entries()) b.writeFloatLE(x, HOOK_HEADER_BYTES + n * 16 + (i * dims + d) * 4);
  });
  return b;
}

const file = (name: string, a: Buffer): Embedded => ({ file: name, vectors: parseHookXattr(a) });

describe('the filesystem hook attribute and search', () => {
  it('reads every field of the header, the chunks and their vectors', () => {
    const v = parseHookXattr(
      attribute({
        model: 'use-lite',
        version: '1.2',
        vectors: [
          [1, 0],
          [0, 1],
        ],
        offsets: [0, 1024],
      }),
    );
    expect(v).toMatchObject({ dimensions: 2, model: 'use-lite', modelVersion: '1.2', serviceId: 'svc', fileBytes: 100, processingNs: 5000n, flags: 0 });
    expect(v.sha256).toBe('ab'.repeat(32));
    expect(v.chunks.map((c) => [c.offset, c.length, [...c.vector]])).toEqual([
      [0, 50, [1, 0]],
      [1024, 50, [0, 1]],
    ]);
  });

  it('refuses an attribute it cannot read, saying why', () => {
    const good = attribute({ model: 'm', version: '1', vectors: [[1, 0]] });
    expect(() => parseHookXattr(good.subarray(0, 100))).toThrow(/shorter than its 224-byte header/);
    const magic = Buffer.from(good);
    magic.writeUInt32LE(0, 0);
    expect(() => parseHookXattr(magic)).toThrow(/bad magic/);
    const version = Buffer.from(good);
    version.writeUInt16LE(9, 4);
    expect(() => parseHookXattr(version)).toThrow(/format version 9/);
    expect(() => parseHookXattr(Buffer.concat([good, Buffer.alloc(4)]))).toThrow(/where 1 chunks of 2 dimensions take/);
  });

  it("ranks files by their best chunk's cosine similarity", () => {
    const files = [
      file(
        'a',
        attribute({
          model: 'm',
          version: '1',
          vectors: [
            [0, 1],
            [1, 1],
          ],
        }),
      ),
      file('b', attribute({ model: 'm', version: '1', vectors: [[1, 0]] })),
      file('c', attribute({ model: 'm', version: '1', vectors: [[-1, 0]] })),
    ];
    const hits = rank(files, Float32Array.from([1, 0]));
    expect(hits.map((h) => h.file)).toEqual(['b', 'a', 'c']);
    expect(hits[1]).toMatchObject({ offset: 50, length: 50 });
    expect(hits[0]!.score).toBeCloseTo(1);
  });

  it('never ranks vectors of different models or versions together, and ranks one when asked', () => {
    const files = [
      file('a', attribute({ model: 'm', version: '1', vectors: [[1, 0]] })),
      file('b', attribute({ model: 'm', version: '2', vectors: [[1, 0]] })),
      file('c', attribute({ model: 'other', version: '1', vectors: [[1, 0, 0]] })),
    ];
    const where = () => 'in /srv';
    expect(() => chooseGroup(files, undefined, undefined, where)).toThrow(
      /cannot be ranked together: 1 by model "m" version "1", 2 dimensions; 1 by model "m" version "2", 2 dimensions; 1 by model "other" version "1", 3 dimensions/,
    );
    expect(() => chooseGroup(files, 'm', undefined, where)).toThrow(/cannot be ranked together/);
    expect(chooseGroup(files, 'm', '2', where).map((f) => f.file)).toEqual(['b']);
    expect(() => chooseGroup(files, 'none', undefined, where)).toThrow(/no file has embeddings of model "none" in \/srv/);
  });
});
