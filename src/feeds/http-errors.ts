/** Why a fetch failed; the poller stores it and the retry rule below reads it. */
export type FetchFailureReason =
  | 'http'
  | 'timeout'
  | 'aborted'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'network'
  | 'truncated'
  | 'bad-encoding'
  | 'unsupported-encoding'
  | 'unwanted-type'
  | 'not-a-feed';

/** The facts of one failed fetch, enough to decide on a retry and to explain it to an operator. */
export interface FetchFailure {
  readonly url: string;
  readonly reason: FetchFailureReason;
  /** The HTTP status when the server answered, else null. */
  readonly status: number | null;
  /** The server's Retry-After, in seconds from the moment it was received. */
  readonly retryAfterSeconds?: number | null;
  /** Extra words for the message (`ECONNREFUSED`, the redirect chain ...). */
  readonly detail?: string;
  readonly cause?: unknown;
}

/**
 * The one decision on retrying: network trouble, timeouts, compressed bodies cut short, 5xx,
 * 408 and 429 may pass, so they are worth another try; other 4xx, loops, oversized bodies,
 * bodies that are not their Content-Encoding, codings this fetcher cannot undo, unwanted media
 * types and non-feeds will not change by themselves. An aborted fetch (shutdown) is retryable:
 * it says nothing about the feed.
 */
export function isRetryable(failure: Pick<FetchFailure, 'reason' | 'status'>): boolean {
  switch (failure.reason) {
    case 'network':
    case 'timeout':
    case 'aborted':
    case 'truncated':
      return true;
    case 'http':
      return isRetryableStatus(failure.status);
    default:
      return false;
  }
}

/** HTTP statuses that are worth retrying: 5xx, 408 Request Timeout and 429 Too Many Requests. */
function isRetryableStatus(status: number | null): boolean {
  if (status === null) return true;
  return status >= 500 || status === 408 || status === 429;
}

/**
 * A feed or page could not be fetched. Carries the facts (URL, status, reason, Retry-After,
 * the underlying cause) so the poller can store them and pick a back-off without parsing the
 * message; the message starts with `feeds/fetch:` and names the URL.
 */
export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
  readonly url: string;
  readonly status: number | null;
  readonly reason: FetchFailureReason;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;

  constructor(failure: FetchFailure) {
    super(describeFailure(failure), failure.cause === undefined ? undefined : { cause: failure.cause });
    this.url = failure.url;
    this.status = failure.status;
    this.reason = failure.reason;
    this.retryable = isRetryable(failure);
    this.retryAfterSeconds = failure.retryAfterSeconds ?? null;
  }
}

function describeFailure(failure: FetchFailure): string {
  const tail = failure.detail === undefined || failure.detail === '' ? '' : `: ${failure.detail}`;
  const what = ((): string => {
    switch (failure.reason) {
      case 'http': return `HTTP ${failure.status ?? '?'}`;
      case 'timeout': return 'timed out';
      case 'aborted': return 'aborted';
      case 'too-large': return 'body too large';
      case 'redirect-loop': return 'redirect loop';
      case 'too-many-redirects': return 'too many redirects';
      case 'bad-redirect': return 'unusable redirect';
      case 'network': return 'network error';
      case 'truncated': return 'compressed body ended early';
      case 'bad-encoding': return 'body does not match its Content-Encoding';
      case 'unsupported-encoding': return 'unsupported Content-Encoding';
      case 'unwanted-type': return 'unwanted media type';
      case 'not-a-feed': return 'not a feed';
    }
  })();
  return `feeds/fetch: ${what} for ${failure.url}${tail}`;
}
