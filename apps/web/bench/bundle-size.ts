import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** One chunk of vite's manifest (`build.manifest`). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteWeight {
  /** The files a first visit to the route downloads before it renders: the entry, the route's chunk, and their static imports. */
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
  /** Chunks the route imports later (on interaction) and their static imports, not counted above. */
  deferred: Array<{ file: string; gzipBytes: number }>;
}

/**
 * JavaScript a visitor's browser downloads to show one lazy route on a first visit, gzipped:
 * the entry chunk and its static imports, plus the route's lazy chunk and its static imports.
 */
export async function routeWeight(distDir: string, routeSource: string): Promise<RouteWeight> {
  const manifest = JSON.parse(await readFile(`${distDir}/.vite/manifest.json`, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => key === 'index.html');
  if (!entry) throw new Error('the manifest has no index.html entry: build with build.manifest');
  if (!manifest[routeSource]) throw new Error(`the manifest has no chunk for ${routeSource}`);
  /** A chunk and everything it imports statically, leaving out what `seen` already holds. */
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
  };
  const included = new Set<string>();
  closure(entry, included);
  closure(routeSource, included);
  const deferredKeys = new Set<string>(included);
  for (const later of manifest[routeSource]?.dynamicImports ?? []) closure(later, deferredKeys);
  for (const key of included) deferredKeys.delete(key);
  const sized = async (key: string) => {
    const file = manifest[key]?.file ?? key;
    return { file, gzipBytes: gzipSync(await readFile(`${distDir}/${file}`)).length };
  };
  const files = await Promise.all(
    [...included].filter((key) => manifest[key]?.file.endsWith('.js')).map(sized),
  );
  const isScript = (key: string) => manifest[key]?.file.endsWith('.js') === true;
  return {
    files,
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    deferred: await Promise.all([...deferredKeys].filter(isScript).map(sized)),
  };
}
