// The protobuf code and types in src/services/wire/generated are what `npm run proto` makes from
// proto/bridge.proto now: a schema change without regenerating fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');

describe('generated protobuf code', () => {
  it('matches what the generator makes from proto/bridge.proto', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-proto-'));
    try {
      execFileSync(process.execPath, [join(root, 'proto', 'generate.mjs'), dir]);
      for (const f of ['bridge.js', 'bridge.d.ts']) {
        expect(readFileSync(join(dir, f), 'utf8'), `${f} is stale: run npm run proto`).toBe(
          readFileSync(join(root, 'src', 'services', 'wire', 'generated', f), 'utf8'),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
