// The daemon side of the channel benchmark: attaches to a kernel side and
// answers every embedding request at once with a fixed vector.
import { GenlKernelChannel } from '../dist/kernel-side/channels/channel.js';
import { NetlinkProtocol } from '../dist/kernel-side/netlink/constants.js';

const kernelPort = Number(process.argv[2]);
const vectors = new Map();
const vectorFor = (dims) => {
  let v = vectors.get(dims);
  if (v === undefined) vectors.set(dims, (v = Buffer.alloc(dims * 4, 0x3f)));
  return v;
};

const channel = await GenlKernelChannel.open(
  { protocol: NetlinkProtocol.USERSOCK, kernelPort },
  {
    request(req, ch) {
      ch.respond({ requestId: req.requestId, status: 0, vector: vectorFor(req.dimensions), processingNs: 1000n, serviceId: undefined });
    },
    cancel() {},
  },
);
console.log('attached');
process.on('SIGTERM', () => {
  void channel.close().then(() => process.exit(0));
});
