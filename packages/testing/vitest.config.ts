import { testTiers } from './vitest-preset.ts';

export default testTiers();
