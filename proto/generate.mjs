// Generates src/services/wire/generated/bridge.{js,d.ts} from proto/bridge.proto with protobufjs's own
// generators (pbjs, pbts): `npm run proto`. With an output directory (the freshness test), writes
// there instead. Static code: no schema is parsed at run time, and the types come from the schema.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { pbjs, pbts } from 'protobufjs-cli';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'src', 'services', 'wire', 'generated');
const js = join(out, 'bridge.js');
const run = (main, args) => new Promise((resolve, reject) => main(args, (err) => (err ? reject(err) : resolve())));

mkdirSync(out, { recursive: true });
// --force-number: int64 fields are numbers (counters stay far below 2^53); no verify or delimited
// helpers (frames are length-prefixed by the transport, and inputs are checked where they arrive).
await run(pbjs.main, [
  '-t',
  'static-module',
  '-w',
  'es6',
  '--force-number',
  '--no-verify',
  '--no-delimited',
  '--no-beautify',
  '-o',
  js,
  join(root, 'proto', 'bridge.proto'),
]);
// protobufjs is CommonJS: an ES module takes its default export.
writeFileSync(js, readFileSync(js, 'utf8').replace('import * as $protobuf from "protobufjs/minimal";', 'import $protobuf from "protobufjs/minimal.js";'));
await run(pbts.main, ['-o', join(out, 'bridge.d.ts'), js]);
