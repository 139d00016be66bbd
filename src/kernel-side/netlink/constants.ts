/** Netlink and generic-netlink constants from <linux/netlink.h> and <linux/genetlink.h>. */

export const NetlinkProtocol = {
  ROUTE: 0,
  USERSOCK: 2,
  GENERIC: 16,
} as const;

export const NLMSG_HDRLEN = 16;
export const GENL_HDRLEN = 4;
export const NLA_HDRLEN = 4;
export const NLA_ALIGNTO = 4;

export const MsgKind = {
  NOOP: 1,
  ERROR: 2,
  DONE: 3,
  OVERRUN: 4,
  /** Types below this are reserved for control messages. */
  MIN_TYPE: 0x10,
} as const;

export const NlmFlags = {
  REQUEST: 0x1,
  MULTI: 0x2,
  ACK: 0x4,
  ECHO: 0x8,
  DUMP_INTR: 0x10,
  ROOT: 0x100,
  MATCH: 0x200,
  DUMP: 0x300,
  /** On NLMSG_ERROR: the original payload was cut off. */
  CAPPED: 0x100,
  /** On NLMSG_ERROR: extended-ACK TLVs follow. */
  ACK_TLVS: 0x200,
} as const;

export const NLA_F_NESTED = 0x8000;
export const NLA_F_NET_BYTEORDER = 0x4000;
export const NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

export const NlmsgErrAttr = {
  MSG: 1,
  OFFS: 2,
  COOKIE: 3,
  POLICY: 4,
  MISS_TYPE: 5,
  MISS_NEST: 6,
} as const;

export const GENL_ID_CTRL = 0x10;

export const CtrlCmd = {
  NEWFAMILY: 1,
  DELFAMILY: 2,
  GETFAMILY: 3,
} as const;

export const CtrlAttr = {
  FAMILY_ID: 1,
  FAMILY_NAME: 2,
  VERSION: 3,
  HDRSIZE: 4,
  MAXATTR: 5,
  OPS: 6,
  MCAST_GROUPS: 7,
} as const;

export const CtrlOpAttr = { ID: 1, FLAGS: 2 } as const;
export const CtrlMcastAttr = { NAME: 1, ID: 2 } as const;

/** Generic netlink op flags (CTRL_ATTR_OP_FLAGS). */
export const GenlOpFlags = {
  ADMIN_PERM: 0x01,
  CMD_CAP_DO: 0x02,
  CMD_CAP_DUMP: 0x04,
  CMD_CAP_HASPOL: 0x08,
  UNS_ADMIN_PERM: 0x10,
} as const;

export function nlaAlign(n: number): number {
  return (n + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1);
}
