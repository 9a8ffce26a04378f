import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

/**
 * The guard for URLs that come from feed content (an item's <link>): only http(s) to hosts on
 * the public internet. A feed could otherwise make the bot fetch 127.0.0.1:PORT, the cloud
 * metadata address or the LAN and show the answer to subscribers. Feeds themselves are
 * operator-configured and do not pass through here.
 */

/** Resolves a host name to all its addresses; `node:dns` lookup in production, a table in tests. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** A URL refused by the guard; carries the URL and the address (or scheme) that decided it. */
export class UrlRefusedError extends Error {
  override readonly name = 'UrlRefusedError';
  readonly url: string;
  readonly reason: string;

  constructor(url: string, reason: string) {
    super(`fulltext/public-url: refused ${url}: ${reason}`);
    this.url = url;
    this.reason = reason;
  }
}

const resolveWithDns: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Throws UrlRefusedError unless `url` is http(s) and every address its host resolves to is
 * public (not loopback, private, link-local, ULA, CGNAT, unspecified, multicast or reserved).
 * Checking all addresses keeps a name with one public and one private address out.
 */
export async function assertPublicUrl(url: URL, resolve: ResolveHost = resolveWithDns): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlRefusedError(url.href, `scheme ${url.protocol} is not http(s)`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  if (addresses.length === 0) throw new UrlRefusedError(url.href, `${host} has no address`);
  for (const address of addresses) {
    if (!isPublicAddress(address)) throw new UrlRefusedError(url.href, `${host} resolves to non-public address ${address}`);
  }
}

/**
 * A DNS lookup for the connections that fetch pages: it resolves with `resolve` and refuses a
 * host with any non-public address, so the address that was checked is the one connected to.
 * Checking the URL before fetching alone leaves a gap: the name could resolve to a public
 * address for the check and to 127.0.0.1 a moment later for the connection (DNS rebinding).
 */
export function publicOnlyLookup(resolve: ResolveHost = resolveWithDns): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const addresses = isIP(host) !== 0 ? Promise.resolve([host]) : resolve(host);
    addresses.then((found) => {
      const refused = found.length === 0 ? `${host} has no address` : found.filter((address) => !isPublicAddress(address)).map((address) => `${host} resolves to non-public address ${address}`)[0];
      if (refused !== undefined) {
        callback(Object.assign(new UrlRefusedError(host, refused), { code: 'EREFUSED' }), '', 0);
        return;
      }
      if (options.all === true) callback(null, found.map((address) => ({ address, family: isIP(address) })));
      else callback(null, found[0] as string, isIP(found[0] as string));
    }, (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0));
  };
}

/** True for an IPv4 or IPv6 address on the public internet; false for anything else, including non-addresses. */
export function isPublicAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return isPublicV4(address);
  if (kind === 6) return isPublicV6(address.toLowerCase());
  return false;
}

function v4Octets(address: string): [number, number] {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return [a, b];
}

function isPublicV4(address: string): boolean {
  const [a, b] = v4Octets(address);
  if (a === 0 || a === 10 || a === 127) return false; // unspecified "this network", private, loopback
  if (a === 100 && b >= 64 && b <= 127) return false; // CGNAT 100.64/10
  if (a === 169 && b === 254) return false; // link-local, cloud metadata
  if (a === 172 && b >= 16 && b <= 31) return false; // private 172.16/12
  if (a === 192 && b === 168) return false; // private 192.168/16
  if (a === 192 && b === 0 && address.startsWith('192.0.0.')) return false; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking 198.18/15
  return a < 224; // multicast, reserved, broadcast
}

function isPublicV6(address: string): boolean {
  const groups = expandV6(address);
  if (groups === null) return false;
  if (groups.slice(0, 7).every((g) => g === 0) && (groups[7] === 0 || groups[7] === 1)) return false; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible/NAT64 forms carry an IPv4 address to judge.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return isPublicV4(v4From(groups));
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return isPublicV4(v4From(groups));
  const first = groups[0] ?? 0;
  if ((first & 0xfe00) === 0xfc00) return false; // ULA fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xffc0) === 0xfec0) return false; // site-local fec0::/10 (deprecated)
  if ((first & 0xff00) === 0xff00) return false; // multicast
  return true;
}

function v4From(groups: readonly number[]): string {
  const hi = groups[6] ?? 0;
  const lo = groups[7] ?? 0;
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** Eight 16-bit groups of a valid IPv6 address (zone id dropped, dotted tail converted), or null. */
function expandV6(address: string): number[] | null {
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  return groups.some((g) => Number.isNaN(g)) ? null : groups;
}
