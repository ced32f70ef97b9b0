import { defineConfig } from 'vitest/config';

// Browser tests drive the built extension (.output/) in real browsers: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
