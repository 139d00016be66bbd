// Both control surfaces serve one table of operations: who may do what, and the errno of each refusal, are decided there.
import { describe, expect, it } from 'vitest';

import { Cmd } from '../../../src/abi/uapi.js';
import { type KernelControlContext, KERNEL_OWNER, handleKernelControl } from '../../../src/control/kernel-control.js';
import { OPERATIONS, type OperationName, perform } from '../../../src/control/operations.js';
import type { KernelChannel } from '../../../src/kernel-side/channels/channel.js';
import type { ReplyMessage } from '../../../src/kernel-side/messages/messages.js';
import { errnoValue } from '../../../src/kernel-side/netlink/extack.js';
import { ServiceRegistry } from '../../../src/services/registry/registry.js';

const EPERM = errnoValue('EPERM');

describe('control operations', () => {
  it('refuse an unknown caller every operation that needs credentials, and a stranger every administrator operation, naming what', () => {
    const registry = new ServiceRegistry();
    const ctx = { registry, tokens: undefined };
    const stranger = process.getuid?.() === 65534 ? 65533 : 65534;
    for (const [name, spec] of Object.entries(OPERATIONS) as Array<[OperationName, (typeof OPERATIONS)[OperationName]]>) {
      if (spec.who === 'anyone') continue;
      const unknown = perform(name, ctx, { owner: 'x' }, {} as never);
      expect(unknown, name).toEqual({ ok: false, errno: EPERM, reason: expect.stringContaining(`no SO_PEERCRED), so this request (${spec.what})`) });
      if (spec.who !== 'admin') continue;
      const other = perform(name, ctx, { owner: 'x', uid: stranger, pid: 1 }, {} as never);
      expect(other, name).toEqual({
        ok: false,
        errno: EPERM,
        reason: `${spec.what} need root or uid ${process.getuid?.() ?? 0} (the daemon's); you are uid ${stranger}`,
      });
    }
    registry.close();
  });

  it("answer a refusal alike whichever surface asks: the kernel REPLY carries the table's errno and reason", () => {
    const registry = new ServiceRegistry();
    const direct = perform('status', { registry, tokens: undefined }, { owner: KERNEL_OWNER }, { id: 'nobody' });
    const replies: ReplyMessage[] = [];
    const ch = { reply: (m: ReplyMessage) => replies.push(m) } as unknown as KernelChannel;
    const fail = () => {
      throw new Error('not expected');
    };
    const ctx: KernelControlContext = { registry, stats: fail, describe: fail, tokens: undefined, verifying: new Map(), onFault: fail };
    handleKernelControl({ cmd: Cmd.SERVICE_STATUS, msg: { requestId: 5n, serviceId: 'nobody' } }, ch, ctx);
    expect(direct).toMatchObject({ ok: false, errno: errnoValue('ENOENT') });
    if (direct instanceof Promise || direct.ok) throw new Error('expected a refusal');
    expect(replies).toEqual([{ requestId: 5n, errno: direct.errno, errorMsg: direct.reason }]);
    registry.close();
  });

  it('raise a fault (not a refusal) for the surface to count, and the kernel caller still gets EIO', () => {
    const registry = new ServiceRegistry();
    registry.list = () => {
      throw new Error('broken registry');
    };
    expect(() => perform('list', { registry, tokens: undefined }, { owner: 'x' }, {})).toThrow('broken registry');
    const replies: ReplyMessage[] = [];
    const ch = { reply: (m: ReplyMessage) => replies.push(m) } as unknown as KernelChannel;
    const ctx: KernelControlContext = { registry, stats: () => ({}), describe: () => [], tokens: undefined, verifying: new Map(), onFault: () => {} };
    expect(() => handleKernelControl({ cmd: Cmd.LIST_SERVICES, msg: { requestId: 6n } }, ch, ctx)).toThrow('broken registry');
    expect(replies).toEqual([{ requestId: 6n, errno: errnoValue('EIO'), errorMsg: 'the daemon failed to answer (see its log)' }]);
    registry.close();
  });
});
