import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/setup/redis.ts', 'tests/setup/client-build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start real servers and browsers: spread them over the cores, not more.
    maxWorkers: 2,
  },
});
