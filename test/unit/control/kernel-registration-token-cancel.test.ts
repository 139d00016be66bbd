// A device registration with a token is checked asynchronously; when the module gives up
// waiting (its REGISTER timed out) and says UNREGISTER meanwhile, the registration is not made.
import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { Cmd, Flags } from '../../../src/abi/uapi.js';
import { type TokenRecord, type TokenStore, TokenAuthority } from '../../../src/control/auth/tokens.js';
import { type KernelControlContext, handleKernelControl } from '../../../src/control/kernel-control.js';
import { errnoValue } from '../../../src/kernel-side/netlink/extack.js';
import { ServiceRegistry } from '../../../src/services/registry/registry.js';
import type { KernelChannel } from '../../../src/kernel-side/channels/channel.js';
import type { ReplyMessage, ServiceRecord } from '../../../src/kernel-side/messages/messages.js';

class MemoryStore implements TokenStore {
  private readonly m = new Map<string, TokenRecord>();
  list = () => [...this.m.values()];
  get = (id: string) => this.m.get(id);
  put = (r: TokenRecord) => void this.m.set(r.id, r);
}

const service: ServiceRecord = {
  id: 'tok-dev',
  name: 'n',
  version: '',
  dimensions: [8],
  dataTypes: 1,
  models: ['m'],
  maxBatchSize: 1,
  priority: 0,
  endpoint: 'unix:/tmp/tok-dev.sock',
  flags: 0,
};

async function setUp() {
  const tokens = TokenAuthority.withStore(randomBytes(32), new MemoryStore());
  const { token } = await tokens.mint({ services: 'tok-*', models: ['m'], ttlMs: 60_000, note: '', byUid: 0 });
  const registry = new ServiceRegistry();
  const replies: ReplyMessage[] = [];
  const ch = { reply: (m: ReplyMessage) => replies.push(m) } as unknown as KernelChannel;
  const unused = () => {
    throw new Error('unused');
  };
  const ctx: KernelControlContext = { registry, stats: unused, describe: unused, tokens, verifying: new Map(), onFault: unused };
  // Every check the handler starts, so a test can wait for them to end rather than for a time.
  const checks: Promise<unknown>[] = [];
  const verify = tokens.verify.bind(tokens);
  tokens.verify = (t: string) => {
    const p = verify(t);
    checks.push(p);
    return p;
  };
  const checked = async () => {
    await Promise.allSettled(checks);
    // The handler's continuation after the check runs on the next turn.
    await new Promise((r) => setImmediate(r));
  };
  return { token, registry, replies, ch, ctx, checked };
}

describe('device registration with a token', () => {
  it('is made once the token checks out, for an unprivileged registrant', async () => {
    const { token, registry, replies, ch, ctx, checked } = await setUp();
    handleKernelControl({ cmd: Cmd.SERVICE_REGISTER, msg: { requestId: 1n, service, callerUid: 65534, callerPid: 7, token } }, ch, ctx);
    await checked();
    expect(replies).toEqual([{ requestId: 1n, errno: 0 }]);
    expect(registry.get('tok-dev')?.tokenId).toBeDefined();
    registry.close();
  });

  it('is not made when the module said UNREGISTER while the token was being checked', async () => {
    const { token, registry, replies, ch, ctx, checked } = await setUp();
    handleKernelControl({ cmd: Cmd.SERVICE_REGISTER, msg: { requestId: 2n, service, callerUid: 65534, callerPid: 7, token } }, ch, ctx);
    handleKernelControl(
      { cmd: Cmd.SERVICE_UNREGISTER, msg: { requestId: 3n, serviceId: 'tok-dev', flags: Flags.NO_REPLY, callerUid: 65534, callerPid: 7 } },
      ch,
      ctx,
    );
    await checked();
    expect(registry.get('tok-dev')).toBeUndefined();
    expect(replies).toEqual([]);
    expect(ctx.verifying.size).toBe(0);
    registry.close();
  });

  it('answers a fault after the check EIO, raises it, and forgets the check', async () => {
    const { token, registry, replies, ch, ctx, checked } = await setUp();
    const faults: Error[] = [];
    registry.register = () => {
      throw new Error('the registry broke');
    };
    handleKernelControl({ cmd: Cmd.SERVICE_REGISTER, msg: { requestId: 4n, service, callerUid: 65534, callerPid: 7, token } }, ch, {
      ...ctx,
      onFault: (err) => faults.push(err),
    });
    await checked();
    expect(replies).toEqual([{ requestId: 4n, errno: errnoValue('EIO'), errorMsg: 'the daemon failed to answer (see its log)' }]);
    expect(faults.map((e) => e.message)).toEqual(['the registry broke']);
    expect(ctx.verifying.size).toBe(0);
    registry.close();
  });

  it('answers once when its answer cannot be sent: EIO, then the fault raised', async () => {
    const { token, registry, replies, ctx, checked } = await setUp();
    const faults: Error[] = [];
    let first = true;
    const ch = {
      reply: (m: ReplyMessage) => {
        if (first) {
          first = false;
          throw new Error('the answer did not encode');
        }
        replies.push(m);
      },
    } as unknown as KernelChannel;
    handleKernelControl({ cmd: Cmd.SERVICE_REGISTER, msg: { requestId: 5n, service, callerUid: 65534, callerPid: 7, token } }, ch, {
      ...ctx,
      onFault: (err) => faults.push(err),
    });
    await checked();
    expect(replies).toEqual([{ requestId: 5n, errno: errnoValue('EIO'), errorMsg: 'the daemon could not encode its answer' }]);
    expect(faults.map((e) => e.message)).toEqual(['the answer did not encode']);
    registry.close();
  });
});
