// Every binary answers --help and reports a bad argument in one line, never with a stack trace.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', '..', 'dist', 'bin');

function run(bin: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(BIN, bin), ...args],
      { timeout: 20_000, env: { ...process.env, VEXFS_CONTROL_SOCKET: '/nonexistent/vexfs.sock' } },
      (err, stdout, stderr) => {
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : -1, stdout, stderr });
      },
    );
  });
}

describe.each(['vexfs-bridged.js', 'vexfsctl.js', 'vexfs-hash-embedder.js'])('%s', (bin) => {
  it('answers --help with its usage and exit 0', async () => {
    const r = await run(bin, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: /);
  });

  it('reports an unknown option with exit 2 and no stack trace', async () => {
    const r = await run(bin, ['--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-option/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('vexfs-hash-embedder', () => {
  it('says when the daemon cannot be reached, exit 1, no stack trace', async () => {
    const r = await run('vexfs-hash-embedder.js', ['--control-socket', '/nonexistent/control.sock']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach the daemon's control socket \/nonexistent\/control.sock: ENOENT/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
