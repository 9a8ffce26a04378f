/**
 * An item's enclosure (a podcast's audio, a photo feed's picture) as the link of an item that
 * has no page of its own, so its briefing still carries a source link. Only the item's shown
 * link: identity stays with guid, page link or title and date (core/dedupe.ts), and full text
 * is read from an enclosure only when it is a document (fulltext/fetch-page.ts refuses the rest).
 */
import { normaliseUrl } from '../core/dedupe.js';
import { resolveUrl } from './xml-tree.js';

/** `raw` resolved against `base`, when that is an absolute http(s) URL; else null. */
export function httpEnclosureUrl(raw: string | undefined, base: string | null): string | null {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') return null;
  const url = resolveUrl(trimmed, base);
  return /^https?:\/\/[^/?#]/i.test(url) ? url : null;
}

/** One enclosure as written: its URL, the base in force where it was found, its declared media type. */
export interface EnclosureCandidate {
  readonly url: string | undefined;
  readonly base: string | null;
  readonly type: string | undefined;
}

/**
 * The item's best http(s) enclosure, resolved. An item may carry several (a picture, then the
 * episode's audio or the story's web page), and the first is often the picture: a cover that
 * every item shares, which then gives no item a link at all (sharedEnclosures). So a web page
 * comes first (the story itself, and the only kind full text can be read from), then what is not
 * an image (audio, video, untyped), then an image; among equals the publisher's order stands.
 */
export function bestEnclosure(candidates: Iterable<EnclosureCandidate>): string | null {
  let best: string | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const { url: raw, base, type } of candidates) {
    const rank = enclosureRank(type);
    if (rank >= bestRank) continue;
    const url = httpEnclosureUrl(raw, base);
    if (url === null) continue;
    best = url;
    bestRank = rank;
  }
  return best;
}

/** 0 for a web page, 2 for an image, 1 for anything else (and for no type at all). */
function enclosureRank(type: string | undefined): number {
  const mediaType = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 0;
  return mediaType.startsWith('image/') ? 2 : 1;
}

/**
 * The enclosures that two or more items of one document share: a placeholder (every item of
 * some feeds points at the same file), which says nothing about any one item. Such a URL is no
 * item's link: as a link it would make the digest, which takes one URL for one story, show
 * those items as one.
 */
export function sharedEnclosures(items: ReadonlyArray<{ readonly enclosure: string | null }>): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { enclosure } of items) {
    if (enclosure === null) continue;
    const key = normaliseUrl(enclosure);
    if (seen.has(key)) shared.add(key);
    seen.add(key);
  }
  return shared;
}

/** The link an item shows: its own page, else its enclosure unless the document's items share it. */
export function itemLink(page: string | null, enclosure: string | null, shared: ReadonlySet<string>): string | null {
  if (page !== null) return page;
  return enclosure !== null && !shared.has(normaliseUrl(enclosure)) ? enclosure : null;
}
