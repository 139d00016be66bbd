/**
 * A fixed-bucket latency histogram cheap enough for every request: one
 * binary search and an increment. Bucket bounds follow 1-1.25-1.5-2-2.5-3-
 * 4-5-6-8 per decade from 1 us to 80 s, so a percentile read from it lies in
 * the same bucket as the true value (an upper bound is at most 4/3 of the
 * lower). Prometheus gets the bounds at 1-2.5-5 per decade, which are exact
 * bucket edges.
 */
const STEPS = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8] as const;
const EXPORT_STEPS = new Set<number>([1, 2.5, 5]);

/** Upper bounds in ns, ascending: 1 us .. 80 s. */
export const BOUNDS_NS: readonly number[] = (() => {
  const out: number[] = [];
  for (let exp = 3; exp <= 10; exp++) for (const s of STEPS) out.push(Math.round(s * 10 ** exp));
  return out;
})();

/** Indexes into BOUNDS_NS of the bounds exported to Prometheus. */
const EXPORTED: readonly number[] = BOUNDS_NS.flatMap((b, i) => (EXPORT_STEPS.has(b / 10 ** Math.floor(Math.log10(b))) ? [i] : []));

/** A histogram as plain data (what a daemon worker sends the main thread). */
export interface HistogramData {
  readonly counts: Float64Array;
  readonly count: number;
  readonly sumNs: number;
}

export class LatencyHistogram {
  /** counts[i]: observations <= BOUNDS_NS[i] and above the previous bound; the last slot is +Inf. */
  readonly counts = new Float64Array(BOUNDS_NS.length + 1);
  count = 0;
  sumNs = 0;

  observe(ns: number): void {
    let lo = 0;
    let hi = BOUNDS_NS.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ns <= (BOUNDS_NS[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    this.counts[lo]!++;
    this.count++;
    this.sumNs += ns;
  }

  /** Adds another histogram's observations (another pipeline's). */
  add(other: HistogramData): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i] ?? 0;
    this.count += other.count;
    this.sumNs += other.sumNs;
  }

  /** A copy as plain data. */
  data(): HistogramData {
    return { counts: this.counts.slice(), count: this.count, sumNs: this.sumNs };
  }

  /**
   * The q-quantile (0 < q <= 1) in ns, interpolated linearly inside its
   * bucket; 0 when nothing was observed. Values past the last bound read as
   * it, values in the first bucket (up to 1 us, whose lower edge is 0 and so
   * no fixed ratio) as its bound.
   */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = q * this.count;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const n = this.counts[i] as number;
      if (n > 0 && seen + n >= rank) {
        if (i === 0) return BOUNDS_NS[0] as number;
        const lower = BOUNDS_NS[i - 1] as number;
        const upper = BOUNDS_NS[i] ?? lower;
        return lower + (upper - lower) * ((rank - seen) / n);
      }
      seen += n;
    }
    return BOUNDS_NS[BOUNDS_NS.length - 1] as number;
  }

  /** Cumulative counts at the exported bounds, in seconds, then +Inf. */
  buckets(): Array<{ le: string; count: number }> {
    const out: Array<{ le: string; count: number }> = [];
    let cum = 0;
    let next = 0;
    for (let i = 0; i < BOUNDS_NS.length; i++) {
      cum += this.counts[i] as number;
      if (EXPORTED[next] === i) {
        out.push({ le: String((BOUNDS_NS[i] as number) / 1e9), count: cum });
        next++;
      }
    }
    out.push({ le: '+Inf', count: this.count });
    return out;
  }
}
