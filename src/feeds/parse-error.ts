/**
 * The one error feeds/parse throws. It carries the feed id and what kind of document it was,
 * so the poller can record a clear last error and treat the failure as permanent (a malformed
 * or HTML document will not fix itself on an immediate retry).
 */

/** `timeout`: the parse pool gave up on a document its worker was stuck on (see parse-pool.ts). */
export type FeedParseErrorKind = 'html-page' | 'empty' | 'not-a-feed' | 'malformed' | 'timeout';

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  readonly feedId: string;
  readonly kind: FeedParseErrorKind;
  /** The page title when kind is `html-page` and the page has one. */
  readonly pageTitle: string | null;

  constructor(
    feedId: string,
    kind: FeedParseErrorKind,
    detail: string,
    options: { readonly title?: string | null; readonly cause?: unknown } = {},
  ) {
    super(`feeds/parse: feed "${feedId}": ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.feedId = feedId;
    this.kind = kind;
    this.pageTitle = options.title ?? null;
  }
}
