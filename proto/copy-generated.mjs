// tsc compiles src/ but does not copy the generated protobuf code (JavaScript): the build copies it
// beside the compiled files that import it.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
cpSync(join(root, 'src', 'services', 'wire', 'generated'), join(root, 'dist', 'services', 'wire', 'generated'), { recursive: true });
