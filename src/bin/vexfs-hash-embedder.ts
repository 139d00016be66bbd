#!/usr/bin/env node
/** Runs the bundled hashing embedder as a service of a running vexfs-bridged. */
import { startHashingEmbedder } from '../embedder/service.js';

const service = await startHashingEmbedder({
  ...(process.argv[2] ? { controlSocket: process.argv[2] } : {}),
});
process.stdout.write(`registered ${service.info.id} at ${service.endpoint}\n`);
const stop = () => void service.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
