// An embedding server in all three HTTP dialects the bridge speaks, answering every input with one
// fixed vector and counting the requests (batches) and inputs it got (GET /stats): the HTTP backend
// benchmark measures the bridge's HTTP path per dialect, not a model. OpenAI-compatible answers are
// base64 (as the bridge asks), TEI's and Ollama's float arrays (their APIs have no base64).
// Prints "listening PORT".
import { createServer } from 'node:http';

const dims = Number(process.argv[2] ?? 384);
const vector = Buffer.from(new Float32Array(dims).fill(0.05).buffer).toString('base64');
const floats = `[${new Array(dims).fill('0.05').join(',')}]`;
let posts = 0;
let inputs = 0;

const json = (res, text) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(text);
};

const routes = {
  'GET /stats': () => JSON.stringify({ posts, inputs }),
  'GET /v1/models': () => '{"object":"list","data":[{"id":"echo","object":"model"}]}',
  'GET /info': () => '{"model_id":"echo","max_client_batch_size":512,"max_batch_tokens":1000000,"max_input_length":1000000,"auto_truncate":false}',
  'GET /api/tags': () => '{"models":[{"name":"echo:latest","model":"echo:latest"}]}',
  'POST /v1/embeddings': (body) => {
    const data = body.input.map((_, index) => `{"object":"embedding","index":${index},"embedding":"${vector}"}`);
    return `{"object":"list","model":"echo","data":[${data.join(',')}],"usage":{"prompt_tokens":${body.input.length},"total_tokens":${body.input.length}}}`;
  },
  'POST /embed': (body) => `[${body.inputs.map(() => floats).join(',')}]`,
  'POST /api/embed': (body) => `{"model":"echo:latest","embeddings":[${body.input.map(() => floats).join(',')}],"prompt_eval_count":${body.input.length}}`,
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const route = routes[`${req.method} ${req.url}`];
    if (route === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = req.method === 'POST' ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    if (body !== undefined) {
      posts++;
      inputs += (body.input ?? body.inputs).length;
    }
    json(res, route(body));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
