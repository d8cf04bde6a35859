import { expect, test } from 'vitest';
import { hazardsNeedingConsent } from './consent.ts';

test('only the hazard classes the service refuses without consent are asked for, when the plan has them', () => {
  expect(hazardsNeedingConsent({ DESTRUCTIVE: 2, BREAKS_CLIENTS: 1 })).toEqual(['DESTRUCTIVE']);
  expect(hazardsNeedingConsent({ DATA_DEPENDENT: 1, LOCKS_TABLE: 3 })).toEqual([]);
  expect(hazardsNeedingConsent({ DESTRUCTIVE: 0 })).toEqual([]);
  expect(hazardsNeedingConsent({})).toEqual([]);
});
