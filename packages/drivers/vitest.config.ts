// By path, not package name: vitest loads this file with Node, which bundles a relative import
// but cannot load a workspace package's TypeScript.
import { testTiers } from '../testing/vitest-preset.ts';

// The tests here are pure (no database server): the API's connection tests drive real servers.
export default testTiers();
