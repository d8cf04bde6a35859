import { test } from 'vitest';
import { designFixtures, wideDesign } from '@schema-builder/testing/fixtures';
import { normalizeDesign } from '../../design/normalize.ts';
import { generateDdl } from '../generate.ts';

test('smoke', () => {
  for (const [name, doc] of Object.entries(designFixtures)) {
    console.log(`-- ${name}\n${generateDdl(normalizeDesign(doc)).sql}`);
  }
  const d = normalizeDesign(wideDesign(1000, 20));
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    generateDdl(d);
    console.log('wide', performance.now() - t);
  }
});
