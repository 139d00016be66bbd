#!/usr/bin/env node
/**
 * vexfsctl: the bridge's admin tool. Exit codes: 0 ok, 1 operation failed,
 * 2 bad usage, 3 module/daemon unavailable, 4 permission denied, 5 unknown service.
 */
import { CliError, ExitCode } from '../clients/cli/errors.js';
import { runCli } from '../clients/cli/program.js';

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  stdin: process.stdin,
  stdout: process.stdout,
  env: process.env,
};

// `vexfsctl services | head -1`: a closed pipe ends the command quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      io.err(`vexfsctl: ${err.message}`);
      process.exitCode = err.exitCode;
    } else {
      io.err(`vexfsctl: internal error: ${(err as Error)?.stack ?? String(err)}`);
      process.exitCode = ExitCode.FAILED;
    }
  },
);
