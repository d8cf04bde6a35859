import { expect, test } from 'vitest';
import { rateClassesOf } from '../rest/routes.ts';
import { appRouter } from '../trpc/root.ts';

test('the procedures with a budget of their own declare it on their meta', () => {
  // The policy, pinned: renaming or adding a procedure must not move it between budgets unseen.
  expect(Object.fromEntries(rateClassesOf(appRouter))).toEqual({
    'auth.signIn': 'signIn',
    'auth.signUp': 'signUp',
    'auth.browserSignIn': 'signIn',
    'auth.browserSignUp': 'signUp',
    'databases.create': 'provision',
    'databases.regenerate': 'provision',
    'databases.retry': 'provision',
    'databases.rotateCredentials': 'provision',
    'databases.drop': 'provision',
    'databases.migrate': 'provision',
  });
});
