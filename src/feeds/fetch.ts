import { setTimeout as delay } from 'node:timers/promises';
import { createDeadlineSignal, type DeadlineSignal } from './deadline.js';
import { decodeFeedBytes, type DecodedText } from './decode.js';
import { toFetchError } from './fetch-failure.js';
import { fetchHop, type Hop } from './fetch-hop.js';
import type { Fetcher, FetchOutcome, FetchRequest } from './fetch-types.js';
import { createHostLimiter } from './host-limiter.js';
import { FeedFetchError } from './http-errors.js';
import { parseFreshness } from './http-headers.js';

/** Names the project and where to complain, as polite crawlers do. */
export const DEFAULT_USER_AGENT = 'newsbrief/0.1 (+https://github.com/newsbrief/newsbrief)';

/** Limits and manners of one fetcher; see DEFAULT_FETCHER_OPTIONS. */
export interface FetcherOptions {
  readonly userAgent: string;
  /** For the whole fetch including redirects, counted from when a host slot is granted. */
  readonly timeoutMs: number;
  /**
   * Decoded body size beyond which the fetch fails with reason `too-large`; a compressed body
   * may be as much larger on the wire as compressing can make it (content-encoding.ts).
   */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Requests in flight at once against one host name. */
  readonly perHostConcurrency: number;
  /** Each fetch first waits a random 0..jitterMs, so feeds due together do not arrive together. */
  readonly jitterMs: number;
}

/** 20 s timeout, 5 MB, 5 redirects, 2 requests per host, 250 ms jitter. */
export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = Object.freeze({
  userAgent: DEFAULT_USER_AGENT,
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  jitterMs: 250,
});

export type { Fetcher, FetchOutcome } from './fetch-types.js';

/** Seams for tests: the clock used for Retry-After/Expires dates and the jitter's randomness. */
export interface FetcherDeps {
  readonly now?: () => number;
  readonly random?: () => number;
}

const PERMANENT_STATUSES = new Set([301, 308]);

/**
 * A polite HTTP fetcher on undici: conditional GET, manual redirects with loop detection, a
 * size limit while streaming, one deadline per fetch, a per-host concurrency limit with jitter,
 * gzip/deflate/br decoded strictly (content-encoding.ts: a body cut short is a failure, not a
 * shorter document; a coding it cannot undo is a failure, not bytes for the parser to puzzle over). Every failure is a FeedFetchError with its facts.
 */
export function createFetcher(options: FetcherOptions, deps: FetcherDeps = {}): Fetcher {
  const limiter = createHostLimiter(options.perHostConcurrency);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;

  const fetchDocument = async (request: FetchRequest): Promise<FetchOutcome> => {
    const callerSignal = request.signal;
    const hopDeadline: { current: DeadlineSignal | null } = { current: null };
    let deadline: number | null = null;
    let url = request.url;
    const chain = [withoutFragment(url)];
    let permanent = true;
    try {
      if (options.jitterMs > 0) await delay(Math.floor(random() * options.jitterMs), undefined, { signal: callerSignal });
      for (;;) {
        if (request.checkUrl) await request.checkUrl(new URL(url));
        const hop = await limiter.run(hostOf(url), async () => {
          // The clock starts when a slot is granted: waiting behind other feeds of the host is not slowness.
          deadline ??= performance.now() + options.timeoutMs;
          const current = createDeadlineSignal(Math.max(1, Math.ceil(deadline - performance.now())), callerSignal);
          hopDeadline.current = current;
          try {
            return await fetchHop(url, request, options, current.signal, now);
          } finally {
            current.dispose();
          }
        }, callerSignal);
        if (hop.kind !== 'redirect') {
          const permanentUrl = chain.length > 1 && permanent ? url : null;
          return toOutcome(hop, url, permanentUrl, request, now());
        }
        const next = resolveRedirect(url, hop.location);
        if (chain.includes(next)) {
          throw new FeedFetchError({ url: request.url, status: hop.status, reason: 'redirect-loop', detail: [...chain, next].join(' -> ') });
        }
        if (chain.length > options.maxRedirects) {
          throw new FeedFetchError({ url: request.url, status: hop.status, reason: 'too-many-redirects', detail: `more than ${options.maxRedirects}, last to ${next}` });
        }
        if (!PERMANENT_STATUSES.has(hop.status)) permanent = false;
        chain.push(next);
        url = next;
      }
    } catch (error) {
      throw toFetchError(error, url, options, hopDeadline.current?.timedOut() === true, callerSignal);
    }
  };

  return { fetchDocument };
}

function toOutcome(hop: Exclude<Hop, { kind: 'redirect' }>, url: string, permanentUrl: string | null, request: FetchRequest, at: number): FetchOutcome {
  const headers = hop.response.headers;
  const base = {
    url,
    permanentUrl,
    etag: headers.get('etag'),
    lastModified: headers.get('last-modified'),
    maxAgeSeconds: parseFreshness(headers.get('cache-control'), headers.get('expires'), at),
  };
  if (hop.kind === 'not-modified') {
    return { ...base, kind: 'not-modified', etag: base.etag ?? request.etag ?? null, lastModified: base.lastModified ?? request.lastModified ?? null };
  }
  const contentType = headers.get('content-type');
  // Decoded on first read: the poller hands the bytes to a parse worker and never reads them here.
  let decoded: DecodedText | null = null;
  const decode = (): DecodedText => (decoded ??= decodeFeedBytes(hop.bytes, contentType));
  return {
    ...base,
    kind: 'ok',
    status: hop.response.status,
    contentType,
    bytes: hop.bytes,
    get text() {
      return decode().text;
    },
    get encoding() {
      return decode().encoding;
    },
  };
}

function resolveRedirect(from: string, location: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (cause) {
    throw new FeedFetchError({ url: from, status: null, reason: 'bad-redirect', detail: `Location ${JSON.stringify(location)} is not a URL`, cause });
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new FeedFetchError({ url: from, status: null, reason: 'bad-redirect', detail: `Location ${next.protocol} is not http(s)` });
  }
  next.hash = '';
  return next.href;
}

/** The URL without its fragment: what a server sees, so redirect loops are recognised. */
function withoutFragment(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
