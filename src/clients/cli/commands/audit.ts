/**
 * vexfsctl audit: the audit trail, from the daemon's audit file (--file) or
 * the cluster's JetStream stream (--nats URL, every daemon's records or one
 * --host's); the last --last records, then with --follow each new one as it
 * is written, until interrupted.
 */
import { open, stat } from 'node:fs/promises';

import { DeliverPolicy, jetstream } from '@nats-io/jetstream';

import { Subjects } from '../../../services/nats/subjects.js';
import type { CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { CliError, ExitCode, usage } from '../errors.js';
import { intOption, stringOption } from '../options.js';
import { clean } from '../format.js';

export const audit: CommandSpec = {
  name: 'audit',
  summary: "the audit trail: the daemon's audit file (--file) or the cluster's JetStream stream (--nats)",
  options: [
    ['--file <PATH>', "the daemon's audit log (its --audit-log)"],
    ['--stream <NAME>', "with --nats: the JetStream stream (the daemons' --nats-audit-stream; default VEXFS_AUDIT)"],
    ['--last <N>', 'records shown before following (default 20; 0: all)'],
    ['--follow', 'keep printing new records until interrupted'],
  ],
  details: ['examples:', '  vexfsctl audit --file /var/log/vexfs/audit.log --follow', '  vexfsctl --nats nats://10.0.0.1:4222 audit --host node-a --last 100'],
  async run(ctx, _args, opts) {
    const file = stringOption('file', opts.file);
    const last = intOption('last', opts.last, 0, 1_000_000, 20);
    const follow = opts.follow === true;
    const stop = interrupted();
    if (file !== undefined) return fromFile(ctx, file, last, follow, stop);
    return fromStream(ctx, stringOption('stream', opts.stream) ?? 'VEXFS_AUDIT', last, follow, stop);
  },
};

/** Resolves on SIGINT or SIGTERM (a follow ends there, with exit 0). */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/**
 * Records carry text others chose (a refused registration's id, a worker's reason; stream records
 * from any publisher): control characters are escaped and a value with spaces or "=" is quoted,
 * so nothing reaches the terminal raw and no value can pass for another field or record.
 */
function print(ctx: Context, line: string): void {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    ctx.io.out(clean(line));
    return;
  }
  if (ctx.json) {
    ctx.io.out(clean(JSON.stringify(record)));
    return;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    ctx.io.out(clean(JSON.stringify(record)));
    return;
  }
  const { ts, event, ...rest } = record as Record<string, unknown>;
  const fields = Object.entries(rest).map(([k, v]) => `${quoted(k)}=${quoted(typeof v === 'string' ? v : JSON.stringify(v))}`);
  ctx.io.out(clean(`${quoted(String(ts))}  ${quoted(String(event))}  ${fields.join(' ')}`.trimEnd()));
}

function quoted(text: string): string {
  return /^[^\s="\\]*$/.test(text) ? text : JSON.stringify(text);
}

async function fromFile(ctx: Context, path: string, last: number, follow: boolean, stop: Promise<void>): Promise<ExitCode> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EACCES' ? ExitCode.PERMISSION : ExitCode.NOT_FOUND, `cannot read the audit log ${path}: ${code ?? (err as Error).message}`);
  }
  let at = 0;
  let rest = '';
  const read = async (): Promise<string[]> => {
    const size = (await handle.stat()).size;
    if (size < at) at = 0;
    if (size === at) return [];
    const buf = Buffer.alloc(size - at);
    const { bytesRead } = await handle.read(buf, 0, buf.length, at);
    at += bytesRead;
    const lines = (rest + buf.subarray(0, bytesRead).toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    return lines.filter((l) => l !== '');
  };
  try {
    const first = await read();
    for (const l of last === 0 ? first : first.slice(-last)) print(ctx, l);
    if (!follow) return ExitCode.OK;
    let stopped = false;
    void stop.then(() => {
      stopped = true;
    });
    while (!stopped) {
      await Promise.race([stop, new Promise((r) => setTimeout(r, 200))]);
      // Rotated (the daemon renamed it to .1 and opened a new one): continue in the new file.
      const now = await stat(path).catch(() => undefined);
      if (now !== undefined && now.ino !== (await handle.stat()).ino) {
        for (const l of await read()) print(ctx, l);
        await handle.close();
        handle = await open(path, 'r');
        at = 0;
        rest = '';
      }
      for (const l of await read()) print(ctx, l);
    }
    return ExitCode.OK;
  } finally {
    await handle.close();
  }
}

async function fromStream(ctx: Context, stream: string, last: number, follow: boolean, stop: Promise<void>): Promise<ExitCode> {
  const cluster = await ctx.cluster().catch((err: Error) => {
    throw err instanceof CliError ? usage('vexfsctl audit reads --file PATH, or the stream with --nats URL') : err;
  });
  const host = ctx.host;
  const js = jetstream(cluster.connection);
  let consumer: Awaited<ReturnType<typeof js.consumers.get>>;
  try {
    consumer = await js.consumers.get(stream, {
      filter_subjects: host === undefined ? Subjects.anyAudit : Subjects.audit(host),
      deliver_policy: DeliverPolicy.All,
    });
  } catch (err) {
    throw new CliError(
      ExitCode.NOT_FOUND,
      `cannot read the audit stream ${stream}: ${(err as Error).message} (is a daemon running with --nats-audit-stream ${stream}?)`,
    );
  }
  const messages = await consumer.consume();
  void stop.then(() => messages.stop());
  const backlog: string[] = [];
  let caughtUp = false;
  const catchUp = () => {
    caughtUp = true;
    for (const l of last === 0 ? backlog : backlog.slice(-last)) print(ctx, l);
    backlog.length = 0;
  };
  // An empty stream has nothing to catch up on.
  const info = await consumer.info(true).catch(() => undefined);
  if (info !== undefined && info.num_pending === 0) {
    catchUp();
    if (!follow) {
      messages.stop();
      return ExitCode.OK;
    }
  }
  for await (const m of messages) {
    const line = m.string();
    if (caughtUp) print(ctx, line);
    else {
      backlog.push(line);
      if (last > 0 && backlog.length > last) backlog.shift();
    }
    if (!caughtUp && m.info.pending === 0) {
      catchUp();
      if (!follow) break;
    }
  }
  messages.stop();
  return ExitCode.OK;
}
