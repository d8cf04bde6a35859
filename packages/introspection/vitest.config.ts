// By path, not package name: vitest loads this file with Node, which bundles a relative import
// but cannot load a workspace package's TypeScript.
import { testTiers } from '../testing/vitest-preset.ts';

// The fidelity suite loads large real-world schemas (MusicBrainz: ~500 tables) twice.
export default testTiers({ testTimeout: 600_000, hookTimeout: 120_000 });
