import { Socket } from 'node:net';
import pino from 'pino';
import { describe, expect, test, vi } from 'vitest';
import { isSurvivable, lastResort } from './last-resort.ts';

/** The error postgres.js's reconnect timer threw for host 64:ff9b::7f00:1 (port NaN), made for real. */
function badPortError(): unknown {
  try {
    new Socket().connect(Number.NaN, '127.0.0.1');
  } catch (error) {
    return error;
  }
  throw new Error('connect(NaN) did not throw');
}

describe('errors nothing caught', () => {
  const log = pino({ level: 'silent' });

  test("a driver's network error is survived: logged, and the API keeps serving", () => {
    const onFatal = vi.fn();
    const handle = lastResort(log, onFatal);
    expect(handle(badPortError())).toBe('survived');
    expect(handle(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }))).toBe(
      'survived',
    );
    expect(handle(Object.assign(new Error('x'), { name: 'MongoNetworkError' }))).toBe('survived');
    expect(onFatal).not.toHaveBeenCalled();
  });

  test('anything else is a defect: the process shuts down', () => {
    const onFatal = vi.fn();
    const handle = lastResort(log, onFatal);
    const defect = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(handle(defect)).toBe('fatal');
    expect(onFatal).toHaveBeenCalledWith(defect);
  });

  test.each([
    ['a string', 'ECONNRESET'],
    ['an error without a code', new Error('ECONNRESET')],
    ['an unknown code', Object.assign(new Error('x'), { code: 'ERR_ASSERTION' })],
  ])('%s is not known to be a network failure', (_, error) => {
    expect(isSurvivable(error)).toBe(false);
  });
});
