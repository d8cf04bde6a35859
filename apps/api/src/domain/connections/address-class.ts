import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is an ordinary public one. ipaddr.js names the IANA special-purpose
 * ranges (loopback, private, CGNAT, link-local, benchmarking 198.18.0.0/15, 192.0.0.0/24, the
 * documentation ranges, site-local fec0::/10, discard 100::/64, SIIT ::ffff:0:0:0/96, …); only
 * its `unicast` (none of those) is public. IPv6 must also be global unicast (2000::/3), which
 * leaves out the IPv4-compatible ::a.b.c.d and everything IANA has not handed out.
 *
 * IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4
 * 2002::/16, Teredo 2001::/32) are judged by the IPv4 addresses inside as well: 64:ff9b::7f00:1
 * is 127.0.0.1 to a NAT64 gateway.
 */
export type AddressClass =
  /** `connectTo` is the form to hand a driver: a mapped IPv6 address becomes its IPv4. */
  { public: true; connectTo: string } | { public: false; reason: string };

/** The IPv4 addresses an IPv6 address carries in one of the translation or tunnelling forms. */
export function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const parts = address.parts;
  const v4 = (high: number | undefined, low: number | undefined) =>
    ipaddr.IPv4.parse(`${(high ?? 0) >> 8}.${(high ?? 0) & 0xff}.${(low ?? 0) >> 8}.${(low ?? 0) & 0xff}`);
  switch (address.range()) {
    // ipaddr.js reads `::a.b.c.d` as mapped (::ffff:a.b.c.d): either way it is judged, and
    // connected to, as a.b.c.d; the hex spelling ::7f00:1 comes to the default branch.
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return [v4(parts[6], parts[7])];
    case '6to4':
      return [v4(parts[1], parts[2])];
    case 'teredo':
      // The Teredo server's address, and the client's (stored inverted).
      return [v4(parts[2], parts[3]), v4(~(parts[6] ?? 0) & 0xffff, ~(parts[7] ?? 0) & 0xffff)];
    default:
      // ::a.b.c.d (IPv4-compatible, deprecated by RFC 4291).
      return parts.slice(0, 6).every((part) => part === 0) ? [v4(parts[6], parts[7])] : [];
  }
}

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
/** Translation forms that reach a public IPv4 address through a public gateway or relay. */
const ROUTED_TRANSLATIONS = new Set(['6to4', 'teredo']);
const WELL_KNOWN_NAT64 = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  const range = address.range();
  return range === 'unicast'
    ? { public: true, connectTo: address.toString() }
    : { public: false, reason: `IPv4 ${range}` };
}

/** Classifies an IP literal (any form ipaddr.js parses); `public: false` for anything else. */
export function classifyAddress(text: string): AddressClass {
  if (!ipaddr.isValid(text)) return { public: false, reason: 'not an IP address' };
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv4') return classifyIPv4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  const inside = embeddedIPv4(v6);
  for (const v4 of inside) {
    const verdict = classifyIPv4(v4);
    if (!verdict.public) return { public: false, reason: `IPv6 ${range} of ${verdict.reason}` };
  }
  // A mapped address is its IPv4 address: the driver gets that, in the form it cannot misread.
  if (range === 'ipv4Mapped' && inside[0]) return { public: true, connectTo: inside[0].toString() };
  if (v6.match(WELL_KNOWN_NAT64) || ROUTED_TRANSLATIONS.has(range))
    return { public: true, connectTo: v6.toRFC5952String() };
  if (range !== 'unicast') return { public: false, reason: `IPv6 ${range}` };
  if (!v6.match(GLOBAL_UNICAST)) return { public: false, reason: 'IPv6 outside global unicast' };
  return { public: true, connectTo: v6.toRFC5952String() };
}

/**
 * One spelling per address, the one drivers read (RFC 5952 for IPv6, dotted quad for IPv4 and
 * for a mapped IPv6 address): `::FFFF:7f00:1`, `::ffff:127.0.0.1` and `127.1` are all `127.0.0.1`.
 */
export function canonicalAddress(text: string): string | undefined {
  if (!ipaddr.isValid(text)) return undefined;
  const address = ipaddr.process(text);
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}
