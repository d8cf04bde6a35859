import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where `pnpm dev` sends API calls: the API started by `pnpm dev` at the root (port 3000). */
const API_ORIGIN = 'http://127.0.0.1:3000';

/**
 * PostgreSQL's parser (libpg-query, used by the designer's validation to check expressions)
 * looks for its WebAssembly beside the page rather than beside its script. Rewritten to the
 * `new URL(…, import.meta.url)` form, the file becomes a hashed asset of the build (and is
 * served from node_modules by `pnpm dev`).
 */
function postgresParserWasm(): Plugin {
  const lookup = 'locateFile("libpg-query.wasm")';
  return {
    name: 'postgres-parser-wasm',
    enforce: 'pre',
    transform(code, id) {
      if (!/libpg-query[\\/]wasm[\\/]libpg-query\.js$/.test(id)) return undefined;
      if (!code.includes(lookup)) this.error(`libpg-query changed: ${lookup} not found in ${id}`);
      // Same line count and layout: the empty mappings keep the file's own source map.
      return {
        code: code.replace(lookup, 'new URL("./libpg-query.wasm", import.meta.url).href'),
        map: { mappings: '' },
      };
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), postgresParserWasm()],
  // Pre-bundling would move the parser's script away from its .wasm in `pnpm dev`.
  optimizeDeps: { exclude: ['libpg-query'] },
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
