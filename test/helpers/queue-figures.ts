// The kernel side's own GET_STATS (the module over generic netlink, or a twin over USERSOCK): its daemon's queues.
import { Cmd, Consts } from '../../src/abi/uapi.js';
import { NetlinkConnection } from '../../src/kernel-side/netlink/connection.js';
import { NlmFlags } from '../../src/kernel-side/netlink/constants.js';
import { resolveFamily } from '../../src/kernel-side/netlink/controller.js';
import { NetlinkSocket } from '../../src/kernel-side/netlink/socket.js';
import { decodeGenl } from '../../src/kernel-side/messages/decode.js';
import { writeGetStats } from '../../src/kernel-side/messages/encode.js';
import type { QueueRecord } from '../../src/kernel-side/messages/messages.js';

/** `kernelPort`: 0 for the module, the twin's port otherwise. Undefined when no daemon is attached. */
export async function queueFigures(protocol: number, kernelPort: number): Promise<QueueRecord[] | undefined> {
  const conn = new NetlinkConnection(new NetlinkSocket(protocol).bind());
  try {
    const family = await resolveFamily(conn, Consts.GENL_NAME, { controllerPort: kernelPort });
    const replies = await conn.request(kernelPort, (w, seq) =>
      writeGetStats(w, { familyId: family.id, seq, portId: conn.socket.portId, flags: NlmFlags.ACK }, { requestId: undefined, stats: undefined }),
    );
    for (const r of replies) {
      const m = decodeGenl(r.buf, r.hdr);
      if (m.cmd === Cmd.GET_STATS) return m.msg.queues;
    }
    throw new Error('no GET_STATS answer');
  } finally {
    conn.close();
  }
}
