import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `pnpm dev` sends API calls: the API started by `pnpm dev` at the root (port 3000). */
const API_ORIGIN = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API_ORIGIN },
      '/trpc': { target: API_ORIGIN },
    },
  },
  build: {
    outDir: 'dist',
    // Hashed file names under /assets/: the API serves them as immutable.
    assetsDir: 'assets',
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each route loads (read by `pnpm bench:web`).
    manifest: true,
  },
});
