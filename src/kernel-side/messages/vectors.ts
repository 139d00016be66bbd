/**
 * Services answer float32; the kernel asks for a data type. Conversions:
 *
 * - FLOAT32: the bytes as they are (little-endian).
 * - FLOAT16: IEEE 754 binary16, round to nearest, ties to even; overflow
 *   becomes ±Inf, NaN stays NaN, tiny values become subnormals or ±0.
 * - INT8 / INT16: symmetric fixed scaling of [-1, 1] onto [-127, 127] /
 *   [-32767, 32767] (values outside are clamped, NaN becomes 0), rounded
 *   half away from zero. Embeddings are L2-normalised, so every component
 *   is in [-1, 1] and one fixed scale keeps vectors comparable.
 * - BINARY: one sign bit per dimension, set when the value is > 0; bit
 *   (i % 8) of byte floor(i / 8), least significant bit first.
 */
import { DataType } from '../../abi/uapi.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The binary16 bits of `x` (after rounding `x` to float32). */
export function toFloat16Bits(x: number): number {
  f32[0] = x;
  const bits = u32[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rem > halfway || (rem === halfway && (half & 1) !== 0)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent (up to Inf).
  if (rem > 0x1000 || (rem === 0x1000 && (half & 1) !== 0)) half++;
  return sign | half;
}

/** The value of binary16 bits (for tests and readers). */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

function quantize(x: number, scale: number): number {
  if (Number.isNaN(x)) return 0;
  const c = Math.min(1, Math.max(x, -1));
  const q = Math.round(Math.abs(c) * scale);
  return c < 0 ? -q : q;
}

/**
 * Converts `dims` float32 values to `dtype`. `src` is read as little-endian
 * float32 (a service's vector bytes or a Float32Array's bytes).
 */
export function convertVector(src: Uint8Array, dims: number, dtype: number): Uint8Array {
  if (dtype === DataType.FLOAT32) return src;
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  switch (dtype) {
    case DataType.FLOAT16: {
      const out = new Uint8Array(dims * 2);
      const ov = new DataView(out.buffer);
      for (let i = 0; i < dims; i++) ov.setUint16(i * 2, toFloat16Bits(view.getFloat32(i * 4, true)), true);
      return out;
    }
    case DataType.INT8: {
      const out = new Int8Array(dims);
      for (let i = 0; i < dims; i++) out[i] = quantize(view.getFloat32(i * 4, true), 127);
      return new Uint8Array(out.buffer);
    }
    case DataType.INT16: {
      const out = new Uint8Array(dims * 2);
      const ov = new DataView(out.buffer);
      for (let i = 0; i < dims; i++) ov.setInt16(i * 2, quantize(view.getFloat32(i * 4, true), 32767), true);
      return out;
    }
    case DataType.BINARY: {
      const out = new Uint8Array(Math.ceil(dims / 8));
      for (let i = 0; i < dims; i++) if (view.getFloat32(i * 4, true) > 0) out[i >> 3] = (out[i >> 3] as number) | (1 << (i & 7));
      return out;
    }
    default:
      throw new RangeError(`unknown data type ${dtype}`);
  }
}

/** Cosine similarity of two vectors of the same length (0 when either is all zeros). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
