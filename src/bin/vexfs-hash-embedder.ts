#!/usr/bin/env node
/** Runs the bundled hashing embedder as a service of a running vexfs-bridged. */
import { runEmbedderCli } from '../embedder/cli.js';
import { startHashingEmbedder } from '../embedder/service.js';

await runEmbedderCli(
  'vexfs-hash-embedder',
  `Serves the bundled character n-gram hashing embedder (model hashing-ngram-v1,
128-1024 dimensions) to a running vexfs-bridged: listens on a socket of its
own, registers through the daemon's control socket, heartbeats, and
unregisters on SIGTERM or SIGINT.`,
  async (o) => {
    const s = await startHashingEmbedder(o);
    return { id: s.info.id, endpoint: s.endpoint, natsInstance: s.natsInstance, close: () => s.close() };
  },
);
