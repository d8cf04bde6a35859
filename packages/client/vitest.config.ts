import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@schema-builder/testing/global-setup'],
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
