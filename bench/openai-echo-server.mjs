// An OpenAI-compatible embedding server answering every input with one fixed vector (base64),
// counting the POSTs (batches) and inputs it got (GET /stats):
// the HTTP backend benchmark measures the bridge's HTTP path, not a model. Prints "listening PORT".
import { createServer } from 'node:http';

const dims = Number(process.argv[2] ?? 384);
const vector = Buffer.from(new Float32Array(dims).fill(0.05).buffer).toString('base64');
let posts = 0;
let inputs = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.url === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ posts, inputs }));
      return;
    }
    if (req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"object":"list","data":[{"id":"echo","object":"model"}]}');
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    posts++;
    inputs += body.input.length;
    const data = body.input.map((_, index) => `{"object":"embedding","index":${index},"embedding":"${vector}"}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"object":"list","model":"echo","data":[${data.join(',')}],"usage":{"prompt_tokens":${body.input.length},"total_tokens":${body.input.length}}}`);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
