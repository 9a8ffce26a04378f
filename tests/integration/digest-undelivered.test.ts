import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueDigests } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';

/** 07:30 in Amsterdam on 7 December 2026: both chats' digest time. */
const DIGEST = Date.parse('2026-12-07T06:30:00Z');
const HOURS = 3_600_000;

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-undelivered-'));
  db = openDatabase(join(dir, 'undelivered.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a digest Telegram never took (an outage longer than the retries, or refused for good)', () => {
  it('counts none of its stories as received, so /latest offers them; a digest that reached the chat keeps its receipts', async () => {
    seedBriefings(db, DIGEST, 4);
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3 }], DIGEST - 24 * HOURS);
    const subscribers = createSqliteSubscriberRepository(db);
    const outbox = createSqliteOutboxRepository(db);
    await sendDueDigests({ subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger: createSilentLogger() }, DIGEST);
    const partOf = (chatId: number) => db.prepare('SELECT id FROM outbox WHERE chat_id = ?').pluck().get(chatId) as number;
    const feeds = SEED_CATALOG.map((feed) => feed.id);
    expect(subscribers.unseenBriefings(1, feeds, 10)).toEqual([]);

    outbox.markFailed(partOf(1), 'telegram: 502 Bad Gateway', DIGEST + 4 * HOURS);
    outbox.markDead(partOf(2), 'telegram: 400 Bad Request: message is too long', DIGEST + 60_000);
    outbox.markSent(partOf(3), 77, DIGEST + 60_000);
    expect(subscribers.unseenBriefings(1, feeds, 10)).toHaveLength(4);
    expect(subscribers.unseenBriefings(2, feeds, 10)).toHaveLength(4);
    expect(subscribers.unseenBriefings(3, feeds, 10)).toEqual([]);
  });

  it('keeps the receipts of a digest in two parts while one is still to be tried, and forgets them once both are given up', () => {
    seedBriefings(db, DIGEST, 2);
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }], DIGEST - 24 * HOURS);
    const subscribers = createSqliteSubscriberRepository(db);
    const outbox = createSqliteOutboxRepository(db);
    const seqs = db.prepare('SELECT seq FROM articles ORDER BY seq').pluck().all() as number[];
    const part = (chatId: number, n: number) => ({ key: `digest:${chatId}:2026-12-07:Europe/Amsterdam:${n}`, chatId, kind: 'digest' as const, priority: 0, payload: { text: `part ${n}` } });
    outbox.commitDigests([1, 2].map((chatId) => ({ chatId, localDate: '2026-12-07', timezone: 'Europe/Amsterdam', messages: [part(chatId, 1), part(chatId, 2)], articleSeqs: seqs })), DIGEST);
    const partsOf = (chatId: number) => db.prepare('SELECT id FROM outbox WHERE chat_id = ? ORDER BY id').pluck().all(chatId) as number[];
    const feeds = SEED_CATALOG.map((feed) => feed.id);

    const [first, second] = partsOf(1);
    outbox.markFailed(first!, 'telegram: 502 Bad Gateway', DIGEST + 4 * HOURS);
    expect(subscribers.unseenBriefings(1, feeds, 10)).toEqual([]);
    outbox.markFailed(second!, 'telegram: 502 Bad Gateway', DIGEST + 4 * HOURS);
    expect(subscribers.unseenBriefings(1, feeds, 10)).toHaveLength(2);

    const [dead, sent] = partsOf(2);
    outbox.markDead(dead!, 'telegram: 400 Bad Request', DIGEST + 60_000);
    outbox.markSent(sent!, 78, DIGEST + 120_000);
    expect(subscribers.unseenBriefings(2, feeds, 10)).toEqual([]);
  });
});
