/** The generic netlink controller ("nlctrl"): resolving a family's id, ops and multicast groups. */
import { DecodeError, FamilyNotFoundError, NetlinkError } from '../../errors.js';
import { AttrTable, definePolicy, forEachNested } from './attributes.js';
import { CtrlAttr, CtrlCmd, CtrlMcastAttr, CtrlOpAttr, GENL_HDRLEN, GENL_ID_CTRL, NlmFlags } from './constants.js';
import type { NetlinkConnection, NlReply } from './connection.js';
import type { NlHeader } from './message.js';
import type { NlWriter } from './writer.js';

export interface FamilyOp {
  id: number;
  flags: number;
}

export interface FamilyGroup {
  name: string;
  id: number;
}

export interface FamilyInfo {
  id: number;
  name: string;
  version: number;
  hdrSize: number;
  maxAttr: number;
  ops: FamilyOp[];
  groups: FamilyGroup[];
}

const familyPolicy = definePolicy('CTRL', {
  [CtrlAttr.FAMILY_ID]: { name: 'FAMILY_ID', kind: 'u16' },
  [CtrlAttr.FAMILY_NAME]: { name: 'FAMILY_NAME', kind: 'string', min: 1, max: 15 },
  [CtrlAttr.VERSION]: { name: 'VERSION', kind: 'u32' },
  [CtrlAttr.HDRSIZE]: { name: 'HDRSIZE', kind: 'u32' },
  [CtrlAttr.MAXATTR]: { name: 'MAXATTR', kind: 'u32' },
  [CtrlAttr.OPS]: { name: 'OPS', kind: 'nested' },
  [CtrlAttr.MCAST_GROUPS]: { name: 'MCAST_GROUPS', kind: 'nested' },
});
const opPolicy = definePolicy('CTRL.OP', {
  [CtrlOpAttr.ID]: { name: 'ID', kind: 'u32' },
  [CtrlOpAttr.FLAGS]: { name: 'FLAGS', kind: 'u32' },
});
const groupPolicy = definePolicy('CTRL.MCAST_GRP', {
  [CtrlMcastAttr.NAME]: { name: 'NAME', kind: 'string', min: 1, max: 15 },
  [CtrlMcastAttr.ID]: { name: 'ID', kind: 'u32' },
});
const familyTable = new AttrTable(familyPolicy);
const opTable = new AttrTable(opPolicy);
const groupTable = new AttrTable(groupPolicy);

/** GENL_NAMSIZ is 16 including the NUL. */
const GENL_NAMSIZ = 16;

export function writeGetFamily(w: NlWriter, seq: number, portId: number, name: string): void {
  w.beginMessage(GENL_ID_CTRL, NlmFlags.REQUEST | NlmFlags.ACK, seq, portId);
  w.genlHeader(CtrlCmd.GETFAMILY, 1);
  w.string(CtrlAttr.FAMILY_NAME, name, GENL_NAMSIZ);
  w.endMessage();
}

/** The controller's answer (CTRL_CMD_NEWFAMILY), as a userspace stand-in for the kernel sends it. */
export function writeFamily(w: NlWriter, seq: number, portId: number, f: FamilyInfo): void {
  w.beginMessage(GENL_ID_CTRL, 0, seq, portId);
  w.genlHeader(CtrlCmd.NEWFAMILY, 2);
  w.string(CtrlAttr.FAMILY_NAME, f.name, GENL_NAMSIZ)
    .u16(CtrlAttr.FAMILY_ID, f.id)
    .u32(CtrlAttr.VERSION, f.version)
    .u32(CtrlAttr.HDRSIZE, f.hdrSize)
    .u32(CtrlAttr.MAXATTR, f.maxAttr);
  w.beginNest(CtrlAttr.OPS);
  f.ops.forEach((op, i) => {
    w.beginNest(i + 1)
      .u32(CtrlOpAttr.ID, op.id)
      .u32(CtrlOpAttr.FLAGS, op.flags)
      .endNest();
  });
  w.endNest();
  if (f.groups.length > 0) {
    w.beginNest(CtrlAttr.MCAST_GROUPS);
    f.groups.forEach((g, i) => {
      w.beginNest(i + 1)
        .string(CtrlMcastAttr.NAME, g.name, GENL_NAMSIZ)
        .u32(CtrlMcastAttr.ID, g.id)
        .endNest();
    });
    w.endNest();
  }
  w.endMessage();
}

/** Reads the family name asked for by a CTRL_CMD_GETFAMILY message. */
export function readGetFamilyName(buf: Uint8Array, hdr: NlHeader): string {
  if (hdr.length < 16 + GENL_HDRLEN) throw new DecodeError('CTRL', 'message has no genl header');
  const cmd = buf[hdr.payload];
  if (cmd !== CtrlCmd.GETFAMILY) throw new DecodeError('CTRL.cmd', `${cmd}, expected GETFAMILY (${CtrlCmd.GETFAMILY})`);
  const t = familyTable.parse(buf, hdr.payload + GENL_HDRLEN, hdr.end);
  t.require(CtrlAttr.FAMILY_NAME);
  return t.string(CtrlAttr.FAMILY_NAME);
}

export function readFamily(buf: Uint8Array, hdr: NlHeader): FamilyInfo {
  if (hdr.type !== GENL_ID_CTRL) throw new DecodeError('CTRL', `message type ${hdr.type} is not the controller's`);
  if (hdr.length < 16 + GENL_HDRLEN) throw new DecodeError('CTRL', 'message has no genl header');
  const t = familyTable.parse(buf, hdr.payload + GENL_HDRLEN, hdr.end);
  t.require(CtrlAttr.FAMILY_ID);
  t.require(CtrlAttr.FAMILY_NAME);
  const info: FamilyInfo = {
    id: t.u16(CtrlAttr.FAMILY_ID),
    name: t.string(CtrlAttr.FAMILY_NAME),
    version: t.u32Or(CtrlAttr.VERSION, 0),
    hdrSize: t.u32Or(CtrlAttr.HDRSIZE, 0),
    maxAttr: t.u32Or(CtrlAttr.MAXATTR, 0),
    ops: [],
    groups: [],
  };
  const ops = t.has(CtrlAttr.OPS) ? t.nested(CtrlAttr.OPS) : undefined;
  const groups = t.has(CtrlAttr.MCAST_GROUPS) ? t.nested(CtrlAttr.MCAST_GROUPS) : undefined;
  if (ops) {
    forEachNested(buf, ops.start, ops.end, 'CTRL.OPS', (s, e) => {
      const o = opTable.parse(buf, s, e);
      o.require(CtrlOpAttr.ID);
      info.ops.push({ id: o.u32(CtrlOpAttr.ID), flags: o.u32Or(CtrlOpAttr.FLAGS, 0) });
    });
  }
  if (groups) {
    forEachNested(buf, groups.start, groups.end, 'CTRL.MCAST_GROUPS', (s, e) => {
      const g = groupTable.parse(buf, s, e);
      g.require(CtrlMcastAttr.NAME);
      g.require(CtrlMcastAttr.ID);
      info.groups.push({ name: g.string(CtrlMcastAttr.NAME), id: g.u32(CtrlMcastAttr.ID) });
    });
  }
  return info;
}

/**
 * Asks the controller at `controllerPort` (0: the kernel) for a family.
 * Rejects with FamilyNotFoundError when it is not registered.
 */
export async function resolveFamily(conn: NetlinkConnection, name: string, options: { controllerPort?: number; timeoutMs?: number } = {}): Promise<FamilyInfo> {
  const port = options.controllerPort ?? 0;
  let replies: NlReply[];
  try {
    replies = await conn.request(port, (w, seq) => writeGetFamily(w, seq, conn.socket.portId, name), {
      timeoutMs: options.timeoutMs ?? 2000,
    });
  } catch (err) {
    if (err instanceof NetlinkError && err.errnoName === 'ENOENT') throw new FamilyNotFoundError(name);
    throw err;
  }
  const reply = replies[0];
  if (reply === undefined) throw new DecodeError('CTRL', `no reply describing family "${name}"`);
  return readFamily(reply.buf, reply.hdr);
}
