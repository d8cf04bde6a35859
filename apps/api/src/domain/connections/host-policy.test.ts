import { describe, expect, test } from 'vitest';
import { createHostPolicy } from './host-policy.ts';

describe('where saved connections may go', () => {
  const policy = createHostPolicy({ allowed: [], ownHosts: [] });

  test.each([
    ['127.0.0.1', 'HOST_NOT_ALLOWED'],
    ['127.1.2.3', 'HOST_NOT_ALLOWED'],
    ['localhost', 'HOST_NOT_ALLOWED'],
    ['10.0.0.5', 'HOST_NOT_ALLOWED'],
    ['172.16.9.9', 'HOST_NOT_ALLOWED'],
    ['192.168.1.1', 'HOST_NOT_ALLOWED'],
    ['169.254.169.254', 'HOST_NOT_ALLOWED'],
    ['100.64.0.1', 'HOST_NOT_ALLOWED'],
    ['0.0.0.0', 'HOST_NOT_ALLOWED'],
    ['::1', 'HOST_NOT_ALLOWED'],
    ['[::1]', 'HOST_NOT_ALLOWED'],
    ['::ffff:127.0.0.1', 'HOST_NOT_ALLOWED'],
    ['fd00::1', 'HOST_NOT_ALLOWED'],
    ['fe80::1', 'HOST_NOT_ALLOWED'],
    ['224.0.0.1', 'HOST_NOT_ALLOWED'],
    ['no-such-host.invalid', 'HOST_NOT_FOUND'],
  ])('%s is refused with %s', async (host, code) => {
    await expect(policy.check(host)).resolves.toMatchObject({ ok: false, code });
  });

  test.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])(
    'public address %s is allowed as is',
    async (host) => {
      await expect(policy.check(host)).resolves.toEqual({ ok: true, address: host });
    },
  );

  test('an allowlist opens host names and CIDRs, and nothing else', async () => {
    const open = createHostPolicy({ allowed: ['localhost', '10.1.0.0/16', '192.168.5.5'], ownHosts: [] });
    await expect(open.check('localhost')).resolves.toMatchObject({ ok: true });
    await expect(open.check('10.1.200.3')).resolves.toEqual({ ok: true, address: '10.1.200.3' });
    await expect(open.check('192.168.5.5')).resolves.toMatchObject({ ok: true });
    await expect(open.check('10.2.0.1')).resolves.toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });
    await expect(open.check('127.0.0.1')).resolves.toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });
  });

  test("the service's own database host is refused even when it is public", async () => {
    const own = createHostPolicy({ allowed: [], ownHosts: ['8.8.4.4'] });
    await expect(own.check('8.8.4.4')).resolves.toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });
  });
});
