import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendDueDigests, type SendDigestsDeps } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { SEED_CATALOG, seedBriefings } from '../helpers/delivery-seed.js';

const logger = createSilentLogger();
const MINUTE = 60_000;
const DAY = 86_400_000;
/** 07:30 in Amsterdam on 7 December 2026: the chats' digest time. */
const DIGEST = Date.parse('2026-12-07T06:30:00Z');

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-first-'));
  db = openDatabase(join(dir, 'first.db'));
  seedBriefings(db, DIGEST, 4);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const deps = (): SendDigestsDeps => ({
  subscribers: createSqliteSubscriberRepository(db),
  articles: createSqliteArticleRepository(db),
  outbox: createSqliteOutboxRepository(db),
  catalog: SEED_CATALOG,
  options: { topN: 8, quietLine: true, catchUpHours: 3 },
  logger,
});
const claims = () => db.prepare('SELECT chat_id, local_date FROM digest_runs ORDER BY chat_id').all();
const newChat = (chatId: number, at: number) => createSqliteSubscriberRepository(db).ensure(
  { chatId, chatType: chatId < 0 ? 'channel' : 'private', title: null, language: 'en', timezone: 'Europe/Amsterdam', digestTime: '07:30' }, at);
const follow = (chatId: number, at: number) => createSqliteSubscriberRepository(db).subscribe(chatId, [{ kind: 'topic', value: 'world' }], at);

describe('the first digest of a chat that begins to follow after its digest time (sendDueDigests on a SQLite file)', () => {
  it('is tomorrow\'s for a new chat (no public catch-up for /subscribe @channel) and for one that followed nothing at its time alike', async () => {
    newChat(2, DIGEST - DAY); // there since yesterday, following nothing
    expect(await sendDueDigests(deps(), DIGEST)).toMatchObject({ due: 0 });
    newChat(-100, DIGEST + 5 * MINUTE);
    follow(-100, DIGEST + 5 * MINUTE);
    follow(2, DIGEST + 5 * MINUTE);
    for (let now = DIGEST + 6 * MINUTE; now < DIGEST + 4 * 60 * MINUTE; now += 10 * MINUTE) {
      expect(await sendDueDigests(deps(), now)).toMatchObject({ due: 0 });
    }
    expect(claims()).toEqual([]);
    expect(await sendDueDigests(deps(), DIGEST + DAY)).toMatchObject({ due: 2, quiet: 2, failed: [] });
    expect(claims()).toEqual([{ chat_id: -100, local_date: '2026-12-08' }, { chat_id: 2, local_date: '2026-12-08' }]);
  });

  it('still catches up a digest missed during downtime by a chat that followed before its time', async () => {
    newChat(1, DIGEST - DAY);
    follow(1, DIGEST - DAY);
    expect(await sendDueDigests(deps(), DIGEST + 2 * 60 * MINUTE)).toMatchObject({ due: 1, done: 1 });
  });
});

describe('chats of a database made before migration 018 (following since)', () => {
  it('follow since they were created if they follow something, and not at all otherwise', () => {
    db.close();
    const path = join(dir, 'old.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 18));
    const chat = old.prepare(`INSERT INTO subscribers (chat_id, chat_type, language, timezone, digest_time, active, created_at, updated_at)
      VALUES (?, 'private', 'en', 'Europe/Amsterdam', '07:30', 1, ?, ?)`);
    chat.run(1, DIGEST - DAY, DIGEST);
    chat.run(2, DIGEST - DAY, DIGEST);
    old.prepare("INSERT INTO subscriptions (chat_id, kind, value) VALUES (1, 'topic', 'world')").run();
    old.close();
    db = openDatabase(path);
    const subscribers = createSqliteSubscriberRepository(db);
    expect([subscribers.find(1)?.followingSince, subscribers.find(2)?.followingSince]).toEqual([DIGEST - DAY, null]);
    expect(subscribers.listDigestSchedules().map((s) => s.chatId)).toEqual([1]);
  });
});
