import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The guest suite needs the real module (npm run test:kernel runs it in a VM); the chaos tier runs alone (npm run test:chaos).
    exclude: ['test/kernel/**', 'test/chaos/**', 'node_modules/**'],
    // Real sockets and child processes: generous, never used to measure speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
