import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { linkOf } from '../../src/core/story-keys.js';
import { contentHash } from '../../src/feeds/content-hash.js';
import { createDigestNow } from '../../src/jobs/digest-now.js';
import { sendDueDigests, type SendDigestsDeps } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { initialFeedRecord } from '../../src/store/feed-repository.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { SEED_CATALOG, seedChats } from '../helpers/delivery-seed.js';

const logger = createSilentLogger();
const HOUR = 3_600_000;
/** 07:30 in Amsterdam on Monday 7 December 2026, and on the Tuesday. */
const MONDAY = Date.parse('2026-12-07T06:30:00Z');
const TUESDAY = MONDAY + 24 * HOUR;

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-repeats-'));
  db = openDatabase(join(dir, 'repeats.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stores an article as a poll of `feedId` would and its briefing (headline = title), made at `at`. */
function ingest(feedId: string, guid: string, url: string, title: string, at: number): number {
  const articles = createSqliteArticleRepository(db);
  const base: Article = { id: `guid:${guid}`, feedId, guid, url, title, publishedAt: at, author: null, categories: [], summary: `${title}.`, content: '', summaryHtml: null, contentHtml: null };
  const [stored] = articles.recordPoll(feedId, { state: initialFeedRecord(feedId, `https://${feedId}.example/rss`), upserts: [{ ...base, contentHash: contentHash(base), link: linkOf(url) }], seenAt: at }).inserted;
  articles.saveBriefing(stored!.seq, { headline: title, sentences: [`${title} today.`], language: 'en', words: 3, chars: 20, method: 'lead' }, at);
  return stored!.seq;
}

let copyQueries = 0;
const deps = (): SendDigestsDeps => {
  const subscribers = createSqliteSubscriberRepository(db);
  return {
    subscribers: { find: subscribers.find, listDigestSchedules: subscribers.listDigestSchedules, receivedCopies: (chats, seqs) => (copyQueries += 1, subscribers.receivedCopies(chats, seqs)) },
    articles: createSqliteArticleRepository(db),
    outbox: createSqliteOutboxRepository(db),
    catalog: SEED_CATALOG,
    options: { topN: 8, quietLine: false, catchUpHours: 3 },
    logger,
  };
};
const digestText = (chatId: number, at: number) =>
  (db.prepare('SELECT payload FROM outbox WHERE chat_id = ? AND created_at = ?').pluck().all(chatId, at) as string[]).map((p) => (JSON.parse(p) as { text: string }).text).join('\n');

/** Monday: world-a carries a storm and a budget story; chat 1 (both feeds, since Sunday) gets them in its digest; chat 2 starts later that day. */
function monday(): void {
  seedChats(db, [{ chatId: 1 }], MONDAY - 24 * HOUR);
  ingest('world-a', 'a-storm', 'https://news.example/storm?utm_source=rss', 'Storm floods the coast', MONDAY - 2 * HOUR);
  ingest('world-a', 'a-budget', 'https://news.example/budget', 'Budget passes parliament', MONDAY - HOUR);
}
/** Tuesday: tech-b carries Monday's storm link, world-a reissues the budget item under a new guid, and one story is new. */
function tuesday(): void {
  ingest('tech-b', 'b-storm', 'https://News.example/storm#live', 'Coast flooded by storm', TUESDAY - 3 * HOUR);
  ingest('world-a', 'a-budget-again', 'https://news.example/budget', 'Budget passes parliament', TUESDAY - 2 * HOUR);
  ingest('tech-b', 'b-chips', 'https://b.example/chips', 'Chip maker grows', TUESDAY - HOUR);
}

describe('a story a chat had yesterday, carried again today under another article (SQLite file)', () => {
  it('is left out of today\'s digest for that chat, and shown to a chat that never had it; one look-up per tick', async () => {
    monday();
    expect(await sendDueDigests(deps(), MONDAY)).toMatchObject({ done: 1 });
    expect(digestText(1, MONDAY)).toContain('Storm floods the coast');
    seedChats(db, [{ chatId: 2 }], MONDAY + HOUR);
    tuesday();

    copyQueries = 0;
    expect(await sendDueDigests(deps(), TUESDAY)).toMatchObject({ due: 2, done: 2 });
    expect(copyQueries).toBe(1);
    const one = digestText(1, TUESDAY);
    expect(one).toContain('Chip maker grows');
    expect(one).not.toContain('Coast flooded by storm');
    expect(one).not.toContain('Budget passes parliament');
    const two = digestText(2, TUESDAY);
    for (const headline of ['Chip maker grows', 'Coast flooded by storm', 'Budget passes parliament']) expect(two).toContain(headline);
  });

  it('is left out of /digest and of /latest for that chat', async () => {
    monday();
    await sendDueDigests(deps(), MONDAY);
    tuesday();
    const subscribers = createSqliteSubscriberRepository(db);
    const digestNow = createDigestNow({ articles: createSqliteArticleRepository(db), subscribers, catalog: SEED_CATALOG, options: { topN: 8 } });
    const now = await digestNow(subscribers.find(1)!, TUESDAY - 30 * 60_000);
    expect(now?.digest.sections.flatMap((s) => s.items.map((i) => i.briefing.headline))).toEqual(['Chip maker grows']);

    expect(subscribers.unseenBriefings(1, ['world-a', 'tech-b'], 10).map((b) => b.headline)).toEqual(['Chip maker grows']);
    // Received through /latest counts the same; a chat that had neither copy is offered both.
    seedChats(db, [{ chatId: 3 }], TUESDAY);
    const [storm] = subscribers.recentBriefings(['tech-b'], 10).filter((b) => b.headline === 'Coast flooded by storm');
    subscribers.recordDeliveries(3, [storm!.articleSeq], 'latest', TUESDAY);
    expect(subscribers.unseenBriefings(3, ['world-a'], 10).map((b) => b.headline)).toEqual(['Budget passes parliament', 'Budget passes parliament']);
  });
});

describe('articles stored before migration 017 (article links)', () => {
  it('get their link, so a copy after the upgrade is still known', () => {
    db.close();
    const path = join(dir, 'old.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 17));
    old.prepare(`INSERT INTO articles (feed_id, id, url, title, published_at, first_seen_at, updated_at, content_hash)
      VALUES ('world-a', 'guid:a', 'HTTPS://News.example/storm?utm_source=rss&b=2&a=1#x', 't', 0, 0, 0, 'h'), ('world-a', 'guid:b', NULL, 't', 0, 0, 0, 'h')`).run();
    old.close();
    db = openDatabase(path);
    expect(db.prepare('SELECT link FROM articles ORDER BY seq').pluck().all()).toEqual(['https://news.example/storm?a=1&b=2', null]);
  });
});
