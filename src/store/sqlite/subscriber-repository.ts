import type { ChatType, Subscriber, UiLanguage } from '../../core/types.js';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../database.js';
import type {
  DeliverableBriefing,
  DeliveryRecord,
  DeliveryVia,
  NewChat,
  ReceivedCopy,
  SubscriberPatch,
  SubscriberRepository,
  SubscriberStats,
  Subscription,
} from '../subscriber-repository.js';
import { BRIEFING_COLUMNS, BRIEFING_FROM, BRIEFING_NEWEST_FIRST, BRIEFING_READY, feedFilter, fromBriefingRow, type BriefingRow } from './briefing-query.js';
import { createSeqByTime } from './seq-by-time.js';

/**
 * Raises a chat's last delivery time (migration 007), never lowers it: parameters (at, chat id).
 * The outbox's digest commit runs it too.
 */
export const NOTE_LAST_DELIVERY_SQL = 'UPDATE subscribers SET last_delivery_at = MAX(COALESCE(last_delivery_at, 0), ?) WHERE chat_id = ?';

interface SubscriberRow {
  chat_id: number;
  chat_type: ChatType;
  title: string | null;
  language: UiLanguage;
  timezone: string;
  digest_time: string | null;
  active: number;
  created_at: number;
  following_since: number | null;
  last_digest_date: string | null;
  last_digest_at: number | null;
  thread_id: number | null;
}

const PATCH_COLUMNS: Record<keyof SubscriberPatch, string> = {
  language: 'language',
  timezone: 'timezone',
  digestTime: 'digest_time',
  title: 'title',
  chatType: 'chat_type',
  threadId: 'thread_id',
};

/**
 * SQLite implementation of the SubscriberRepository port (tables from migration 002, briefings
 * from 001). Statements are prepared once; multi-step changes run in one transaction.
 */
export function createSqliteSubscriberRepository(db: SqliteDatabase): SubscriberRepository {
  const selectOne = db.prepare<[number], SubscriberRow>('SELECT * FROM subscribers WHERE chat_id = ?');
  const selectSubs = db.prepare<[number], Subscription>('SELECT kind, value FROM subscriptions WHERE chat_id = ? ORDER BY kind, value');
  const insertChat = db.prepare(
    `INSERT INTO subscribers (chat_id, chat_type, title, language, timezone, digest_time, active, created_at, updated_at)
     VALUES (@chatId, @chatType, @title, @language, @timezone, @digestTime, 1, @now, @now) ON CONFLICT (chat_id) DO NOTHING`,
  );
  const insertSub = db.prepare('INSERT OR IGNORE INTO subscriptions (chat_id, kind, value) VALUES (?, ?, ?)');
  const deleteSub = db.prepare('DELETE FROM subscriptions WHERE chat_id = ? AND kind = ? AND value = ?');
  const reactivate = db.prepare('UPDATE subscribers SET active = 1, blocked_reason = NULL, updated_at = ? WHERE chat_id = ?');
  // Kept while the chat follows something; set when it starts to, cleared when it stops (migration 018).
  const startFollowing = db.prepare<[number, number]>('UPDATE subscribers SET following_since = COALESCE(following_since, ?) WHERE chat_id = ?');
  const stopFollowingIfNothing = db.prepare<[number, number]>(
    'UPDATE subscribers SET following_since = NULL WHERE chat_id = ? AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE chat_id = ?)',
  );
  const touch = db.prepare('UPDATE subscribers SET updated_at = ? WHERE chat_id = ?');
  const insertDelivery = db.prepare(
    'INSERT OR IGNORE INTO chat_deliveries (chat_id, article_seq, delivered_at, via) VALUES (?, ?, ?, ?)',
  );

  const load = (chatId: number): Subscriber | null => {
    const row = selectOne.get(chatId);
    return row ? toSubscriber(row, selectSubs.all(chatId)) : null;
  };

  // Statements for "briefings of N feeds", prepared once per (N, unseen) shape.
  const briefingStatements = new Map<string, Statement<unknown[], BriefingRow>>();
  const briefingsOf = (feedIds: readonly string[], limit: number, unseenBy: number | null): DeliverableBriefing[] => {
    if (feedIds.length === 0 || limit <= 0) return [];
    const key = `${feedIds.length}:${unseenBy === null ? 'all' : 'unseen'}`;
    let statement = briefingStatements.get(key);
    if (!statement) {
      // Articles at or below the horizon had their receipts forgotten (migration 006): never unseen.
      // The unary + keeps SQLite walking the briefings index instead of an article seq range.
      // A link the chat received in another article is not new either (migration 017).
      const unseen = unseenBy === null ? '' :
        'AND NOT EXISTS (SELECT 1 FROM chat_deliveries d WHERE d.chat_id = ? AND d.article_seq = a.seq) ' +
        'AND +a.seq > (SELECT forgotten_through_seq FROM delivery_horizon) ' +
        'AND (a.link IS NULL OR NOT EXISTS (SELECT 1 FROM articles c JOIN chat_deliveries dc ON dc.article_seq = c.seq WHERE c.link = a.link AND dc.chat_id = ?))';
      const sql = `SELECT ${BRIEFING_COLUMNS} FROM ${BRIEFING_FROM} WHERE ${BRIEFING_READY} AND ${feedFilter(feedIds.length)} ${unseen} ORDER BY ${BRIEFING_NEWEST_FIRST} LIMIT ?`;
      statement = db.prepare<unknown[], BriefingRow>(sql);
      briefingStatements.set(key, statement);
    }
    const params: unknown[] = [...feedIds, ...(unseenBy === null ? [] : [unseenBy, unseenBy]), limit];
    return statement.all(...params).map(fromBriefingRow);
  };

  const lastSeqSeenBefore = createSeqByTime(db);
  const raiseHorizon = db.prepare<[number]>('UPDATE delivery_horizon SET forgotten_through_seq = MAX(forgotten_through_seq, ?)');
  // Only receipts already below the horizon go, so no call order can make an article read as unseen.
  const deleteBelowHorizon = db.prepare<[number]>(
    `DELETE FROM chat_deliveries WHERE (chat_id, article_seq) IN (SELECT chat_id, article_seq FROM chat_deliveries
      WHERE article_seq <= (SELECT forgotten_through_seq FROM delivery_horizon) LIMIT ?)`,
  );

  const noteLastDelivery = db.prepare<[number, number]>(NOTE_LAST_DELIVERY_SQL);
  const selectLastDelivery = db.prepare<[number], { at: number | null }>('SELECT last_delivery_at AS at FROM subscribers WHERE chat_id = ?');

  const selectSchedules = db.prepare<[], Pick<SubscriberRow, 'chat_id' | 'timezone' | 'digest_time' | 'last_digest_date' | 'last_digest_at' | 'following_since'>>(
    `SELECT chat_id, timezone, digest_time, last_digest_date, last_digest_at, following_since FROM subscribers
      WHERE active = 1 AND digest_time IS NOT NULL AND following_since IS NOT NULL`,
  );

  // Each article of `seqs` (x) with another of its link (c) that a chat of `chats` received. CROSS
  // JOIN keeps this order: starting from the chats would read every receipt of every due chat.
  // Prepared on first use, so the repository still opens on a file before migration 017 (tests of migrations).
  const prepareReceivedCopies = () => db.prepare<{ chats: string; seqs: string }, ReceivedCopy>(
    `SELECT DISTINCT d.chat_id AS chatId, c.link AS link, c.feed_id AS feedId, c.id AS articleId
      FROM articles x CROSS JOIN articles c ON c.link = x.link AND c.seq <> x.seq CROSS JOIN chat_deliveries d ON d.article_seq = c.seq
      WHERE x.seq IN (SELECT value FROM json_each(@seqs)) AND d.chat_id IN (SELECT value FROM json_each(@chats))`,
  );

  let prepared: ReturnType<typeof prepareReceivedCopies> | undefined;
  const receivedCopiesStatement = () => (prepared ??= prepareReceivedCopies());

  const isStored = db.prepare<[number], number>('SELECT 1 FROM subscribers WHERE chat_id = ?').pluck();
  // A chat deleted (/stop's button) or moved (migrate_to_chat_id) since its message went out has no
  // row to hang receipts on: skipped, not a foreign-key error that rolls back the whole batch.
  const record = (chatId: number, seqs: readonly number[], via: DeliveryVia, now: number) => {
    if (seqs.length === 0 || isStored.get(chatId) === undefined) return;
    for (const seq of seqs) insertDelivery.run(chatId, seq, now, via);
    noteLastDelivery.run(now, chatId);
  };

  return {
    find: load,
    ensure(chat, now) {
      insertChat.run({ ...chat, now });
      return load(chat.chatId) as Subscriber;
    },
    update(chatId, patch, now) {
      const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [keyof SubscriberPatch, unknown][];
      if (entries.length > 0) {
        const sets = entries.map(([key]) => `${PATCH_COLUMNS[key]} = ?`).join(', ');
        db.prepare(`UPDATE subscribers SET ${sets}, updated_at = ? WHERE chat_id = ?`).run(...entries.map(([, v]) => v), now, chatId);
      }
      return load(chatId);
    },
    subscribe: db.transaction((chatId: number, items: readonly Subscription[], now: number) => {
      if (!selectOne.get(chatId)) return null;
      for (const item of items) insertSub.run(chatId, item.kind, item.value);
      if (items.length > 0) startFollowing.run(now, chatId);
      reactivate.run(now, chatId);
      return load(chatId);
    }),
    unsubscribe: db.transaction((chatId: number, items: readonly Subscription[], now: number) => {
      for (const item of items) deleteSub.run(chatId, item.kind, item.value);
      stopFollowingIfNothing.run(chatId, chatId);
      touch.run(now, chatId);
      return load(chatId);
    }),
    stop: db.transaction((chatId: number, now: number) => {
      db.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(chatId);
      db.prepare("UPDATE subscribers SET active = 0, blocked_reason = 'stopped', following_since = NULL, updated_at = ? WHERE chat_id = ?").run(now, chatId);
      return load(chatId);
    }),
    remove(chatId) {
      return db.prepare('DELETE FROM subscribers WHERE chat_id = ?').run(chatId).changes > 0;
    },
    markReachable(chatId, now) {
      db.prepare(
        `UPDATE subscribers SET active = 1, blocked_reason = NULL, updated_at = ?
         WHERE chat_id = ? AND active = 0 AND blocked_reason IS NOT 'stopped'`,
      ).run(now, chatId);
      return load(chatId);
    },
    markInactive(chatId, reason, now) {
      // A chat that chose /stop stays stopped: "kicked" in its place would let markReachable wake it.
      db.prepare("UPDATE subscribers SET active = 0, blocked_reason = ?, updated_at = ? WHERE chat_id = ? AND blocked_reason IS NOT 'stopped'").run(reason, now, chatId);
    },
    moveChat: db.transaction((oldChatId: number, newChatId: number, now: number) => {
      if (oldChatId === newChatId || !selectOne.get(oldChatId)) return;
      if (selectOne.get(newChatId)) db.prepare('DELETE FROM subscribers WHERE chat_id = ?').run(newChatId);
      db.prepare("UPDATE subscribers SET chat_id = ?, chat_type = 'supergroup', updated_at = ? WHERE chat_id = ?").run(newChatId, now, oldChatId);
      // The outbox has no foreign key to follow: without this the worker finds no chat at the old id and drops them.
      db.prepare("UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND state IN ('pending', 'sending')").run(newChatId, oldChatId);
    }),
    listDigestSchedules: () => selectSchedules.all().map((row) => ({
      chatId: row.chat_id,
      timezone: row.timezone,
      digestTime: row.digest_time,
      lastDigestDate: row.last_digest_date,
      lastDigestAt: row.last_digest_at,
      followingSince: row.following_since,
    })),
    markDigestSent(chatId, localDate, at) {
      db.prepare('UPDATE subscribers SET last_digest_date = ?, last_digest_at = ?, updated_at = ? WHERE chat_id = ?').run(localDate, at, at, chatId);
    },
    unseenBriefings: (chatId, feedIds, limit) => briefingsOf(feedIds, limit, chatId),
    recentBriefings: (feedIds, limit) => briefingsOf(feedIds, limit, null),
    receivedCopies: (chatIds, articleSeqs) => chatIds.length === 0 || articleSeqs.length === 0 ? []
      : receivedCopiesStatement().all({ chats: JSON.stringify(chatIds), seqs: JSON.stringify(articleSeqs) }),
    recordDeliveries: db.transaction(record),
    recordDeliveryBatch: db.transaction((records: readonly DeliveryRecord[]) => {
      for (const entry of records) record(entry.chatId, entry.seqs, entry.via, entry.at);
    }),
    // Seqs grow with first-seen time, so "seq at most S" is "first seen before `before`" (see
    // seq-by-time.ts; a clock set back could make a few later articles count as old: they then
    // read as received).
    raiseDeliveryHorizon(before) {
      const through = lastSeqSeenBefore(before);
      if (through !== null) raiseHorizon.run(through);
    },
    forgetDeliveriesBelowHorizon: (limit) => deleteBelowHorizon.run(limit).changes,
    // Kept on the chat (migration 007): housekeeping forgets old receipts, not when the last one came.
    lastDeliveryAt: (chatId) => selectLastDelivery.get(chatId)?.at ?? null,
    stats() {
      const rows = db.prepare<[], { chat_type: ChatType; active: number; n: number }>(
        'SELECT chat_type, active, COUNT(*) AS n FROM subscribers GROUP BY chat_type, active',
      ).all();
      const byType: Record<ChatType, number> = { private: 0, group: 0, supergroup: 0, channel: 0 };
      let active = 0;
      let inactive = 0;
      for (const row of rows) {
        byType[row.chat_type] += row.n;
        if (row.active === 1) active += row.n;
        else inactive += row.n;
      }
      return { total: active + inactive, active, inactive, byType } satisfies SubscriberStats;
    },
  };
}

function toSubscriber(row: SubscriberRow, subscriptions: readonly Subscription[]): Subscriber {
  return {
    chatId: row.chat_id,
    chatType: row.chat_type,
    title: row.title,
    language: row.language,
    timezone: row.timezone,
    digestTime: row.digest_time,
    topics: subscriptions.filter((sub) => sub.kind === 'topic').map((sub) => sub.value),
    feeds: subscriptions.filter((sub) => sub.kind === 'feed').map((sub) => sub.value),
    active: row.active === 1,
    createdAt: row.created_at,
    followingSince: row.following_since,
    lastDigestDate: row.last_digest_date,
    lastDigestAt: row.last_digest_at,
    threadId: row.thread_id,
  };
}
