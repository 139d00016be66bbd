// vexfsctl top in a pseudo-terminal (util-linux script): the screen shows rates, latency, queues and
// breakers per service, redraws, and q quits cleanly with the cursor restored.
import { spawn } from 'node:child_process';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { type TestBridge, filled, startBridge } from '../../helpers/bridge.js';
import { VEXFSCTL } from '../../helpers/ctl.js';
import { until } from '../../helpers/wait.js';

let bridge: TestBridge;
beforeAll(async () => {
  bridge = await startBridge();
  await bridge.service({ id: 'topsvc', name: 'Top', dimensions: [4], embed: (inputs) => inputs.map(() => filled(4, 1)) });
});
afterAll(() => bridge.close());

/** The text on screen after the last clear, without escape sequences. */
function lastScreen(raw: string): string {
  const frames = raw.split('\u001b[H\u001b[2J');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping the terminal's escape sequences
  return (frames[frames.length - 1] ?? '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

it('draws a live view in a terminal and quits on q', async () => {
  const command = [process.execPath, VEXFSCTL, '--socket', bridge.daemon.config.controlSocket, '--device', '/nonexistent/x', 'top', '--interval', '200']
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  // script gives the command a pty on both ends; its own stdin (a pipe) is forwarded as keystrokes.
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, TERM: 'xterm', NO_COLOR: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  child.stdout.on('data', (d: Buffer) => {
    raw += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  await until(() => lastScreen(raw).includes('topsvc'), 'the first screen', 10_000);
  const first = lastScreen(raw);
  expect(first).toMatch(/vexfs-bridge top\s+attached \(twin\)/);
  expect(first).toMatch(/^SERVICE\s+STATE\s+HEALTH\s+BREAKER\s+RATE\s+ACTIVE\s+QUEUED\s+P50\s+P99\s+FAILED$/m);
  expect(first).toMatch(/^topsvc\s+ready\s+100\s+closed\s+0\/s/m);
  expect(first).toMatch(/queues\s+critical 0\s+high 0\s+normal 0\s+low 0/);

  // Traffic shows up as a rate on a later screen.
  const load = (async () => {
    for (let i = 0; i < 300; i++) await bridge.twin.embed({ input: Buffer.from(`t${i}`), dimensions: 4 });
  })();
  await until(() => /^topsvc\s+ready\s+100\s+closed\s+[1-9]\d*\/s/m.test(lastScreen(raw)), 'a non-zero service rate', 10_000);
  await load;
  expect(lastScreen(raw)).toMatch(/requests\s+\d+\/s\s+answered [1-9]/);
  expect(lastScreen(raw)).toMatch(/latency\s+p50 \S+s\s+p99 \S+s/);

  child.stdin.write('q');
  expect(await exited).toBe(0);
  expect(raw).toContain('\u001b[?25h');
});
