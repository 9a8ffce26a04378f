import { setTimeout as delay } from 'node:timers/promises';
import { createDeadlineSignal, type DeadlineSignal } from './deadline.js';
import { decodeFeedBytes, type DecodedText } from './decode.js';
import type { Fetcher, FetchOutcome, FetchRequest } from './fetch-types.js';
import { createHostLimiter } from './host-limiter.js';
import { FeedFetchError } from './http-errors.js';
import { parseFreshness, parseRetryAfter } from './http-headers.js';
import { BodyTooLargeError, readBodyLimited } from './read-body.js';

/** Names the project and where to complain, as polite crawlers do. */
export const DEFAULT_USER_AGENT = 'newsbrief/0.1 (+https://github.com/newsbrief/newsbrief)';

/** Feed formats first, generic XML/JSON next, anything last (some servers answer 406 otherwise). */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Limits and manners of one fetcher; see DEFAULT_FETCHER_OPTIONS. */
export interface FetcherOptions {
  readonly userAgent: string;
  /** For the whole fetch including redirects, counted from when a host slot is granted. */
  readonly timeoutMs: number;
  /** Decompressed body size beyond which the fetch fails with reason `too-large`. */
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

type Hop =
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string }
  | { readonly kind: 'not-modified' | 'ok'; readonly response: Response; readonly bytes: Uint8Array };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);

/**
 * A polite HTTP fetcher on Node's fetch: conditional GET, manual redirects with loop
 * detection, a size limit while streaming, one deadline per fetch, a per-host concurrency
 * limit with jitter, gzip/deflate/br. Every failure is a FeedFetchError with its facts.
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

async function fetchHop(url: string, request: FetchRequest, options: FetcherOptions, signal: AbortSignal, now: () => number): Promise<Hop> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: request.accept ?? FEED_ACCEPT,
    // Set explicitly to add br; Node's fetch decodes gzip, deflate and br bodies either way.
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;

  const init: RequestInit = { headers, redirect: 'manual', signal };
  // Node's fetch is undici and takes its dispatcher option; the DOM RequestInit type lacks it.
  if (request.dispatcher !== undefined) Object.assign(init, { dispatcher: request.dispatcher });
  const response = await fetch(url, init);
  const location = response.headers.get('location');
  if (REDIRECT_STATUSES.has(response.status) && location !== null) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'redirect', status: response.status, location };
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'not-modified', response, bytes: new Uint8Array() };
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), now());
    throw new FeedFetchError({ url, status: response.status, reason: 'http', retryAfterSeconds });
  }
  const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
  // Content-Length counts the encoded bytes: it sizes the decoded body only when there is no encoding.
  const plainLength = response.headers.get('content-encoding') === null && Number.isSafeInteger(declaredLength) ? declaredLength : null;
  if (plainLength !== null && plainLength > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(options.maxBytes, plainLength);
  }
  const bytes = await readBodyLimited(response.body, options.maxBytes, plainLength);
  return { kind: 'ok', response, bytes };
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

function toFetchError(error: unknown, url: string, options: FetcherOptions, timedOut: boolean, caller: AbortSignal | undefined): FeedFetchError {
  if (error instanceof FeedFetchError) return error;
  if (error instanceof BodyTooLargeError) {
    return new FeedFetchError({ url, status: null, reason: 'too-large', detail: `more than ${options.maxBytes} bytes`, cause: error });
  }
  if (caller?.aborted === true) return new FeedFetchError({ url, status: null, reason: 'aborted', cause: error });
  if (timedOut) {
    return new FeedFetchError({ url, status: null, reason: 'timeout', detail: `after ${options.timeoutMs} ms`, cause: error });
  }
  return new FeedFetchError({ url, status: null, reason: 'network', detail: networkDetail(error), cause: error });
}

/**
 * undici reports `TypeError: fetch failed` with the useful part (ECONNREFUSED, bad URL ...) in its
 * cause. The error code leads the detail unless the message already says it (Node's usually do:
 * `getaddrinfo ENOTFOUND host`), so it is never said twice.
 */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${code} ${cause.message}`.trim() : cause.message;
  }
  return error.message;
}
