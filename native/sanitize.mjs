// npm run test:sanitize: builds the addon with AddressSanitizer and UndefinedBehaviorSanitizer
// (native/build-sanitize) and runs the tests that drive it — netlink sockets, the kernel channel,
// the twin with several queues, worker threads, ioctls — against that build. Node itself is not instrumented, so the sanitizer runtimes
// are preloaded; leak checking is off (Node frees little at exit). Any report fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(nativeDir);
const out = join(nativeDir, 'build-sanitize');
const flags = '-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1';
const cmakeJs = join(root, 'node_modules', 'cmake-js', 'bin', 'cmake-js');
const build = spawnSync(
  process.execPath,
  [cmakeJs, 'compile', '-d', nativeDir, '-O', out, `--CDCMAKE_CXX_FLAGS=${flags}`, `--CDCMAKE_SHARED_LINKER_FLAGS=-fsanitize=address,undefined`],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const addon = join(out, 'Release', 'vexfs_native.node');
if (!existsSync(addon)) {
  console.error(`sanitize: ${addon} was not built`);
  process.exit(1);
}

const runtime = (name) => spawnSync('gcc', [`-print-file-name=${name}`], { encoding: 'utf8' }).stdout.trim();
const logs = mkdtempSync(join(tmpdir(), 'vexfs-sanitize-'));
const tests = [
  'test/unit/kernel-side/netlink',
  'test/unit/kernel-side/channels',
  'test/unit/kernel-side/twin',
  'test/integration/daemon/kernel-send-backpressure.test.ts',
  'test/integration/security/hostile-peers.test.ts',
  // The addon in worker threads: daemon workers' sockets, and their closing when a thread ends (the daemon inherits the preload).
  'test/integration/workers/daemon-workers-share-the-queues.test.ts',
];
const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...tests], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    VEXFS_NATIVE_ADDON: addon,
    LD_PRELOAD: `${runtime('libasan.so')} ${runtime('libubsan.so')}`,
    ASAN_OPTIONS: `detect_leaks=0:halt_on_error=1:abort_on_error=1:log_path=${join(logs, 'asan')}`,
    UBSAN_OPTIONS: `halt_on_error=1:print_stacktrace=1:log_path=${join(logs, 'ubsan')}`,
  },
});
const reports = readdirSync(logs);
for (const r of reports) console.error(`--- ${r}\n${readFileSync(join(logs, r), 'utf8')}`);
if (run.status !== 0 || reports.length > 0) {
  console.error(`sanitize: ${reports.length} sanitizer report(s); tests exited ${run.status}`);
  process.exit(1);
}
console.log(`sanitize: the addon's tests passed under ASan and UBSan, no reports (${tests.length} test paths)`);
