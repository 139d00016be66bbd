// Runs the built vexfsctl as a child process (asynchronously: the daemon under test lives in this process).
// The time limit only guards against a hang: a cold start of node under an emulated CPU can take many seconds.
import { type ChildProcess, execFile } from 'node:child_process';
import { join } from 'node:path';

export const VEXFSCTL = join(import.meta.dirname, '..', '..', 'dist', 'bin', 'vexfsctl.js');

export interface CtlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function ctl(args: string[], env: Record<string, string> = {}, as?: { uid: number; gid: number }): Promise<CtlResult> & { child: ChildProcess } {
  let child!: ChildProcess;
  const done = new Promise<CtlResult>((resolve) => {
    child = execFile(
      process.execPath,
      [VEXFSCTL, ...args],
      { env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 180_000, ...as },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
  return Object.assign(done, { child });
}
