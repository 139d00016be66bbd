// The plain NATS request-reply baseline's responder: a Node NATS client answering each request on
// bench.plain with a vector of the benchmark's size (one message per request, no batching).
import { connect } from '@nats-io/transport-node';

const [url, dims = '384'] = process.argv.slice(2);
const nc = await connect({ servers: url });
const reply = new Uint8Array(Number(dims) * 4).fill(1);
nc.subscribe('bench.plain', {
  callback: (err, msg) => {
    if (err === null) msg.respond(reply);
  },
});
await nc.flush();
console.log('listening');
process.on('SIGTERM', () => void nc.drain().then(() => process.exit(0)));
