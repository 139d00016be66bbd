// The vector a chaos service returns for an input: derived from the input bytes (FNV-1a seeds a
// small generator), so an answer handed to the wrong request is caught by the load generator.
export function derivedVector(input: Uint8Array, dims: number): Float32Array {
  let h = 0x811c9dc5;
  for (const b of input) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  const v = new Float32Array(dims);
  for (let i = 0; i < dims; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    v[i] = (h % 2001) / 1000 - 1;
  }
  return v;
}
