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
  },
});
