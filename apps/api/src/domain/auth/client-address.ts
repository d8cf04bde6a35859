import ipaddr from 'ipaddr.js';

/** What a request without a usable address (an in-process call) is counted as. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The address a sign-in is throttled by: an IPv4 address (also when IPv4-mapped), or the /64 an
 * IPv6 address is in — one subscriber usually holds a whole /64, so single addresses in it would
 * each get fresh attempts.
 */
export function throttleAddressOf(ip: string | undefined): string {
  if (ip === undefined || !ipaddr.isValid(ip)) return UNKNOWN_ADDRESS;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address.toNormalizedString()}/64`);
  return `${network.toRFC5952String()}/64`;
}
