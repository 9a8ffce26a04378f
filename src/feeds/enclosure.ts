/**
 * An item's enclosure (a podcast's audio, a photo feed's picture) as the link of an item that
 * has no page of its own, so its briefing still carries a source link. Only the item's shown
 * link: identity stays with guid, page link or title and date (core/dedupe.ts), and full text
 * is never sought in an enclosure (fulltext/fetch-page.ts refuses what is not a document).
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
