import { expect, test } from 'vitest';
import { verdictOf } from './ProblemsSection.tsx';

test.each([
  [0, 0, 'No problems: the design is valid.'],
  [0, 1, 'Valid, with 1 warning.'],
  [0, 3, 'Valid, with 3 warnings.'],
  [1, 0, 'Not valid: 1 error.'],
  [2, 1, 'Not valid: 2 errors and 1 warning.'],
])('%i errors and %i warnings read "%s"', (errors, warnings, line) => {
  expect(verdictOf(errors, warnings)).toBe(line);
});
