// Sticky sessions: with --sticky-by key, requests carrying the same caller session key go to the
// same service; requests without one are balanced as usual. By pid, the caller's process decides.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import type { DaemonConfig } from '../../../src/daemon/config.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { ctl } from '../../helpers/ctl.js';

const start = useBridge();
let bridge: TestBridge | undefined;

/** Two services; `served` maps each input text to the services that embedded it. */
async function twoServices(config: Partial<DaemonConfig>, served: Map<string, Set<string>>): Promise<TestBridge> {
  const b = await start({ balancer: 'round-robin', ...config });
  for (const id of ['a', 'b']) {
    await b.service({
      id,
      name: id,
      dimensions: [4],
      embed: (inputs) =>
        inputs.map((input) => {
          const text = Buffer.from(input).toString();
          served.set(text, (served.get(text) ?? new Set()).add(id));
          return filled(4, 1);
        }),
    });
  }
  return b;
}

describe('sticky sessions', () => {
  it('by key: one service per session key, round-robin without one', async () => {
    const served = new Map<string, Set<string>>();
    bridge = await twoServices({ stickyBy: 'key' }, served);
    // Three sessions over two services: plain round-robin would move every one of them each round.
    const keys = [1n, 2n, 0xffffffffffffffffn];
    for (let round = 0; round < 6; round++) {
      for (const key of keys) {
        const r = await bridge.twin.embed({ input: Buffer.from(`session ${key}`), dimensions: 4, sessionKey: key });
        expect(r.status).toBe(Status.SUCCESS);
      }
    }
    for (const key of keys) expect([...(served.get(`session ${key}`) ?? [])], `session ${key}`).toHaveLength(1);
    // Round-robin spreads the sessions themselves, so both services took some.
    expect(new Set(keys.flatMap((k) => [...(served.get(`session ${k}`) ?? [])])).size).toBe(2);
    for (let i = 0; i < 6; i++) await bridge.twin.embed({ input: Buffer.from('no session'), dimensions: 4 });
    expect([...(served.get('no session') ?? [])].sort()).toEqual(['a', 'b']);
    await expect(bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, sessionKey: -1n })).rejects.toThrow(/sessionKey: -1 is not a bigint from 0/);
  });

  it('vexfsctl embed --session carries the key through the control socket', async () => {
    const served = new Map<string, Set<string>>();
    bridge = await twoServices({ stickyBy: 'key' }, served);
    const socket = bridge.daemon.config.controlSocket;
    for (let i = 0; i < 3; i++) {
      for (const key of ['11', '18446744073709551615']) {
        const r = await ctl(['--socket', socket, '--device', '/nonexistent/vexfs_ipc', 'embed', `cli ${key}`, '--dims', '4', '--session', key]);
        expect(r.code, r.stderr).toBe(0);
      }
      // An unkeyed request between rounds moves the round-robin cursor, so only stickiness keeps each key in place.
      await bridge.twin.embed({ input: Buffer.from('between'), dimensions: 4 });
    }
    for (const key of ['11', '18446744073709551615']) expect([...(served.get(`cli ${key}`) ?? [])], `session ${key}`).toHaveLength(1);
  });

  it('by pid: the session key is ignored and the caller process decides', async () => {
    const served = new Map<string, Set<string>>();
    bridge = await twoServices({ stickyBy: 'pid' }, served);
    for (let i = 0; i < 12; i++) {
      const pid = 100 + (i % 3);
      const r = await bridge.twin.embed({ input: Buffer.from(`pid ${pid}`), dimensions: 4, pid, sessionKey: BigInt(i + 1) });
      expect(r.status).toBe(Status.SUCCESS);
    }
    for (const pid of [100, 101, 102]) expect([...(served.get(`pid ${pid}`) ?? [])], `pid ${pid}`).toHaveLength(1);
  });
});
