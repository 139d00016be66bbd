/**
 * The load a daemon's pipelines (its main thread and its workers) judge
 * together. The retry budget is a share of every request in flight, and a
 * retry in flight in any pipeline counts against it: otherwise N pipelines
 * would let N budgets' worth of retries into an outage. Each pipeline writes
 * only its own row of a SharedArrayBuffer (one writer per cell: no locks) and
 * reads the sums, which it does only when a retry is in question.
 */
const INFLIGHT = 0;
const RETRIES = 1;
const COLUMNS = 2;

export class SharedLoad {
  private readonly cells: Int32Array;
  private readonly row: number;

  /** Room for `pipelines` rows, to hand to each pipeline with its row's index. */
  static buffer(pipelines: number): SharedArrayBuffer {
    return new SharedArrayBuffer(pipelines * COLUMNS * Int32Array.BYTES_PER_ELEMENT);
  }

  /** Without a buffer: a pipeline on its own (rows of one). */
  constructor(buffer?: SharedArrayBuffer, index = 0) {
    this.cells = new Int32Array(buffer ?? new ArrayBuffer(COLUMNS * Int32Array.BYTES_PER_ELEMENT));
    if (!Number.isInteger(index) || index < 0 || (index + 1) * COLUMNS > this.cells.length) {
      throw new RangeError(`pipeline row ${index} is outside the shared load (${this.cells.length / COLUMNS} rows)`);
    }
    this.row = index * COLUMNS;
  }

  /** This pipeline holds `n` requests. */
  setInflight(n: number): void {
    Atomics.store(this.cells, this.row + INFLIGHT, n);
  }

  /** A request of this pipeline started (+1) or ended (-1) retrying. */
  addRetries(delta: number): void {
    Atomics.add(this.cells, this.row + RETRIES, delta);
  }

  /** Requests held by every pipeline. */
  get inflight(): number {
    return this.sum(INFLIGHT);
  }

  /** Requests retrying in every pipeline. */
  get retries(): number {
    return this.sum(RETRIES);
  }

  /** A pipeline that ended (a worker thread that died): what it held no longer counts. */
  clear(index: number): void {
    Atomics.store(this.cells, index * COLUMNS + INFLIGHT, 0);
    Atomics.store(this.cells, index * COLUMNS + RETRIES, 0);
  }

  private sum(column: number): number {
    let n = 0;
    for (let at = column; at < this.cells.length; at += COLUMNS) n += Atomics.load(this.cells, at);
    return n;
  }
}
