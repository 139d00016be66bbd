import { defineConfig } from 'vitest/config';

// Runs inside the VM only (npm run test:kernel), never on the host.
export default defineConfig({
  test: {
    include: ['test/kernel/guest/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    // One module registry for every file: koffi refuses to define the ABI's struct types twice in a process.
    isolate: false,
  },
});
