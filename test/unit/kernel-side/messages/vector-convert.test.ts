// Numerics of the float32 -> kernel data type conversions at edge values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DataType } from '../../../../src/abi/uapi.js';
import { convertVector, fromFloat16Bits, toFloat16Bits } from '../../../../src/kernel-side/messages/vectors.js';

const f32 = (...xs: number[]) => new Uint8Array(new Float32Array(xs).buffer);

describe('vector conversion', () => {
  it('float16: exact values, limits, specials and subnormals', () => {
    const cases: Array<[number, number]> = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [65504, 0x7bff], // largest finite half
      [65519, 0x7bff], // rounds down to the largest
      [65520, 0x7c00], // rounds up to infinity
      [Infinity, 0x7c00],
      [-Infinity, 0xfc00],
      [2 ** -24, 0x0001], // smallest subnormal
      [2 ** -26, 0x0000], // below half of it: zero
      [6.103515625e-5, 0x0400], // smallest normal
      [1 + 2 ** -11, 0x3c00], // tie: rounds to even (down)
      [1 + 3 * 2 ** -11, 0x3c02], // tie: rounds to even (up)
      [0.1, 0x2e66],
    ];
    for (const [x, bits] of cases) expect(toFloat16Bits(x), String(x)).toBe(bits);
    expect(toFloat16Bits(NaN) & 0x7c00).toBe(0x7c00);
    expect(toFloat16Bits(NaN) & 0x3ff).not.toBe(0);
  });

  it('float16 round trip error is within half an ulp for normal values', () => {
    fc.assert(
      fc.property(fc.float({ min: Math.fround(-60000), max: Math.fround(60000), noNaN: true }), (x) => {
        const back = fromFloat16Bits(toFloat16Bits(x));
        const ulp = 2 ** (Math.floor(Math.log2(Math.max(Math.abs(x), 2 ** -14))) - 10);
        expect(Math.abs(back - Math.fround(x))).toBeLessThanOrEqual(ulp / 2);
      }),
    );
  });

  it('int8 and int16: symmetric scaling, rounding half away from zero, clamping', () => {
    // 0.5 * 127 = 63.5 rounds away from zero to 64; 0.012 * 127 = 1.524 -> 2; 0.012 * 32767 = 393.2 -> 393.
    const src = f32(1, -1, 0.5, -0.5, 2, -3, NaN, 0, 0.012);
    expect([...new Int8Array(convertVector(src, 9, DataType.INT8).buffer)]).toEqual([127, -127, 64, -64, 127, -127, 0, 0, 2]);
    const i16 = new Int16Array(convertVector(src, 9, DataType.INT16).buffer);
    expect([...i16]).toEqual([32767, -32767, 16384, -16384, 32767, -32767, 0, 0, 393]);
  });

  it('binary: one sign bit per dimension, LSB first, positive only', () => {
    const src = f32(1, -1, 0, 0.5, -0.5, 2, -0, 3, 4);
    const out = convertVector(src, 9, DataType.BINARY);
    expect([...out]).toEqual([0b10101001, 0b00000001]);
  });

  it('float32 passes through and lengths follow the data type', () => {
    const src = f32(0.25, 0.5, 0.75);
    expect(convertVector(src, 3, DataType.FLOAT32)).toBe(src);
    expect(convertVector(src, 3, DataType.FLOAT16).length).toBe(6);
    expect(convertVector(src, 3, DataType.INT16).length).toBe(6);
    expect(convertVector(src, 3, DataType.INT8).length).toBe(3);
    expect(() => convertVector(src, 3, 9)).toThrow(RangeError);
  });
});
