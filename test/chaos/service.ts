// A chaos-tier embedding service in its own process: answers with vectors derived from the inputs.
// SIGUSR2 toggles a hang (embed never returns while heartbeats and health checks go on), as a
// wedged model would. Args: control socket, endpoint path, service id.
import { EmbeddingService } from '../../src/clients/sdk/service.js';
import { derivedVector } from './derived.js';

const [controlSocket, endpoint, id] = process.argv.slice(2) as [string, string, string];
let hung = false;
process.on('SIGUSR2', () => {
  hung = !hung;
});
const svc = await EmbeddingService.start({
  id,
  name: id,
  dimensions: [16],
  maxBatchSize: 64,
  controlSocket,
  endpoint: `unix:${endpoint}`,
  embed: async (inputs, { dimensions }) => {
    if (hung) await new Promise(() => {});
    return inputs.map((i) => derivedVector(i, dimensions));
  },
});
console.log('registered');
process.on('SIGTERM', () => void svc.close({ drainMs: 0 }).then(() => process.exit(0)));
