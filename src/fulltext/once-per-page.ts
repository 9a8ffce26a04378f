import { normaliseUrl } from '../core/dedupe.js';
import type { FullText, FullTextExtractor } from './extract.js';

/**
 * One article page, fetched and read once, whichever feeds carry the article. A site's "all
 * news" and "politics" feeds list the same story; polled in parallel, each copy would otherwise
 * fetch the page for itself. Here the copies share one fetch while it is in flight, and the
 * answer is reused for a while after, a null answer (the page failed, or held no article) too:
 * the second copy keeps its teaser as the first did, and the site is not asked again.
 */

/**
 * How long a page's answer is reused: a day. Copies of a story turn up in a site's feeds within
 * the same poll or hours apart (a feed in back-off, one polled hourly); a day covers the digest's
 * window, so every copy a digest may show was made from the same text. A page asked for later
 * is fetched again: it may have been edited, or have come back since it failed.
 */
export const PAGE_REUSE_MS = 24 * 60 * 60 * 1000;

/**
 * How many pages are remembered; the oldest fetched goes first. A day of teaser-only articles of
 * a catalog like feeds.json (20 feeds) is well below this, and an article's main text is a few
 * thousand characters, so the memory stays in the megabytes.
 */
const PAGE_REUSE_MAX_ENTRIES = 1000;

export interface OncePerPageOptions {
  /** The clock (epoch ms) that decides when an answer is too old to reuse. */
  readonly now: () => number;
  readonly reuseMs?: number;
  readonly maxEntries?: number;
}

interface Remembered {
  readonly at: number;
  readonly answer: Promise<FullText | null>;
}

/**
 * `extractor`, asked at most once per page within `reuseMs`: pages are told apart as dedupe tells
 * articles apart (normaliseUrl: no tracking parameters or fragment, host case and default port
 * ignored), so `?utm_source=politics` and `?utm_source=home` are one page. The first URL asked
 * for is the one fetched.
 */
export function createOncePerPageExtractor(extractor: FullTextExtractor, options: OncePerPageOptions): FullTextExtractor {
  const reuseMs = options.reuseMs ?? PAGE_REUSE_MS;
  const maxEntries = options.maxEntries ?? PAGE_REUSE_MAX_ENTRIES;
  // Insertion order is fetch order: the first entries are the oldest, to expire or evict.
  const pages = new Map<string, Remembered>();

  const forgetExpired = (now: number): void => {
    for (const [key, page] of pages) {
      if (now - page.at < reuseMs) break;
      pages.delete(key);
    }
  };

  return {
    extract(url) {
      const now = options.now();
      forgetExpired(now);
      const key = normaliseUrl(url);
      const known = pages.get(key);
      if (known !== undefined && now - known.at < reuseMs) return known.answer;
      // Deleted first, so that the new answer goes to the back of the fetch order.
      pages.delete(key);
      const answer = extractor.extract(url);
      pages.set(key, { at: now, answer });
      // The extractor promises never to throw; should it break that promise, the throw is not kept.
      answer.catch(() => {
        if (pages.get(key)?.answer === answer) pages.delete(key);
      });
      for (const oldest of pages.keys()) {
        if (pages.size <= maxEntries) break;
        pages.delete(oldest);
      }
      return answer;
    },
  };
}
