// The client address a rate limit is keyed on. Next does not hand route handlers the socket's
// peer address; it fills X-Forwarded-For with it only when the header is absent. So the client
// is the right-most X-Forwarded-For entry that is not one of our own proxies: entries left of
// the first untrusted hop were written by the client and may be forged.
import { BlockList, isIP } from 'node:net';

export function resolveClientIp(forwardedFor: string | null, trustedProxies: readonly string[]): string | null {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter((hop): hop is string => hop !== null);
  if (hops.length === 0) return null;
  const trusted = toBlockList(trustedProxies);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isTrusted(trusted, hop)) return hop;
  }
  // Every hop is one of ours: the request started inside our network.
  return hops[0]!;
}

function normalise(hop: string): string | null {
  // "[2001:db8::1]:443" and "203.0.113.7:51234" carry ports; strip them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) hop = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(hop)) hop = hop.slice(0, hop.lastIndexOf(':'));
  if (hop.startsWith('::ffff:') && isIP(hop.slice(7)) === 4) hop = hop.slice(7);
  return isIP(hop) ? hop.toLowerCase() : null;
}

const cache = new Map<string, BlockList>();
function toBlockList(proxies: readonly string[]): BlockList {
  const key = proxies.join(',');
  let list = cache.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) {
      const [address, bits] = entry.split('/');
      const family = isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4';
      if (!address || !isIP(address)) continue;
      if (bits) list.addSubnet(address, Number(bits), family);
      else list.addAddress(address, family);
    }
    cache.set(key, list);
  }
  return list;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}
