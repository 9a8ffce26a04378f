import type { FeedSpec } from '../core/types.js';
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

/**
 * Condenses stored articles that have no briefing yet (condensing failed, was not wired, or the
 * process died between storing and condensing), oldest first, at most `limit` per run. Articles
 * of feeds no longer configured are marked failed so they stop coming back. Reports counts.
 */
export async function retryMissingBriefings(
  deps: RetryBriefingsDeps,
  specs: readonly FeedSpec[],
  limit = 100,
  maxAttempts = MAX_BRIEFING_ATTEMPTS,
): Promise<{ readonly done: number; readonly failed: number }> {
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  let done = 0;
  let failed = 0;
  for (const article of deps.articles.articlesMissingBriefing(limit, maxAttempts)) {
    const spec = byId.get(article.feedId);
    if (spec === undefined) {
      deps.articles.saveBriefingFailure(article.seq, `jobs/retry-briefings: feed ${article.feedId} is no longer configured`, deps.now());
      failed += 1;
    } else if (await condense(deps, deps.summarize, spec, article)) {
      done += 1;
    } else {
      failed += 1;
    }
  }
  if (done + failed > 0) deps.logger.info({ done, failed }, 'briefing retry finished');
  return { done, failed };
}
