import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tiers that need more than npm ci brings run on their own: the guest suite needs the real module
    // (npm run test:kernel, in a VM), the NATS tests a nats-server (npm run test:nats), the chaos tier time (npm run test:chaos).
    exclude: ['test/kernel/**', 'test/chaos/**', 'test/nats/**', 'node_modules/**'],
    // Real sockets and child processes: generous, never used to measure speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
