import type { ReceivedLink } from '../core/repeats.js';
import type { ChatType, Subscriber } from '../core/types.js';
import type { BriefingRecord } from './article-repository.js';

/** What the bot knows about a chat the first time it hears from it. */
export type NewChat = Pick<Subscriber, 'chatId' | 'chatType' | 'title' | 'language' | 'timezone' | 'digestTime'>;

/** The settings a chat may change itself. */
/** A chat's digest settings and the last digest sent: what deciding "is it due?" reads. */
export type DigestSchedule = Pick<Subscriber, 'chatId' | 'timezone' | 'digestTime' | 'lastDigestDate' | 'lastDigestAt' | 'followingSince'>;

export type SubscriberPatch = Partial<Pick<Subscriber, 'language' | 'timezone' | 'digestTime' | 'title' | 'chatType' | 'threadId'>>;

/** One line of a chat's subscription list: a topic (`world`) or a feed id (`bbc-world`). */
export interface Subscription {
  readonly kind: 'topic' | 'feed';
  readonly value: string;
}

/** How an article reached a chat; both count as "received" for /latest. */
export type DeliveryVia = 'latest' | 'digest';

/** Articles one chat received in one message (or digest), and when. */
export interface DeliveryRecord {
  readonly chatId: number;
  readonly seqs: readonly number[];
  readonly via: DeliveryVia;
  readonly at: number;
}

/**
 * A stored briefing with its article's integer cursor (`articleSeq`, the key deliveries are
 * recorded under) and title: the article repository's BriefingRecord.
 */
export type DeliverableBriefing = BriefingRecord;

/** An article a chat received whose link another article carries too (see receivedCopies). */
export interface ReceivedCopy extends ReceivedLink {
  readonly chatId: number;
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
 * synchronous and atomic. An article counts as received only once Telegram confirmed the message
 * that carried it: the bot reads with `unseenBriefings`, sends, then calls `recordDeliveries`, one
 * command per chat at a time, so a failed send is offered again and nothing is handed out twice.
 */
export interface SubscriberRepository {
  find(chatId: number): Subscriber | null;
  /** Returns the chat, creating it from `chat` when it is new. An existing chat is left as it is. */
  ensure(chat: NewChat, now: number): Subscriber;
  /** Changes settings; returns the updated chat, or null when it does not exist. */
  update(chatId: number, patch: SubscriberPatch, now: number): Subscriber | null;
  /**
   * Adds subscriptions (duplicates ignored) and makes the chat active again; a chat that followed
   * nothing follows from `now` (Subscriber.followingSince).
   */
  subscribe(chatId: number, items: readonly Subscription[], now: number): Subscriber | null;
  /** Removes subscriptions; a chat left following nothing has no followingSince any more. */
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
  /** The chat cannot be reached (blocked, kicked, deleted): skip it until it talks to us again. A chat that chose /stop stays stopped. */
  markInactive(chatId: number, reason: string, now: number): void;
  /**
   * A group became a supergroup: carry settings and history over to the new id (replacing a row
   * already stored under it), and the chat's unsent outbox messages with them, so a digest waiting
   * for its turn goes to the new id instead of being dropped as a chat that left. Does nothing
   * when `oldChatId` is not stored.
   */
  moveChat(oldChatId: number, newChatId: number, now: number): void;
  /**
   * What the digest tick needs of every active chat with digests on that follows something, and
   * nothing more: reading whole chats with their subscriptions every minute took 0.2 s for 20,000
   * chats.
   */
  listDigestSchedules(): DigestSchedule[];
  markDigestSent(chatId: number, localDate: string, at: number): void;
  /**
   * The newest briefings of `feedIds` this chat has not received (newest first, at most `limit`),
   * nor received the link of under another article (another feed's copy, or an old item reissued
   * under a new guid: the same article again). Reads only: the caller records them with
   * `recordDeliveries` once they were sent.
   */
  unseenBriefings(chatId: number, feedIds: readonly string[], limit: number): DeliverableBriefing[];
  /**
   * The articles each of `chatIds` received (by digest or /latest) that share their link with one
   * of `articleSeqs` and are not that article: what would make those a repeat for the chat
   * (core/repeats.ts). One query however many chats and articles, so the digest tick asks once for
   * all its chats.
   */
  receivedCopies(chatIds: readonly number[], articleSeqs: readonly number[]): ReceivedCopy[];
  /** The newest briefings of `feedIds`, received or not (for "show the most recent again"). */
  recentBriefings(feedIds: readonly string[], limit: number): DeliverableBriefing[];
  /**
   * Records articles as received by a chat, after Telegram confirmed the message (already recorded
   * ones are kept). Nothing for a chat no longer stored (deleted, or moved to a supergroup id).
   */
  recordDeliveries(chatId: number, seqs: readonly number[], via: DeliveryVia, now: number): void;
  /**
   * `recordDeliveries` for several chats in one transaction (the bot's group commit). A chat no
   * longer stored (its data deleted, or moved to a supergroup id) is skipped, so it cannot fail
   * the others' receipts.
   */
  recordDeliveryBatch(records: readonly DeliveryRecord[]): void;
  /** When this chat last received anything, or null (kept after housekeeping clears receipts). */
  lastDeliveryAt(chatId: number): number | null;
  /**
   * Housekeeping, step 1: articles first seen before `before` are never unseen again, whatever
   * the receipts say (see migration 006).
   */
  raiseDeliveryHorizon(before: number): void;
  /**
   * Housekeeping, step 2: forgets chats' receipts of articles below that horizon, at most `limit`
   * rows per call (one short transaction); returns how many, so call again while it returns `limit`.
   */
  forgetDeliveriesBelowHorizon(limit: number): number;
  stats(): SubscriberStats;
}
