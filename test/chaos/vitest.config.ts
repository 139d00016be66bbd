import { defineConfig } from 'vitest/config';

// npm run test:chaos: the fault scenarios against real processes (needs dist: npm run build).
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    testTimeout: 240_000,
    pool: 'forks',
  },
});
