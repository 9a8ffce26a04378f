import type { CurrentFeeds, FeedState, Subscriber, UiLanguage } from '../core/types.js';
import type { FeedReload } from '../core/catalog-change.js';
import type { TopicNames } from '../core/topic-names.js';
import type { Logger } from '../log.js';
import type { OutboxStats as StoreOutboxStats } from '../store/outbox-repository.js';
import type { SubscriberRepository } from '../store/subscriber-repository.js';

/** A digest built on demand, exactly as the daily one would be sent. */
export interface DigestOnDemand {
  /** Telegram HTML messages, in order, each within Telegram's length limit. */
  readonly parts: readonly string[];
  /** The article seqs it contains, recorded as received so /latest does not repeat them. */
  readonly articleSeqs: readonly number[];
}

/** Outbox figures for /stats: the delivery engine's own view (the bot only shows them). */
export type OutboxStats = Pick<StoreOutboxStats, 'pending' | 'sentToday' | 'failed' | 'dead' | 'inactiveChats'>;

/** The result of a poll started from /poll. */
export interface PollReport {
  readonly done: number;
  /** The feeds that failed, each with its error as logged (see plainFeedError for a chat's view). */
  readonly failed: readonly { readonly feedId: string; readonly error: string }[];
}

/**
 * Everything the bot's commands need from the rest of the application, built once by the
 * composition root (src/main.ts) or by a test. Optional ports switch a feature off gracefully:
 * the command answers that it is unavailable instead of failing.
 */
export interface BotDeps {
  readonly subscribers: SubscriberRepository;
  /** The configured feeds (feeds.json, as last loaded); topics and feed ids come from here. */
  readonly feeds: CurrentFeeds;
  /** What readers call the topics, in each language (feeds.json's topicNames as last loaded, and of topics that left it: FeedCatalog.topicNames); absent: ids, capitalised. */
  readonly topicNames?: () => TopicNames;
  /** Poll state per feed, for the health column of /feeds and failing feeds in /stats. */
  readonly feedHealth?: () => readonly FeedState[];
  /** Telegram user ids allowed to use /stats and /poll (config.adminIds). */
  readonly adminIds: readonly number[];
  /** How long after its time a missed digest is still sent (config.digest.catchUpHours): /status says such a digest is on its way. */
  readonly digestCatchUpHours: number;
  /** Settings a new chat starts with (config.defaults). */
  readonly defaults: { readonly timezone: string; readonly digestTime: string; readonly language: UiLanguage };
  /** Topics the /start button subscribes to; when absent, the topics of the feeds in the chat's language. */
  readonly defaultTopics?: readonly string[];
  /** The clock, epoch ms; tests pass a fixed one. */
  readonly now: () => number;
  readonly logger: Logger;
  /** Builds this chat's digest now (issue 5); null when there is nothing new. */
  readonly digestNow?: (chat: Subscriber, now: number) => Promise<DigestOnDemand | null>;
  /** Reads feeds.json again (/reload); absent where the feeds cannot be reloaded. */
  readonly reloadFeeds?: () => FeedReload;
  /** Polls every feed now and reports (the poll job). */
  readonly pollNow?: () => Promise<PollReport>;
  /**
   * Outbox figures for /stats (the delivery engine), `sentToday` counting from the last midnight
   * before `now` in `timezone`: the asking chat's, the "today" its reader means.
   */
  readonly outboxStats?: (now: number, timezone: string) => OutboxStats;
  /** Number of stored articles for /stats. */
  readonly articleCount?: () => number;
  /**
   * Called after each command reply Telegram accepted (replies skip the rate-limited sender for
   * speed); main wires it to `sender.noteExternalSend` so bulk traffic leaves room for them.
   */
  readonly onReplySent?: (chatId: number) => void;
}
