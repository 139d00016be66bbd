// Configuration: file < environment < flags, and errors that name the key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadConfig } from '../../../src/daemon/config.js';
import { ConfigError } from '../../../src/errors.js';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vexfs-cfg-')), 'config.json');
  writeFileSync(path, content);
  return path;
}

describe('daemon configuration', () => {
  it('layers file, environment and flags', () => {
    const path = file(JSON.stringify({ kernel: 'twin', maxInflight: 10, logLevel: 'debug' }));
    const { config } = loadConfig({ argv: ['--config', path, '--max-inflight=30'], env: { VEXFS_MAX_INFLIGHT: '20', VEXFS_LOG_LEVEL: 'warn' } });
    expect(config).toMatchObject({ kernel: 'twin', maxInflight: 30, logLevel: 'warn' });
    const places = loadConfig({ argv: ['--control-socket-mode', '0640', '--metrics-allowed-hosts', 'a.local, b.local', '--coalesce', '1'] }).config;
    expect(places).toMatchObject({ controlSocketMode: 0o640, metricsAllowedHosts: ['a.local', 'b.local'], coalesce: true });
  });

  it('reads the service manager settings: policies per model, booleans and limits', () => {
    const path = file(JSON.stringify({ balancerByModel: { 'm-a': 'priority' }, coalesce: true, cacheMaxEntries: 500 }));
    const { config } = loadConfig({
      argv: ['--config', path, '--balancer', 'weighted-round-robin', '--sticky-by', 'pid'],
      env: { VEXFS_BALANCER_BY_MODEL: 'm-b=random, m-c=load', VEXFS_COALESCE: 'false' },
    });
    expect(config).toMatchObject({
      balancer: 'weighted-round-robin',
      balancerByModel: { 'm-b': 'random', 'm-c': 'load' },
      coalesce: false,
      cacheMaxEntries: 500,
      stickyBy: 'pid',
    });
  });

  it('names the bad key, its source and what is accepted', () => {
    const cases: Array<[Parameters<typeof loadConfig>[0], RegExp]> = [
      [{ argv: ['--kernel', 'x'] }, /config kernel \(--kernel\): "x" is not one of auto, genl, chardev, twin/],
      [{ env: { VEXFS_MAX_INFLIGHT: 'lots' } }, /maxInflight \(VEXFS_MAX_INFLIGHT\): "lots" is not an integer from 1 to 1000000/],
      [{ argv: ['--control-socket', 'rel/path'] }, /controlSocket \(--control-socket\): "rel\/path" is not an absolute path/],
      [{ argv: ['--bogus', '1'] }, /--bogus: unknown flag \(accepted: --config, --kernel/],
      [{ argv: ['--kernel'] }, /--kernel: needs a value/],
      [{ argv: ['--config', file('{"kernal": "twin"}')] }, /config kernal: unknown key in .* \(accepted: kernel, controlSocket/],
      [{ argv: ['--config', file('{"maxServices": 999}')] }, /maxServices \(.*config.json\): 999 is not an integer from 1 to 256/],
      [{ argv: ['--config', file('not json')] }, /cannot read it as JSON/],
      [{ argv: ['--reconnect-min-ms', '500', '--reconnect-max-ms', '100'] }, /reconnectMinMs: 500 exceeds reconnectMaxMs 100/],
      [{ argv: ['--balancer', 'fastest'] }, /balancer \(--balancer\): "fastest" is not one of round-robin, weighted-round-robin, least-connections/],
      [{ argv: ['--balancer-by-model', 'm1=random,m2'] }, /balancerByModel \(--balancer-by-model\): "m2" is not model=policy/],
      [{ argv: ['--config', file('{"balancerByModel": {"m": "best"}}')] }, /policy "best" for model "m" is not one of round-robin/],
      [{ argv: ['--config', file('{"balancerByModel": ["m"]}')] }, /is not an object of model: policy/],
      [{ env: { VEXFS_COALESCE: 'yes' } }, /coalesce \(VEXFS_COALESCE\): "yes" is not true or false/],
      [{ argv: ['--otlp-endpoint', 'collector:4318'] }, /otlpEndpoint \(--otlp-endpoint\): "collector:4318" is not an http:\/\/ or https:\/\/ URL/],
      [{ env: { VEXFS_OTLP_ENDPOINT: 'not a url' } }, /otlpEndpoint \(VEXFS_OTLP_ENDPOINT\): "not a url" is not an http/],
      [{ argv: ['--control-socket-mode', '0666'] }, /controlSocketMode \(--control-socket-mode\): "0666" would let every user connect/],
      [{ argv: ['--control-socket-mode', '9'] }, /"9" is not an octal mode such as 0660/],
      [{ argv: ['--control-socket-group', 'Bad Group'] }, /controlSocketGroup \(--control-socket-group\): "Bad Group" is not a group name or number/],
      [{ argv: ['--metrics-allowed-hosts', 'a b'] }, /metricsAllowedHosts \(--metrics-allowed-hosts\): "a b" is not a list of host names/],
      [{ argv: ['--cache-scope', 'global'] }, /cacheScope \(--cache-scope\): "global" is not one of uid, shared/],
      [{ argv: ['--policy-file', 'policy.json'] }, /policyFile \(--policy-file\): "policy.json" is not an absolute path \(or empty for off\)/],
    ];
    for (const [sources, message] of cases) {
      expect(() => loadConfig(sources)).toThrow(ConfigError);
      expect(() => loadConfig(sources)).toThrow(message);
    }
  });
});
