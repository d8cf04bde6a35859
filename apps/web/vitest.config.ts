import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Component and logic tests (jsdom). The browser suite under e2e/ runs with Playwright Test.
export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/setup.test-support.ts'],
  },
});
