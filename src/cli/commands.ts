/** vexfsctl's commands: each gets a backend and prints a view, as a table or as JSON. */
import { existsSync } from 'node:fs';

import { Consts, DataType, Status } from '../abi/uapi.js';
import { fromFloat16Bits } from '../protocol/vectors.js';
import { findControlSocket } from '../util/places.js';
import { DEVICE_PATH } from '../kernel/device.js';
import type { ServiceInfoMsg, TokenInfoMsg } from '../wire/proto.js';
import {
  COMMAND_OPTIONS,
  type Command,
  DTYPE_NAMES,
  type Parsed,
  dimsOption,
  dtypeOption,
  intOption,
  priorityOption,
  sessionOption,
  stringOption,
} from './args.js';
import { type Backend, DaemonBackend, DeviceBackend } from './backends.js';
import { completionScript } from './completion.js';
import { ExitCode, usage } from './errors.js';
import { type Style, bytes, duration, judge, pairs, paint, percent, table, uptime } from './format.js';
import type { Context, Io } from './context.js';
import { runTop } from './top.js';
import { type EmbedView, STATUS_NAMES, type ServiceView, type StatsView, type StatusView } from './views.js';

export function makeContext(parsed: Parsed, io: Io): Context {
  const o = parsed.options;
  const json = o.json === true;
  const color = !json && o['no-color'] !== true && io.env.NO_COLOR === undefined && io.stdout.isTTY === true;
  const devicePath = stringOption('device', o.device) ?? DEVICE_PATH;
  const socketPath = stringOption('socket', o.socket) ?? io.env.VEXFS_CONTROL_SOCKET ?? findControlSocket();
  const via = stringOption('via', o.via) ?? 'auto';
  if (!['auto', 'device', 'daemon'].includes(via)) throw usage(`--via ${JSON.stringify(via)}: expected auto, device or daemon`);
  let opened: Backend | undefined;
  return {
    parsed,
    io,
    style: { color },
    json,
    async backend() {
      if (opened) return opened;
      const useDevice = via === 'device' || (via === 'auto' && existsSync(devicePath));
      opened = useDevice ? DeviceBackend.open(devicePath) : await DaemonBackend.connect(socketPath, !existsSync(devicePath));
      return opened;
    },
    async daemon() {
      if (opened instanceof DaemonBackend) return opened;
      opened?.close();
      const d = await DaemonBackend.connect(socketPath, !existsSync(devicePath));
      opened = d;
      return d;
    },
    close() {
      opened?.close();
      opened = undefined;
    },
  };
}

export async function run(ctx: Context): Promise<ExitCode> {
  const { parsed } = ctx;
  if (parsed.options.help === true || parsed.command === 'help') {
    const topic = parsed.command === 'help' ? parsed.args[0] : parsed.command;
    ctx.io.out(helpText(topic));
    return ExitCode.OK;
  }
  switch (parsed.command) {
    case 'status':
      return show(ctx, await (await ctx.backend()).status(), statusText);
    case 'services':
      return show(ctx, await (await ctx.backend()).services(), servicesText);
    case 'service':
      return show(ctx, await (await ctx.backend()).service(parsed.args[0] as string), serviceText);
    case 'stats':
      return stats(ctx);
    case 'top':
      return runTop(ctx, await ctx.backend(), intOption('interval', parsed.options.interval, 100, 60_000, 1000));
    case 'register':
      return register(ctx);
    case 'unregister': {
      const id = parsed.args[0] as string;
      await (await ctx.daemon()).remove(id);
      ctx.io.out(ctx.json ? JSON.stringify({ unregistered: id }) : `unregistered ${id}`);
      return ExitCode.OK;
    }
    case 'embed':
      return embed(ctx);
    case 'health':
      return health(ctx);
    case 'token':
      return token(ctx);
    case 'completion': {
      const shell = parsed.args[0] ?? 'bash';
      if (shell !== 'bash')
        throw usage(`completion ${JSON.stringify(shell)}: only bash is supported (zsh: autoload bashcompinit && bashcompinit, then the bash script)`);
      ctx.io.out(completionScript());
      return ExitCode.OK;
    }
    default:
      throw usage(`unknown command ${parsed.command}`);
  }
}

function show<T>(ctx: Context, view: T, text: (style: Style, v: T) => string): ExitCode {
  ctx.io.out(ctx.json ? JSON.stringify(view, null, 2) : text(ctx.style, view));
  return ExitCode.OK;
}

// ---- status ----

function statusText(style: Style, s: StatusView): string {
  const kernel = s.kernel.module
    ? s.kernel.daemonAttached
      ? `module loaded, daemon attached over ${s.kernel.transport}`
      : 'module loaded, no daemon attached'
    : s.kernel.daemonAttached
      ? `no module: daemon on the kernel twin (${s.kernel.transport})`
      : 'no module, no kernel side';
  return pairs(style, [
    ['kernel', { text: kernel, colour: s.kernel.daemonAttached ? 'green' : 'red' }],
    ['source', s.source === 'device' ? `${DEVICE_PATH} (ioctl)` : "daemon's control socket"],
    ['uptime', s.kernel.daemonAttached ? uptime(s.uptimeMs) : '-'],
    ['services', String(s.services)],
    ['in flight', String(s.inflight)],
    ['queued', `critical ${s.queued.critical}  high ${s.queued.high}  normal ${s.queued.normal}  low ${s.queued.low}`],
  ]);
}

// ---- services ----

export function servicesText(style: Style, list: ServiceView[]): string {
  if (list.length === 0) return 'no services are registered';
  return table(
    style,
    ['ID', 'NAME', 'VERSION', 'STATE', 'HEALTH', 'DIMS', 'MODELS', 'LOAD', 'P50', 'P99', 'BREAKER'],
    list.map((s) => [
      s.id,
      s.name,
      s.version || '-',
      { text: s.state, colour: judge(s.state) },
      { text: String(s.health), colour: judge(s.health) },
      s.dimensions.join(','),
      s.models.length ? s.models.join(',') : '(any)',
      `${s.active}/${s.capacity}${s.queued ? `+${s.queued}` : ''}`,
      duration(s.p50ResponseNs),
      duration(s.p99ResponseNs),
      { text: s.breaker, colour: judge(s.breaker) },
    ]),
  );
}

function serviceText(style: Style, s: ServiceView): string {
  return pairs(style, [
    ['id', s.id],
    ['name', s.name],
    ['version', s.version || '-'],
    ['state', { text: s.state, colour: judge(s.state) }],
    ['health', { text: `${s.health}/100`, colour: judge(s.health) }],
    ['breaker', { text: s.breaker, colour: judge(s.breaker) }],
    ['dimensions', s.dimensions.join(', ')],
    ['models', s.models.length ? s.models.join(', ') : '(requests naming no model)'],
    ['data types', dtypeNames(s.dataTypes)],
    ['max batch', String(s.maxBatchSize)],
    ['priority', String(s.priority)],
    ['endpoint', s.endpoint],
    ['registered by', `uid ${s.uid}, pid ${s.pid}`],
    ['load', `${s.active} active of ${s.capacity} (${percent(s.load)}), ${s.queued} queued`],
    ['requests', `${s.total} total, ${s.failures} failed`],
    ['latency', `p50 ${duration(s.p50ResponseNs)}, p99 ${duration(s.p99ResponseNs)}, recent average ${duration(s.avgResponseNs)}`],
    ['last heartbeat', s.heartbeatAgeMs ? `${(s.heartbeatAgeMs / 1000).toFixed(1)}s ago` : '-'],
    ['process', s.rssBytes ? `CPU ${percent(s.cpu)} of one core, memory ${bytes(s.rssBytes)} (its last heartbeat)` : '- (not reported yet)'],
  ]);
}

function dtypeNames(mask: number): string {
  if (mask === 0) return 'float32';
  return Object.entries(DTYPE_NAMES)
    .filter(([, v]) => mask & (1 << v))
    .map(([k]) => k)
    .join(', ');
}

// ---- stats ----

async function stats(ctx: Context): Promise<ExitCode> {
  const b = await ctx.backend();
  const id = stringOption('service', ctx.parsed.options.service);
  const [all, service] = await Promise.all([b.stats(), id === undefined ? undefined : b.service(id)]);
  if (ctx.json) {
    ctx.io.out(JSON.stringify(service ? { ...all, service } : all, null, 2));
    return ExitCode.OK;
  }
  ctx.io.out(service ? serviceStatsText(ctx.style, service) : statsText(ctx.style, all));
  return ExitCode.OK;
}

function statsText(style: Style, s: StatsView): string {
  const failures = Object.entries(s.byStatus).filter(([k]) => k !== 'SUCCESS');
  return pairs(style, [
    ['answered', String(s.answered)],
    ['succeeded', { text: String(s.succeeded), colour: 'green' }],
    ['failed', { text: String(s.failed), colour: s.failed ? 'red' : undefined }],
    ['  by status', failures.length ? failures.map(([k, v]) => `${k} ${v}`).join(', ') : '-'],
    ['latency', `p50 ${duration(s.p50LatencyNs)}, p99 ${duration(s.p99LatencyNs)}, recent average ${duration(s.avgLatencyNs)}`],
    ['in flight', String(s.inflight)],
    ['queued', `critical ${s.queued.critical}  high ${s.queued.high}  normal ${s.queued.normal}  low ${s.queued.low}`],
    ['cache', `${percent(s.cache.hitRate)} hit rate (${s.cache.hits} hits, ${s.cache.misses} misses, ${s.cache.coalesced} coalesced)`],
    ['shed', String(s.shed)],
    ['rate limited', String(s.rateLimited)],
    ['retries', String(s.retries)],
  ]);
}

function serviceStatsText(style: Style, s: ServiceView): string {
  return pairs(style, [
    ['service', s.id],
    ['requests', String(s.total)],
    ['succeeded', String(s.total - s.failures)],
    ['failed', { text: String(s.failures), colour: s.failures ? 'red' : undefined }],
    ['latency', `p50 ${duration(s.p50ResponseNs)}, p99 ${duration(s.p99ResponseNs)}, recent average ${duration(s.avgResponseNs)}`],
    ['in flight', `${s.active} of ${s.capacity}`],
    ['queued', String(s.queued)],
    ['breaker', { text: s.breaker, colour: judge(s.breaker) }],
  ]);
}

// ---- register ----

async function register(ctx: Context): Promise<ExitCode> {
  const o = ctx.parsed.options;
  const need = (name: string) => stringOption(name, o[name]) ?? failMissing(name);
  const id = need('id');
  const info: ServiceInfoMsg = {
    id,
    name: stringOption('name', o.name) ?? id,
    version: typeof o.version === 'string' ? o.version : '',
    dimensions: dimsOption(need('dims'), true) as number[],
    dataTypes: dataTypesOption(o['data-types']),
    models: typeof o.models === 'string' && o.models !== '' ? o.models.split(',') : [],
    maxBatchSize: intOption('max-batch', o['max-batch'], 1, Consts.MAX_BATCH_SIZE, 32),
    priority: intOption('priority', o.priority, 0, 255, 0),
    endpoint: need('endpoint'),
    metadata: {},
  };
  const holdMs = intOption('hold-ms', o['hold-ms'], 0, 86_400_000, 0);
  const b = await ctx.backend();
  await b.register(info, stringOption('token', o.token) ?? (process.env.VEXFS_REGISTRATION_TOKEN || undefined));
  const via = b.source === 'device' ? 'ioctl' : 'control socket';
  ctx.io.out(
    ctx.json
      ? JSON.stringify({ registered: id, via })
      : `registered ${id} via ${via}; ${holdMs ? `holding for ${holdMs} ms` : 'holding until Ctrl-C'} (the registration ends with this process)`,
  );
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = holdMs ? setTimeout(done, holdMs) : undefined;
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await b.unregister(id);
  ctx.io.out(ctx.json ? JSON.stringify({ unregistered: id }) : `unregistered ${id}`);
  return ExitCode.OK;
}

// ---- token ----

const TTL_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function ttlOption(raw: string | true | undefined): number {
  if (raw === undefined) return 86_400_000;
  const m = typeof raw === 'string' ? /^(\d{1,6})([smhd])$/.exec(raw) : null;
  const ms = m ? Number(m[1]) * (TTL_UNITS[m[2] as string] as number) : 0;
  if (ms < 1000 || ms > 366 * 86_400_000) throw usage(`--ttl ${JSON.stringify(raw)}: a duration such as 90s, 30m, 12h or 7d, from 1s to 366d`);
  return ms;
}

async function token(ctx: Context): Promise<ExitCode> {
  const [sub, id] = ctx.parsed.args;
  const d = await ctx.daemon();
  const o = ctx.parsed.options;
  if (sub === 'create') {
    const services = stringOption('services', o.services) ?? failMissingFor('token create', 'services');
    const models = typeof o.models === 'string' && o.models !== '' ? o.models.split(',') : ['*'];
    const { token: t, info } = await d.tokenCreate({ services, models, ttlMs: ttlOption(o.ttl), note: typeof o.note === 'string' ? o.note : '' });
    ctx.io.out(
      ctx.json
        ? JSON.stringify({ token: t, ...tokenView(info) }, null, 2)
        : `${t}\n(token ${info.id}: services ${info.services}, models ${info.models.join(',')}, expires ${new Date(info.expiresAtMs).toISOString()}; shown only now)`,
    );
    return ExitCode.OK;
  }
  if (sub === 'list') {
    const list = (await d.tokenList()).map(tokenView);
    ctx.io.out(ctx.json ? JSON.stringify(list, null, 2) : tokensText(ctx.style, list));
    return ExitCode.OK;
  }
  if (sub === 'revoke') {
    if (id === undefined) throw usage('token revoke needs the token id (vexfsctl token list shows them)');
    const info = tokenView(await d.tokenRevoke(id));
    ctx.io.out(ctx.json ? JSON.stringify(info, null, 2) : `revoked token ${info.id}`);
    return ExitCode.OK;
  }
  throw usage(`token ${JSON.stringify(sub)}: expected create, list or revoke`);
}

interface TokenView {
  id: string;
  services: string;
  models: string[];
  expiresAt: string;
  createdAt: string;
  createdByUid: number;
  note: string;
  revokedAt: string | null;
  liveRegistrations: number;
}

function tokenView(t: TokenInfoMsg): TokenView {
  return {
    id: t.id,
    services: t.services,
    models: t.models,
    expiresAt: new Date(t.expiresAtMs).toISOString(),
    createdAt: new Date(t.createdAtMs).toISOString(),
    createdByUid: t.createdByUid,
    note: t.note,
    revokedAt: t.revokedAtMs ? new Date(t.revokedAtMs).toISOString() : null,
    liveRegistrations: t.liveRegistrations,
  };
}

function tokensText(style: Style, list: TokenView[]): string {
  if (list.length === 0) return 'no registration tokens have been minted';
  const rows = list.map((t) => [
    t.id,
    t.services,
    t.models.join(','),
    t.revokedAt ? 'revoked' : Date.parse(t.expiresAt) < Date.now() ? 'expired' : 'valid',
    t.expiresAt,
    String(t.liveRegistrations),
    t.note,
  ]);
  return table(style, ['ID', 'SERVICES', 'MODELS', 'STATE', 'EXPIRES', 'LIVE', 'NOTE'], rows);
}

function failMissingFor(command: string, name: string): never {
  throw usage(`${command} needs --${name} (see vexfsctl token --help)`);
}

function failMissing(name: string): never {
  throw usage(`register needs --${name} (see vexfsctl register --help)`);
}

function dataTypesOption(raw: string | true | undefined): number {
  if (raw === undefined) return 0;
  let mask = 0;
  for (const name of typeof raw === 'string' ? raw.split(',') : ['']) {
    const v = DTYPE_NAMES[name.trim() as keyof typeof DTYPE_NAMES];
    if (v === undefined) throw usage(`--data-types ${JSON.stringify(raw)}: expected a comma-separated list of ${Object.keys(DTYPE_NAMES).join(', ')}`);
    mask |= 1 << v;
  }
  return mask;
}

// ---- embed ----

async function embed(ctx: Context): Promise<ExitCode> {
  const o = ctx.parsed.options;
  const text = ctx.parsed.args[0] as string;
  if (text === '') throw usage('embed needs non-empty <text>');
  if (Buffer.byteLength(text) > Consts.MAX_INPUT_BYTES)
    throw usage(`<text> is ${Buffer.byteLength(text)} bytes; at most ${Consts.MAX_INPUT_BYTES} are accepted`);
  const model = stringOption('model', o.model);
  const dataType = dtypeOption(o.dtype);
  const priority = priorityOption(o.priority);
  const timeoutMs = intOption('timeout', o.timeout, 1, Consts.MAX_TIMEOUT_MS, 5000);
  const sessionKey = sessionOption(o.session);
  const b = await ctx.backend();
  let dimensions = dimsOption(o.dims, false)?.[0];
  if (dimensions === undefined) {
    // The dimensions of a registered service that serves this model.
    const fit = (await b.services()).find((s) => (model === undefined ? s.models.length === 0 : s.models.includes(model)));
    if (fit === undefined)
      throw usage(`--dims is needed: no registered service serves ${model === undefined ? 'requests without a model' : `model "${model}"`} to take it from`);
    dimensions = fit.dimensions[0] as number;
  }
  const started = process.hrtime.bigint();
  const r = await b.embed({ text, model, dimensions, dataType, priority, timeoutMs, sessionKey });
  const roundTripNs = Number(process.hrtime.bigint() - started);
  const view: EmbedView = {
    requestId: r.requestId.toString(),
    status: STATUS_NAMES[r.status] ?? String(r.status),
    dimensions,
    dataType,
    values: r.status === Status.SUCCESS ? decodeVector(r.vector, dimensions, dataType) : [],
    processingNs: r.processingNs,
    roundTripNs,
    priorityClamped: r.priorityClamped,
  };
  ctx.io.out(ctx.json ? JSON.stringify(view, null, 2) : embedText(ctx.style, view));
  return r.status === Status.SUCCESS ? ExitCode.OK : ExitCode.FAILED;
}

export function decodeVector(bytes: Uint8Array, dims: number, dtype: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i < dims; i++) {
    switch (dtype) {
      case DataType.FLOAT32:
        out.push(view.getFloat32(i * 4, true));
        break;
      case DataType.FLOAT16:
        out.push(fromFloat16Bits(view.getUint16(i * 2, true)));
        break;
      case DataType.INT16:
        out.push(view.getInt16(i * 2, true));
        break;
      case DataType.INT8:
        out.push(view.getInt8(i));
        break;
      default:
        out.push((view.getUint8(i >> 3) >> (i & 7)) & 1);
    }
  }
  return out;
}

function embedText(style: Style, v: EmbedView): string {
  const ok = v.status === 'SUCCESS';
  const entries: Array<[string, string | { text: string; colour?: 'green' | 'red' }]> = [
    ['status', { text: v.status, colour: ok ? 'green' : 'red' }],
    ['request id', v.requestId],
  ];
  if (v.priorityClamped) entries.push(['priority', 'lowered by the module to its user_max_priority (CAP_SYS_NICE or its priority_gid may use more)']);
  if (ok) {
    const dtype = Object.entries(DTYPE_NAMES).find(([, n]) => n === v.dataType)?.[0] ?? String(v.dataType);
    const head = v.values.slice(0, 8).map((x) => (Number.isInteger(x) ? String(x) : x.toFixed(4)));
    const norm = Math.sqrt(v.values.reduce((a, x) => a + x * x, 0));
    entries.push(
      ['vector', `${v.dimensions} × ${dtype}: [${head.join(', ')}${v.values.length > 8 ? ', …' : ''}]`],
      ['range', `min ${fmt(Math.min(...v.values))}, max ${fmt(Math.max(...v.values))}, L2 norm ${fmt(norm)}`],
    );
  }
  entries.push(['timing', `${duration(v.processingNs)} in the bridge, ${duration(v.roundTripNs)} round trip`]);
  return pairs(style, entries);
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

// ---- health ----

async function health(ctx: Context): Promise<ExitCode> {
  const b = await ctx.backend();
  const [status, services] = await Promise.all([b.status(), b.services()]);
  const healthy = services.filter((s) => s.health > 0);
  const checks = [
    {
      check: 'kernel side',
      ok: status.kernel.daemonAttached,
      detail: status.kernel.daemonAttached ? `daemon attached (${status.kernel.transport})` : 'no daemon attached',
    },
    { check: 'services', ok: healthy.length > 0, detail: `${healthy.length} of ${services.length} healthy` },
    ...services.filter((s) => s.health === 0).map((s) => ({ check: `service ${s.id}`, ok: false, detail: `state ${s.state}, breaker ${s.breaker}, health 0` })),
  ];
  const ok = checks.slice(0, 2).every((c) => c.ok);
  if (ctx.json) ctx.io.out(JSON.stringify({ healthy: ok, checks }, null, 2));
  else {
    const lines = checks.map((c) => `${paint(ctx.style, c.ok ? 'green' : 'red', c.ok ? 'ok  ' : 'FAIL')}  ${c.check}: ${c.detail}`);
    ctx.io.out([...lines, ok ? 'healthy' : 'unhealthy'].join('\n'));
  }
  return ok ? ExitCode.OK : ExitCode.FAILED;
}

// ---- help ----

const SUMMARY: Record<Command, string> = {
  status: 'kernel side, transport, uptime, services, in flight, queue depths',
  services: 'table of registered services',
  service: 'one service in detail',
  stats: 'request totals, failures by status, latency percentiles, queues, cache (--service ID for one)',
  top: 'live view refreshing every second (q or Ctrl-C quits)',
  register: 'register a service and hold it until Ctrl-C or --hold-ms',
  unregister: "remove a service's registration (root, the daemon's user or the registrant's)",
  embed: 'send one embedding request through the kernel path',
  health: 'exit 0 when attached with at least one healthy service',
  token: "registration tokens: create, list, revoke (root or the daemon's user)",
  completion: 'print the bash completion script',
  help: 'help for a command',
};

// One line of help per array entry: readable here, joined when printed.
const DETAILS: Partial<Record<Command, readonly string[]>> = {
  stats: ['options:', '  --service ID           one service', 'examples:', '  vexfsctl stats', '  vexfsctl stats --service minilm --json'],
  top: ['options:', '  --interval MS          refresh period (100-60000, default 1000)', 'keys: q or Ctrl-C quits'],
  register: [
    'options:',
    '  --id ID                required, [A-Za-z0-9._-]',
    '  --dims N[,N...]        required, 1-16 sizes of 1-8192',
    '  --endpoint unix:/PATH  required, where the daemon connects',
    '  --name NAME            default the id',
    '  --version V',
    '  --models A,B           default: serves requests naming no model',
    '  --max-batch N          1-1000, default 32',
    '  --priority N           0-255, default 0',
    '  --data-types T,T       float32,float16,int8,int16,binary (default float32)',
    '  --hold-ms MS           unregister after this long (default: at Ctrl-C)',
    '  --token TOKEN          a registration token (default $VEXFS_REGISTRATION_TOKEN)',
    'example:',
    '  vexfsctl register --id test --dims 384 --endpoint unix:/run/test.sock --hold-ms 60000',
  ],
  token: [
    'vexfsctl token create --services PATTERN [--models A,B] [--ttl 7d] [--note TEXT]',
    '  --services PATTERN     service ids the token allows; * matches any run of characters',
    '  --models A,B           model patterns it allows (default *: any, and services naming no model)',
    '  --ttl DURATION         90s, 30m, 12h, 7d (default 1d, at most 366d)',
    '  prints the token once; give it to the service (SDK option token, or $VEXFS_REGISTRATION_TOKEN)',
    'vexfsctl token list',
    'vexfsctl token revoke ID   at once: registrations made with it are removed',
    "needs the daemon's --state-dir",
  ],
  unregister: [
    "Goes to the daemon's control socket (an ioctl can only unregister what its own file registered);",
    'a registration made by ioctl is revoked in the module as well, which frees its id at once.',
    'example:',
    '  vexfsctl unregister minilm',
  ],
  embed: [
    'options:',
    '  --model NAME',
    '  --dims N               default: the first size of a service serving the model',
    '  --dtype T              float32 (default), float16, int8, int16, binary',
    '  --priority P           0-255 or low, normal (default), high, critical',
    '  --timeout MS           1-600000, default 5000',
    '  --session KEY          1-18446744073709551615: requests with the same key stay on one service',
    '                         while the daemon runs --sticky-by key',
    'exits 1 when the answer is not SUCCESS',
    'example:',
    '  vexfsctl embed "hello world" --model minilm --dims 384',
  ],
};

export function helpText(topic?: string): string {
  if (topic !== undefined && topic in SUMMARY) {
    const c = topic as Command;
    const opts = Object.keys(COMMAND_OPTIONS[c]);
    return [`vexfsctl ${c}: ${SUMMARY[c]}`, DETAILS[c]?.join('\n') ?? (opts.length ? `options: ${opts.map((x) => `--${x}`).join(' ')}` : ''), '', GLOBAL_HELP]
      .filter((x) => x !== '')
      .join('\n');
  }
  if (topic !== undefined) throw usage(`no help for "${topic}" (commands: ${Object.keys(SUMMARY).join(', ')})`);
  return [
    'usage: vexfsctl [options] <command> [args]',
    '',
    'commands:',
    ...Object.entries(SUMMARY).map(([c, s]) => `  ${c.padEnd(11)} ${s}`),
    '',
    GLOBAL_HELP,
    '',
    'examples:',
    '  vexfsctl status',
    '  vexfsctl services --json | jq \'.[] | select(.breaker != "closed")\'',
    '  vexfsctl embed "the quick brown fox" --model minilm',
    '  vexfsctl top',
    '',
    'exit codes: 0 ok, 1 operation failed, 2 bad usage, 3 module/daemon unavailable, 4 permission denied, 5 unknown service',
  ].join('\n');
}

const GLOBAL_HELP = [
  'global options:',
  `  --json                 machine-readable output`,
  `  --via auto|device|daemon  ioctl on the device (auto: when it exists) or the daemon's control socket`,
  `  --device PATH          default ${DEVICE_PATH}`,
  `  --socket PATH          default $VEXFS_CONTROL_SOCKET or ${findControlSocket()}`,
  '  --no-color             (colour is used only on a terminal, never with NO_COLOR set)',
].join('\n');
