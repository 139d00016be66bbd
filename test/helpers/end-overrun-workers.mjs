// Ends worker threads whose netlink sockets hold an overrun (ENOBUFS) and unread answers, some
// while blocked and some just released; prints "survived" if the process lives through it.
import { Worker } from 'node:worker_threads';

const worker = new URL('./overrun-worker.mjs', import.meta.url);
for (let round = 0; round < 10; round++) {
  const flag = new SharedArrayBuffer(4);
  const w = new Worker(worker, { workerData: { flag } });
  await new Promise((r) => w.once('message', r));
  if (round % 2) {
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
  }
  await w.terminate();
}
console.log('survived');
