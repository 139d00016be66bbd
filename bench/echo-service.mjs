// An SDK embedding service that answers every input with a fixed vector:
// the full-path benchmark measures the bridge, not an embedding model.
import { EmbeddingService } from '../dist/clients/sdk/index.js';

const [controlSocket, endpoint, id = 'bench-echo'] = process.argv.slice(2);
const vectors = new Map();
const svc = await EmbeddingService.start({
  id,
  name: 'benchmark echo',
  dimensions: [384],
  maxBatchSize: 512,
  controlSocket,
  endpoint: `unix:${endpoint}`,
  embed: (inputs, { dimensions }) => {
    let v = vectors.get(dimensions);
    if (v === undefined) vectors.set(dimensions, (v = new Float32Array(dimensions).fill(0.05)));
    return inputs.map(() => v);
  },
});
console.log('registered');
process.on('SIGTERM', () => void svc.close().then(() => process.exit(0)));
