import type { Fetcher } from '../feeds/fetch-types.js';
import type { FetchPage } from './extract.js';

/** Article pages are HTML; anything else is accepted at low priority (some servers insist). */
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/**
 * The extractor's port on top of the polite feed fetcher (same limits, user agent, per-host
 * manners). A 304 cannot happen without validators, so it is treated as a failure.
 */
export function fetchPageWith(fetcher: Fetcher, signal?: AbortSignal): FetchPage {
  return async (url) => {
    const outcome = await fetcher.fetchDocument({ url, accept: PAGE_ACCEPT, ...(signal ? { signal } : {}) });
    if (outcome.kind !== 'ok') throw new Error(`fulltext/fetch-page: unexpected 304 for ${url}`);
    return outcome.text;
  };
}
