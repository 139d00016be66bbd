import { defineConfig } from 'vitest/config';

// npm run test:nats: the tests against a real nats-server (Debian's nats-server, which .ci/run installs).
export default defineConfig({
  test: {
    include: ['test/nats/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
