import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';
import ipaddr from 'ipaddr.js';
import { canonicalAddress, classifyAddress, embeddedIPv4 } from './address-class.ts';

/**
 * Where saved connections may go. Not to any address IANA sets aside (loopback, private,
 * link-local, CGNAT, benchmarking, documentation, multicast, unspecified, … — see
 * address-class.ts), nor to those hidden in an IPv6 form (mapped, IPv4-compatible, NAT64, 6to4,
 * Teredo), nor to this machine's own addresses or the metadata database's: a user must not
 * turn the service into a proxy into its own network. CONNECTIONS_ALLOWED_HOSTS opens exceptions.
 *
 * A name is resolved once; the driver then connects to the checked address, never to the name
 * (no DNS rebinding), and never to an address that was not checked.
 */
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
  /** This machine's addresses, always forbidden; default: read from its network interfaces. */
  interfaceAddresses?: () => readonly string[];
}

const NOT_ALLOWED: HostVerdict = {
  ok: false,
  code: 'HOST_NOT_ALLOWED',
  message:
    'Connections to local, private or internal addresses are not allowed here (the operator can allow one with CONNECTIONS_ALLOWED_HOSTS).',
};
const NOT_FOUND: HostVerdict = {
  ok: false,
  code: 'HOST_NOT_FOUND',
  message: 'The host name does not resolve.',
};

/** Every address of this machine's interfaces, loopback or not. */
function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address);
}

/** The address and the IPv4 addresses inside it, canonical: what "is it ours?" compares. */
function identities(address: string): string[] {
  const parsed = ipaddr.process(address);
  const inside = parsed.kind() === 'ipv6' ? embeddedIPv4(parsed as ipaddr.IPv6).map(String) : [];
  return [address, ...inside].flatMap((text) => canonicalAddress(text) ?? []);
}

export function createHostPolicy({
  allowed,
  ownHosts,
  interfaceAddresses = machineAddresses,
}: HostPolicyOptions): HostPolicy {
  const allowedNets: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  const allowedNames = new Set<string>();
  for (const entry of allowed) {
    if (ipaddr.isValidCIDR(entry)) allowedNets.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      allowedNets.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else allowedNames.add(entry.toLowerCase());
  }
  const isAllowed = (address: string) => {
    const parsed = ipaddr.process(address);
    return allowedNets.some(
      ([network, bits]) => parsed.kind() === network.kind() && parsed.match(network, bits),
    );
  };
  // Looked up once, on first use; interfaces are read at each check (addresses come and go).
  let ownHostAddresses: Promise<string[]> | undefined;
  const ownAddresses = async () => {
    ownHostAddresses ??= Promise.all(
      ownHosts.map((host) =>
        lookup(host, { all: true }).then(
          (entries) => entries.map((entry) => entry.address),
          () => [],
        ),
      ),
    ).then((lists) => lists.flat().flatMap((address) => canonicalAddress(address) ?? []));
    const interfaces = interfaceAddresses().flatMap((address) => canonicalAddress(address) ?? []);
    return new Set([...(await ownHostAddresses), ...interfaces]);
  };

  return {
    async check(host) {
      const name = host
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1');
      if (name === '') return NOT_FOUND;
      // A zone (fe80::1%eth0) picks an interface of this machine: never a remote server's business.
      if (name.includes('%')) return NOT_ALLOWED;
      // Any spelling of an IP address (127.1, 0x7f000001, 2130706433, ::127.0.0.1) is one.
      let addresses: string[];
      if (ipaddr.isValid(name)) addresses = [name];
      else {
        try {
          addresses = (await lookup(name, { all: true })).map((entry) => entry.address);
        } catch {
          return NOT_FOUND;
        }
      }
      const own = await ownAddresses();
      // Of the addresses a name has, connect to the first that passes, and only to that one.
      for (const address of addresses) {
        const canonical = canonicalAddress(address);
        if (!canonical) continue;
        if (allowedNames.has(name) || isAllowed(address)) return { ok: true, address: canonical };
        const verdict = classifyAddress(address);
        if (!verdict.public || identities(address).some((identity) => own.has(identity))) continue;
        return { ok: true, address: verdict.connectTo };
      }
      return NOT_ALLOWED;
    },
  };
}
