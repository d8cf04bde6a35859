import type { RouterOutputs } from '@schema-builder/client';
import type { Tone } from '../../components/StatusDot.tsx';
import type { Connection, ConnectionMode, ConnectionType } from './connection-form.ts';

export type TestResult = RouterOutputs['connections']['test'];
export type TestFailureCode = NonNullable<TestResult['code']>;

/** Short words for a stored outcome (the card has no room for the whole message). */
const OUTCOMES: Record<TestFailureCode, string> = {
  HOST_NOT_ALLOWED: 'Host not allowed',
  HOST_NOT_FOUND: 'Host not found',
  UNREACHABLE: 'Unreachable',
  AUTH_FAILED: 'Sign-in refused',
  DATABASE_NOT_FOUND: 'Database not found',
  PATH_NOT_ALLOWED: 'File not allowed',
  SECRET_UNREADABLE: 'Saved password unreadable',
  TLS_FAILED: 'TLS failed',
  FAILED: 'Failed',
};

const isFailureCode = (code: string): code is TestFailureCode => Object.hasOwn(OUTCOMES, code);

export interface Outcome {
  tone: Tone;
  label: string;
}

/** A test just run: the latency, or the service's message. */
export function outcomeOf(result: TestResult): Outcome {
  if (result.ok) return { tone: 'good', label: `Connected in ${result.latencyMs ?? '?'} ms` };
  return { tone: 'bad', label: result.message ?? 'The connection failed.' };
}

/**
 * The outcome stored on a connection (`OK` with its latency, or a failure code), or that it was
 * never tested. A row tested before latencies were stored has none: it reads "Connected".
 */
export function storedOutcomeOf(
  connection: Pick<Connection, 'lastTestResult' | 'lastTestLatencyMs'>,
): Outcome {
  const { lastTestResult, lastTestLatencyMs } = connection;
  if (lastTestResult === null) return { tone: 'idle', label: 'Not tested yet' };
  if (lastTestResult === 'OK') {
    const label = lastTestLatencyMs === null ? 'Connected' : `Connected in ${lastTestLatencyMs} ms`;
    return { tone: 'good', label };
  }
  return { tone: 'bad', label: isFailureCode(lastTestResult) ? OUTCOMES[lastTestResult] : lastTestResult };
}

export type FailureField = 'host' | 'database' | 'connectionString' | 'password';

/**
 * The form field a failed test is about, so its message shows there: where it points (host, or
 * the connection string that names it), the database or file, the password.
 */
export function fieldOfFailure(
  code: TestFailureCode,
  type: ConnectionType,
  mode: ConnectionMode,
): FailureField | undefined {
  const inString = type !== 'sqlite' && mode === 'string';
  switch (code) {
    case 'HOST_NOT_ALLOWED':
    case 'HOST_NOT_FOUND':
      return inString ? 'connectionString' : 'host';
    case 'DATABASE_NOT_FOUND':
    case 'PATH_NOT_ALLOWED':
      return inString ? 'connectionString' : 'database';
    case 'AUTH_FAILED':
      return inString ? 'connectionString' : 'password';
    default:
      return undefined;
  }
}
