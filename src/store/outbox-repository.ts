/**
 * The outbox port: every outgoing message is written here first, then sent, and its fate recorded
 * after Telegram answers. All methods are synchronous and atomic, so a crash between any two
 * calls leaves a state the worker can resume from.
 */

/**
 * What a message is: a daily digest or a pushed story. Command answers go straight to Telegram and
 * are never queued here; migration 003's CHECK still allows a `reply` kind that no version wrote.
 */
export type OutboxKind = 'digest' | 'push';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

/** What is sent: sendMessage's text, parse mode and further fields (link_preview_options ...). */
export interface OutboxPayload {
  readonly text: string;
  readonly parse_mode?: 'HTML' | 'MarkdownV2';
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * Starts the key of a message a chat is sent once ever rather than once a day: such a message
 * stays in the outbox after it is sent, because its row is what makes enqueueing it again a no-op.
 */
export const ONCE_KEY_PREFIX = 'once:';

/** A message to be written into the outbox. */
export interface NewOutboxMessage {
  /**
   * Unique per message, e.g. `digest:<chat>:<local date>:<zone>:<part>` (`digest:<chat>:<local
   * date>:<part>` before migration 012). Enqueueing a known key does nothing.
   */
  readonly key: string;
  readonly chatId: number;
  readonly kind: OutboxKind;
  /** Higher goes first among due messages. */
  readonly priority: number;
  readonly payload: OutboxPayload;
}

/** A stored message. */
export interface OutboxMessage extends NewOutboxMessage {
  readonly id: number;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly telegramMessageId: number | null;
  readonly createdAt: number;
  readonly sentAt: number | null;
}

/** One chat's digest for one local date in one zone, committed as a unit. */
export interface DigestRun {
  readonly chatId: number;
  readonly localDate: string;
  /**
   * The zone `localDate` is a date in. Part of the claim: a chat that moves west may be due for
   * a date again, in its new zone (see dueDigests), and that run must not be refused.
   */
  readonly timezone: string;
  /** The digest's parts in order; empty when the day was quiet and no line is configured. */
  readonly messages: readonly NewOutboxMessage[];
  /** Article cursors the digest carries, recorded as received so /latest does not repeat them. */
  readonly articleSeqs: readonly number[];
  /**
   * Once-only messages of this chat whose keys start with this prefix are forgotten (unless one is
   * being sent right now), so they may be sent again: the notice that everything a chat follows
   * left feeds.json is said once per time it happens, and a digest shows the feeds came back.
   */
  readonly retiresOnceKeys?: string;
}

/** The admin's view of the outbox (/stats). */
export interface OutboxStats {
  readonly pending: number;
  readonly sending: number;
  readonly sentToday: number;
  readonly failed: number;
  readonly dead: number;
  readonly inactiveChats: number;
}

export interface OutboxRepository {
  /** Inserts the messages whose key is new; returns how many were inserted. */
  enqueue(messages: readonly NewOutboxMessage[], now: number): number;
  /**
   * For each run: claims (chat, local date, zone) in digest_runs, writes the parts, records the
   * articles as delivered and the chat's last digest; false, and nothing written for that run,
   * when the chat already had its digest for that date in that zone. All runs in ONE transaction: a run is
   * never half written, and a crash keeps all of them or none (their chats are then due again).
   */
  commitDigests(runs: readonly DigestRun[], now: number): boolean[];
  /** Messages left in `sending` by a crash go back to `pending`; returns their ids (the possible duplicates). */
  recoverInFlight(now: number): number[];
  /**
   * Up to `limit` due pending messages, highest priority first, then oldest; only the first
   * unfinished message of each chat (parts stay in order), skipping chats in `busyChats`.
   */
  nextDue(now: number, limit: number, busyChats: ReadonlySet<number>): OutboxMessage[];
  /**
   * The earliest next_attempt_at among the messages nextDue could return (the first unfinished
   * message of each chat), or null when there are none: parts waiting behind a part in back-off
   * do not count, so the worker sleeps until the back-off ends instead of polling.
   */
  nextWakeAt(): number | null;
  /**
   * Claims a pending message for its HTTP call; false when it is no longer pending (another
   * process sharing the database claimed or finished it first), and then it must not be sent.
   */
  markSending(id: number, now: number): boolean;
  markSent(id: number, telegramMessageId: number, now: number): void;
  /**
   * Back to pending for a later try; `countAttempt` is false for 429 (nothing was wrong with it),
   * which gives back the attempt markSending took. A message never marked `sending` (dropped
   * before its call) keeps its attempts either way.
   */
  reschedule(id: number, at: number, error: string, countAttempt: boolean): void;
  /**
   * Given up for good (failed: retried too long; dead: refused). A digest whose parts were all
   * given up also stops counting its stories as received by the chat, so /latest offers them.
   */
  markFailed(id: number, error: string, now: number): void;
  markDead(id: number, error: string, now: number): void;
  /** Every unfinished message of the chat becomes dead (the chat blocked us or vanished); returns how many. */
  abandonChat(chatId: number, reason: string, now: number): number;
  /** Unfinished messages of `oldChatId` move to `newChatId` (a group became a supergroup). */
  moveChat(oldChatId: number, newChatId: number): number;
  /** Unfinished messages of the chat go to the chat itself, not to a forum topic (it was deleted or closed); returns how many. */
  leaveThread(chatId: number): number;
  get(id: number): OutboxMessage | null;
  /** Counts for /stats; "today" starts at `dayStart`. */
  stats(dayStart: number): OutboxStats;
  /**
   * Deletes at most `limit` messages that only history needs (sent before `before`, or failed or
   * dead and created before it) and returns how many. Unfinished messages are never touched, nor
   * sent ones keyed with ONCE_KEY_PREFIX.
   */
  pruneMessagesBefore(before: number, limit: number): number;
  /**
   * Deletes at most `limit` digest claims made before `before` and returns how many (a claim
   * only has to refuse a tick racing the one that made it: once committed, the chat's last digest,
   * written with it, keeps that date in that zone from being due again).
   */
  pruneDigestRunsBefore(before: number, limit: number): number;
}
