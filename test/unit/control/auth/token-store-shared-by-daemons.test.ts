// The token store shared by daemons on one state directory: a revocation made by one holds in
// the others at once, survives the others' writes and restarts; writers at the same moment lose
// nothing; the directory, key and store are refused when others could read or replace them.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { TokenAuthority } from '../../../../src/control/auth/tokens.js';

const mint = (a: TokenAuthority, services = 'svc-*') => a.mint({ services, models: ['m'], ttlMs: 60_000, note: '', byUid: 0 });
const stateDir = () => mkdtempSync(join(tmpdir(), 'vexfs-state-'));

describe('the token store shared by daemons', () => {
  it('a token revoked on one daemon is refused by another, stays revoked after the other mints, and after a restart', async () => {
    const dir = stateDir();
    const a = TokenAuthority.open(dir);
    const b = TokenAuthority.open(dir);
    const { token, record } = await mint(a);
    await expect(b.verify(token)).resolves.toMatchObject({ id: record.id });
    a.revoke(record.id);
    await expect(b.verify(token)).rejects.toThrow(/was revoked/);
    expect(b.void(record.id)).toMatch(/was revoked/);
    // B writes next from what it holds: the revocation is not undone on disk.
    await mint(b);
    const restarted = TokenAuthority.open(dir);
    await expect(restarted.verify(token)).rejects.toThrow(/was revoked/);
    await expect(a.verify(token)).rejects.toThrow(/was revoked/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('daemons writing at the same moment lose no token', async () => {
    const dir = stateDir();
    TokenAuthority.open(dir);
    const tokensModule = new URL('../../../../dist/control/auth/tokens.js', import.meta.url).href;
    const writer = `const { TokenAuthority } = await import(${JSON.stringify(tokensModule)});
      const a = TokenAuthority.open(${JSON.stringify(dir)});
      for (let i = 0; i < 25; i++) await a.mint({ services: 'w', models: ['m'], ttlMs: 60000, note: String(i), byUid: 0 });`;
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<number>((resolve) => {
          const c = spawn(process.execPath, ['--input-type=module', '-e', writer], { stdio: 'inherit' });
          c.on('exit', (code) => resolve(code ?? -1));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const stored = JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')) as { tokens: unknown[] };
    expect(stored.tokens).toHaveLength(100);
  });

  it('refuses a state directory, key or store that others can read or that is a link', () => {
    const open = stateDir();
    chmodSync(open, 0o755);
    expect(() => TokenAuthority.open(open)).toThrow(/has mode 755: group and others must have no access/);
    const linked = join(stateDir(), 'link');
    symlinkSync(stateDir(), linked);
    expect(() => TokenAuthority.open(linked)).toThrow(/is not a directory \(a symbolic link is refused too\)/);
    const loose = stateDir();
    writeFileSync(join(loose, 'token.key'), Buffer.alloc(32, 7).toString('base64'), { mode: 0o644 });
    expect(() => TokenAuthority.open(loose)).toThrow(/token.key has mode 644: it must be 600/);
    const store = stateDir();
    TokenAuthority.open(store);
    const elsewhere = join(stateDir(), 'planted.json');
    writeFileSync(elsewhere, '{"tokens":[]}', { mode: 0o600 });
    symlinkSync(elsewhere, join(store, 'tokens.json'));
    expect(() => TokenAuthority.open(store)).toThrow(/tokens.json is not a regular file/);
  });

  it('a planted link at the old fixed temporary name is not followed', async () => {
    const dir = stateDir();
    const a = TokenAuthority.open(dir);
    const victim = join(mkdtempSync(join(tmpdir(), 'vexfs-victim-')), 'victim');
    mkdirSync(join(victim, '..'), { recursive: true });
    writeFileSync(victim, 'untouched');
    symlinkSync(victim, join(dir, 'tokens.json.tmp'));
    await mint(a);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
  });
});
