/** The fetcher's port and its outcomes, shared by the adapter (fetch.ts) and the jobs that use it. */
import type { Dispatcher } from 'undici';

export interface FetchRequest {
  readonly url: string;
  /** Validators from the previous successful fetch, sent as If-None-Match / If-Modified-Since. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly signal?: AbortSignal;
  /** Defaults to FEED_ACCEPT; pass `text/html` for article pages. */
  readonly accept?: string;
  /**
   * Called before every hop (the first URL and each redirect target); a throw refuses the hop
   * and fails the fetch. Article pages use it to stay off private networks; feeds leave it out.
   */
  readonly checkUrl?: (url: URL) => Promise<void>;
  /**
   * Whether a 2xx answer's media type (`audio/mpeg`, lower case, no parameters) is worth reading;
   * when it says no, the fetch fails with reason `unwanted-type` before the body is read. Article
   * pages use it, so an item's link to a podcast episode is never downloaded; feeds leave it out.
   */
  readonly acceptsMediaType?: (mediaType: string) => boolean;
  /**
   * The connection pool to use instead of Node's default. Article pages use one whose DNS
   * lookup refuses non-public addresses (fulltext/public-url.ts), so no hop can be rebound.
   */
  readonly dispatcher?: Dispatcher;
}

interface OutcomeBase {
  /** The URL that finally answered. */
  readonly url: string;
  /** The final URL when every hop to it was a 301/308 (the stored URL should change), else null. */
  readonly permanentUrl: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Cache-Control max-age (or Expires) in seconds, a hint for the next poll. */
  readonly maxAgeSeconds: number | null;
}

export interface FetchedDocument extends OutcomeBase {
  readonly kind: 'ok';
  readonly status: number;
  readonly contentType: string | null;
  readonly bytes: Uint8Array;
  /** The bytes as text (decode.ts: BOM, HTTP charset, XML declaration, UTF-8), decoded on first read. */
  readonly text: string;
  /** The encoding `text` was decoded with. */
  readonly encoding: string;
}

/** A 304: nothing to parse. Validators fall back to the ones sent when the server omits them. */
export interface NotModified extends OutcomeBase {
  readonly kind: 'not-modified';
}

export type FetchOutcome = FetchedDocument | NotModified;

/** The port jobs use to get feeds and pages; failures are thrown as FeedFetchError. */
export interface Fetcher {
  fetchDocument(request: FetchRequest): Promise<FetchOutcome>;
}
