// The TS mirror of the uapi header must match what a C compiler makes of it:
// every constant, every struct size and field offset, in both directions,
// with no hidden padding and the same layout on 32-bit x86.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ABI_STRUCTS, Ioctl } from '../../../src/abi/structs.js';
import { ABI_GROUPS } from '../../../src/abi/uapi.js';

const UAPI_DIR = join(import.meta.dirname, '..', '..', '..', 'kernel-shim', 'include', 'uapi');
const HEADER = readFileSync(join(UAPI_DIR, 'linux', 'vexfs_ipc.h'), 'utf8');

interface CField {
  name: string;
  cType: string;
  offset: number;
  size: number;
}
interface CLayout {
  constants: Map<string, number | string>;
  structs: Map<string, { size: number; fields: CField[] }>;
}

/** Every object-like VEXFS_* macro and enum member the header defines. */
function constantNames(): string[] {
  const names = new Set<string>();
  for (const m of HEADER.matchAll(/^#define\s+(VEXFS_\w+)(?!\()/gm)) names.add(m[1] as string);
  for (const body of HEADER.matchAll(/^enum\s+\w+\s*\{([\s\S]*?)^\};/gm)) {
    for (const m of (body[1] as string).matchAll(/^\s*(VEXFS_\w+)\s*[=,]/gm)) names.add(m[1] as string);
  }
  return [...names].sort();
}

function structDefs(): Map<string, { name: string; cType: string }[]> {
  const out = new Map<string, { name: string; cType: string }[]>();
  for (const m of HEADER.matchAll(/^struct\s+(vexfs_ipc_\w+)\s*\{([\s\S]*?)^\};/gm)) {
    const fields = [...(m[2] as string).matchAll(/^\s*((?:struct\s+)?\w+)\s+(\w+)(\[[^\]]+\])?;/gm)].map((f) => ({
      cType: f[1] as string,
      name: f[2] as string,
    }));
    out.set(m[1] as string, fields);
  }
  return out;
}

let dir: string;
let layout: CLayout;

function compileAndRun(): CLayout {
  const names = constantNames();
  const structs = structDefs();
  const lines = [
    '#include <stdio.h>',
    '#include <stddef.h>',
    '#include "linux/vexfs_ipc.h"',
    'static void pn(const char *n, unsigned long long v) { printf("const %s %llu\\n", n, v); }',
    'static void ps(const char *n, const char *v) { printf("str %s %s\\n", n, v); }',
    '#define P(x) _Generic((x), char *: ps, const char *: ps, default: pn)(#x, x)',
    '#define FIELD(s, f) printf("field %s %s %zu %zu\\n", #s, #f, offsetof(struct s, f), sizeof(((struct s *)0)->f))',
    'int main(void) {',
    ...names.map((n) => `  P(${n});`),
    ...[...structs].flatMap(([s, fields]) => [`  printf("size %s %zu\\n", "${s}", sizeof(struct ${s}));`, ...fields.map((f) => `  FIELD(${s}, ${f.name});`)]),
    '  return 0;',
    '}',
  ];
  const src = join(dir, 'abi.c');
  const bin = join(dir, 'abi');
  writeFileSync(src, lines.join('\n'));
  // -Wpadded turns any padding the compiler would insert into an error.
  execFileSync('gcc', ['-std=c11', '-Wall', '-Wextra', '-Wpadded', '-Werror', '-I', UAPI_DIR, '-o', bin, src]);
  const out = execFileSync(bin, { encoding: 'utf8' });
  const result: CLayout = { constants: new Map(), structs: new Map() };
  for (const line of out.trim().split('\n')) {
    const [kind, a, b, c, d] = line.split(' ') as [string, string, string, string?, string?];
    if (kind === 'const') result.constants.set(a, Number(b));
    else if (kind === 'str') result.constants.set(a, b);
    else if (kind === 'size') result.structs.set(a, { size: Number(b), fields: [] });
    else if (kind === 'field') {
      const cType = structs.get(a)?.find((f) => f.name === b)?.cType ?? '?';
      result.structs.get(a)?.fields.push({ name: b, cType, offset: Number(c), size: Number(d) });
    }
  }
  return result;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vexfs-abi-'));
  layout = compileAndRun();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('uapi header and TypeScript mirror', () => {
  it('finds the header content it checks', () => {
    expect(layout.constants.size).toBeGreaterThan(150);
    expect(layout.structs.size).toBe(10);
  });

  it('has every header constant in TS with the same value, and nothing extra', () => {
    const ts = new Map<string, number | string>();
    for (const group of ABI_GROUPS) {
      for (const [key, value] of Object.entries(group.values)) ts.set(group.prefix + key, value);
    }
    for (const [key, value] of Object.entries(Ioctl)) ts.set(`VEXFS_IOCTL_IPC_${key}`, value);
    const c = Object.fromEntries([...layout.constants].sort());
    const mirror = Object.fromEntries([...ts].sort());
    expect(mirror).toEqual(c);
  });

  it('describes every struct with the same size and field offsets', () => {
    expect(Object.keys(ABI_STRUCTS).sort()).toEqual([...layout.structs.keys()].sort());
    for (const [name, c] of layout.structs) {
      const type = ABI_STRUCTS[name as keyof typeof ABI_STRUCTS];
      expect(koffi.sizeof(type), `sizeof(struct ${name})`).toBe(c.size);
      const members = koffi.introspect(type).members as Record<string, { offset: number; type: koffi.IKoffiCType }>;
      expect(Object.keys(members), `fields of struct ${name}`).toEqual(c.fields.map((f) => f.name));
      for (const f of c.fields) {
        expect(members[f.name]?.offset, `offsetof(${name}, ${f.name})`).toBe(f.offset);
        expect(koffi.sizeof(members[f.name]?.type as koffi.IKoffiCType), `sizeof(${name}.${f.name})`).toBe(f.size);
      }
    }
  });

  it('aligns every 64-bit field and struct size to 8 bytes and leaves no hidden padding', () => {
    for (const [name, c] of layout.structs) {
      expect(c.size % 8, `sizeof(struct ${name}) % 8`).toBe(0);
      let covered = 0;
      for (const f of c.fields) {
        if (f.cType === '__u64') expect(f.offset % 8, `${name}.${f.name} offset`).toBe(0);
        expect(f.offset, `${name}.${f.name} follows the previous field`).toBe(covered);
        covered = f.offset + f.size;
      }
      expect(covered, `${name} fields cover the struct`).toBe(c.size);
    }
  });

  it('has the same layout when compiled for 32-bit x86', () => {
    const asserts = ['#include <stddef.h>', '#include "linux/vexfs_ipc.h"'];
    for (const [name, c] of layout.structs) {
      asserts.push(`_Static_assert(sizeof(struct ${name}) == ${c.size}, "sizeof ${name}");`);
      for (const f of c.fields) {
        asserts.push(`_Static_assert(offsetof(struct ${name}, ${f.name}) == ${f.offset}, "${name}.${f.name}");`);
      }
    }
    for (const key of Object.keys(Ioctl)) {
      asserts.push(`_Static_assert(VEXFS_IOCTL_IPC_${key} == ${layout.constants.get(`VEXFS_IOCTL_IPC_${key}`)}U, "${key}");`);
    }
    const src = join(dir, 'abi32.c');
    writeFileSync(src, asserts.join('\n'));
    // asm/types.h lives in the multiarch directory, valid for both widths.
    execFileSync('gcc', ['-m32', '-std=c11', '-fsyntax-only', '-Wpadded', '-Werror', '-I', '/usr/include/x86_64-linux-gnu', '-I', UAPI_DIR, src]);
  });

  it('encodes ioctl numbers with magic V, the command number and the struct size', () => {
    expect((Ioctl.REGISTER_SERVICE >>> 8) & 0xff).toBe(0x56);
    expect(Ioctl.REGISTER_SERVICE & 0xff).toBe(0x20);
    expect(Ioctl.GET_STATS & 0xff).toBe(0x25);
    expect(Ioctl.SEND_EMBEDDING_REQUEST >>> 30).toBe(3);
    expect(Ioctl.REGISTER_SERVICE >>> 30).toBe(1);
  });
});
