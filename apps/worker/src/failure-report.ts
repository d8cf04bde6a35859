import type { RouterInputs } from '@schema-builder/client';
import { ProvisioningError } from '@schema-builder/provisioning';

/** What `worker.fail` takes besides the job id. */
export type FailureReport = Omit<RouterInputs['worker']['fail'], 'jobId'>;

/**
 * A failed job as the worker reports it: the engine's code, the server's SQLSTATE when it gave
 * one, and a message in our words. ProvisioningError messages are built without the server's
 * text; any other error is the worker's own (a bug, the API unreachable) and its text stays in
 * the worker's log, with the whole cause chain.
 */
export function failureReport(error: unknown): FailureReport {
  if (error instanceof ProvisioningError)
    return {
      code: error.code,
      ...(error.sqlState === undefined ? {} : { sqlState: error.sqlState }),
      message: error.message,
    };
  return { code: 'WORKER_ERROR', message: 'the worker failed unexpectedly (its log has the reason)' };
}
