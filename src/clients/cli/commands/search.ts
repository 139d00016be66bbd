/**
 * vexfsctl search <dir> <query>: ranks the files of a directory the
 * filesystem hook embedded (their trusted.vexfs.embedding attributes) by
 * how near they are to a query embedded through the kernel path with the
 * same model. Vectors of different models or versions are never ranked
 * together: with more than one in the directory, one is chosen by option or
 * the search is refused.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { HOOK_XATTR, type HookVectors, parseHookXattr } from '../../../abi/hook-xattr.js';
import { Consts, DataType, Priority, Status } from '../../../abi/uapi.js';
import { loadNative } from '../../../native.js';
import { cosine } from '../../../kernel-side/messages/vectors.js';
import type { CommandSpec } from '../command.js';
import { CliError, ExitCode, usage } from '../errors.js';
import { type Style, clean, table } from '../format.js';
import { intOption, stringOption } from '../options.js';
import { STATUS_NAMES, nameOf } from '../../../abi/names.js';

export interface Embedded {
  file: string;
  vectors: HookVectors;
}

export interface SearchHit {
  file: string;
  score: number;
  offset: number;
  length: number;
}

/** The embedded files of `dir`, and how many had no attribute or one this reader cannot use. */
function readDir(dir: string): { files: Embedded[]; without: number; unreadable: string[] } {
  const native = loadNative();
  const files: Embedded[] = [];
  const unreadable: string[] = [];
  let without = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(dir, e.name);
    let raw: Buffer | null;
    try {
      raw = native.getxattr(file, HOOK_XATTR);
    } catch (err) {
      unreadable.push(`${e.name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      continue;
    }
    if (raw === null) {
      without++;
      continue;
    }
    try {
      files.push({ file, vectors: parseHookXattr(raw) });
    } catch (err) {
      unreadable.push(`${e.name}: ${(err as Error).message}`);
    }
  }
  return { files, without, unreadable };
}

const groupOf = (v: HookVectors) => `${v.model}\0${v.modelVersion}\0${v.dimensions}`;
const describe = (v: HookVectors) => `model "${v.model}" version "${v.modelVersion}", ${v.dimensions} dimensions`;

/**
 * The files whose vectors may be ranked together: those of one model,
 * version and size (of `model`/`version` when given). Vectors of several
 * are refused, naming each and how many files it has.
 */
export function chooseGroup(all: readonly Embedded[], model: string | undefined, version: string | undefined, where: () => string): Embedded[] {
  const groups = new Map<string, Embedded[]>();
  for (const f of all) {
    if ((model !== undefined && f.vectors.model !== model) || (version !== undefined && f.vectors.modelVersion !== version)) continue;
    const key = groupOf(f.vectors);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  if (groups.size === 0) throw new CliError(ExitCode.NOT_FOUND, `no file has embeddings${model !== undefined ? ` of model "${model}"` : ''} ${where()}`);
  if (groups.size > 1) {
    const list = [...groups.values()].map((g) => `${g.length} by ${describe((g[0] as Embedded).vectors)}`).join('; ');
    throw new CliError(
      ExitCode.FAILED,
      `vectors of different models or versions cannot be ranked together: ${list}. Choose one with --model and --model-version`,
    );
  }
  return [...groups.values()][0] as Embedded[];
}

/** Each file's best chunk against `query`, best first. */
export function rank(files: readonly Embedded[], query: Float32Array): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const f of files) {
    let best: SearchHit | undefined;
    for (const c of f.vectors.chunks) {
      const score = cosine(c.vector, query);
      if (best === undefined || score > best.score) best = { file: f.file, score, offset: c.offset, length: c.length };
    }
    if (best !== undefined) hits.push(best);
  }
  return hits.sort((a, b) => b.score - a.score);
}

export const search: CommandSpec = {
  name: 'search',
  summary: 'rank the files the filesystem hook embedded by nearness to a query',
  args: '<dir> <query>',
  options: [
    ['--top <N>', 'files shown, 1-1000, default 5'],
    ['--model <NAME>', 'with files of several models in <dir>: rank only those of this model'],
    ['--model-version <V>', 'and of this version'],
    ['--timeout <MS>', 'for embedding the query, 1-600000, default 30000'],
  ],
  details: [
    'reads trusted.vexfs.embedding of the regular files in <dir> (root: trusted.* attributes)',
    "embeds <query> by SEND_EMBEDDING_REQUEST with the files' model and dimensions, and refuses",
    'to rank vectors of different models or versions together',
    'example:',
    '  vexfsctl search /srv/notes "how does the journal recover after a crash"',
  ],
  async run(ctx, [dir, query], o) {
    if (dir === undefined || query === undefined || query === '') throw usage('search needs <dir> and a non-empty <query>');
    if (Buffer.byteLength(query) > Consts.MAX_INPUT_BYTES)
      throw usage(`<query> is ${Buffer.byteLength(query)} bytes; at most ${Consts.MAX_INPUT_BYTES} are accepted`);
    const top = intOption('top', o.top, 1, 1000, 5);
    const timeoutMs = intOption('timeout', o.timeout, 1, Consts.MAX_TIMEOUT_MS, 30_000);
    const wantModel = stringOption('model', o.model);
    const wantVersion = stringOption('model-version', o['model-version']);
    let found: ReturnType<typeof readDir>;
    try {
      found = readDir(dir);
    } catch (err) {
      throw new CliError(ExitCode.NOT_FOUND, `cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const chosen = chooseGroup(found.files, wantModel, wantVersion, () => `in ${dir} (${found.without} without, ${found.unreadable.length} unreadable)`);
    const v = (chosen[0] as Embedded).vectors;
    const b = await ctx.backend();
    if (b.source !== 'device')
      throw new CliError(ExitCode.UNAVAILABLE, 'search embeds the query through the kernel (SEND_EMBEDDING_REQUEST): it needs /dev/vexfs_ipc (--via device)');
    const r = await b.embed({
      text: query,
      model: v.model === '' ? undefined : v.model,
      dimensions: v.dimensions,
      dataType: DataType.FLOAT32,
      priority: Priority.NORMAL,
      timeoutMs,
      sessionKey: 0n,
    });
    if (r.status !== Status.SUCCESS) throw new CliError(ExitCode.FAILED, `embedding the query failed: ${nameOf(STATUS_NAMES, r.status)}`);
    const p = r.provenance;
    if (p === undefined || p.model !== v.model || p.modelVersion !== v.modelVersion)
      throw new CliError(
        ExitCode.FAILED,
        `the query was embedded by model "${p?.model ?? '?'}" version "${p?.modelVersion ?? '?'}", the files by "${v.model}" version "${v.modelVersion}": not comparable`,
      );
    const q = new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength));
    const hits = rank(chosen, q).slice(0, top);
    if (ctx.json) {
      ctx.io.out(
        JSON.stringify(
          { model: v.model, modelVersion: v.modelVersion, dimensions: v.dimensions, query, hits, without: found.without, unreadable: found.unreadable },
          null,
          2,
        ),
      );
    } else {
      ctx.io.out(searchText(ctx.style, v, hits, found.without, found.unreadable.length));
    }
    return ExitCode.OK;
  },
};

function searchText(style: Style, v: HookVectors, hits: SearchHit[], without: number, unreadable: number): string {
  const rows = hits.map((h, i) => [String(i + 1), h.score.toFixed(4), clean(h.file), `${h.offset}+${h.length}`]);
  const note = `${describe(v)}${without ? `; ${without} files not embedded yet` : ''}${unreadable ? `; ${unreadable} unreadable` : ''}`;
  return `${table(style, ['RANK', 'SCORE', 'FILE', 'CHUNK'], rows)}\n${note}`;
}
