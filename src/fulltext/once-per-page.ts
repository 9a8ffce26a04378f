import { normaliseUrl } from '../core/dedupe.js';
import type { Logger } from '../log.js';
import type { PageRepository } from '../store/page-repository.js';
import type { FullText, FullTextExtractor, PageReader } from './extract.js';

/**
 * One article page, fetched and read once, whichever feeds carry the article. A site's "all
 * news" and "politics" feeds list the same story; polled in parallel, each copy would otherwise
 * fetch the page for itself. Here the copies share one fetch while it is in flight, and the
 * answer is reused for a while after, a null answer (the page is gone, behind a wall, or held no
 * article) too: the second copy keeps its teaser as the first did, and the site is not asked
 * again. A failure that passes (a timeout, a 503) is not kept: the next copy asks again.
 *
 * Settled answers live in the database (PageRepository), not in this process: a copy first seen
 * after a restart, or by a separate `newsbrief poll --once`, gets the same answer. Memory holds
 * only the fetches in flight, which the database cannot share (two processes polling at the same
 * moment may each fetch a page once). A second, in-memory copy of the settled answers would save
 * only an indexed read per teaser-only article, and would be one more thing to bound and expire.
 */

/**
 * How long a page's answer is reused: a day. Copies of a story turn up in a site's feeds within
 * the same poll or hours apart (a feed in back-off, one polled hourly); a day covers the digest's
 * window, so every copy a digest may show was made from the same text. A page asked for later
 * is fetched again: it may have been edited, or have come back since it failed. Housekeeping
 * deletes the pages older than this.
 */
export const PAGE_REUSE_MS = 24 * 60 * 60 * 1000;

export interface OncePerPageOptions {
  /** Where settled answers are kept, for every process on the database. */
  readonly pages: PageRepository;
  /** The clock (epoch ms) that decides when an answer is too old to reuse. */
  readonly now: () => number;
  readonly reuseMs?: number;
  /** Hears when the database cannot be read or written (key `url`); the page is fetched as if it were not there. */
  readonly logger?: Logger;
}

/**
 * `reader`, asked at most once per page within `reuseMs`: pages are told apart as dedupe tells
 * articles apart (normaliseUrl: no tracking parameters or fragment, host case and default port
 * ignored), so `?utm_source=politics` and `?utm_source=home` are one page. The first URL asked
 * for is the one fetched. A database that fails (busy, closed) never costs an article its
 * briefing: the page is fetched, and its answer returned, as without one.
 */
export function createOncePerPageExtractor(reader: Pick<PageReader, 'read'>, options: OncePerPageOptions): FullTextExtractor {
  const reuseMs = options.reuseMs ?? PAGE_REUSE_MS;
  const inFlight = new Map<string, Promise<FullText | null>>();

  const recall = (url: string, key: string, now: number): { readonly answer: FullText | null } | null => {
    try {
      return options.pages.recall(key, now - reuseMs);
    } catch (error) {
      options.logger?.warn({ url, err: error }, 'fulltext: cannot read the fetched pages, fetching the page');
      return null;
    }
  };

  const fetchAndRemember = async (url: string, key: string, now: number): Promise<FullText | null> => {
    // The reader promises never to throw; should it break that promise, nothing is remembered.
    const { page, worthRetrying } = await reader.read(url);
    // A page that timed out or answered 503 may well be there for the next copy: only an answer
    // the page itself gave (its text, a 404, no article on it) stands for the day.
    if (worthRetrying) return page;
    try {
      options.pages.remember(key, now, page);
    } catch (error) {
      options.logger?.warn({ url, err: error }, 'fulltext: cannot remember the fetched page');
    }
    return page;
  };

  return {
    extract(url) {
      const key = normaliseUrl(url);
      const pending = inFlight.get(key);
      if (pending !== undefined) return pending;
      const now = options.now();
      const known = recall(url, key, now);
      if (known !== null) return Promise.resolve(known.answer);
      const answer = fetchAndRemember(url, key, now);
      inFlight.set(key, answer);
      // Remembered before it is forgotten here, so a copy asking in between finds one or the other.
      const settled = (): void => void inFlight.delete(key);
      answer.then(settled, settled);
      return answer;
    },
  };
}
