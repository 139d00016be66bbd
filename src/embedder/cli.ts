/**
 * The command line the bundled embedders share: where the daemon's control
 * socket is, an optional registration token, --help; it starts the service,
 * says where it registered, and unregisters on SIGTERM or SIGINT. Exit codes:
 * 0 stopped, 1 failed, 2 bad usage.
 */
import { parseArgs } from 'node:util';

import { findControlSocket } from '../util/places.js';

export interface StartedEmbedder {
  id: string;
  endpoint: string;
  close(): Promise<void>;
}

export async function runEmbedderCli(
  name: string,
  about: string,
  start: (o: { controlSocket?: string; token?: string }) => Promise<StartedEmbedder>,
): Promise<void> {
  const help = `usage: ${name} [--control-socket PATH] [CONTROL_SOCKET]

${about}

options:
  --control-socket PATH  the daemon's control socket (default $VEXFS_CONTROL_SOCKET or ${findControlSocket()})
  --token TOKEN          a registration token (default $VEXFS_REGISTRATION_TOKEN)
  -h, --help             this text`;
  const usageError = (message: string): never => {
    process.stderr.write(`${name}: ${message}\n(see ${name} --help)\n`);
    process.exit(2);
  };
  let values: { 'control-socket'?: string | undefined; token?: string | undefined; help?: boolean | undefined } = {};
  let positionals: string[] = [];
  try {
    ({ values, positionals } = parseArgs({
      options: { 'control-socket': { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    }));
  } catch (err) {
    usageError((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  if (positionals.length > 1) usageError(`one control socket path at most, got ${positionals.length} arguments`);
  const controlSocket = values['control-socket'] ?? positionals[0];
  if (controlSocket !== undefined && !controlSocket.startsWith('/'))
    usageError(`the control socket must be an absolute path, got ${JSON.stringify(controlSocket)}`);
  try {
    const service = await start({ ...(controlSocket !== undefined ? { controlSocket } : {}), ...(values.token !== undefined ? { token: values.token } : {}) });
    process.stdout.write(`registered ${service.id} at ${service.endpoint}\n`);
    const stop = () => void service.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
