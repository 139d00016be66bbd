// A worker thread of the test process attaching as one more queue of the daemon that process
// attached (to the module: protocol 16 and port 0; to a twin: 2 and its port): it says "attached"
// with its queue index, counts the requests it gets ("received" on request), then (on "block")
// stops reading for as long as the main thread holds the shared flag at 0, so its socket fills.
// It never answers: what it holds is left for the kernel side to hand on when the thread ends.
import { parentPort, workerData } from 'node:worker_threads';

import { GenlKernelChannel } from '../../dist/kernel-side/channels/channel.js';

const flag = new Int32Array(workerData.flag);
let received = 0;
const ch = await GenlKernelChannel.open(
  // The smallest receive buffer the kernel allows: a few requests fill it.
  { protocol: workerData.protocol, kernelPort: workerData.kernelPort, queue: true, socket: { recvBufferBytes: 1 } },
  { request: () => received++, cancel: () => {} },
);
parentPort.postMessage({ attached: ch.queue });
parentPort.on('message', (m) => {
  if (m === 'block') {
    parentPort.postMessage({ blocking: true });
    Atomics.wait(flag, 0, 0);
  } else if (m === 'received') {
    parentPort.postMessage({ received });
  }
});
