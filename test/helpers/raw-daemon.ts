// A bare-bones daemon for tests: resolves and attaches by hand, and can vanish
// without detaching (as a crashed daemon does).
import { Consts } from '../../src/abi/uapi.js';
import { NetlinkConnection } from '../../src/kernel-side/netlink/connection.js';
import { NetlinkProtocol, NlmFlags } from '../../src/kernel-side/netlink/constants.js';
import { resolveFamily } from '../../src/kernel-side/netlink/controller.js';
import { NetlinkSocket } from '../../src/kernel-side/netlink/socket.js';
import { writeAttach } from '../../src/kernel-side/messages/encode.js';

export async function rawDaemon(twinPort: number) {
  const socket = new NetlinkSocket(NetlinkProtocol.USERSOCK).bind();
  const conn = new NetlinkConnection(socket);
  const family = await resolveFamily(conn, Consts.GENL_NAME, { controllerPort: twinPort });
  const attach = () =>
    conn.request(twinPort, (w, seq) =>
      writeAttach(
        w,
        { familyId: family.id, seq, portId: socket.portId, flags: NlmFlags.ACK },
        { protocolVersion: Consts.PROTOCOL_VERSION, maxInflight: undefined },
      ),
    );
  return { socket, conn, family, attach };
}
