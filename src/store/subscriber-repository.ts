import type { ChatType, StoredBriefing, Subscriber, UiLanguage } from '../core/types.js';

/** What the bot knows about a chat the first time it hears from it. */
export interface NewChat {
  readonly chatId: number;
  readonly chatType: ChatType;
  readonly title: string | null;
  readonly language: UiLanguage;
  readonly timezone: string;
  readonly digestTime: string | null;
}

/** The settings a chat may change itself. */
export type SubscriberPatch = Partial<Pick<Subscriber, 'language' | 'timezone' | 'digestTime' | 'title' | 'chatType'>>;

/** One line of a chat's subscription list: a topic (`world`) or a feed id (`bbc-world`). */
export interface Subscription {
  readonly kind: 'topic' | 'feed';
  readonly value: string;
}

/** How an article reached a chat; both count as "received" for /latest. */
export type DeliveryVia = 'latest' | 'digest';

/**
 * A stored briefing with its article's integer cursor (`articleSeq`, the key deliveries are
 * recorded under) and title; the same shape as the article repository's BriefingRecord.
 */
export interface DeliverableBriefing extends StoredBriefing {
  readonly articleSeq: number;
  readonly title: string;
}

/** Counts for the admin's /stats. */
export interface SubscriberStats {
  readonly total: number;
  readonly active: number;
  readonly inactive: number;
  readonly byType: Readonly<Record<ChatType, number>>;
}

/**
 * The store port for chats, their subscriptions and what each received. Every method is
 * synchronous and atomic: `takeUnseenBriefings` reads and records in one transaction, so two
 * /latest commands can never hand a chat the same article twice.
 */
export interface SubscriberRepository {
  find(chatId: number): Subscriber | null;
  /** Returns the chat, creating it from `chat` when it is new. An existing chat is left as it is. */
  ensure(chat: NewChat, now: number): Subscriber;
  /** Changes settings; returns the updated chat, or null when it does not exist. */
  update(chatId: number, patch: SubscriberPatch, now: number): Subscriber | null;
  /** Adds subscriptions (duplicates ignored) and makes the chat active again. */
  subscribe(chatId: number, items: readonly Subscription[], now: number): Subscriber | null;
  unsubscribe(chatId: number, items: readonly Subscription[], now: number): Subscriber | null;
  /** /stop: drops every subscription and stops digests; the chat's row and history stay. */
  stop(chatId: number, now: number): Subscriber | null;
  /** Forgets the chat completely (subscriptions and delivery history too). */
  remove(chatId: number): boolean;
  /**
   * The chat talked to the bot, so it can be reached again: a chat marked inactive by delivery
   * (blocked, kicked) becomes active; one that chose /stop stays stopped. Returns the chat.
   */
  markReachable(chatId: number, now: number): Subscriber | null;
  /** The chat cannot be reached (blocked, kicked, deleted): skip it until it talks to us again. */
  markInactive(chatId: number, reason: string, now: number): void;
  /** A group became a supergroup: carry settings and history over to the new id. */
  moveChat(oldChatId: number, newChatId: number, now: number): void;
  listActive(): Subscriber[];
  markDigestSent(chatId: number, localDate: string, at: number): void;
  /**
   * The newest briefings of `feedIds` this chat has not received (newest first, at most `limit`),
   * recorded as delivered via /latest in the same transaction.
   */
  takeUnseenBriefings(chatId: number, feedIds: readonly string[], limit: number, now: number): DeliverableBriefing[];
  /** The newest briefings of `feedIds`, received or not (for "show the most recent again"). */
  recentBriefings(feedIds: readonly string[], limit: number): DeliverableBriefing[];
  /** Records articles as received by a chat (the digest sender calls this with via 'digest'). */
  recordDeliveries(chatId: number, seqs: readonly number[], via: DeliveryVia, now: number): void;
  /** When this chat last received anything, or null. */
  lastDeliveryAt(chatId: number): number | null;
  stats(): SubscriberStats;
}
