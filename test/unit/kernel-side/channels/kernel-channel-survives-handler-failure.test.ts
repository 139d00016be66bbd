// No message from the kernel side can end the daemon: a handler that fails is counted and
// reported, the channel keeps serving, and a forwarded query still gets its answer.
import { afterEach, describe, expect, it } from 'vitest';

import { Cmd } from '../../../../src/abi/uapi.js';
import { handleKernelControl } from '../../../../src/control/kernel-control.js';
import { ServiceRegistry } from '../../../../src/services/registry/registry.js';
import type { KernelChannel } from '../../../../src/kernel-side/channels/channel.js';
import { NetlinkConnection } from '../../../../src/kernel-side/netlink/connection.js';
import { NetlinkProtocol } from '../../../../src/kernel-side/netlink/constants.js';
import { errnoValue } from '../../../../src/kernel-side/netlink/extack.js';
import { NetlinkSocket } from '../../../../src/kernel-side/netlink/socket.js';
import type { ReplyMessage, StatsRecord } from '../../../../src/kernel-side/messages/messages.js';
import { until } from '../../../helpers/wait.js';

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

describe('kernel channel handler failures', () => {
  it('counts a throwing message handler as a fault and keeps receiving', async () => {
    const a = new NetlinkConnection(new NetlinkSocket(NetlinkProtocol.USERSOCK).bind());
    const b = new NetlinkSocket(NetlinkProtocol.USERSOCK).bind();
    open.push(a, b);
    const faults: string[] = [];
    let seen = 0;
    a.onFault = (err) => faults.push(err.message);
    a.onMessage(() => {
      seen++;
      if (seen === 1) throw new RangeError('a bug in a handler');
    });
    for (let i = 0; i < 2; i++) {
      b.outbox(a.socket.portId)
        .beginMessage(0x20, 0, i + 1, b.portId)
        .endMessage();
      b.flush();
    }
    await until(() => seen === 2, 'both messages handled');
    expect(a.faults).toBe(1);
    expect(faults).toEqual(['a bug in a handler']);
  });

  it('answers a forwarded query EIO when building the answer fails, then raises the failure', () => {
    const replies: ReplyMessage[] = [];
    const ch = { reply: (m: ReplyMessage) => replies.push(m) } as unknown as KernelChannel;
    const registry = new ServiceRegistry();
    const stats = (): StatsRecord => {
      throw new TypeError('stats broke');
    };
    expect(() =>
      handleKernelControl({ cmd: Cmd.GET_STATS, msg: { requestId: 5n, stats: undefined } }, ch, {
        registry,
        stats,
        describe: () => {
          throw new Error('unused');
        },
        tokens: undefined,
        verifying: new Map(),
        onFault: () => {},
      }),
    ).toThrow('stats broke');
    expect(replies).toEqual([{ requestId: 5n, errno: errnoValue('EIO'), errorMsg: 'the daemon failed to answer (see its log)' }]);
    registry.close();
  });

  it('still answers a refusal with its own errno', () => {
    const replies: ReplyMessage[] = [];
    const ch = { reply: (m: ReplyMessage) => replies.push(m) } as unknown as KernelChannel;
    const registry = new ServiceRegistry();
    const unused = () => {
      throw new Error('unused');
    };
    handleKernelControl({ cmd: Cmd.SERVICE_STATUS, msg: { requestId: 6n, serviceId: 'nobody' } }, ch, {
      registry,
      stats: unused,
      describe: unused,
      tokens: undefined,
      verifying: new Map(),
      onFault: () => {},
    });
    expect(replies[0]?.errno).toBe(errnoValue('ENOENT'));
    registry.close();
  });
});
