/**
 * Secrets (registration tokens, NATS passwords) come from files or the
 * environment, never from the command line: /proc/<pid>/cmdline is readable
 * by every local user.
 */
import { readFileSync } from 'node:fs';

import { InvalidArgumentError } from '../errors.js';

/** Where a registration token may come from besides a file. */
export const TOKEN_ENV = 'VEXFS_REGISTRATION_TOKEN';

/** Why `--token VALUE` is refused. */
export const TOKEN_ON_COMMAND_LINE = `--token would put the token in /proc/<pid>/cmdline, which every local user can read: give --token-file PATH (its first line is the token) or $${TOKEN_ENV}`;

/** The first line of `path`, trimmed; `field` names the option in errors. */
export function readSecretLine(path: string, field: string): string {
  try {
    const line = readFileSync(path, 'utf8').split('\n')[0]?.trim() ?? '';
    if (line === '') throw new InvalidArgumentError(field, `${path} is empty`);
    return line;
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw err;
    throw new InvalidArgumentError(field, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** A registration token from `--token-file`, else the environment; undefined when neither gives one. */
export function registrationToken(tokenFile: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (tokenFile !== undefined) return readSecretLine(tokenFile, 'token-file');
  return env[TOKEN_ENV] || undefined;
}
