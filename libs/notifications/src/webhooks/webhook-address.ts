import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** What the delivery log says of a refused destination, whichever rule refused it. */
export const DESTINATION_NOT_ALLOWED = 'destination not allowed';

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether a webhook may connect to this address: public unicast only (loopback, private, link-local and cloud
 * metadata, unique-local, CGNAT, multicast, reserved and documentation ranges are not), an IPv4-mapped IPv6
 * address judged as the IPv4 address it carries, IPv6 only within global unicast (2000::/3, which leaves out the
 * IPv4-compatible `::a.b.c.d`). `allowedNetworks` (CIDR) lets local receivers through.
 */
export function isAllowedAddress(address: string, allowedNetworks: readonly string[] = []): boolean {
  if (!isIP(address)) return false;
  const ip = ipaddr.process(address);
  if (allowedNetworks.some((network) => within(ip, network))) return true;
  if (ip.range() !== 'unicast') return false;
  return ip.kind() === 'ipv4' || ip.match(GLOBAL_UNICAST_V6);
}

/** The host of a URL as an address when it is one (`[::1]` → `::1`), else undefined: a name to resolve. */
export function addressOf(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

function within(ip: ipaddr.IPv4 | ipaddr.IPv6, network: string): boolean {
  const [base, bits] = ipaddr.parseCIDR(network);
  return base.kind() === ip.kind() && ip.match(base, bits);
}
