// A real nats-server (Debian's, JetStream on) on a free loopback port, for the NATS tests; stop() and start() again keep its port and store.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NatsServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, or SIGKILL when `kill`). */
  stop(kill?: boolean): Promise<void>;
  /** Starts it again on the same port with the same JetStream store. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function natsServerPath(): string {
  const r = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  const path = r.stdout.trim();
  if (path === '') throw new Error('nats-server is not installed (apt-get install nats-server; .ci/run installs it)');
  return path;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = tcpConnect(port, host);
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/** `host` is the address it listens on (loopback unless a test's namespace says otherwise); `args` are extra server flags. */
export async function startNatsServer(options: { host?: string; args?: string[]; wrap?: string[] } = {}): Promise<NatsServer> {
  const bin = natsServerPath();
  const host = options.host ?? '127.0.0.1';
  const port = await freePort(host);
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-nats-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const argv = [bin, '-a', host, '-p', String(port), '-js', '-sd', join(dir, 'js'), ...(options.args ?? [])];
    const wrap = options.wrap ?? [];
    const c = spawn(wrap[0] ?? (argv[0] as string), [...wrap.slice(1), ...(wrap.length ? argv : argv.slice(1))], { stdio: 'ignore' });
    child = c;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(host, port))) {
      if (c.exitCode !== null) throw new Error(`nats-server exited (${c.exitCode}) before listening on ${host}:${port}`);
      if (Date.now() > deadline) throw new Error(`nats-server did not listen on ${host}:${port} within 10 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stop = async (kill = false) => {
    const c = child;
    child = undefined;
    if (c === undefined || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill(kill ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `nats://${host}:${port}`,
    port,
    stop,
    start,
    async close() {
      await stop(true);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
