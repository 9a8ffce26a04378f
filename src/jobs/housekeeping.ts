import type { Logger } from '../log.js';
import type { ArticleRepository } from '../store/article-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';

export interface HousekeepingDeps {
  readonly articles: ArticleRepository;
  readonly outbox: OutboxRepository;
  readonly logger: Logger;
}

/** What one run cleared. */
export interface HousekeepingReport {
  readonly articleTexts: number;
  readonly messages: number;
  readonly digestRuns: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Keeps the database from growing without end: article text and finished outbox messages older
 * than `retentionDays` are history nobody reads (briefings, article identities and deliveries
 * stay, so nothing is ever announced or sent twice). SQLite reuses the freed pages, so the file
 * stops growing rather than shrinking; `VACUUM` shrinks it when the operator wants.
 */
export function housekeep(deps: HousekeepingDeps, now: number, retentionDays: number): HousekeepingReport {
  const before = now - retentionDays * DAY_MS;
  const articleTexts = deps.articles.forgetTextBefore(before);
  const { messages, digestRuns } = deps.outbox.pruneBefore(before);
  deps.logger.info({ article_texts: articleTexts, messages, digest_runs: digestRuns, retention_days: retentionDays }, 'housekeeping finished');
  return { articleTexts, messages, digestRuns };
}
