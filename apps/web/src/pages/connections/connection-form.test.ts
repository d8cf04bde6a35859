import { describe, expect, test } from 'vitest';
import {
  type Connection,
  ConnectionFormSchema,
  type ConnectionFormValues,
  formValuesOf,
  toConnectionInput,
  toConnectionPatch,
  toTestInput,
} from './connection-form.ts';
import { fieldOfFailure, storedOutcomeOf } from './test-results.ts';

const values = (change: Partial<ConnectionFormValues>): ConnectionFormValues => ({
  ...formValuesOf(),
  name: 'shop',
  ...change,
});

const saved: Connection = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'shop',
  description: '',
  type: 'postgresql',
  host: 'db.example.com',
  port: 5432,
  database: 'shop',
  username: 'app',
  hasSecret: true,
  usesConnectionString: false,
  sslMode: 'prefer',
  sslRootCert: null,
  color: '#3b82f6',
  active: true,
  lastTestedAt: null,
  lastTestResult: null,
  lastTestLatencyMs: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the connection form', () => {
  test('sends only what the chosen mode uses, blanks left out', () => {
    const form = values({ host: 'db', port: '5433', password: '', connectionString: 'ignored' });
    expect(toConnectionInput(form)).toEqual({
      name: 'shop',
      type: 'postgresql',
      color: '#3b82f6',
      sslRootCert: undefined,
      host: 'db',
      port: 5433,
      database: undefined,
      username: undefined,
      password: undefined,
    });
    const byString = toConnectionInput(
      values({ mode: 'string', host: 'ignored', connectionString: 'postgres://db/x' }),
    );
    expect(byString).toMatchObject({ connectionString: 'postgres://db/x' });
    expect(byString).not.toHaveProperty('host');
  });

  test('a SQLite connection is its file path only, without TLS options', () => {
    expect(
      toConnectionInput(values({ type: 'sqlite', database: 'shop.db', host: 'x', sslMode: 'require' })),
    ).toEqual({
      name: 'shop',
      type: 'sqlite',
      color: '#3b82f6',
      database: 'shop.db',
    });
  });

  test("is checked by the API's own schema, with its messages at the form's field names", () => {
    const result = ConnectionFormSchema.safeParse(values({ host: 'db', port: '70000', color: 'red' }));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['port', 'color']));
    expect(result.error?.issues.find((issue) => issue.path[0] === 'color')?.message).toBe(
      'must be a colour like #3366ff',
    );
  });

  test('editing starts from the saved values and never from the secret', () => {
    expect(formValuesOf({ ...saved, usesConnectionString: true })).toMatchObject({
      mode: 'string',
      connectionString: '',
      password: '',
      host: 'db.example.com',
      port: '5432',
    });
  });

  test('an edit sends only what changed; a blank password keeps the saved one', () => {
    const input = ConnectionFormSchema.parse({ ...formValuesOf(saved), name: 'shop (live)' });
    expect(toConnectionPatch(input, saved)).toEqual({ name: 'shop (live)' });
    const moved = ConnectionFormSchema.parse({ ...formValuesOf(saved), host: 'db2', password: 'new' });
    expect(toConnectionPatch(moved, saved)).toEqual({ host: 'db2', password: 'new' });
  });

  test('clearing the trusted certificates removes them', () => {
    const withCert = {
      ...saved,
      sslRootCert: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----',
    };
    const input = ConnectionFormSchema.parse({ ...formValuesOf(withCert), sslRootCert: '' });
    expect(toConnectionPatch(input, withCert)).toEqual({ sslRootCert: null });
  });

  test('a test of an edit names the saved connection, whose secret stands in for a blank one', () => {
    const input = ConnectionFormSchema.parse(formValuesOf(saved));
    const tried = toTestInput(input, saved.id);
    expect(tried).toMatchObject({ id: saved.id, type: 'postgresql', host: 'db.example.com' });
    expect(tried).not.toHaveProperty('name');
  });
});

describe('test outcomes', () => {
  test('a refused or unknown host is told at the host, or at the string that names it', () => {
    expect(fieldOfFailure('HOST_NOT_ALLOWED', 'postgresql', 'fields')).toBe('host');
    expect(fieldOfFailure('HOST_NOT_FOUND', 'mysql', 'string')).toBe('connectionString');
    expect(fieldOfFailure('PATH_NOT_ALLOWED', 'sqlite', 'string')).toBe('database');
    expect(fieldOfFailure('UNREACHABLE', 'postgresql', 'fields')).toBeUndefined();
  });

  test('a stored outcome reads as words, with a tone that is never alone', () => {
    const stored = (lastTestResult: string | null, lastTestLatencyMs: number | null = null) =>
      storedOutcomeOf({ lastTestResult, lastTestLatencyMs });
    expect(stored(null)).toEqual({ tone: 'idle', label: 'Not tested yet' });
    expect(stored('OK', 12)).toEqual({ tone: 'good', label: 'Connected in 12 ms' });
    expect(stored('OK')).toEqual({ tone: 'good', label: 'Connected' });
    expect(stored('UNREACHABLE')).toEqual({ tone: 'bad', label: 'Unreachable' });
    expect(stored('SOMETHING_NEW')).toEqual({ tone: 'bad', label: 'SOMETHING_NEW' });
  });
});
