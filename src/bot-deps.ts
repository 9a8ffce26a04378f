/**
 * The bot's ports on an open ingestion pipeline, wired once for both front ends: the Telegram
 * bot (main.ts) and the terminal chat (`newsbrief chat`), so every command answers alike in both.
 */
import type { BackgroundRuns } from './background-runs.js';
import type { BotDeps, PollReport } from './bot/deps.js';
import type { Config } from './config.js';
import type { FeedSpec } from './core/types.js';
import type { FeedCatalog } from './feed-catalog.js';
import type { Ingestion } from './ingestion.js';
import { createDigestNow } from './jobs/digest-now.js';
import { outboxStats } from './jobs/outbox-stats.js';
import type { FeedPoller } from './jobs/poll-feeds.js';
import type { Logger } from './log.js';
import type { OutboxRepository } from './store/outbox-repository.js';
import type { SubscriberRepository } from './store/subscriber-repository.js';

export interface BotWiring {
  readonly config: Config;
  readonly catalog: FeedCatalog;
  readonly ingestion: Ingestion;
  readonly subscribers: SubscriberRepository;
  readonly outbox: OutboxRepository;
  /** Runs /poll's work: main tracks it so shutdown waits for it; the terminal simply awaits it. */
  readonly runPoll: BackgroundRuns['run'];
  readonly logger: Logger;
}

/** Every port of BotDeps that the store and the pipeline provide. */
export function botDepsOn(w: BotWiring): BotDeps {
  const { config, ingestion, outbox } = w;
  const feeds = w.catalog.current;
  return {
    subscribers: w.subscribers,
    feeds,
    topicNames: w.catalog.topicNames,
    reloadFeeds: () => w.catalog.reload('/reload'),
    feedHealth: () => ingestion.feeds.listFeeds(),
    adminIds: config.adminIds,
    defaults: config.defaults,
    digestCatchUpHours: config.digest.catchUpHours,
    now: Date.now,
    logger: w.logger,
    digestNow: (chat, now) => createDigestNow({ articles: ingestion.articles, subscribers: w.subscribers, catalog: feeds(), topicNames: w.catalog.topicNames(), options: { topN: config.digest.topN } })(chat, now),
    pollNow: () => w.runPoll((signal) => pollEverything(ingestion.poller, feeds(), signal)),
    outboxStats: (now, timezone) => outboxStats(outbox, now, timezone),
    articleCount: () => ingestion.articles.countArticles(),
  };
}

/** /poll: every enabled feed now, whatever its schedule. */
async function pollEverything(poller: FeedPoller, feeds: readonly FeedSpec[], signal: AbortSignal): Promise<PollReport> {
  const report = await poller.pollFeeds(feeds.filter((feed) => feed.enabled), { signal });
  return { done: report.done.length, failed: report.failed.map(({ feedId, error }) => ({ feedId, error })) };
}
