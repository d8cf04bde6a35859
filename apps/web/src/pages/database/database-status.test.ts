import { expect, test } from 'vitest';
import { progressOf } from './database-status.ts';

test('a build in flight counts the steps the worker reported', () => {
  expect(progressOf({ busy: true, operation: 'provision', progress: null })).toEqual({
    title: 'Provisioning',
    step: 'Waiting for a worker',
    done: { value: 0, of: 6 },
  });
  expect(progressOf({ busy: true, operation: 'regenerate', progress: 'database' })).toEqual({
    title: 'Regenerating',
    step: 'Database created',
    done: { value: 3, of: 6 },
  });
});

test('a job without fixed steps names its step only, and an idle database has no progress', () => {
  expect(progressOf({ busy: true, operation: 'rotate', progress: 'claimed' })).toEqual({
    title: 'Setting a new password',
    step: 'A worker took the job',
    done: undefined,
  });
  expect(progressOf({ busy: true, operation: 'drop', progress: 'something-new' })?.step).toBe(
    'something-new',
  );
  expect(progressOf({ busy: false, operation: 'provision', progress: 'done' })).toBeUndefined();
});
