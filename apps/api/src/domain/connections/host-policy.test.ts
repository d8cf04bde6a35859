import { networkInterfaces } from 'node:os';
import { describe, expect, test } from 'vitest';
import { createHostPolicy } from './host-policy.ts';

/** This machine's addresses that are not loopback (what a listener on 0.0.0.0 or :: answers on). */
const ownNonLoopback = () =>
  Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal)
    .map((entry) => (entry.scopeid ? `${entry.address}%${entry.scopeid}` : entry.address));

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
    ['::127.0.0.1', 'HOST_NOT_ALLOWED'],
    ['[::127.0.0.1]', 'HOST_NOT_ALLOWED'],
    ['64:ff9b::7f00:1', 'HOST_NOT_ALLOWED'],
    ['2002:7f00:1::', 'HOST_NOT_ALLOWED'],
    ['fec0::1', 'HOST_NOT_ALLOWED'],
    ['::ffff:0:7f00:1', 'HOST_NOT_ALLOWED'],
    ['100::1', 'HOST_NOT_ALLOWED'],
    ['198.18.0.1', 'HOST_NOT_ALLOWED'],
    ['192.0.0.1', 'HOST_NOT_ALLOWED'],
    ['192.0.2.1', 'HOST_NOT_ALLOWED'],
    ['127.1', 'HOST_NOT_ALLOWED'],
    ['0x7f000001', 'HOST_NOT_ALLOWED'],
    ['2130706433', 'HOST_NOT_ALLOWED'],
    ['2606:4700:4700::1111%eth0', 'HOST_NOT_ALLOWED'],
    ['', 'HOST_NOT_FOUND'],
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

  test("this machine's own non-loopback addresses are refused, whatever their range", async () => {
    const addresses = ownNonLoopback();
    for (const address of addresses) {
      await expect(policy.check(address), address).resolves.toMatchObject({
        ok: false,
        code: 'HOST_NOT_ALLOWED',
      });
    }
  });

  test("an address of this machine's interfaces is refused even when it is public", async () => {
    const onPublicHost = createHostPolicy({
      allowed: [],
      ownHosts: [],
      interfaceAddresses: () => ['8.8.8.8'],
    });
    await expect(onPublicHost.check('8.8.8.8')).resolves.toMatchObject({
      ok: false,
      code: 'HOST_NOT_ALLOWED',
    });
    await expect(onPublicHost.check('::ffff:8.8.8.8')).resolves.toMatchObject({ ok: false });
    await expect(onPublicHost.check('64:ff9b::808:808')).resolves.toMatchObject({ ok: false });
    await expect(onPublicHost.check('1.1.1.1')).resolves.toMatchObject({ ok: true });
  });

  test('a mapped address passes as its IPv4 form, the one the driver then gets', async () => {
    await expect(policy.check('::ffff:8.8.8.8')).resolves.toEqual({ ok: true, address: '8.8.8.8' });
  });

  test('an allowed address is allowed in its other spellings, and the driver gets the canonical one', async () => {
    const open = createHostPolicy({ allowed: ['127.0.0.1/32'], ownHosts: ['127.0.0.1'] });
    await expect(open.check('::ffff:127.0.0.1')).resolves.toEqual({ ok: true, address: '127.0.0.1' });
    await expect(open.check('127.1')).resolves.toEqual({ ok: true, address: '127.0.0.1' });
    await expect(open.check('::1')).resolves.toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });
  });

  test("the service's own database host is refused even when it is public", async () => {
    const own = createHostPolicy({ allowed: [], ownHosts: ['8.8.4.4'] });
    await expect(own.check('8.8.4.4')).resolves.toMatchObject({ ok: false, code: 'HOST_NOT_ALLOWED' });
  });
});
