// A NATS worker answering every input with a fixed vector (the SDK serving over NATS), for
// bench/nats-path.mjs: the benchmark measures the path, not a model.
import { EmbeddingService } from '../dist/clients/sdk/index.js';

const [url, dims = '384'] = process.argv.slice(2);
const v = new Float32Array(Number(dims)).fill(0.05);
const svc = await EmbeddingService.start({
  id: 'nats-echo',
  name: 'benchmark NATS echo',
  dimensions: [Number(dims)],
  models: ['via-nats'],
  maxBatchSize: 512,
  nats: { url },
  embed: (inputs) => inputs.map(() => v),
});
console.log(`serving ${svc.natsInstance}`);
process.on('SIGTERM', () => void svc.close({ drainMs: 0 }).then(() => process.exit(0)));
