import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@schema-builder/testing/global-setup'],
    include: ['src/**/*.test.ts'],
    // The fidelity suite loads large real-world schemas (MusicBrainz: ~500 tables) twice.
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
