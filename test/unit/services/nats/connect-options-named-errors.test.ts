// NATS connection settings: every mistake names its option and what is accepted; secrets come only from files and never reach what is logged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadConfig } from '../../../../src/daemon/config.js';
import { NATS_AUTH_FLAGS, describeNats, natsOptions } from '../../../../src/services/nats/connect.js';
import { natsAuthOf } from '../../../../src/control/cluster/nats-node.js';
import { SETTING_KEYS, flagOf } from '../../../../src/daemon/settings.js';
import { natsServers } from '../../../../src/services/nats/servers.js';

const dir = mkdtempSync(join(tmpdir(), 'vexfs-nats-opts-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('NATS connection settings', () => {
  it('takes server lists and refuses other schemes and credentials in the URL', () => {
    expect(natsServers('nats://a:4222, tls://b:4443,c:4222')).toEqual(['nats://a:4222', 'tls://b:4443', 'c:4222']);
    expect(() => natsServers('http://a:80')).toThrow(/nats: "http:\/\/a:80": the scheme is http:, expected nats:\/\/ or tls:\/\//);
    expect(() => natsServers('nats://u:secret@a:4222')).toThrow(/the URL carries credentials/);
    expect(() => natsServers(' , ')).toThrow(/no server given/);
  });

  it('reads secrets from files, names a missing one, and refuses two kinds of authentication', () => {
    const pass = file('pass', 's3cret\n');
    expect(natsOptions({ url: 'nats://a:1', user: 'bridge', passwordFile: pass }, 'x')).toMatchObject({ user: 'bridge', pass: 's3cret' });
    expect(natsOptions({ url: 'nats://a:1', tokenFile: file('tok', 'T0K\n') }, 'x')).toMatchObject({ token: 'T0K' });
    expect(() => natsOptions({ url: 'nats://a:1', tokenFile: join(dir, 'none') }, 'x')).toThrow(/natsTokenFile: cannot read .*none: ENOENT/);
    expect(() => natsOptions({ url: 'nats://a:1', tokenFile: file('empty', '\n') }, 'x')).toThrow(/natsTokenFile: .*empty is empty/);
    expect(() => natsOptions({ url: 'nats://a:1', user: 'u', tokenFile: file('t2', 'x') }, 'x')).toThrow(
      /give one of user\/password, token, NKey seed or credentials file/,
    );
    expect(() => natsOptions({ url: 'nats://a:1', passwordFile: pass }, 'x')).toThrow(/natsPasswordFile: a password needs a user/);
    expect(() => natsOptions({ url: 'nats://a:1', tlsCertFile: file('c', 'C') }, 'x')).toThrow(/natsTlsCertFile: a client certificate needs its key/);
    expect(JSON.stringify(describeNats({ url: 'nats://a:1', user: 'bridge', passwordFile: pass }))).not.toMatch(/s3cret/);
  });

  it('the daemon has a setting behind every NATS authentication flag, and reads them into the connection', () => {
    for (const [flag] of NATS_AUTH_FLAGS) expect(SETTING_KEYS.map(flagOf)).toContain(`--${flag}`);
    const pass = file('pw', 'hunter2\n');
    const { config } = loadConfig({ argv: ['--nats', 'nats://127.0.0.1:4222', '--nats-user', 'bridge', '--nats-password-file', pass] });
    expect(natsAuthOf(config)).toEqual({ url: 'nats://127.0.0.1:4222', user: 'bridge', passwordFile: pass });
  });

  it('the daemon names a bad --nats, --nats-host or audit stream name', () => {
    expect(() => loadConfig({ argv: ['--nats', 'http://x:1'] })).toThrow(/nats \(--nats\): "http:\/\/x:1" is not a list of nats:\/\/host:port servers/);
    expect(() => loadConfig({ argv: ['--nats-host', 'a.b'] })).toThrow(/natsHost \(--nats-host\): "a.b" is not 1-63 of A-Z a-z 0-9 _ -/);
    expect(loadConfig({ argv: ['--nats', 'nats://127.0.0.1:4222', '--nats-host', 'node-a'] }).config).toMatchObject({
      nats: 'nats://127.0.0.1:4222',
      natsHost: 'node-a',
    });
  });
});
