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
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';
import { seedBriefings as seedStories } from '../helpers/seed-briefings.js';

const logger = createSilentLogger();
const at = (iso: string) => Date.parse(iso);
/** 07:30 on 7 December 2026 in Tokyo; in Honolulu it is then 12:30 on 6 December. */
const TOKYO_DIGEST = at('2026-12-06T22:30:00Z');

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-zone-'));
});
afterEach(() => {
  db?.close();
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
const claims = () => db.prepare('SELECT chat_id, local_date, timezone FROM digest_runs ORDER BY created_at').all();

describe('a chat that moves west after its digest (sendDueDigests on a SQLite file)', () => {
  it('gets Tokyo\'s 7 December and then Honolulu\'s, each written once; a repeated tick writes nothing', async () => {
    db = openDatabase(join(dir, 'zones.db'));
    seedBriefings(db, TOKYO_DIGEST, 4);
    seedChats(db, [{ chatId: 1, timezone: 'Asia/Tokyo' }], TOKYO_DIGEST - 86_400_000);
    expect(await sendDueDigests(deps(), TOKYO_DIGEST)).toMatchObject({ due: 1, done: 1 });
    const subscribers = createSqliteSubscriberRepository(db);
    subscribers.update(1, { timezone: 'Pacific/Honolulu' }, TOKYO_DIGEST + 30 * 60_000);

    const honoluluDigest = at('2026-12-07T17:30:00Z'); // 07:30 on 7 December in Honolulu
    seedStories(db, [1, 2].map((n) => ({ feedId: 'world-a', headline: `News of the day in Honolulu ${n}`, createdAt: honoluluDigest - n * 3_600_000 })));
    expect(await sendDueDigests(deps(), honoluluDigest - 60_000)).toMatchObject({ due: 0 });
    const staleSchedules = subscribers.listDigestSchedules();
    expect(await sendDueDigests(deps(), honoluluDigest)).toMatchObject({ due: 1, done: 1, alreadySent: 0 });
    expect(claims()).toEqual([
      { chat_id: 1, local_date: '2026-12-07', timezone: 'Asia/Tokyo' },
      { chat_id: 1, local_date: '2026-12-07', timezone: 'Pacific/Honolulu' },
    ]);
    const keys = () => db.prepare('SELECT key FROM outbox ORDER BY id').pluck().all();
    expect(keys()).toEqual(['digest:1:2026-12-07:Asia/Tokyo:1', 'digest:1:2026-12-07:Pacific/Honolulu:1']);

    // The same minute again (a restart), and a tick that read the chats before the commit.
    expect(await sendDueDigests(deps(), honoluluDigest)).toMatchObject({ due: 0 });
    const stale = { ...deps(), subscribers: { find: subscribers.find, receivedCopies: subscribers.receivedCopies, listDigestSchedules: () => staleSchedules } };
    expect(await sendDueDigests(stale, honoluluDigest + 60_000)).toMatchObject({ due: 1, done: 0, alreadySent: 1 });
    expect(claims()).toHaveLength(2);
    expect(keys()).toHaveLength(2);
  });
});

describe('digest claims of a database made before migration 012 (claims keyed by zone)', () => {
  it('keeps the old claims and a digest waiting in the outbox, which is neither lost nor made again', async () => {
    const path = join(dir, 'old.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 12));
    seedBriefings(old, TOKYO_DIGEST, 4);
    // The chat, and what the previous version's digest commit left: its claim, its waiting part,
    // the chat's last digest (written as that version did: today's repository needs today's schema).
    old.prepare(`INSERT INTO subscribers (chat_id, chat_type, language, timezone, digest_time, active, created_at, updated_at, last_digest_date, last_digest_at)
      VALUES (1, 'private', 'en', 'Asia/Tokyo', '07:30', 1, ?, ?, '2026-12-07', ?)`).run(TOKYO_DIGEST - 86_400_000, TOKYO_DIGEST, TOKYO_DIGEST);
    old.prepare("INSERT INTO subscriptions (chat_id, kind, value) VALUES (1, 'topic', 'world'), (1, 'topic', 'tech')").run();
    old.prepare("INSERT INTO digest_runs (chat_id, local_date, created_at, messages) VALUES (1, '2026-12-07', ?, 1)").run(TOKYO_DIGEST);
    old.prepare(`INSERT INTO outbox (key, chat_id, kind, payload, state, next_attempt_at, created_at)
      VALUES ('digest:1:2026-12-07:1', 1, 'digest', '{"text":"Your digest"}', 'pending', ?, ?)`).run(TOKYO_DIGEST, TOKYO_DIGEST);
    old.close();

    db = openDatabase(path);
    expect(db.prepare('SELECT chat_id, local_date, timezone, created_at, messages FROM digest_runs').all()).toEqual([
      { chat_id: 1, local_date: '2026-12-07', timezone: '', created_at: TOKYO_DIGEST, messages: 1 },
    ]);
    // A restart in the digest minute: the chat's last digest says it had it, so nothing is made again.
    expect(await sendDueDigests(deps(), TOKYO_DIGEST + 60_000)).toMatchObject({ due: 0 });
    const outbox = createSqliteOutboxRepository(db);
    expect(outbox.nextDue(TOKYO_DIGEST + 60_000, 10, new Set()).map((message) => message.key)).toEqual(['digest:1:2026-12-07:1']);
    // A process of the previous version still running on the file cannot claim any more.
    expect(() => db.prepare("INSERT INTO digest_runs (chat_id, local_date, created_at, messages) VALUES (2, '2026-12-07', 1, 1) ON CONFLICT DO NOTHING").run())
      .toThrow(/NOT NULL/);
  });
});

describe('a chat whose settings change while the digest minute is being written (sendDueDigests on a SQLite file)', () => {
  it('follows /time off, a later /time and a move east made between groups of chats, instead of the settings read at the start of the tick', async () => {
    db = openDatabase(join(dir, 'popular-minute.db'));
    const minute = at('2026-12-07T06:30:00Z'); // 07:30 in Amsterdam, every chat's digest time
    seedBriefings(db, minute, 4);
    seedChats(db, Array.from({ length: 150 }, (_, i) => ({ chatId: i + 1 })), minute - 86_400_000);
    const subscribers = createSqliteSubscriberRepository(db);
    // The bot answers commands in the turns the tick gives it after each group of 100 chats.
    const commands = async () => {
      subscribers.update(148, { digestTime: null }, minute + 500);
      subscribers.update(149, { digestTime: '08:00' }, minute + 500);
      subscribers.update(150, { timezone: 'Asia/Tokyo' }, minute + 500);
    };
    expect(await sendDueDigests(deps(), minute, { yieldToOthers: commands })).toMatchObject({ due: 150, done: 147 });
    const claimed = (chatId: number) => db.prepare('SELECT local_date, timezone FROM digest_runs WHERE chat_id = ?').all(chatId);
    expect(claimed(147)).toEqual([{ local_date: '2026-12-07', timezone: 'Europe/Amsterdam' }]);
    for (const chatId of [148, 149, 150]) expect(claimed(chatId), String(chatId)).toEqual([]);
    expect(await sendDueDigests(deps(), at('2026-12-07T07:00:00Z'))).toMatchObject({ due: 1, done: 1 });
    expect(claimed(149)).toEqual([{ local_date: '2026-12-07', timezone: 'Europe/Amsterdam' }]);
    // 15:30 in Tokyo: its 07:30 passed long before, so the next is Tokyo's 8 December.
    expect(await sendDueDigests(deps(), at('2026-12-07T22:30:00Z'))).toMatchObject({ due: 1, done: 1 });
    expect(claimed(150)).toEqual([{ local_date: '2026-12-08', timezone: 'Asia/Tokyo' }]);
  });
});
