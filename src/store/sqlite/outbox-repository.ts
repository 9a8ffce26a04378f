import type { SqliteDatabase } from '../database.js';
import {
  ONCE_KEY_PREFIX,
  type DigestRun,
  type NewOutboxMessage,
  type OutboxKind,
  type OutboxMessage,
  type OutboxRepository,
  type OutboxState,
  type OutboxStats,
} from '../outbox-repository.js';
import { NOTE_LAST_DELIVERY_SQL } from './subscriber-repository.js';

interface OutboxRow {
  id: number;
  key: string;
  chat_id: number;
  kind: OutboxKind;
  priority: number;
  payload: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  telegram_message_id: number | null;
  created_at: number;
  sent_at: number | null;
}

const OPEN = `('pending', 'sending')`;

/**
 * SQLite implementation of the outbox (migration 003). Digest commits also touch the bot's
 * tables from migrations 002 and 007 (`subscribers.last_digest_*` and `last_delivery_at`,
 * `chat_deliveries`) inside the same transaction, which is what makes "one digest per chat and
 * local date in its zone" hold across crashes (claims are keyed by zone since migration 012).
 */
export function createSqliteOutboxRepository(db: SqliteDatabase): OutboxRepository {
  const insert = db.prepare(
    `INSERT INTO outbox (key, chat_id, kind, priority, payload, state, next_attempt_at, created_at)
     VALUES (@key, @chatId, @kind, @priority, @payload, 'pending', @now, @now) ON CONFLICT (key) DO NOTHING`,
  );
  const claimRun = db.prepare(
    'INSERT INTO digest_runs (chat_id, local_date, timezone, created_at, messages) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const lastDigest = db.prepare('UPDATE subscribers SET last_digest_date = ?, last_digest_at = ?, updated_at = ? WHERE chat_id = ?');
  // A key range, so the unique index on key finds them: every key under the prefix sorts below
  // prefix + '~' (once-keys are made of letters, digits, ':', '-' and '_').
  const retireOnce = db.prepare<[number, string, string]>(
    "DELETE FROM outbox WHERE chat_id = ? AND key >= ? AND key < ? || '~' AND state <> 'sending'",
  );
  const lastDelivery = db.prepare<[number, number]>(NOTE_LAST_DELIVERY_SQL);
  const delivered = db.prepare(
    `INSERT OR IGNORE INTO chat_deliveries (chat_id, article_seq, delivered_at, via) VALUES (?, ?, ?, 'digest')`,
  );
  // A chat's parts go in order: only its first unfinished message can be due.
  const FIRST_OPEN = `NOT EXISTS (SELECT 1 FROM outbox p WHERE p.chat_id = o.chat_id AND p.id < o.id AND p.state IN ${OPEN})`;
  // Busy chats are left out here, not after reading: in a broadcast they are the ~200 submitted
  // messages, whose rows and payloads each fill would otherwise read and drop again.
  const due = db.prepare<{ now: number; limit: number; busy: string }, OutboxRow>(
    `SELECT o.* FROM outbox o
      WHERE o.state = 'pending' AND o.next_attempt_at <= @now AND ${FIRST_OPEN}
        AND o.chat_id NOT IN (SELECT value FROM json_each(@busy))
      ORDER BY o.priority DESC, o.id LIMIT @limit`,
  );
  const wake = db.prepare<[], { at: number | null }>(
    `SELECT MIN(o.next_attempt_at) AS at FROM outbox o WHERE o.state = 'pending' AND ${FIRST_OPEN}`,
  );
  const setSending = db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'`);
  const setSent = db.prepare(
    `UPDATE outbox SET state = 'sent', telegram_message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?`,
  );
  // attempts counts HTTP calls (incremented by markSending); a 429 gives its attempt back. A
  // message still `pending` (dropped by the sender before its call) never took one, so keeps its count.
  const setPending = db.prepare(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ?,
       attempts = CASE WHEN state = 'sending' THEN MAX(0, attempts - ?) ELSE attempts END WHERE id = ?`,
  );
  const setFinal = db.prepare(`UPDATE outbox SET state = ?, last_error = ?, sent_at = NULL WHERE id = ?`);
  // A digest's receipts are written with it, at its commit (same chat, same instant). One whose
  // parts were all given up took the chat nothing: without its receipts /latest offers those
  // stories, and their copies are no repeats (core/repeats.ts). A part sent, or one still to be
  // tried, keeps them all.
  const forgetUndelivered = db.prepare<[number]>(
    `DELETE FROM chat_deliveries WHERE via = 'digest'
      AND (chat_id, delivered_at) = (SELECT chat_id, created_at FROM outbox WHERE id = ? AND kind = 'digest')
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.chat_id = chat_deliveries.chat_id AND p.created_at = chat_deliveries.delivered_at
        AND p.kind = 'digest' AND p.state IN ('sent', 'pending', 'sending'))`,
  );
  const giveUp = db.transaction((id: number, state: 'failed' | 'dead', error: string) => {
    setFinal.run(state, error, id);
    forgetUndelivered.run(id);
  });
  const recover = db.prepare<[number], { id: number }>(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = 'recovered after crash while sending'
      WHERE state = 'sending' RETURNING id`,
  );
  const abandon = db.prepare(`UPDATE outbox SET state = 'dead', last_error = ? WHERE chat_id = ? AND state IN ${OPEN}`);
  const move = db.prepare(`UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND state IN ${OPEN}`);
  const unthread = db.prepare(
    `UPDATE outbox SET payload = json_remove(payload, '$.options.message_thread_id') WHERE chat_id = ? AND state IN ${OPEN} AND json_extract(payload, '$.options.message_thread_id') IS NOT NULL`,
  );
  const one = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const counts = db.prepare<[number], { state: OutboxState; n: number }>(
    `SELECT state, COUNT(*) AS n FROM outbox WHERE state <> 'sent' GROUP BY state
     UNION ALL SELECT 'sent', COUNT(*) FROM outbox WHERE state = 'sent' AND sent_at >= ?`,
  );
  const inactive = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM subscribers WHERE active = 0');

  const enqueueAll = (messages: readonly NewOutboxMessage[], now: number): number => {
    let inserted = 0;
    for (const message of messages) {
      inserted += insert.run({
        key: message.key,
        chatId: message.chatId,
        kind: message.kind,
        priority: message.priority,
        payload: JSON.stringify(message.payload),
        now,
      }).changes;
    }
    return inserted;
  };

  // Sent messages are found through the outbox_sent_at index; failed and dead ones are few.
  const pruneSent = db.prepare<[number, number]>(
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 'sent' AND sent_at < ?
      AND substr(key, 1, ${ONCE_KEY_PREFIX.length}) <> '${ONCE_KEY_PREFIX}' LIMIT ?)`,
  );
  const pruneGivenUp = db.prepare<[number, number]>(
    "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state IN ('failed', 'dead') AND created_at < ? LIMIT ?)",
  );
  const pruneRuns = db.prepare<[number, number]>(
    `DELETE FROM digest_runs WHERE (chat_id, local_date, timezone) IN
      (SELECT chat_id, local_date, timezone FROM digest_runs WHERE created_at < ? LIMIT ?)`,
  );

  return {
    enqueue: db.transaction(enqueueAll),
    // One commit for many chats: at the popular minute, 20,000 commits of one chat each were
    // most of the tick's 6.7 s.
    commitDigests: db.transaction((runs: readonly DigestRun[], now: number): boolean[] => runs.map((run) => {
      if (claimRun.run(run.chatId, run.localDate, run.timezone, now, run.messages.length).changes === 0) return false;
      enqueueAll(run.messages, now);
      for (const seq of run.articleSeqs) delivered.run(run.chatId, seq, now);
      if (run.articleSeqs.length > 0) lastDelivery.run(now, run.chatId);
      lastDigest.run(run.localDate, now, now, run.chatId);
      if (run.retiresOnceKeys !== undefined) retireOnce.run(run.chatId, run.retiresOnceKeys, run.retiresOnceKeys);
      return true;
    })),
    recoverInFlight: (now) => recover.all(now).map((row) => row.id),
    nextDue: (now, limit, busyChats) => due.all({ now, limit, busy: JSON.stringify([...busyChats]) }).map(toMessage),
    nextWakeAt: () => wake.get()?.at ?? null,
    markSending: (id) => setSending.run(id).changes === 1,
    markSent(id, telegramMessageId, now) {
      setSent.run(telegramMessageId, now, id);
    },
    reschedule(id, at, error, countAttempt) {
      setPending.run(at, error, countAttempt ? 0 : 1, id);
    },
    markFailed(id, error) {
      giveUp(id, 'failed', error);
    },
    markDead(id, error) {
      giveUp(id, 'dead', error);
    },
    abandonChat: (chatId, reason) => abandon.run(reason, chatId).changes,
    moveChat: (oldChatId, newChatId) => move.run(newChatId, oldChatId).changes,
    leaveThread: (chatId) => unthread.run(chatId).changes,
    get(id) {
      const row = one.get(id);
      return row ? toMessage(row) : null;
    },
    stats(dayStart): OutboxStats {
      const byState = new Map(counts.all(dayStart).map((row) => [row.state, row.n]));
      return {
        pending: byState.get('pending') ?? 0,
        sending: byState.get('sending') ?? 0,
        sentToday: byState.get('sent') ?? 0,
        failed: byState.get('failed') ?? 0,
        dead: byState.get('dead') ?? 0,
        inactiveChats: inactive.get()?.n ?? 0,
      };
    },
    pruneMessagesBefore(before, limit) {
      const sent = pruneSent.run(before, limit).changes;
      return sent < limit ? sent + pruneGivenUp.run(before, limit - sent).changes : sent;
    },
    pruneDigestRunsBefore: (before, limit) => pruneRuns.run(before, limit).changes,
  };
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    key: row.key,
    chatId: row.chat_id,
    kind: row.kind,
    priority: row.priority,
    payload: JSON.parse(row.payload) as OutboxMessage['payload'],
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    telegramMessageId: row.telegram_message_id,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
