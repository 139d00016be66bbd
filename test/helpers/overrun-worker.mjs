// A worker thread whose netlink socket the kernel overruns (ENOBUFS) while the thread is blocked:
// it asks the kernel's controller 200 questions with the smallest receive buffer, then waits on the
// shared flag. The test ends the thread in that state.
import { parentPort, workerData } from 'node:worker_threads';

import { writeGetFamily } from '../../dist/kernel-side/netlink/controller.js';
import { NetlinkSocket } from '../../dist/kernel-side/netlink/socket.js';

const sock = new NetlinkSocket(16, { recvBufferBytes: 1 });
sock.bind(0);
sock.on('error', () => {});
sock.receive(() => {});
for (let i = 0; i < 200; i++) writeGetFamily(sock.outbox(0), i + 1, sock.portId, 'nlctrl');
sock.flush();
parentPort.postMessage('sent');
Atomics.wait(new Int32Array(workerData.flag), 0, 0);
