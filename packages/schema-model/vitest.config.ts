// By path, not package name: vitest loads this file with Node, which bundles a relative import
// but cannot load a workspace package's TypeScript.
import { testTiers } from '../testing/vitest-preset.ts';

export default testTiers();
