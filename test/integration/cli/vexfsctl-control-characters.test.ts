// Names, versions and endpoints come from whoever registered: vexfsctl shows their control
// characters escaped, so none reaches the administrator's terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { clean } from '../../../src/clients/cli/format.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { ctl } from '../../helpers/ctl.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { serviceInfo } from '../../helpers/service-info.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('vexfsctl and hostile names', () => {
  it('escapes C0, DEL and C1 control characters', () => {
    expect(clean('a\u001b[2Jb\u0007c\u007fd\u009be')).toBe('a\\x1b[2Jb\\x07c\\x7fd\\x9be');
    expect(clean('plain µs ✓')).toBe('plain µs ✓');
  });

  it('prints a service whose name carries an escape sequence without the escape', async () => {
    bridge = await start();
    const c = await ControlClient.connect(bridge.daemon.config.controlSocket);
    try {
      await c.register(
        serviceInfo('evil-name', { name: 'x\u001b]0;pwned\u0007\u001b[2J', version: '1\u001b[31m', dimensions: [8], endpoint: 'unix:/tmp/evil-name.sock' }),
      );
      const socket = bridge.daemon.config.controlSocket;
      for (const args of [['services'], ['service', 'evil-name']]) {
        const r = await ctl(['--socket', socket, ...args]);
        expect(r.code, r.stderr).toBe(0);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
        expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(r.stdout).toContain('x\\x1b]0;pwned\\x07\\x1b[2J');
      }
    } finally {
      c.close();
    }
  });

  it('vexfsctl audit escapes what records carry and quotes values, so no value forges a field or a record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-audit-'));
    const file = join(dir, 'audit.log');
    const forged = 'x\n2026-01-01T00:00:00Z  token.revoked  token=all\u001b]52;c;cHduZWQ=\u0007';
    // As the daemon writes them (JSON lines), and one line someone wrote raw into a stream.
    writeFileSync(file, `${JSON.stringify({ ts: '2026-12-04T00:00:00Z', event: 'registration.refused', id: forged, reason: 'a b=c' })}\nraw \u001b[2J line\n`);
    for (const json of [false, true]) {
      const r = await ctl([...(json ? ['--json'] : []), 'audit', '--file', file]);
      expect(r.code, r.stderr).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout.trim().split('\n')).toHaveLength(2);
    }
    const text = await ctl(['audit', '--file', file]);
    expect(text.stdout).toContain('reason="a b=c"');
    expect(text.stdout).toContain('raw \\x1b[2J line');
  });
});
