import { PAGE_REUSE_MS } from '../fulltext/once-per-page.js';
import type { Logger } from '../log.js';
import type { ArticleRepository } from '../store/article-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';
import type { PageRepository } from '../store/page-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';
import { nextTurn } from './next-turn.js';

export interface HousekeepingDeps {
  readonly articles: Pick<ArticleRepository, 'forgetTextBefore'>;
  readonly outbox: Pick<OutboxRepository, 'pruneMessagesBefore' | 'pruneDigestRunsBefore'>;
  readonly subscribers: Pick<SubscriberRepository, 'raiseDeliveryHorizon' | 'forgetDeliveriesBelowHorizon'>;
  readonly pages: Pick<PageRepository, 'forgetPagesBefore'>;
  readonly logger: Logger;
}

/** What one run cleared. */
export interface HousekeepingReport {
  readonly articleTexts: number;
  readonly messages: number;
  readonly digestRuns: number;
  /** Receipts (which chat received which article) of articles older than the retention period. */
  readonly deliveries: number;
  /** Article pages fetched for full text longer ago than they are reused (a day, not the retention period). */
  readonly pages: number;
}

export interface HousekeepingOptions {
  /** Rows per transaction (articles and rows alike; the defaults differ, see below). */
  readonly batch?: number;
  /** Lets the bot answer between batches; the default waits for the event loop's next turn. */
  readonly yieldToOthers?: () => Promise<void>;
  /** Shutdown: stop between batches (the rest is cleared next time). */
  readonly signal?: AbortSignal;
}

const DAY_MS = 24 * 60 * 60_000;
/**
 * Deleting 1.8 million receipts in one statement held the database, and the bot's event loop, for
 * 5-9 s on the CI machine; a bot a year old has ten times that to clear on its first run. A batch
 * of 20,000 rows took 143 ms at most there.
 */
const DEFAULT_BATCH = 20_000;
/**
 * Clearing an article's text rewrites pages of it: 20,000 articles of 6 KB took 0.3-0.5 s per
 * transaction, 5,000 take 40-150 ms (the longer ones carry a WAL checkpoint), in the same total.
 */
const DEFAULT_TEXT_BATCH = 5_000;

/**
 * Keeps the database from growing without end: article text, finished outbox messages and each
 * chat's receipts of articles older than `retentionDays` are history nobody reads, and so are
 * article pages fetched longer ago than they are reused (PAGE_REUSE_MS). Briefings and
 * article identities stay, so an old item is never new again; forgotten receipts sit below a
 * horizon that /latest never reaches back past, so nothing is sent twice. The large tables
 * are cleared in batches with a turn of the event loop between them. SQLite reuses the freed
 * pages, so the file stops growing rather than shrinking; `newsbrief housekeep --vacuum` shrinks it.
 */
export async function housekeep(deps: HousekeepingDeps, now: number, retentionDays: number, options: HousekeepingOptions = {}): Promise<HousekeepingReport> {
  const before = now - retentionDays * DAY_MS;
  /** Runs `step` until it says nothing is left, with a turn for the bot between steps. */
  const inBatches = async (step: (limit: number) => { readonly cleared: number; readonly more: boolean }, batch = options.batch ?? DEFAULT_BATCH): Promise<number> => {
    let total = 0;
    while (options.signal?.aborted !== true) {
      const { cleared, more } = step(batch);
      total += cleared;
      if (!more) break;
      await (options.yieldToOthers ?? nextTurn)();
    }
    return total;
  };
  /** For steps that delete up to `limit` rows: a full batch means there may be more. */
  const deleting = (remove: (limit: number) => number) => (limit: number) => {
    const cleared = remove(limit);
    return { cleared, more: cleared === limit };
  };
  const articleTexts = await inBatches((limit) => deps.articles.forgetTextBefore(before, limit), options.batch ?? DEFAULT_TEXT_BATCH);
  const messages = await inBatches(deleting((limit) => deps.outbox.pruneMessagesBefore(before, limit)));
  const digestRuns = await inBatches(deleting((limit) => deps.outbox.pruneDigestRunsBefore(before, limit)));
  deps.subscribers.raiseDeliveryHorizon(before);
  const deliveries = await inBatches(deleting((limit) => deps.subscribers.forgetDeliveriesBelowHorizon(limit)));
  // A page row carries an article's text, so it is deleted in batches the size of the text's.
  const pages = await inBatches(deleting((limit) => deps.pages.forgetPagesBefore(now - PAGE_REUSE_MS, limit)), options.batch ?? DEFAULT_TEXT_BATCH);
  const interrupted = options.signal?.aborted === true;
  deps.logger.info({ article_texts: articleTexts, messages, digest_runs: digestRuns, deliveries, fetched_pages: pages, retention_days: retentionDays }, interrupted ? 'housekeeping stopped by shutdown; the rest is cleared next time' : 'housekeeping finished');
  return { articleTexts, messages, digestRuns, deliveries, pages };
}
