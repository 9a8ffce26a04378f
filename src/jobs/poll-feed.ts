import { oldestFirst } from '../core/arrival-order.js';
import { nextPollAfterFailure, nextPollAfterSuccess, type PollTimingPolicy } from '../core/poll-timing.js';
import type { Article, FeedSpec, HashedArticle } from '../core/types.js';
import type { Fetcher, FetchOutcome } from '../feeds/fetch.js';
import type { Logger } from '../log.js';
import type { ArticleRepository, ArticleUpsert } from '../store/article-repository.js';
import { initialFeedRecord, type FeedRecord, type FeedRepository } from '../store/feed-repository.js';
import type { FeedParser, FeedPollResult, Resummarize, Summarize } from './poll-ports.js';

/** Everything polling needs, passed in by the composition root (no env, no clock of its own). */
export interface PollDeps {
  readonly feeds: FeedRepository;
  readonly articles: ArticleRepository;
  readonly fetcher: Fetcher;
  readonly parse: FeedParser;
  /** Condenses each new article; absent or null leaves briefings for a later retry. */
  readonly summarize?: Summarize | null;
  /** Re-condenses articles edited upstream; absent or null keeps their first briefing. */
  readonly resummarize?: Resummarize | null;
  readonly timing: PollTimingPolicy;
  readonly now: () => number;
  readonly random?: () => number;
  readonly logger: Logger;
}

/**
 * Polls one feed, top to bottom: load state, conditional fetch, parse, store articles and state
 * in one transaction, condense the new articles. Never throws: a failure is recorded on the
 * feed (error text, back-off, failing flag) and returned, so one bad feed never stops the rest.
 */
export async function pollFeed(deps: PollDeps, spec: FeedSpec, signal?: AbortSignal): Promise<FeedPollResult> {
  const random = deps.random ?? Math.random;
  const stored = deps.feeds.getFeed(spec.id);
  // An operator who edits the URL in feeds.json means it: forget redirects and validators.
  const record = stored === null || stored.configuredUrl !== spec.url ? initialFeedRecord(spec.id, spec.url) : stored;
  const policy = { ...deps.timing, defaultIntervalMinutes: spec.intervalMinutes ?? deps.timing.defaultIntervalMinutes };
  // Where redirects led: a login or error page there is the operator's clue, so the error names it.
  let redirectedTo: string | null = null;
  try {
    const outcome = await deps.fetcher.fetchDocument({ url: record.currentUrl, etag: record.etag, lastModified: record.lastModified, signal });
    if (outcome.url !== record.currentUrl) redirectedTo = outcome.url;
    return outcome.kind === 'not-modified'
      ? recordNotModified(deps, record, outcome, policy, random)
      : await recordDocument(deps, spec, record, outcome, policy, random, signal);
  } catch (error) {
    if (signal?.aborted === true) {
      return { ok: false, feedId: spec.id, error: `jobs/poll-feeds: feed ${spec.id}: aborted by shutdown`, consecutiveFailures: record.consecutiveFailures, failing: record.failing, nextPollAt: null };
    }
    return recordFailure(deps, record, error, policy, random, redirectedTo);
  }
}

function successState(deps: PollDeps, record: FeedRecord, outcome: FetchOutcome, hints: { ttlMinutes: number | null; updatePeriodMinutes: number | null }, policy: PollTimingPolicy, random: () => number): FeedRecord {
  const now = deps.now();
  return {
    ...record,
    currentUrl: outcome.permanentUrl ?? record.currentUrl,
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    ttlMinutes: hints.ttlMinutes,
    updatePeriodMinutes: hints.updatePeriodMinutes,
    lastPolledAt: now,
    lastSuccessAt: now,
    nextPollAt: nextPollAfterSuccess(now, { ttlMinutes: hints.ttlMinutes, updatePeriodMinutes: hints.updatePeriodMinutes, maxAgeSeconds: outcome.maxAgeSeconds }, policy, random),
    consecutiveFailures: 0,
    failing: false,
    lastError: null,
    lastErrorAt: null,
  };
}

/**
 * A 304: nothing parsed, nothing written but the feed's state, and that in a batch with other
 * feeds' (losing it would only mean asking again with the same validators). The batch is
 * committed before this feed can be polled again: that needs another HTTP answer, which the
 * event loop delivers only after the batch's turn.
 */
function recordNotModified(deps: PollDeps, record: FeedRecord, outcome: FetchOutcome, policy: PollTimingPolicy, random: () => number): FeedPollResult {
  const state = successState(deps, record, outcome, record, policy, random);
  deps.feeds.saveFeedSoon(state);
  deps.logger.debug({ feed_id: record.feedId }, 'feed not modified');
  return { ok: true, feedId: record.feedId, status: 'not-modified', new: 0, updated: 0, unchanged: 0, briefingsFailed: 0, movedTo: outcome.permanentUrl, nextPollAt: state.nextPollAt };
}

async function recordDocument(deps: PollDeps, spec: FeedSpec, record: FeedRecord, outcome: Extract<FetchOutcome, { kind: 'ok' }>, policy: PollTimingPolicy, random: () => number, signal: AbortSignal | undefined): Promise<FeedPollResult> {
  const parsed = await deps.parse({ bytes: outcome.bytes, contentType: outcome.contentType }, { feedId: spec.id, feedUrl: outcome.url, now: deps.now() });
  const hints = { ttlMinutes: parsed.ttlMinutes, updatePeriodMinutes: parsed.updatePeriodMinutes };
  const state = { ...successState(deps, record, outcome, hints, policy, random), title: parsed.title ?? record.title };
  const seenAt = state.lastPolledAt ?? deps.now();
  const upserts = oldestFirst(parsed.articles, seenAt).map(toUpsert);
  const written = deps.articles.recordPoll(spec.id, { state, upserts, seenAt });
  let briefingsFailed = 0;
  if (deps.summarize) {
    for (const article of written.inserted) {
      // On shutdown the rest stay without a briefing; the retry job picks them up later.
      if (signal?.aborted === true) break;
      if (!(await condense(deps, deps.summarize, spec, article, parsed.articles))) briefingsFailed += 1;
    }
  }
  if (deps.resummarize) for (const article of written.edited) refresh(deps, deps.resummarize, spec, article, parsed.articles);
  deps.logger.info({ feed_id: spec.id, new: written.inserted.length, updated: written.edited.length, unchanged: written.unchanged, moved_to: outcome.permanentUrl ?? undefined }, 'feed polled');
  return {
    ok: true,
    feedId: spec.id,
    status: 'ok',
    new: written.inserted.length,
    updated: written.edited.length,
    unchanged: written.unchanged,
    briefingsFailed,
    movedTo: outcome.permanentUrl,
    nextPollAt: state.nextPollAt,
  };
}

/**
 * The article as the store takes it. Fields are listed rather than spread: spreading objects
 * that came through a worker's structured clone is several times slower, for every item of
 * every document; the mapped type makes a field added to Article a compile error here.
 */
function toUpsert(article: HashedArticle): ArticleUpsert {
  const upsert: { readonly [K in keyof Required<ArticleUpsert>]: ArticleUpsert[K] } = {
    id: article.id,
    feedId: article.feedId,
    guid: article.guid,
    url: article.url,
    title: article.title,
    publishedAt: article.publishedAt,
    author: article.author,
    categories: article.categories,
    summary: article.summary,
    content: article.content,
    summaryHtml: article.summaryHtml,
    contentHtml: article.contentHtml,
    contentHash: article.contentHash,
    link: article.link,
  };
  return upsert;
}

/**
 * Condenses and stores one briefing; a failure is stored for a later retry. True on success.
 * `siblings`: the feed document's items, when the article came in one (see Summarize).
 */
export async function condense(deps: Pick<PollDeps, 'articles' | 'now' | 'logger'>, summarize: Summarize, spec: FeedSpec, article: { readonly seq: number } & Parameters<Summarize>[0], siblings?: readonly Article[]): Promise<boolean> {
  try {
    const briefing = await summarize(article, spec, siblings);
    deps.articles.saveBriefing(article.seq, briefing, deps.now());
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.articles.saveBriefingFailure(article.seq, message, deps.now());
    deps.logger.warn({ feed_id: spec.id, article_id: article.id, err: message }, 'condensing failed; will retry');
    return false;
  }
}

/** Brings an edited article's briefing up to date; a failure keeps the old one and is logged. */
function refresh(deps: Pick<PollDeps, 'articles' | 'logger'>, resummarize: Resummarize, spec: FeedSpec, article: { readonly seq: number } & Parameters<Resummarize>[0], siblings: readonly Article[]): void {
  try {
    const briefing = resummarize(article, spec, siblings);
    if (briefing !== null) deps.articles.refreshBriefing(article.seq, briefing);
  } catch (error) {
    deps.logger.warn({ feed_id: spec.id, article_id: article.id, err: error instanceof Error ? error.message : String(error) }, 'condensing an edited article failed; its first briefing stays');
  }
}

function recordFailure(deps: PollDeps, record: FeedRecord, error: unknown, policy: PollTimingPolicy, random: () => number, redirectedTo: string | null): FeedPollResult {
  const now = deps.now();
  const failures = record.consecutiveFailures + 1;
  const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  const schedule = nextPollAfterFailure(now, failures, typeof retryAfter === 'number' ? retryAfter : null, policy, random);
  const message = describePollError(record, error, redirectedTo);
  try {
    deps.feeds.saveFeed({ ...record, lastPolledAt: now, nextPollAt: schedule.nextPollAt, consecutiveFailures: failures, failing: schedule.failing, lastError: message, lastErrorAt: now });
  } catch (storeError) {
    deps.logger.error({ feed_id: record.feedId, err: String(storeError) }, 'could not record feed failure');
  }
  deps.logger.warn({ feed_id: record.feedId, consecutive_failures: failures, failing: schedule.failing, err: message }, 'feed poll failed');
  return { ok: false, feedId: record.feedId, error: message, consecutiveFailures: failures, failing: schedule.failing, nextPollAt: schedule.nextPollAt };
}

/**
 * `jobs/poll-feeds: feed <id> (<url>, redirected to <url>): <cause>`; each URL omitted when the
 * cause names it already, the redirect when the document came from the URL asked.
 */
export function describePollError(record: Pick<FeedRecord, 'feedId' | 'currentUrl'>, error: unknown, redirectedTo: string | null = null): string {
  const cause = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  const where = [
    cause.includes(record.currentUrl) ? null : record.currentUrl,
    redirectedTo === null || cause.includes(redirectedTo) ? null : `redirected to ${redirectedTo}`,
  ].filter((part) => part !== null);
  return `jobs/poll-feeds: feed ${record.feedId}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${cause}`;
}

/**
 * A recorded poll error without its `jobs/poll-feeds: feed <id> (<url>): ` lead, for a view that
 * names the feed already (the CLI's tables, /poll's answer). Kept beside describePollError so the
 * frame is written and read in one place.
 */
export function withoutFeedPrefix(error: string): string {
  return error.replace(/^jobs\/poll-feeds: feed \S+(?: \([^)]*\))?: /, '');
}
