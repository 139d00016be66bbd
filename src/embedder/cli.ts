/**
 * The command line the bundled embedders share: where the daemon's control
 * socket is, an optional registration token, --help; it starts the service,
 * says where it registered, and unregisters on SIGTERM or SIGINT. Exit codes:
 * 0 stopped, 1 failed, 2 bad usage.
 */
import { parseArgs } from 'node:util';

import { NATS_AUTH_FLAGS, type NatsAuth, natsAuthFrom } from '../services/nats/connect.js';
import { findControlSocket } from '../util/places.js';
import { TOKEN_ON_COMMAND_LINE, registrationToken } from '../util/secret-file.js';

export interface StartedEmbedder {
  id: string;
  endpoint: string;
  /** Its NATS service instance, when it serves over NATS. */
  natsInstance?: string | undefined;
  close(): Promise<void>;
}

export interface EmbedderStartOptions {
  controlSocket?: string;
  token?: string;
  id?: string;
  nats?: NatsAuth;
}

export async function runEmbedderCli(name: string, about: string, start: (o: EmbedderStartOptions) => Promise<StartedEmbedder>): Promise<void> {
  const help = `usage: ${name} [--control-socket PATH] [CONTROL_SOCKET]
       ${name} --nats URL [--nats-... FILE] [--token-file FILE]

${about}

options:
  --control-socket PATH  the daemon's control socket (default $VEXFS_CONTROL_SOCKET or ${findControlSocket()})
  --token-file FILE      a file whose first line is a registration token (default $VEXFS_REGISTRATION_TOKEN;
                         never the token itself on the command line, where every local user can read it)
  --id ID                the service id (default the embedder's own)
  --nats URL             serve as a NATS worker instead (nats://host:port): daemons on that NATS find it
  --nats-user NAME, --nats-password-file FILE, --nats-token-file FILE, --nats-nkey-seed-file FILE,
  --nats-creds-file FILE, --nats-tls-ca-file FILE, --nats-tls-cert-file FILE, --nats-tls-key-file FILE
                         NATS authentication and TLS (secrets only from files)
  -h, --help             this text`;
  const usageError = (message: string): never => {
    process.stderr.write(`${name}: ${message}\n(see ${name} --help)\n`);
    process.exit(2);
  };
  let values: Record<string, string | boolean | undefined> = {};
  let positionals: string[] = [];
  const natsOptions = Object.fromEntries(NATS_AUTH_FLAGS.map(([flag]) => [flag, { type: 'string' as const }]));
  try {
    ({ values, positionals } = parseArgs({
      options: {
        'control-socket': { type: 'string' },
        token: { type: 'string' },
        'token-file': { type: 'string' },
        id: { type: 'string' },
        nats: { type: 'string' },
        ...natsOptions,
        help: { type: 'boolean', short: 'h' },
      },
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
  const text = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const controlSocket = text('control-socket') ?? positionals[0];
  if (controlSocket !== undefined && !controlSocket.startsWith('/'))
    usageError(`the control socket must be an absolute path, got ${JSON.stringify(controlSocket)}`);
  if (text('token') !== undefined) usageError(TOKEN_ON_COMMAND_LINE);
  let token: string | undefined;
  try {
    token = registrationToken(text('token-file'), process.env);
  } catch (err) {
    usageError((err as Error).message);
  }
  const natsUrl = text('nats');
  if (natsUrl === undefined && NATS_AUTH_FLAGS.some(([flag]) => text(flag) !== undefined)) usageError('--nats-... options need --nats URL');
  if (natsUrl !== undefined && controlSocket !== undefined)
    usageError('a NATS worker registers with no control socket: give --nats or a control socket, not both');
  const nats: NatsAuth | undefined = natsUrl === undefined ? undefined : natsAuthFrom(natsUrl, text);
  try {
    const service = await start({
      ...(controlSocket !== undefined ? { controlSocket } : {}),
      ...(token !== undefined ? { token } : {}),
      ...(text('id') !== undefined ? { id: text('id') as string } : {}),
      ...(nats !== undefined ? { nats } : {}),
    });
    process.stdout.write(
      service.natsInstance !== undefined
        ? `serving ${service.id} on NATS as instance ${service.natsInstance}\n`
        : `registered ${service.id} at ${service.endpoint}\n`,
    );
    const stop = () => void service.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (err) {
    process.stderr.write(`${name}: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
