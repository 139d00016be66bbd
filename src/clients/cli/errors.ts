/** vexfsctl's exit codes and the error that carries one. */
export const ExitCode = {
  OK: 0,
  /** The operation ran and failed (an embedding request not answered with SUCCESS, a refused registration). */
  FAILED: 1,
  /** Bad command line: unknown command or option, invalid value. */
  USAGE: 2,
  /** Nothing to talk to: module not loaded and daemon not running, or no daemon attached. */
  UNAVAILABLE: 3,
  PERMISSION: 4,
  /** Unknown service id. */
  NOT_FOUND: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usage(message: string): CliError {
  return new CliError(ExitCode.USAGE, message);
}
