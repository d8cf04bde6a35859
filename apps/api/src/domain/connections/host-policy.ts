import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where saved connections may go. By default not to loopback, private, link-local, CGNAT,
 * multicast or unspecified addresses, nor to the service's own database: a user must not turn
 * the service into a proxy into its own network. CONNECTIONS_ALLOWED_HOSTS opens exceptions.
 * The host is resolved once and the caller connects to that address (no DNS rebinding).
 */
const FORBIDDEN: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

export type HostVerdict =
  | { ok: true; address: string }
  | { ok: false; code: 'HOST_NOT_ALLOWED' | 'HOST_NOT_FOUND'; message: string };

export interface HostPolicy {
  check(host: string): Promise<HostVerdict>;
}

export interface HostPolicyOptions {
  /** Host names or CIDRs that may be reached even though the rules above forbid them. */
  allowed: readonly string[];
  /** Host names whose addresses are always forbidden (the metadata database). */
  ownHosts: readonly string[];
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** `::ffff:10.0.0.1` is 10.0.0.1. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

export function createHostPolicy({ allowed, ownHosts }: HostPolicyOptions): HostPolicy {
  const forbidden = new BlockList();
  for (const [network, prefix, kind] of FORBIDDEN) forbidden.addSubnet(network, prefix, kind);
  const allowedNets = new BlockList();
  const allowedNames = new Set<string>();
  for (const entry of allowed) {
    const [network, prefix] = entry.split('/');
    if (network && isIP(network) && prefix !== undefined)
      allowedNets.addSubnet(network, Number(prefix), family(network));
    else if (network && isIP(network)) allowedNets.addAddress(network, family(network));
    else allowedNames.add(entry.toLowerCase());
  }
  const ownAddresses = Promise.all(ownHosts.map((host) => lookup(host, { all: true }).catch(() => []))).then(
    (lists) => new Set(lists.flat().map((entry) => unmapped(entry.address))),
  );

  return {
    async check(host) {
      const name = host
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1');
      let address: string;
      try {
        address = unmapped(isIP(name) ? name : (await lookup(name)).address);
      } catch {
        return { ok: false, code: 'HOST_NOT_FOUND', message: 'The host name does not resolve.' };
      }
      if (allowedNames.has(name) || allowedNets.check(address, family(address))) return { ok: true, address };
      if ((await ownAddresses).has(address) || forbidden.check(address, family(address))) {
        return {
          ok: false,
          code: 'HOST_NOT_ALLOWED',
          message: 'Connections to local, private or internal addresses are not allowed here.',
        };
      }
      return { ok: true, address };
    },
  };
}
