#!/usr/bin/env node
/** Runs the bundled hashing embedder as a service of a running vexfs-bridged. Exit codes: 0 stopped, 1 failed, 2 bad usage. */
import { parseArgs } from 'node:util';

import { findControlSocket } from '../util/places.js';
import { startHashingEmbedder } from '../embedder/service.js';

const HELP = `usage: vexfs-hash-embedder [--control-socket PATH] [CONTROL_SOCKET]

Serves the bundled character n-gram hashing embedder (model hashing-ngram-v1,
128-1024 dimensions) to a running vexfs-bridged: listens on a socket of its
own, registers through the daemon's control socket, heartbeats, and
unregisters on SIGTERM or SIGINT.

options:
  --control-socket PATH  the daemon's control socket (default $VEXFS_CONTROL_SOCKET or ${findControlSocket()})
  --token TOKEN          a registration token (default $VEXFS_REGISTRATION_TOKEN)
  -h, --help             this text`;

function usageError(message: string): never {
  process.stderr.write(`vexfs-hash-embedder: ${message}\n(see vexfs-hash-embedder --help)\n`);
  process.exit(2);
}

let values: { 'control-socket'?: string | undefined; token?: string | undefined; help?: boolean | undefined };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { 'control-socket': { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  }));
} catch (err) {
  usageError((err as Error).message);
}
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
if (positionals.length > 1) usageError(`one control socket path at most, got ${positionals.length} arguments`);
const controlSocket = values['control-socket'] ?? positionals[0];
if (controlSocket !== undefined && !controlSocket.startsWith('/'))
  usageError(`the control socket must be an absolute path, got ${JSON.stringify(controlSocket)}`);

try {
  const service = await startHashingEmbedder({
    ...(controlSocket !== undefined ? { controlSocket } : {}),
    ...(values.token !== undefined ? { token: values.token } : {}),
  });
  process.stdout.write(`registered ${service.info.id} at ${service.endpoint}\n`);
  const stop = () => void service.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (err) {
  process.stderr.write(`vexfs-hash-embedder: ${(err as Error).message}\n`);
  process.exit(1);
}
