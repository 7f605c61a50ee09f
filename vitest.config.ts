import { defineConfig } from 'vitest/config';

// Unit tests (tests/unit) run on the core; browser tests (tests/e2e) need a built dist/ (npm test builds first).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
