// Resolves the kernel's own generic netlink controller over NETLINK_GENERIC:
// the codecs against the real host kernel, not against ourselves.
import { afterEach, describe, expect, it } from 'vitest';

import { FamilyNotFoundError, NetlinkError } from '../../../../src/errors.js';
import { NetlinkConnection } from '../../../../src/kernel-side/netlink/connection.js';
import { CtrlCmd, GENL_ID_CTRL, GenlOpFlags, NetlinkProtocol } from '../../../../src/kernel-side/netlink/constants.js';
import { resolveFamily } from '../../../../src/kernel-side/netlink/controller.js';
import { NetlinkSocket } from '../../../../src/kernel-side/netlink/socket.js';

describe('generic netlink family resolution against the host kernel', () => {
  let conn: NetlinkConnection | undefined;
  afterEach(() => conn?.close());

  function open(): NetlinkConnection {
    const socket = new NetlinkSocket(NetlinkProtocol.GENERIC).bind();
    socket.setExtAck(true);
    conn = new NetlinkConnection(socket);
    return conn;
  }

  it('resolves nlctrl with its id, version and ops', async () => {
    const family = await resolveFamily(open(), 'nlctrl');
    expect(family.id).toBe(GENL_ID_CTRL);
    expect(family.name).toBe('nlctrl');
    expect(family.version).toBeGreaterThanOrEqual(1);
    const getFamily = family.ops.find((op) => op.id === CtrlCmd.GETFAMILY);
    expect(getFamily).toBeDefined();
    expect((getFamily?.flags ?? 0) & GenlOpFlags.CMD_CAP_DO).toBeTruthy();
    expect(family.groups.map((g) => g.name)).toContain('notify');
  });

  it('reports an unknown family as FamilyNotFoundError', async () => {
    await expect(resolveFamily(open(), 'no_such_fam')).rejects.toBeInstanceOf(FamilyNotFoundError);
  });

  it('surfaces the kernel extended ACK for an invalid request', async () => {
    const c = open();
    // GETFAMILY with a name longer than the policy allows (GENL_NAMSIZ): the kernel rejects it.
    const err = await c
      .request(0, (w, seq) => {
        w.beginMessage(GENL_ID_CTRL, 0x5, seq, c.socket.portId).genlHeader(CtrlCmd.GETFAMILY, 1);
        w.string(2, 'x'.repeat(40)).endMessage();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetlinkError);
    expect((err as NetlinkError).errnoName).toBe('EINVAL');
    expect((err as NetlinkError).extackMessage).toMatch(/policy/i);
    // The offending attribute is the first one, right after nlmsghdr (16) and genlmsghdr (4).
    expect((err as NetlinkError).extackOffset).toBe(20);
  });
});
