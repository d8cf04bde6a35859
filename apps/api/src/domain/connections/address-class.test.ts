import { describe, expect, test } from 'vitest';
import { canonicalAddress, classifyAddress } from './address-class.ts';

describe('which addresses are ordinary public ones', () => {
  test.each([
    // IPv4 special-purpose ranges (IANA).
    ['0.0.0.0', 'this network 0.0.0.0/8'],
    ['0.1.2.3', 'this network 0.0.0.0/8'],
    ['10.1.2.3', 'private 10.0.0.0/8'],
    ['100.64.0.1', 'CGNAT 100.64.0.0/10'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['172.16.0.1', 'private 172.16.0.0/12'],
    ['172.31.255.255', 'private 172.16.0.0/12'],
    ['192.0.0.8', 'IETF protocol assignments 192.0.0.0/24'],
    ['192.0.2.10', 'documentation TEST-NET-1'],
    ['192.88.99.1', '6to4 relay anycast'],
    ['192.168.1.1', 'private 192.168.0.0/16'],
    ['198.18.0.1', 'benchmarking 198.18.0.0/15'],
    ['198.19.255.255', 'benchmarking 198.18.0.0/15'],
    ['198.51.100.7', 'documentation TEST-NET-2'],
    ['203.0.113.9', 'documentation TEST-NET-3'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved 240.0.0.0/4'],
    ['255.255.255.255', 'broadcast'],
    // Other spellings of 127.0.0.1.
    ['127.1', 'short form of 127.0.0.1'],
    ['0x7f000001', 'hexadecimal 127.0.0.1'],
    ['2130706433', 'decimal 127.0.0.1'],
    ['0177.0.0.1', 'octal 127.0.0.1'],
    // IPv6 special-purpose ranges.
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'unique local fc00::/7'],
    ['fd00::2', 'unique local fc00::/7'],
    ['fe80::1', 'link-local'],
    ['fec0::1', 'site-local fec0::/10'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard 100::/64'],
    ['2001:db8::1', 'documentation 2001:db8::/32'],
    ['3fff::1', 'documentation 3fff::/20'],
    ['2001:2::1', 'benchmarking 2001:2::/48'],
    ['5f00::1', 'segment routing 5f00::/16'],
    ['4000::1', 'unassigned, outside 2000::/3'],
    ['64:ff9b:1::1', 'local-use NAT64 64:ff9b:1::/48'],
    // IPv4 hidden in IPv6.
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['0:0:0:0:0:0:127.0.0.1', 'IPv4-compatible loopback, long form'],
    ['::7f00:1', 'IPv4-compatible loopback, hex form'],
    ['::808:808', 'IPv4-compatible of a public address (deprecated form)'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:0:7f00:1', 'SIIT ::ffff:0:0:0/96 of loopback'],
    ['::ffff:0:808:808', 'SIIT ::ffff:0:0:0/96'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['2001:0:7f00:1::f7f7:f7f7', 'Teredo with a loopback server'],
    ['2001:0:808:808::80ff:fefe', 'Teredo with a loopback client'],
    ['not-an-address', 'not an IP literal'],
  ])('%s is not public (%s)', (address) => {
    expect(classifyAddress(address)).toMatchObject({ public: false });
  });

  test.each([
    ['8.8.8.8', '8.8.8.8'],
    ['1.1.1.1', '1.1.1.1'],
    ['2606:4700:4700::1111', '2606:4700:4700::1111'],
    ['2606:4700:4700:0:0:0:0:1111', '2606:4700:4700::1111'],
    ['::ffff:8.8.8.8', '8.8.8.8'],
    ['64:ff9b::808:808', '64:ff9b::808:808'],
    ['2002:808:808::1', '2002:808:808::1'],
    ['2001:0:808:808::f7f7:f7f7', '2001:0:808:808::f7f7:f7f7'],
  ])('%s is public, and the driver gets %s', (address, connectTo) => {
    expect(classifyAddress(address)).toEqual({ public: true, connectTo });
  });

  test('every spelling of an address has one canonical form', () => {
    expect(canonicalAddress('127.1')).toBe('127.0.0.1');
    expect(canonicalAddress('2130706433')).toBe('127.0.0.1');
    expect(canonicalAddress('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(canonicalAddress('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalAddress('db.example.test')).toBeUndefined();
  });
});
