// Builds the addon with cmake-js against Node-API headers from npm (no download).
// Skips the build when the addon is already there, unless --force.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(nativeDir);
const output = join(nativeDir, 'build', 'Release', 'vexfs_native.node');
const force = process.argv.includes('--force');

if (!force && existsSync(output)) process.exit(0);

const missing = ['cmake', 'g++', 'make'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length > 0) {
  console.error(`vexfs-bridge: cannot build the native addon: ${missing.join(', ')} not found.`);
  console.error('Fix: apt-get install cmake g++ make, then npm run build:native');
  process.exit(1);
}

const cmakeJs = join(root, 'node_modules', 'cmake-js', 'bin', 'cmake-js');
const result = spawnSync(process.execPath, [cmakeJs, 'compile', '-d', nativeDir, '-O', join(nativeDir, 'build')], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('vexfs-bridge: the native addon failed to build (see the compiler output above).');
  console.error("It needs cmake >= 3.15, a C++17 compiler and uv.h (shipped with Node's headers or libuv1-dev).");
  process.exit(result.status ?? 1);
}
