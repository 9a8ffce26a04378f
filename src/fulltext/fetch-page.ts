import { Agent } from 'undici';
import type { Fetcher } from '../feeds/fetch-types.js';
import type { FetchPage } from './extract.js';
import { assertPublicUrl, publicOnlyLookup, type ResolveHost } from './public-url.js';
import { isWallUrl } from './wall-url.js';

/** Article pages are HTML; anything else is accepted at low priority (some servers insist). */
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/**
 * Media types an article page may have: HTML, XHTML, any text or XML. An item's link may be its
 * enclosure (an MP3, a photo: feeds/enclosure.ts); such a file is refused before it is downloaded.
 */
function isPageMediaType(mediaType: string): boolean {
  return mediaType.startsWith('text/') || mediaType === 'application/xhtml+xml' || mediaType.endsWith('/xml') || mediaType.endsWith('+xml');
}

/** How pages are fetched; everything is optional. */
export interface FetchPageOptions {
  readonly signal?: AbortSignal;
  /**
   * Lets page URLs reach loopback and private hosts. Off by default: a page URL comes from the
   * feed's content, so it must not make the bot read the local network. Tests on loopback set it.
   */
  readonly allowPrivateHosts?: boolean;
  /** Host name resolution for the guard; `node:dns` lookup by default. */
  readonly resolveHost?: ResolveHost;
}

/** A FetchPage that owns its connections; `close()` ends them once no page is being read. */
export interface PageFetcher extends FetchPage {
  close(): Promise<void>;
}

/**
 * The extractor's port on top of the polite feed fetcher (same limits, user agent, per-host
 * manners). Every hop, redirects included, must be http(s) to a public host unless
 * `allowPrivateHosts`: checked before each request, and again by the DNS lookup of the
 * connection itself. What is no page (audio, images, PDF: isPageMediaType) is refused before
 * its body is read. A 304 cannot happen without validators, so it is treated as a failure,
 * and so is a redirect to a login, subscription or consent wall (wall-url.ts). Pages are read
 * over a connection pool of their own, so whoever made the fetcher can close it: kept-alive
 * sockets to article sites would otherwise outlive the bot's shutdown or a one-off brief.
 */
export function fetchPageWith(fetcher: Fetcher, options: FetchPageOptions = {}): PageFetcher {
  const { signal, allowPrivateHosts = false, resolveHost } = options;
  const dispatcher = allowPrivateHosts ? new Agent() : new Agent({ connect: { lookup: publicOnlyLookup(resolveHost) } });
  const guard = allowPrivateHosts ? { dispatcher } : { checkUrl: (url: URL) => assertPublicUrl(url, resolveHost), dispatcher };
  const fetchPage = async (url: string): Promise<string> => {
    const outcome = await fetcher.fetchDocument({ url, accept: PAGE_ACCEPT, acceptsMediaType: isPageMediaType, ...(signal ? { signal } : {}), ...guard });
    if (outcome.kind !== 'ok') throw new Error(`fulltext/fetch-page: unexpected 304 for ${url}`);
    // However much text a wall holds, it is no article: the teaser is the better briefing.
    if (outcome.url !== url && isWallUrl(outcome.url)) {
      throw new Error(`fulltext/fetch-page: ${url} led to a login, subscription or consent page (${outcome.url}), not the article`);
    }
    return outcome.text;
  };
  return Object.assign(fetchPage, { close: () => dispatcher.close() });
}
