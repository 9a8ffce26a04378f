/**
 * The domain vocabulary of newsbrief. Everything here is plain data: no classes, no I/O,
 * no wire formats (RSS, Telegram JSON and SQLite rows are translated at the edges).
 * Instants are epoch milliseconds (UTC); local dates are `YYYY-MM-DD` strings.
 */

/** ISO 639-1 language code, lower case (`nl`, `en`, `de`, `fr`, ...). */
export type LanguageCode = string;

/** Languages the bot's own interface speaks. Briefings keep their article's language. */
export const UI_LANGUAGES = ['nl', 'en', 'de', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** How eagerly the full article page is fetched when a feed item carries only a teaser. */
export type FullTextMode = 'auto' | 'always' | 'never';

/** One feed as the operator configured it in feeds.json. */
export interface FeedSpec {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly language: LanguageCode;
  readonly topics: readonly string[];
  /** Poll interval in minutes; undefined means the global default. */
  readonly intervalMinutes?: number;
  readonly enabled: boolean;
  readonly fullText: FullTextMode;
  /** Ranking weight in digests; 1 is neutral. */
  readonly weight: number;
}

/**
 * The feeds configured now. feeds.json can be reloaded while the bot runs (SIGHUP, /reload), so
 * whoever keeps the list asks for it each time instead of holding on to one.
 */
export type CurrentFeeds = () => readonly FeedSpec[];

/** What the poller remembers about a feed between polls. */
export interface FeedState {
  readonly feedId: string;
  /** The URL to poll now: differs from the spec after a permanent redirect. */
  readonly currentUrl: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly nextPollAt: number;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  /** Set after many failures in a row: the feed is still polled, but rarely. */
  readonly failing: boolean;
}

/** A news item, normalised from whatever the feed looked like. */
export interface Article {
  /** Stable identity within its feed (see core/dedupe.ts). */
  readonly id: string;
  readonly feedId: string;
  readonly guid: string | null;
  readonly url: string | null;
  /** Plain text, entities decoded, whitespace collapsed. */
  readonly title: string;
  readonly publishedAt: number | null;
  readonly author: string | null;
  readonly categories: readonly string[];
  /** Clean text (paragraphs separated by blank lines). */
  readonly summary: string;
  readonly content: string;
  /** The original markup, kept for full-text extraction and re-rendering. */
  readonly summaryHtml: string | null;
  readonly contentHtml: string | null;
}

/**
 * An article with a hash (feeds/content-hash) of what a reader sees: how the poller tells an item
 * edited upstream from a repeat; and its link as stories are compared (story-keys.ts linkOf),
 * which finds the same article again under another feed or guid. Parsing computes both; the
 * store keeps them.
 */
export interface HashedArticle extends Article {
  readonly contentHash: string;
  readonly link: string | null;
}

/** An article as stored: with the times the poller saw it. */
export interface StoredArticle extends Article {
  readonly firstSeenAt: number;
  readonly updatedAt: number;
  /** Hash of title + text, to notice edits upstream without announcing them again. */
  readonly contentHash: string;
}

export type CondenseMethod = 'extractive' | 'lead' | 'title-only';

/** The condensed form of one article: a headline and one to three of the journalist's own sentences. */
export interface Briefing {
  readonly headline: string;
  /** Chosen sentences, verbatim from the article, in article order. */
  readonly sentences: readonly string[];
  readonly language: LanguageCode;
  readonly words: number;
  readonly chars: number;
  readonly method: CondenseMethod;
}

/** A briefing as served to readers: tied to its article and feed. */
export interface StoredBriefing extends Briefing {
  readonly articleId: string;
  readonly feedId: string;
  readonly url: string | null;
  readonly publishedAt: number | null;
  /** When the briefing was made; digests select "since last digest" on this. */
  readonly createdAt: number;
}

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/** A chat that talks to the bot, with its settings. */
export interface Subscriber {
  readonly chatId: number;
  readonly chatType: ChatType;
  readonly title: string | null;
  readonly language: UiLanguage;
  /** IANA time zone name, e.g. `Europe/Amsterdam`. */
  readonly timezone: string;
  /** Local `HH:MM`, or null when digests are off. */
  readonly digestTime: string | null;
  readonly topics: readonly string[];
  readonly feeds: readonly string[];
  readonly active: boolean;
  readonly createdAt: number;
  /**
   * Since when it follows something without a break (null while it follows nothing): its first
   * digest is the first digest time after this (core/digest-schedule.ts).
   */
  readonly followingSince: number | null;
  /** Local date (`YYYY-MM-DD`, in the chat's zone) of the last digest sent, if any. */
  readonly lastDigestDate: string | null;
  /** When the last digest was sent; the next digest covers what came after. */
  readonly lastDigestAt: number | null;
  /**
   * The forum topic (message_thread_id) its digests go to: where the chat's settings were last
   * changed. Null: the chat itself (a forum's General topic).
   */
  readonly threadId: number | null;
}
