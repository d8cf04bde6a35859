import { describe, expect, test } from 'vitest';
import { throttleAddressOf, UNKNOWN_ADDRESS } from './client-address.ts';

describe('the address a sign-in is throttled by', () => {
  test.each([
    ['127.0.0.2', '127.0.0.2'],
    ['::ffff:127.0.0.2', '127.0.0.2'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['::1', '::/64'],
  ])('%s counts as %s', (ip, expected) => {
    expect(throttleAddressOf(ip)).toBe(expected);
  });

  test('two addresses of one IPv6 /64 share a count; the next /64 does not', () => {
    expect(throttleAddressOf('2001:db8::1')).toBe(throttleAddressOf('2001:db8::ffff:1'));
    expect(throttleAddressOf('2001:db8:0:1::1')).not.toBe(throttleAddressOf('2001:db8::1'));
  });

  test.each([[undefined], ['not an address'], ['']])('%j counts as unknown', (ip) => {
    expect(throttleAddressOf(ip)).toBe(UNKNOWN_ADDRESS);
  });
});
