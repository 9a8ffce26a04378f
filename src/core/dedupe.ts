/**
 * Article identity: the key that decides whether an item was seen before. Feeds reissue the
 * same story with tracking parameters, fragments, changed titles or a guid that is really the
 * homepage; the identity must survive all of that so an edited item is updated, not re-announced.
 */
import { isTrackingParam } from './tracking-params.js';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443', 'ftp:': '21' };

/**
 * The canonical form of a URL for comparison: scheme and host in lower case, default port and
 * fragment dropped, tracking parameters removed and the rest sorted, path case kept.
 * A string that is not an absolute URL comes back trimmed and otherwise unchanged.
 */
export function normaliseUrl(url: string): string {
  const trimmed = url.trim();
  const parsed = parseUrl(trimmed);
  return parsed === null ? trimmed : normalisedHref(parsed);
}

/** `text` as a URL, or null when it is not an absolute one. */
function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** normaliseUrl of an already parsed URL (which it changes). */
function normalisedHref(parsed: URL): string {
  if (parsed.port !== '' && DEFAULT_PORTS[parsed.protocol] === parsed.port) parsed.port = '';
  const href = parsed.href;
  // Most article URLs have neither fragment nor query (not even an empty one): nothing to drop or sort.
  if (!href.includes('#') && !href.includes('?')) return href;
  parsed.hash = '';
  // Most article URLs have no query; reading searchParams would build one for nothing.
  const kept = parsed.search === '' ? [] : [...parsed.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  parsed.search = '';
  let result = parsed.toString();
  if (kept.length > 0) result += '?' + new URLSearchParams(kept).toString();
  return result;
}

/** What article identity is computed from; `guidIsPermaLink` follows RSS's `isPermaLink`. */
export interface IdentitySource {
  readonly guid: string | null;
  readonly guidIsPermaLink?: boolean;
  readonly url: string | null;
  readonly title: string;
  readonly publishedAt: number | null;
}

/**
 * A stable key for an item within its feed: `guid:<guid>` when the guid is trustworthy,
 * else `url:<normalised url>`, else `hash:<hash of title and date>`. A guid that is a
 * homepage, a bare domain, a date or a tiny number is shared by unrelated items and is ignored.
 */
export function articleIdentity(item: IdentitySource): string {
  // Each candidate is parsed once, for both the homepage test and the normalisation.
  const guid = item.guid?.trim() ?? '';
  const guidUrl = looksLikeUrl(guid) ? parseUrl(guid) : null;
  if (isTrustworthyGuid(guid, guidUrl)) {
    return 'guid:' + (guidUrl === null ? guid : normalisedHref(guidUrl));
  }
  const url = item.url?.trim() ?? '';
  const parsedUrl = looksLikeUrl(url) ? parseUrl(url) : null;
  if (url !== '' && !isHomepage(url, parsedUrl)) return 'url:' + (parsedUrl === null ? normaliseUrl(url) : normalisedHref(parsedUrl));
  const date = item.publishedAt === null ? '' : String(item.publishedAt);
  return 'hash:' + hashString(item.title.replace(/\s+/g, ' ').trim().toLowerCase() + '\n' + date);
}

function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/**
 * True for a URL with no path, query or fragment beyond `/`, or for a bare domain. `parsed` is
 * `text` parsed when it looks like a URL (null when it does not, or does not parse).
 */
function isHomepage(text: string, parsed: URL | null): boolean {
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/?$/i.test(text)) return true;
  return parsed !== null && (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '' && parsed.hash === '';
}

function isTrustworthyGuid(guid: string, parsed: URL | null): boolean {
  if (guid.length < 3) return false;
  if (isHomepage(guid, parsed)) return false;
  // Dates and timestamps repeat across unrelated items.
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(guid)) return false;
  if (/^[A-Za-z]{3},? \d{1,2} [A-Za-z]{3} \d{2,4}/.test(guid)) return false;
  if (/^(?:null|undefined|none|n\/a|guid|id|0|-1)$/i.test(guid)) return false;
  return true;
}

/**
 * A deterministic 64-bit FNV-1a hash of the string's UTF-16 code units, as 16 hex digits.
 * Not cryptographic: it only has to be stable across runs and platforms.
 */
export function hashString(text: string): string {
  const hash = new Fnv64();
  for (let i = 0; i < text.length; i++) hash.add(text.charCodeAt(i));
  return hash.digest();
}

/**
 * FNV-1a over 16-bit code units. The 64-bit state is four 16-bit limbs, least significant
 * first, so every step stays in small-integer arithmetic. Offset basis 0xcbf29ce484222325;
 * the prime 0x100000001b3 is 2^40 + 0x1b3, so hash * prime = hash * 0x1b3 + (hash << 40).
 */
class Fnv64 {
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  add(code: number): void {
    const h0 = this.h0 ^ code;
    const t0 = h0 * 0x1b3;
    const t1 = this.h1 * 0x1b3 + (t0 >>> 16);
    const t2 = this.h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    this.h3 = (this.h3 * 0x1b3 + (this.h1 << 8) + (t2 >>> 16)) & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h0 = t0 & 0xffff;
  }

  digest(): string {
    const high = (((this.h3 << 16) | this.h2) >>> 0).toString(16).padStart(8, '0');
    return high + (((this.h1 << 16) | this.h0) >>> 0).toString(16).padStart(8, '0');
  }
}
