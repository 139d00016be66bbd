/**
 * A deterministic text embedder that needs no model download: the hashing
 * trick. Features are lowercased word unigrams (common English function
 * words dropped, so they do not dominate short texts), word bigrams and character
 * 3- to 5-grams of each word (with boundary marks); each is hashed (FNV-1a,
 * 32-bit) into one of `dims` buckets with a hash-derived sign, weighted, and
 * the vector is L2-normalised. Texts sharing words and word pieces land
 * close together; unrelated texts are near orthogonal.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const STOP_WORDS = new Set(
  'a an and are as at be before by for from has have had in into is it its let may of on or than that the their then these this those to until up was were when where will with'.split(
    ' ',
  ),
);
const WEIGHT_WORD = 1;
const WEIGHT_BIGRAM = 0.7;
const WEIGHT_CHARGRAM = 0.35;

function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function add(vec: Float32Array, feature: string, weight: number): void {
  const h = fnv1a(feature);
  const bucket = h % vec.length;
  // An independent bit for the sign keeps collisions from always adding up.
  const sign = fnv1a(feature, 0x9747b28c) & 1 ? -1 : 1;
  vec[bucket] = (vec[bucket] as number) + sign * weight;
}

export function hashingEmbed(text: string, dims: number): Float32Array {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims must be a positive integer, got ${dims}`);
  const vec = new Float32Array(dims);
  const words = (text.toLowerCase().match(WORD) ?? []).filter((w) => !STOP_WORDS.has(w));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    add(vec, `w:${w}`, WEIGHT_WORD);
    if (i + 1 < words.length) add(vec, `b:${w} ${words[i + 1]}`, WEIGHT_BIGRAM);
    const marked = `<${w}>`;
    for (let n = 3; n <= 5; n++) {
      for (let j = 0; j + n <= marked.length; j++) add(vec, `c:${marked.slice(j, j + n)}`, WEIGHT_CHARGRAM);
    }
  }
  let norm = 0;
  for (let i = 0; i < dims; i++) norm += (vec[i] as number) ** 2;
  if (norm === 0) {
    // Text with no words still gets a unit vector, derived from its bytes.
    vec[fnv1a(text) % dims] = 1;
    return vec;
  }
  const inv = 1 / Math.sqrt(norm);
  for (let i = 0; i < dims; i++) vec[i] = (vec[i] as number) * inv;
  return vec;
}
