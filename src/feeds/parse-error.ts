/**
 * The one error feeds/parse throws. It carries the feed id and what kind of document it was,
 * so the poller can record a clear last error and treat the failure as permanent (a malformed
 * or HTML document will not fix itself on an immediate retry).
 */
import { quoteDocumentText } from './error-text.js';

/** `timeout`: the parse pool gave up on a document its worker was stuck on (see parse-pool.ts). */
export type FeedParseErrorKind = 'html-page' | 'empty' | 'not-a-feed' | 'malformed' | 'timeout';

/** Longest detail a FeedParseError message carries: a line in a table, not a dump of the document. */
const MAX_DETAIL_CHARS = 300;

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  readonly feedId: string;
  readonly kind: FeedParseErrorKind;
  /** What went wrong, without the `feeds/parse: feed "id": ` lead (for callers that name the source themselves). */
  readonly detail: string;
  /** The page title when kind is `html-page` and the page has one. */
  readonly pageTitle: string | null;

  constructor(
    feedId: string,
    kind: FeedParseErrorKind,
    detail: string,
    options: { readonly title?: string | null; readonly cause?: unknown } = {},
  ) {
    // The detail may quote the document (a root element, a title): never raw bytes, never unbounded.
    const safeDetail = quoteDocumentText(detail, MAX_DETAIL_CHARS);
    super(`feeds/parse: feed "${feedId}": ${safeDetail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.detail = safeDetail;
    this.feedId = feedId;
    this.kind = kind;
    this.pageTitle = options.title ?? null;
  }
}
