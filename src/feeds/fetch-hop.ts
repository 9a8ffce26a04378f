/**
 * One HTTP exchange of a fetch, request to Hop: what is asked (validators for a conditional
 * GET, Accept, the codings it can undo) and what the answer comes to (a redirect to follow, a
 * 304, or a 2xx body read within the size limit and decoded). The chain of hops around it,
 * with its deadline, redirect rules and host manners, is fetch.ts's.
 */
import { request as httpRequest, type Dispatcher } from 'undici';
import { decodeContentEncoding, wireByteLimit } from './content-encoding.js';
import type { FetchRequest } from './fetch-types.js';
import { FeedFetchError } from './http-errors.js';
import { parseRetryAfter } from './http-headers.js';
import { BodyTooLargeError, readBodyLimited } from './read-body.js';

/** Feed formats first, generic XML/JSON next, anything last (some servers answer 406 otherwise). */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** What one exchange needs of the fetcher's options (FetcherOptions). */
export interface HopOptions {
  readonly userAgent: string;
  readonly maxBytes: number;
}

/** What toOutcome reads of an answer. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
}

/** What one exchange came to. */
export type Hop =
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string }
  | { readonly kind: 'not-modified' | 'ok'; readonly response: Answer; readonly bytes: Uint8Array };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Asks for `url` once. Every answer's body is read, discarded or released before this returns
 * or throws, so no socket is held by an answer nobody reads; a refused answer (an error
 * status, an unwanted type, a body over the limit) is thrown with its facts.
 */
export async function fetchHop(url: string, request: FetchRequest, options: HopOptions, signal: AbortSignal, now: () => number): Promise<Hop> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: request.accept ?? FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;

  // undici's request, not fetch: fetch decodes gzip leniently and would hide a body cut short.
  const answer = await httpRequest(url, { method: 'GET', headers, signal, ...(request.dispatcher === undefined ? {} : { dispatcher: request.dispatcher }) });
  try {
    return await readHop(url, answer, request, options, now);
  } catch (error) {
    releaseBody(answer.body);
    throw error;
  }
}

/**
 * Makes one answer a Hop. Every way out of it reads, discards or fails reading the body, except
 * an exception it did not plan for (a header it cannot take, a throwing acceptsMediaType):
 * fetchHop releases the body then.
 */
async function readHop(url: string, answer: Dispatcher.ResponseData, request: FetchRequest, options: HopOptions, now: () => number): Promise<Hop> {
  const { statusCode: status, headers: rawHeaders, body } = answer;
  const response: Answer = { status, headers: toHeaders(rawHeaders) };
  // Reads a short unwanted body so the connection can be reused; a longer one closes it.
  const discardBody = (limit?: number): Promise<unknown> => body.dump(limit === undefined ? undefined : { limit }).catch(() => undefined);
  const location = response.headers.get('location');
  if (REDIRECT_STATUSES.has(status) && location !== null) {
    await discardBody();
    return { kind: 'redirect', status, location };
  }
  if (status === 304) {
    await discardBody();
    return { kind: 'not-modified', response, bytes: new Uint8Array() };
  }
  if (status < 200 || status > 299) {
    await discardBody();
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), now());
    throw new FeedFetchError({ url, status, reason: 'http', retryAfterSeconds });
  }
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (request.acceptsMediaType !== undefined && mediaType !== '' && !request.acceptsMediaType(mediaType)) {
    await discardBody(0);
    throw new FeedFetchError({ url, status, reason: 'unwanted-type', detail: mediaType });
  }
  const contentEncoding = response.headers.get('content-encoding');
  const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
  // Content-Length counts the encoded bytes: it sizes the decoded body only when there is no encoding.
  const plainLength = contentEncoding === null && Number.isSafeInteger(declaredLength) ? declaredLength : null;
  if (plainLength !== null && plainLength > options.maxBytes) {
    await discardBody(0);
    throw new BodyTooLargeError(options.maxBytes, plainLength);
  }
  const wireBytes = await readBodyLimited(body, wireByteLimit(options.maxBytes, contentEncoding), plainLength);
  const bytes = await decodeContentEncoding(wireBytes, contentEncoding, { maxBytes: options.maxBytes, status });
  return { kind: 'ok', response, bytes };
}

/**
 * Destroys a body that was not read to its end, so its socket is closed instead of held until
 * undici's body timeout (minutes) with the request long given up; a body already read is left alone.
 */
function releaseBody(body: Dispatcher.ResponseData['body']): void {
  if (body.destroyed || body.readableEnded) return;
  // destroy() makes the stream emit an error; nobody else listens for it any more.
  body.on('error', () => undefined).destroy();
}

/** undici's header record (a repeated header as an array) as the Headers that toOutcome reads. */
function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
