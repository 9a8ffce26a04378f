import type { Logger } from '../log.js';
import type { ArticleRepository } from '../store/article-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';

export interface HousekeepingDeps {
  readonly articles: ArticleRepository;
  readonly outbox: OutboxRepository;
  readonly subscribers: Pick<SubscriberRepository, 'forgetDeliveriesBefore'>;
  readonly logger: Logger;
}

/** What one run cleared. */
export interface HousekeepingReport {
  readonly articleTexts: number;
  readonly messages: number;
  readonly digestRuns: number;
  /** Receipts (which chat received which article) of articles older than the retention period. */
  readonly deliveries: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Keeps the database from growing without end: article text, finished outbox messages and each
 * chat's receipts of articles older than `retentionDays` are history nobody reads. Briefings and
 * article identities stay, so an old item is never new again; forgotten receipts sit below a
 * horizon that /latest never reaches back past, so nothing is sent twice. SQLite reuses the freed
 * pages, so the file stops growing rather than shrinking; `VACUUM` shrinks it when the operator wants.
 */
export function housekeep(deps: HousekeepingDeps, now: number, retentionDays: number): HousekeepingReport {
  const before = now - retentionDays * DAY_MS;
  const articleTexts = deps.articles.forgetTextBefore(before);
  const { messages, digestRuns } = deps.outbox.pruneBefore(before);
  const deliveries = deps.subscribers.forgetDeliveriesBefore(before);
  deps.logger.info({ article_texts: articleTexts, messages, digest_runs: digestRuns, deliveries, retention_days: retentionDays }, 'housekeeping finished');
  return { articleTexts, messages, digestRuns, deliveries };
}
