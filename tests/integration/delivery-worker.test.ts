import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { outboxStats } from '../../src/jobs/outbox-stats.js';
import { sendDueDigests, type SendDigestsDeps } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import type { OutgoingMessage, Transport } from '../../src/telegram/bot-api-transport.js';
import type { SendOutcome } from '../../src/telegram/send-errors.js';
import { createSender } from '../../src/telegram/sender.js';
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';

const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z'); // 07:30 in Amsterdam
const logger = createSilentLogger();

/** Answers per chat from a script; everything else is delivered. Records every delivery. */
function scriptedTransport(script: Record<number, (n: number) => SendOutcome>) {
  const delivered = new Map<number, string[]>();
  const calls = new Map<number, number>();
  const transport: Transport = {
    async sendMessage(message: OutgoingMessage) {
      const n = (calls.get(message.chatId) ?? 0) + 1;
      calls.set(message.chatId, n);
      const outcome = script[message.chatId]?.(n) ?? { kind: 'sent', messageId: n };
      if (outcome.kind === 'sent') delivered.set(message.chatId, [...(delivered.get(message.chatId) ?? []), message.text]);
      return outcome;
    },
  };
  return { transport, delivered, calls };
}

describe('outbox worker and digest tick on SQLite', () => {
  let dir: string;
  let db: SqliteDatabase;
  let worker: DeliveryWorker | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-delivery-'));
    db = openDatabase(join(dir, 'test.db'));
    seedBriefings(db, DIGEST_MINUTE, 20);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = (): SendDigestsDeps => ({
    subscribers: createSqliteSubscriberRepository(db),
    articles: createSqliteArticleRepository(db),
    outbox: createSqliteOutboxRepository(db),
    catalog: SEED_CATALOG,
    options: { topN: 8, quietLine: false, catchUpHours: 3 },
    logger,
  });

  async function deliver(transport: Transport, maxAttempts = 4): Promise<void> {
    const outbox = createSqliteOutboxRepository(db);
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 200, groupPerMinute: 6000, clock: Date.now });
    worker = createDeliveryWorker({
      outbox, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger, maxAttempts, baseBackoffMs: 5, maxBackoffMs: 20,
    });
    worker.start();
    for (let i = 0; i < 500; i++) {
      const stats = outbox.stats(0);
      if (stats.pending === 0 && stats.sending === 0 && worker.inFlight() === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.stop();
    sender.close();
  }

  it('delivers every due chat its digest once; blocked and vanished chats are marked inactive and skipped', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3, language: 'nl' }, { chatId: 4 }, { chatId: 5, digestTime: null }], DIGEST_MINUTE);
    const report = sendDueDigests(deps(), DIGEST_MINUTE);
    expect(report).toMatchObject({ due: 4, done: 4, alreadySent: 0, failed: [] });
    const { transport, delivered } = scriptedTransport({
      2: () => ({ kind: 'chat_gone', reason: 'telegram: 403 Forbidden: bot was blocked by the user' }),
      4: () => ({ kind: 'chat_gone', reason: 'telegram: 400 Bad Request: chat not found' }),
    });
    await deliver(transport);
    expect(delivered.get(1)).toHaveLength(1);
    expect(delivered.get(1)![0]).toContain('Your digest');
    expect(delivered.get(3)![0]).toContain('Je overzicht');
    expect([...delivered.keys()].sort()).toEqual([1, 3]);
    const subscribers = createSqliteSubscriberRepository(db);
    expect(subscribers.find(2)?.active).toBe(false);
    expect(subscribers.find(4)?.active).toBe(false);
    expect(subscribers.find(1)?.lastDigestDate).toBe('2025-06-02');
    expect(outboxStats(createSqliteOutboxRepository(db), DIGEST_MINUTE, 'Europe/Amsterdam')).toMatchObject({ pending: 0, dead: 2, inactiveChats: 2 });
    // The next day, inactive chats are not even considered.
    const nextDay = sendDueDigests(deps(), DIGEST_MINUTE + 86_400_000);
    expect(nextDay.due).toBe(2);
  });

  it('moves a migrated group to its new id and delivers there', async () => {
    seedChats(db, [{ chatId: -42 }], DIGEST_MINUTE);
    sendDueDigests(deps(), DIGEST_MINUTE);
    const { transport, delivered } = scriptedTransport({
      [-42]: () => ({ kind: 'migrated', newChatId: -1004242, reason: 'telegram: 400 group chat was upgraded to a supergroup chat' }),
    });
    await deliver(transport);
    expect(delivered.get(-1004242)).toHaveLength(1);
    expect(delivered.has(-42)).toBe(false);
    const subscribers = createSqliteSubscriberRepository(db);
    expect(subscribers.find(-42)).toBeNull();
    expect(subscribers.find(-1004242)?.chatType).toBe('supergroup');
  });

  it('retries 5xx with back-off, then records the message as failed with the reason', async () => {
    seedChats(db, [{ chatId: 7 }, { chatId: 8 }], DIGEST_MINUTE);
    sendDueDigests(deps(), DIGEST_MINUTE);
    const { transport, delivered, calls } = scriptedTransport({
      7: (n) => (n < 3 ? { kind: 'transient', reason: 'telegram: 502 Bad Gateway' } : { kind: 'sent', messageId: 99 }),
      8: () => ({ kind: 'transient', reason: 'telegram: 500 Internal Server Error' }),
    });
    await deliver(transport, 4);
    expect(delivered.get(7)).toHaveLength(1);
    expect(calls.get(8)).toBe(4);
    const row = db.prepare(`SELECT state, attempts, last_error FROM outbox WHERE chat_id = 8`).get();
    expect(row).toEqual({ state: 'failed', attempts: 4, last_error: 'telegram: 500 Internal Server Error' });
    expect(db.prepare(`SELECT telegram_message_id FROM outbox WHERE chat_id = 7`).get()).toEqual({ telegram_message_id: 99 });
  });

  it('writes no second digest for the same local date, even with stale chat data after a restart', () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2, timezone: 'Asia/Kolkata', digestTime: '11:00' }], DIGEST_MINUTE);
    const staleSubscribers = createSqliteSubscriberRepository(db).listActive();
    expect(sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ done: 2 });
    // Same minute again, as after a crash and restart.
    expect(sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ due: 0 });
    // A restarted process that read the chats before the commit still cannot write a second one.
    const stale = { ...deps(), subscribers: { listActive: () => staleSubscribers } };
    expect(sendDueDigests(stale, DIGEST_MINUTE + 60_000)).toMatchObject({ due: 2, done: 0, alreadySent: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 2 });
  });

  it('sends nothing on a quiet day unless the quiet line is on, and still records the day', () => {
    db.exec('DELETE FROM briefings');
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }], DIGEST_MINUTE);
    expect(sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ due: 2, done: 0, quiet: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM digest_runs').get()).toEqual({ n: 2 });
    const quietDeps = { ...deps(), options: { topN: 8, quietLine: true, catchUpHours: 3 } };
    sendDueDigests(quietDeps, DIGEST_MINUTE + 86_400_000);
    const texts = db.prepare<[], { payload: string }>('SELECT payload FROM outbox').all().map((row) => JSON.parse(row.payload).text as string);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('quiet day');
  });

  it('shares one rendering between chats with the same content and records the shown articles as received', () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3, topics: ['tech'] }], DIGEST_MINUTE);
    sendDueDigests(deps(), DIGEST_MINUTE);
    const texts = db.prepare<[], { chat_id: number; payload: string }>('SELECT chat_id, payload FROM outbox ORDER BY chat_id').all();
    expect(texts[0]!.payload).toBe(texts[1]!.payload);
    expect(texts[2]!.payload).not.toBe(texts[0]!.payload);
    expect(texts[0]!.payload).toContain('+12 more: /latest');
    expect(db.prepare('SELECT COUNT(*) AS n FROM chat_deliveries WHERE chat_id = 1').get()).toEqual({ n: 8 });
  });
});
