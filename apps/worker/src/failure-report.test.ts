import { ProvisioningError } from '@schema-builder/provisioning';
import postgres from 'postgres';
import { expect, test } from 'vitest';
import { failureReport } from './failure-report.ts';

test("a ProvisioningError is reported by its code, the server's SQLSTATE and its own message", () => {
  const cause = Object.assign(Object.create(postgres.PostgresError.prototype) as postgres.PostgresError, {
    message: 'relation "posts" already exists',
    code: '42P07',
  });
  const error = new ProvisioningError('DDL_FAILED', "the design's DDL failed: a statement was refused", {
    cause,
  });
  expect(failureReport(error)).toEqual({
    code: 'DDL_FAILED',
    sqlState: '42P07',
    message: "the design's DDL failed: a statement was refused",
  });
});

test("any other error is the worker's own: reported without its text, which stays in the log", () => {
  const report = failureReport(new Error('connect ECONNREFUSED 10.0.0.7:6432'));
  expect(report).toEqual({
    code: 'WORKER_ERROR',
    message: 'the worker failed unexpectedly (its log has the reason)',
  });
});
