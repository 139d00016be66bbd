/**
 * Copies of small byte ranges carved out of shared slabs: one ArrayBuffer
 * per SLAB_BYTES of copies instead of one object of Buffer's species per
 * copy (`Buffer#slice` cost ~0.9 µs per 1 KiB request input on the daemon's
 * hot path; a view and a set cost ~0.06 µs). A copy keeps its slab alive
 * while it lives, so a long-lived copy holds at most SLAB_BYTES; larger
 * copies get their own buffer.
 */
const SLAB_BYTES = 16 * 1024;

export class SlabCopier {
  private slab = new ArrayBuffer(SLAB_BYTES);
  private used = 0;

  /** A copy of src[start, start + length), as a plain Uint8Array. */
  copy(src: Uint8Array, start: number, length: number): Uint8Array {
    const from = src.subarray(start, start + length);
    if (length > SLAB_BYTES / 4) return new Uint8Array(from);
    if (this.used + length > SLAB_BYTES) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const out = new Uint8Array(this.slab, this.used, length);
    out.set(from);
    // 8-byte aligned, so a Float32Array or BigUint64Array view of a copy is possible.
    this.used += (length + 7) & ~7;
    return out;
  }
}
