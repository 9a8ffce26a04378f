import type { Briefing, HashedArticle, StoredArticle, StoredBriefing } from '../core/types.js';
import type { FeedRecord } from './feed-repository.js';

/** A stored article with its surrogate key, the cursor readers and deliveries use. */
export interface ArticleRecord extends StoredArticle {
  readonly seq: number;
  /** Never null once stored: falls back to the first-seen time. */
  readonly publishedAt: number;
}

/** A successful briefing joined with its article; `articleSeq` is the cursor. */
export interface BriefingRecord extends StoredBriefing {
  readonly articleSeq: number;
  readonly title: string;
}

/** One article as a poll saw it, with the hash that tells an edit from a repeat. */
export type ArticleUpsert = HashedArticle;

/** Everything one successful poll of one feed writes. */
export interface PollWrite {
  /** The feed's new state (validators, next poll ...), written in the same transaction. */
  readonly state: FeedRecord;
  readonly upserts: readonly ArticleUpsert[];
  /** First-seen / updated time for what this poll writes. */
  readonly seenAt: number;
}

/** What a poll changed: articles never seen before, edits applied in place, repeats. */
export interface PollWriteResult {
  readonly inserted: readonly ArticleRecord[];
  /** The articles edited upstream, as now stored (same seq, first-seen time kept). */
  readonly edited: readonly ArticleRecord[];
  readonly unchanged: number;
}

/**
 * The port to articles and their briefings. Dedupe lives here because it must be atomic with
 * the write: an identity seen before is never inserted twice, whatever crashed in between.
 */
export interface ArticleRepository {
  /**
   * Writes one feed's articles and its new state in ONE transaction: unknown identities are
   * inserted, known ones with a different content hash are updated in place (not new), the rest
   * are left alone. Items repeated within one document count once.
   */
  recordPoll(feedId: string, write: PollWrite): PollWriteResult;
  getArticle(seq: number): ArticleRecord | null;
  findArticle(feedId: string, id: string): ArticleRecord | null;
  /** Articles with seq > afterSeq, oldest first. */
  listArticlesSince(afterSeq: number, limit: number, feedId?: string): ArticleRecord[];
  countArticles(feedId?: string): number;
  /** A feed's most recently stored articles, the latest first: what its document holds now. */
  latestArticlesOfFeed(feedId: string, limit: number): ArticleRecord[];
  /** Stores (or replaces) the briefing of an article. */
  saveBriefing(articleSeq: number, briefing: Briefing, createdAt: number): void;
  /**
   * Replaces the text of an article's successful briefing and keeps its creation time, so an
   * article edited upstream reads right without being announced again. False when it has none.
   */
  refreshBriefing(articleSeq: number, briefing: Briefing): boolean;
  /** Records a failed condensing attempt; attempts accumulate for the retry limit. */
  saveBriefingFailure(articleSeq: number, error: string, at: number): void;
  /** Successful briefings with something to read created after `createdAfter`, oldest first (digests page through these). */
  listBriefingsSince(createdAfter: number, limit: number): BriefingRecord[];
  /**
   * Articles with no briefing, or a failed one tried fewer than `maxAttempts` times; oldest first.
   * With `firstSeenBefore`, only articles first seen before that time: younger ones may still be
   * in the poller's hands (stored, not yet condensed), and retrying them would do the work twice.
   */
  articlesMissingBriefing(limit: number, maxAttempts?: number, firstSeenBefore?: number): ArticleRecord[];
  /**
   * Clears the text and markup of articles first seen before `firstSeenBefore`, the bulk of the
   * database. Identity, content hash and briefing stay: the item is still known (never new again,
   * and unchanged while its text is unchanged upstream) and its briefing still readable; an edit
   * upstream stores the new text as usual. Each call goes on where the last one stopped and looks
   * at most `limit` articles (one short transaction); `cleared` counts those that held text, and
   * `more` says whether old articles are left to look at.
   */
  forgetTextBefore(firstSeenBefore: number, limit: number): { readonly cleared: number; readonly more: boolean };
}

/** How often condensing an article is tried before it is left without a briefing. */
export const MAX_BRIEFING_ATTEMPTS = 5;
