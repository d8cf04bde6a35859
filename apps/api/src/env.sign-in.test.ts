import { describe, expect, test } from 'vitest';
import { ConfigSchema } from './env.ts';

const parse = (env: Record<string, string>) => ConfigSchema.safeParse(env);

describe('sign-in throttling settings', () => {
  test('default to a backoff after 5 failures, capped at 15 minutes, and a ceiling of 100 an hour', () => {
    const config = ConfigSchema.parse({});
    expect(config).toMatchObject({
      SIGN_IN_BACKOFF_AFTER_FAILURES: 5,
      SIGN_IN_BACKOFF_MAX_SECONDS: 900,
      SIGN_IN_ACCOUNT_MAX_FAILURES: 100,
      SIGN_IN_WINDOW_MINUTES: 60,
      TRUST_PROXY: false,
    });
  });

  test('refuse a ceiling that a few addresses could reach with their free failures', () => {
    const result = parse({ SIGN_IN_BACKOFF_AFTER_FAILURES: '10', SIGN_IN_ACCOUNT_MAX_FAILURES: '20' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['SIGN_IN_ACCOUNT_MAX_FAILURES']);
  });
});

describe('TRUST_PROXY', () => {
  test.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, loopback,2001:db8::1', ['10.0.0.0/8', 'loopback', '2001:db8::1']],
  ])('%j is %j', (value, expected) => {
    expect(ConfigSchema.parse({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  test.each([['proxy.internal'], ['10.0.0.0/99']])('%j is refused at start', (value) => {
    const result = parse({ TRUST_PROXY: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(value);
  });
});
