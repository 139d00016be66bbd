/**
 * One vexfsctl command, declared in its own file under ./commands: what it
 * is for, its arguments and options with their help, how it runs and how
 * it prints. The program (./program.ts) hands each to commander.
 */
import type { Context } from './context.js';
import type { ExitCode } from './errors.js';
import type { Raw } from './options.js';

export interface CommandSpec {
  name: string;
  /** One line, in the command list. */
  summary: string;
  /** Positional arguments in commander's syntax: '<id>', '[shell]', '<action> [id]'. */
  args?: string;
  /** [flags, help], e.g. ['--dims <N>', 'default: the first size of a service serving the model']. */
  options?: ReadonlyArray<readonly [string, string]>;
  /** Lines after the options: notes and examples. */
  details?: readonly string[];
  run(ctx: Context, args: string[], opts: Record<string, Raw>): Promise<ExitCode>;
}

/** Prints `view` as JSON or as `text` renders it. */
export function show<T>(ctx: Context, view: T, text: (v: T) => string): ExitCode {
  ctx.io.out(ctx.json ? JSON.stringify(view, null, 2) : text(view));
  return 0;
}
