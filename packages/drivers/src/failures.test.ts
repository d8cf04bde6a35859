import { describe, expect, test } from 'vitest';
import { DriverError, driverFailureOf } from './failures.ts';
import { ReconnectRefused } from './one-socket.ts';

const withCode = (code: string) => Object.assign(new Error('server text that must not matter'), { code });

describe('driverFailureOf', () => {
  test.each([
    ['28P01', 'AUTH_FAILED'],
    ['ER_ACCESS_DENIED_ERROR', 'AUTH_FAILED'],
    ['3D000', 'DATABASE_NOT_FOUND'],
    ['ER_BAD_DB_ERROR', 'DATABASE_NOT_FOUND'],
    ['SQLITE_CANTOPEN', 'DATABASE_NOT_FOUND'],
    ['ENOTFOUND', 'HOST_NOT_FOUND'],
    ['ECONNREFUSED', 'UNREACHABLE'],
    ['ECONNRESET', 'UNREACHABLE'],
    ['XX000', 'FAILED'],
  ])('maps the driver code %s to %s', (code, expected) => {
    expect(driverFailureOf(withCode(code))).toBe(expected);
  });

  test('maps by errno when MySQL gives no code', () => {
    expect(driverFailureOf(Object.assign(new Error('denied'), { errno: 1045 }))).toBe('AUTH_FAILED');
  });

  test('a deadline and a refused reconnect are unreachable servers', () => {
    expect(driverFailureOf(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(
      'UNREACHABLE',
    );
    expect(driverFailureOf(new ReconnectRefused())).toBe('UNREACHABLE');
  });

  test("keeps the code of the package's own errors, and anything else is FAILED", () => {
    expect(driverFailureOf(new DriverError('TLS_FAILED'))).toBe('TLS_FAILED');
    expect(driverFailureOf('not an error')).toBe('FAILED');
  });
});
