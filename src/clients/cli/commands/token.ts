/** vexfsctl token create|list|revoke: registration tokens, through the daemon. */
import type { TokenInfoMsg } from '../../../services/wire/proto.js';
import type { CommandSpec } from '../command.js';
import { ExitCode, usage } from '../errors.js';
import { type Style, table } from '../format.js';
import { type Raw, intOption, listOption, stringOption } from '../options.js';

export const token: CommandSpec = {
  name: 'token',
  summary: "registration tokens: create, list, revoke (root or the daemon's user)",
  args: '<action> [id]',
  options: [
    ['--services <PATTERN>', 'create: service ids the token allows; * matches any run of characters'],
    ['--models <A,B>', 'create, required: model patterns it allows (* allows any, and services naming no model)'],
    ['--max-registrations <N>', 'create: registrations it may hold at once, 1-256 (default 8)'],
    ['--ttl <DURATION>', 'create: 90s, 30m, 12h, 7d (default 1d, at most 366d)'],
    ['--note <TEXT>', 'create: a note kept with it'],
  ],
  details: [
    'vexfsctl token create --services PATTERN --models A,B [--max-registrations N] [--ttl 7d] [--note TEXT]',
    '  prints the token once; give it to the service (SDK option token, or $VEXFS_REGISTRATION_TOKEN)',
    'vexfsctl token list',
    'vexfsctl token revoke ID   at once: registrations made with it are removed',
    "needs the daemon's --state-dir",
  ],
  async run(ctx, [action, id], o) {
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw usage(`token ${JSON.stringify(action)}: expected create, list or revoke`);
    if (action === 'revoke' && id === undefined) throw usage('token revoke needs the token id (vexfsctl token list shows them)');
    const d = await ctx.daemon();
    if (action === 'create') {
      const services = stringOption('services', o.services);
      if (services === undefined) throw usage('token create needs --services (see vexfsctl token --help)');
      const models = listOption(o.models, []);
      if (models.length === 0) throw usage('token create needs --models (the model patterns it allows; "*" for any)');
      const note = typeof o.note === 'string' ? o.note : '';
      const maxRegistrations = intOption('max-registrations', o.maxRegistrations, 1, 256, 8);
      const { token: t, info } = await d.tokenCreate({ services, models, ttlMs: ttlOption(o.ttl), note, maxRegistrations });
      ctx.io.out(
        ctx.json
          ? JSON.stringify({ token: t, ...tokenView(info) }, null, 2)
          : `${t}\n(token ${info.id}: services ${info.services}, models ${info.models.join(',')}, expires ${new Date(info.expiresAtMs).toISOString()}; shown only now)`,
      );
    } else if (action === 'list') {
      const list = (await d.tokenList()).map(tokenView);
      ctx.io.out(ctx.json ? JSON.stringify(list, null, 2) : tokensText(ctx.style, list));
    } else {
      const info = tokenView(await d.tokenRevoke(id as string));
      ctx.io.out(ctx.json ? JSON.stringify(info, null, 2) : `revoked token ${info.id}`);
    }
    return ExitCode.OK;
  },
};

const TTL_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function ttlOption(raw: Raw): number {
  if (raw === undefined) return 86_400_000;
  const m = typeof raw === 'string' ? /^(\d{1,6})([smhd])$/.exec(raw) : null;
  const ms = m ? Number(m[1]) * (TTL_UNITS[m[2] as string] as number) : 0;
  if (ms < 1000 || ms > 366 * 86_400_000) throw usage(`--ttl ${JSON.stringify(raw)}: a duration such as 90s, 30m, 12h or 7d, from 1s to 366d`);
  return ms;
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
  maxRegistrations: number;
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
    maxRegistrations: t.maxRegistrations,
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
    `${t.liveRegistrations}/${t.maxRegistrations}`,
    t.note,
  ]);
  return table(style, ['ID', 'SERVICES', 'MODELS', 'STATE', 'EXPIRES', 'LIVE', 'NOTE'], rows);
}
