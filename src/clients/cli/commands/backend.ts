/** vexfsctl backend add|remove|list: HTTP embedding backends of the daemon, at run time. */
import type { CommandSpec } from '../command.js';
import { ExitCode, usage } from '../errors.js';
import { type Style, table } from '../format.js';

export const backend: CommandSpec = {
  name: 'backend',
  summary: "HTTP embedding backends: add, remove, list (root or the daemon's user)",
  args: '<action> [value]',
  details: [
    "vexfsctl backend add '<json>'   one entry as in the configuration's \"backends\" list, e.g.",
    '  \'{"id":"tei","url":"http://127.0.0.1:8080","model":"bge-small","dimensions":[384],"apiKeyEnv":"TEI_KEY"}\'',
    'vexfsctl backend remove <id>',
    'vexfsctl backend list',
    'added backends last until the daemon stops: put lasting ones in its configuration',
  ],
  async run(ctx, [action, value]) {
    if (action !== 'add' && action !== 'remove' && action !== 'list') throw usage(`backend ${JSON.stringify(action)}: expected add, remove or list`);
    if (action !== 'list' && value === undefined)
      throw usage(`backend ${action} needs ${action === 'add' ? 'the backend as JSON (\'{"id": ...}\')' : 'the backend id'}`);
    const d = await ctx.daemon();
    if (action === 'add') {
      const stored = JSON.parse(await d.backendAdd(value as string)) as Record<string, unknown>;
      ctx.io.out(ctx.json ? JSON.stringify(stored, null, 2) : `added backend ${stored.id} (${stored.model ?? `${stored.dialect} models`} at ${stored.url})`);
    } else if (action === 'remove') {
      await d.backendRemove(value as string);
      ctx.io.out(ctx.json ? JSON.stringify({ removed: value }) : `removed backend ${value}`);
    } else {
      const list = (await d.backendList()).map((j) => JSON.parse(j) as Record<string, unknown>);
      ctx.io.out(ctx.json ? JSON.stringify(list, null, 2) : backendsText(ctx.style, list));
    }
    return ExitCode.OK;
  },
};

/** The models a backend serves: pinned by its configuration, or those its server named (marked "from the server"). */
function modelsOf(b: Record<string, unknown>): string {
  const pinned = (b.models as string[] | undefined) ?? (b.model !== undefined ? [String(b.model)] : undefined);
  if (pinned !== undefined) return pinned.join(',');
  const server = b.server as { models?: string[] } | undefined;
  return server?.models?.length ? `${server.models.join(',')} (from the server)` : '(not known yet)';
}

function backendsText(style: Style, list: Array<Record<string, unknown>>): string {
  if (list.length === 0) return 'no backends are declared';
  return table(
    style,
    ['ID', 'DIALECT', 'URL', 'MODELS', 'DIMS', 'BATCH', 'CONNECTIONS', 'KEY'],
    list.map((b) => [
      String(b.id),
      String(b.dialect ?? 'openai'),
      String(b.url),
      modelsOf(b),
      (b.dimensions as number[]).join(','),
      String(b.maxBatchSize),
      String(b.connections),
      b.apiKeyFile ? `file ${b.apiKeyFile}` : b.apiKeyEnv ? `env ${b.apiKeyEnv}` : '-',
    ]),
  );
}
