import type { Article, FeedSpec } from '../core/types.js';
import type { Logger } from '../log.js';
import { MAX_BRIEFING_ATTEMPTS, type ArticleRepository } from '../store/article-repository.js';
import { condense } from './poll-feed.js';
import type { Summarize } from './poll-ports.js';

export interface RetryBriefingsDeps {
  readonly articles: ArticleRepository;
  readonly summarize: Summarize;
  readonly now: () => number;
  readonly logger: Logger;
}

/** Articles first seen less than this long ago are left to the poller, which may still be condensing them. */
export const RETRY_GRACE_MS = 15 * 60_000;
/** How many of a feed's latest stored articles stand in for the document a retried article came in. */
const SIBLINGS = 50;

/** Limits of one retry run; all optional. */
export interface RetryBriefingsOptions {
  /** Articles per run; 100 by default. */
  readonly limit?: number;
  readonly maxAttempts?: number;
  /** Only articles first seen at least this long ago; RETRY_GRACE_MS by default. */
  readonly graceMs?: number;
  /** Shutdown: the run stops between articles once aborted. */
  readonly signal?: AbortSignal;
}

/**
 * Condenses stored articles that have no briefing yet (condensing failed, was not wired, or the
 * process died between storing and condensing), oldest first, at most `limit` per run. Articles
 * first seen within the grace period are skipped so a poll still condensing them is not raced.
 * Articles of feeds no longer configured are marked failed so they stop coming back. The feed's
 * latest stored articles stand in for the document the article came in, so its standing text
 * stays out of the briefing as it would have at poll time. Reports counts.
 */
export async function retryMissingBriefings(
  deps: RetryBriefingsDeps,
  specs: readonly FeedSpec[],
  options: RetryBriefingsOptions = {},
): Promise<{ readonly done: number; readonly failed: number }> {
  const { limit = 100, maxAttempts = MAX_BRIEFING_ATTEMPTS, graceMs = RETRY_GRACE_MS, signal } = options;
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  // One array per feed and run: the summarizer works out a document's standing text once per array.
  const siblingsOf = new Map<string, readonly Article[]>();
  const siblings = (feedId: string): readonly Article[] => {
    let found = siblingsOf.get(feedId);
    if (found === undefined) siblingsOf.set(feedId, (found = deps.articles.latestArticlesOfFeed(feedId, SIBLINGS)));
    return found;
  };
  let done = 0;
  let failed = 0;
  for (const article of deps.articles.articlesMissingBriefing(limit, maxAttempts, deps.now() - graceMs)) {
    if (signal?.aborted === true) break;
    const spec = byId.get(article.feedId);
    if (spec === undefined) {
      deps.articles.saveBriefingFailure(article.seq, `jobs/retry-briefings: feed ${article.feedId} is no longer configured`, deps.now());
      failed += 1;
    } else if (await condense(deps, deps.summarize, spec, article, siblings(article.feedId))) {
      done += 1;
    } else {
      failed += 1;
    }
  }
  if (done + failed > 0) deps.logger.info({ done, failed }, 'briefing retry finished');
  return { done, failed };
}
