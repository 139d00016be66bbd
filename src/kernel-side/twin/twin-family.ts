/**
 * The twin as the generic netlink controller shows it: the VEXFS_IPC
 * family with the module's operations and flags (admin-only but for
 * GET_STATS) and its events group, and what a CTRL_CMD_GETFAMILY is
 * refused for.
 */
import { Cmd, Consts } from '../../abi/uapi.js';
import { DecodeError } from '../../errors.js';
import { GenlOpFlags } from '../netlink/constants.js';
import { type FamilyInfo, readGetFamilyName } from '../netlink/controller.js';
import type { errnoValue } from '../netlink/extack.js';
import type { NlHeader } from '../netlink/message.js';

export const TWIN_DEFAULT_FAMILY_ID = 0x7a;

const OPS = [Cmd.DAEMON_ATTACH, Cmd.DAEMON_DETACH, Cmd.EMBED_RESPONSE, Cmd.GET_STATS, Cmd.REPLY, Cmd.HEARTBEAT, Cmd.SERVICE_REVOKE].map((id) => ({
  id,
  flags: GenlOpFlags.CMD_CAP_DO | GenlOpFlags.CMD_CAP_HASPOL | (id === Cmd.GET_STATS ? 0 : GenlOpFlags.ADMIN_PERM),
}));

export function twinFamily(id: number): FamilyInfo {
  return {
    id,
    name: Consts.GENL_NAME,
    version: Consts.GENL_VERSION,
    hdrSize: 0,
    maxAttr: Consts.A_MAX,
    ops: OPS,
    groups: [{ name: Consts.MCGRP_EVENTS, id: 1 }],
  };
}

/** Why a GETFAMILY request is refused (a malformed one, another family's name), or undefined to answer it. */
export function familyRefusal(buf: Buffer, hdr: NlHeader, family: FamilyInfo): { errno: Parameters<typeof errnoValue>[0]; message: string } | undefined {
  let name: string;
  try {
    name = readGetFamilyName(buf, hdr);
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return { errno: 'EINVAL', message: err.message };
  }
  return name === family.name ? undefined : { errno: 'ENOENT', message: `family ${name} is not registered` };
}
