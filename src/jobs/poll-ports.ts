import type { Article, Briefing, FeedSpec, HashedArticle } from '../core/types.js';

/** What the poller needs from a parsed feed document (src/feeds/parse.ts's ParsedFeed fits). */
export interface ParsedFeedDocument {
  readonly title: string | null;
  readonly ttlMinutes: number | null;
  readonly updatePeriodMinutes: number | null;
  readonly articles: readonly HashedArticle[];
}

/**
 * The parser port: a fetched feed document (its bytes and Content-Type, decoded by the parser,
 * or text) -> normalised articles; throws on a document it cannot read.
 */
export type FeedParser = (
  source: string | { readonly bytes: Uint8Array; readonly contentType: string | null },
  context: { readonly feedId: string; readonly feedUrl: string; readonly now: number },
) => Promise<ParsedFeedDocument>;

/**
 * The condensing port: one new article -> its briefing. A throw is recorded, never fatal.
 * `siblings` are the items of the feed document it came in (itself included), when there is
 * one: text they all repeat is the feed's, not the article's. Pass the same array for every
 * article of a document.
 */
export type Summarize = (article: Article, feed: FeedSpec, siblings?: readonly Article[]) => Promise<Briefing>;

/**
 * Re-condensing an article edited upstream from the feed's own text, or null when that text is
 * a teaser (the briefing came from the article page, which is fetched once per article only).
 */
export type Resummarize = (article: Article, feed: FeedSpec, siblings?: readonly Article[]) => Briefing | null;

/** The outcome of polling one feed that worked (fresh document or 304). */
export interface FeedPollDone {
  readonly feedId: string;
  readonly status: 'ok' | 'not-modified';
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  /** New articles whose condensing failed this time (stored, retried later). */
  readonly briefingsFailed: number;
  /** Set when a permanent redirect moved the feed. */
  readonly movedTo: string | null;
  readonly nextPollAt: number;
}

/** The outcome of polling one feed that failed; its state records the error and back-off. */
export interface FeedPollFailed {
  readonly feedId: string;
  /** One line for operators: names the feed and the URL. */
  readonly error: string;
  readonly consecutiveFailures: number;
  readonly failing: boolean;
  /** Null when nothing was recorded (the poll was aborted by shutdown). */
  readonly nextPollAt: number | null;
}

export type FeedPollResult = ({ readonly ok: true } & FeedPollDone) | ({ readonly ok: false } & FeedPollFailed);

/** A whole poll run: one entry per feed polled, in the order they finished. */
export interface PollReport {
  readonly done: readonly FeedPollDone[];
  readonly failed: readonly FeedPollFailed[];
  /** Feeds not polled: a poll of the same feed was still running, or the run was aborted. */
  readonly skipped: readonly string[];
}
