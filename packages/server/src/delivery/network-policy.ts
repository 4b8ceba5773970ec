import { lookup as systemLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Which addresses deliveries may connect to. Checked at connect time on the address actually
 * dialled (the lookup below is the one the socket uses), so a hostname that resolves to a
 * public address when saved and to 10.0.0.1 later is still refused: DNS-rebinding safe.
 */
const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const BLOCKED_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2001::', 32], // Teredo: embeds an (obfuscated) IPv4 address
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local (includes fd00:ec2::254, the AWS metadata address)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
];

export class BlockedAddressError extends Error {
  readonly code = 'ERR_HERALD_BLOCKED_ADDRESS';
  constructor(host: string, address: string) {
    super(`Refusing to connect to ${host === address ? address : `${host} (${address})`}: private, loopback, link-local or reserved addresses are not allowed. Add the network to HERALD_ALLOW_NETWORKS to permit it.`);
    this.name = 'BlockedAddressError';
  }
}

export interface NetworkPolicy {
  isAllowed(address: string): boolean;
  /** A lookup that resolves with `base` and fails if any resolved address is not allowed. */
  guardLookup(base?: LookupFunction): LookupFunction;
  /** Throws for an IP literal that is not allowed (literals skip lookup when connecting). */
  checkLiteral(host: string): void;
}

function parseCidr(cidr: string): { address: string; prefix: number; type: 'ipv4' | 'ipv6' } {
  const [address, prefixText] = cidr.split('/');
  const family = isIP(address ?? '');
  if (!address || !family) throw new Error(`HERALD_ALLOW_NETWORKS: "${cidr}" is not an IP address or CIDR range`);
  const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`HERALD_ALLOW_NETWORKS: bad prefix in "${cidr}"`);
  return { address, prefix, type: family === 4 ? 'ipv4' : 'ipv6' };
}

/** The eight 16-bit groups of an IPv6 address (with or without a dotted IPv4 tail); null if it is not one. */
function hextets(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const dotted = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[2]!.split('.').map(Number) as [number, number, number, number];
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...fill, ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The IPv4 address an IPv6 form carries, so it meets the IPv4 rules: IPv4-mapped `::ffff:a.b.c.d`
 * (in dotted or hex form), IPv4-compatible `::a.b.c.d` (`::/96`, deprecated but still routed to
 * IPv4 by some stacks) and IPv4-translated `::ffff:0:a.b.c.d`. `::` and `::1` are IPv6's own.
 */
function embeddedIPv4(address: string): string | null {
  const g = hextets(address);
  if (!g) return null;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  const v4 = () => `${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`;
  if (zeros(5) && g[5] === 0xffff) return v4();
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return v4();
  if (zeros(6) && (g[6] !== 0 || g[7]! > 1)) return v4();
  return null;
}

function unmap(address: string): string {
  return embeddedIPv4(address) ?? address;
}

export function makeNetworkPolicy(allowNetworks: string[]): NetworkPolicy {
  const blocked = new BlockList();
  for (const [a, p] of BLOCKED_V4) blocked.addSubnet(a, p, 'ipv4');
  for (const [a, p] of BLOCKED_V6) blocked.addSubnet(a, p, 'ipv6');
  const allowed = new BlockList();
  for (const cidr of allowNetworks) {
    const { address, prefix, type } = parseCidr(cidr);
    allowed.addSubnet(address, prefix, type);
  }
  const isAllowed = (raw: string) => {
    const address = unmap(raw);
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (allowed.check(address, type)) return true;
    return !blocked.check(address, type);
  };
  return {
    isAllowed,
    checkLiteral(host) {
      const bare = host.replace(/^\[|\]$/g, '');
      if (isIP(bare) && !isAllowed(bare)) throw new BlockedAddressError(host, bare);
    },
    guardLookup(base = systemLookup as unknown as LookupFunction) {
      return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        base(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err);
          const list = addresses as unknown as { address: string; family: number }[];
          const refused = list.find((a) => !isAllowed(a.address));
          if (refused || !list.length) return callback(new BlockedAddressError(hostname, refused?.address ?? 'no address'));
          if (options.all) callback(null, list);
          else callback(null, list[0]!.address, list[0]!.family);
        });
      }) as LookupFunction;
    },
  };
}
