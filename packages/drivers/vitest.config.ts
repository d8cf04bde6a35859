import { defineConfig } from 'vitest/config';

// The tests here are pure (no database server): the API's connection tests drive real servers.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
