// The kernel's attribute policies read through CTRL_CMD_GETPOLICY and compared with a
// TypeScript table, here on the host kernel's own nlctrl family (the VM tier does the same
// for VEXFS_IPC against src/kernel-side/messages/policy.ts).
import { afterEach, describe, expect, it } from 'vitest';

import { definePolicy } from '../../../../src/kernel-side/netlink/attributes.js';
import { NetlinkConnection } from '../../../../src/kernel-side/netlink/connection.js';
import { CtrlAttr, CtrlCmd, NetlinkProtocol } from '../../../../src/kernel-side/netlink/constants.js';
import { comparePolicies, parsePolicyDump, writeGetPolicy } from '../../../../src/kernel-side/netlink/policy-dump.js';
import { NetlinkSocket } from '../../../../src/kernel-side/netlink/socket.js';

let conn: NetlinkConnection | undefined;
afterEach(() => conn?.close());

async function nlctrlPolicies() {
  conn = new NetlinkConnection(new NetlinkSocket(NetlinkProtocol.GENERIC).bind());
  const c = conn;
  return parsePolicyDump(await c.request(0, (w, seq) => writeGetPolicy(w, seq, c.socket.portId, 'nlctrl'), { dump: true }));
}

describe('policy dump', () => {
  it("reads nlctrl's GETFAMILY policy and finds it equal to a table that says the same", async () => {
    const k = await nlctrlPolicies();
    const idx = k.doPolicy.get(CtrlCmd.GETFAMILY);
    expect(idx).toBeDefined();
    const same = definePolicy('CTRL', {
      [CtrlAttr.FAMILY_ID]: { name: 'FAMILY_ID', kind: 'u16' },
      [CtrlAttr.FAMILY_NAME]: { name: 'FAMILY_NAME', kind: 'string', max: 15 },
    });
    expect(comparePolicies(k, idx as number, same)).toEqual([]);
  });

  it('names every difference: a missing attribute, another kind, other bounds', async () => {
    const k = await nlctrlPolicies();
    const drifted = definePolicy('CTRL', {
      [CtrlAttr.FAMILY_ID]: { name: 'FAMILY_ID', kind: 'u32' },
    });
    const other = definePolicy('CTRL', {
      [CtrlAttr.FAMILY_ID]: { name: 'FAMILY_ID', kind: 'u16', max: 100 },
      [CtrlAttr.FAMILY_NAME]: { name: 'FAMILY_NAME', kind: 'string', max: 31 },
    });
    const idx = k.doPolicy.get(CtrlCmd.GETFAMILY) as number;
    expect(comparePolicies(k, idx, drifted)).toEqual([
      'CTRL.FAMILY_ID: kernel u16, TypeScript u32',
      'CTRL.2: the kernel checks attribute 2 (nul-string), the TypeScript table has none',
    ]);
    expect(comparePolicies(k, idx, other)).toEqual([
      'CTRL.FAMILY_ID: kernel at most 65535, TypeScript 100',
      'CTRL.FAMILY_NAME: kernel at most 15 bytes, TypeScript 31',
    ]);
    expect(comparePolicies(k, 999, other)).toEqual(['the kernel reports no policy 999 (for CTRL)']);
  });
});
