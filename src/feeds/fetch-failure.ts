import { ContentEncodingError, describeProblem } from './content-encoding.js';
import type { FetcherOptions } from './fetch.js';
import { FeedFetchError, type FetchFailureReason } from './http-errors.js';
import { BodyTooLargeError } from './read-body.js';

/** The fetch failure each content-encoding problem is. */
const ENCODING_FAILURES = {
  truncated: 'truncated',
  invalid: 'bad-encoding',
  unsupported: 'unsupported-encoding',
} as const satisfies Record<ContentEncodingError['problem'], FetchFailureReason>;

/**
 * The FeedFetchError a failed fetch of `url` is, whatever was thrown: already one, a body over
 * the size limit, a body that does not decode as its Content-Encoding says, the caller's abort,
 * the fetch's own deadline (`timedOut`), else a network error in the words of its cause.
 */
export function toFetchError(
  error: unknown,
  url: string,
  limits: Pick<FetcherOptions, 'maxBytes' | 'timeoutMs'>,
  timedOut: boolean,
  caller: AbortSignal | undefined,
): FeedFetchError {
  if (error instanceof FeedFetchError) return error;
  if (error instanceof BodyTooLargeError) {
    return new FeedFetchError({ url, status: null, reason: 'too-large', detail: `more than ${limits.maxBytes} bytes`, cause: error });
  }
  if (error instanceof ContentEncodingError) {
    // The reason already says "unsupported Content-Encoding": the detail is just the coding.
    const detail = error.problem === 'unsupported' ? error.encoding : describeProblem(error.encoding, error.problem);
    return new FeedFetchError({ url, status: error.status, reason: ENCODING_FAILURES[error.problem], detail, cause: error });
  }
  if (caller?.aborted === true) return new FeedFetchError({ url, status: null, reason: 'aborted', cause: error });
  if (timedOut) {
    return new FeedFetchError({ url, status: null, reason: 'timeout', detail: `after ${limits.timeoutMs} ms`, cause: error });
  }
  return new FeedFetchError({ url, status: null, reason: 'network', detail: networkDetail(error), cause: error });
}

/**
 * The useful part of a network error: its code (ECONNREFUSED, UND_ERR_SOCKET ...) and message,
 * from the error or, when it wraps one (`TypeError: fetch failed`), from its cause. The code
 * leads unless the message already says it (Node's usually do: `getaddrinfo ENOTFOUND host`),
 * so it is never said twice.
 */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause : error;
  const code = (inner as { code?: unknown }).code;
  return typeof code === 'string' && !inner.message.includes(code) ? `${code} ${inner.message}`.trim() : inner.message;
}
