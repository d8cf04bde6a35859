import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest: { exports: Record<string, { default: string }> } = JSON.parse(
  readFileSync(`${packageDir}/package.json`, 'utf8'),
);
const subpaths = Object.entries(manifest.exports).map(([subpath, target]) => ({
  subpath,
  entry: `${packageDir}/${target.default}`,
}));

const NODE_BUILTIN = new RegExp(
  `^(node:.*|${builtinModules.map((name) => name.replace('/', '\\/')).join('|')})$`,
);

/**
 * PostgreSQL's parser (libpg-query, behind `./sql-expression`) is Emscripten output that reads its
 * WebAssembly with `node:fs` (and seeds with `node:crypto`) only inside its `ENVIRONMENT_IS_NODE`
 * branch; in a browser it fetches the file. The web app's build and its browser tests run that path.
 */
const PARSER_LOADER = /libpg-query[\\/]wasm[\\/]libpg-query\.js$/;
const NODE_ONLY_BRANCH = 'ENVIRONMENT_IS_NODE';
function allowedNodeImport(path: string, importer: string): boolean {
  return (
    PARSER_LOADER.test(importer) &&
    ['node:fs', 'node:crypto'].includes(path) &&
    readFileSync(importer, 'utf8').includes(`if(${NODE_ONLY_BRANCH}){var fs=require("node:fs")`)
  );
}

/** Records every import of a Node built-in instead of failing at the first, so a failure lists them all. */
function recordNodeImports(found: string[]): Plugin {
  return {
    name: 'record-node-imports',
    setup(plugin) {
      plugin.onResolve({ filter: NODE_BUILTIN }, (args) => {
        if (!allowedNodeImport(args.path, args.importer))
          found.push(`${args.path} (imported by ${args.importer.replace(packageDir, '')})`);
        return { path: args.path, external: true };
      });
    },
  };
}

describe('the public surface', () => {
  test('is a set of subpaths, no root entry', () => {
    expect(subpaths.map((s) => s.subpath)).not.toContain('.');
    expect(subpaths.map((s) => s.subpath)).toEqual(
      expect.arrayContaining(['./design', './validation', './ddl', './diff', './import', './sql']),
    );
  });

  test.each(subpaths)('$subpath names each export (no export * barrel)', ({ entry }) => {
    expect(readFileSync(entry, 'utf8')).not.toMatch(/export\s+(type\s+)?\*/);
  });

  test.each(subpaths)('$subpath bundles for a browser without any Node built-in', async ({ entry }) => {
    const nodeImports: string[] = [];
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      plugins: [recordNodeImports(nodeImports)],
    });
    expect(result.errors).toEqual([]);
    expect(nodeImports).toEqual([]);
    expect(result.outputFiles[0]?.text.length).toBeGreaterThan(0);
  });
});
