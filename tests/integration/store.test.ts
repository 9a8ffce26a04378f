import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkOf } from '../../src/core/story-keys.js';
import { contentHash } from '../../src/feeds/content-hash.js';
import type { Article, Briefing } from '../../src/core/types.js';
import type { ArticleUpsert } from '../../src/store/article-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { initialFeedRecord } from '../../src/store/feed-repository.js';
import { ONCE_KEY_PREFIX, type NewOutboxMessage } from '../../src/store/outbox-repository.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteFeedRepository } from '../../src/store/sqlite/feed-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { tempDir } from '../helpers/poll-harness.js';

const T0 = Date.UTC(2024, 4, 6, 12, 0, 0);

function article(feedId: string, n: number, extra: Partial<Article> = {}): ArticleUpsert {
  const base: Article = {
    id: `guid:${feedId}-${n}`, feedId, guid: `${feedId}-${n}`, url: `https://example.test/${feedId}/${n}`,
    title: `Story ${n}`, publishedAt: T0 - n * 60_000, author: 'Desk', categories: ['world', 'politics'],
    summary: `Summary ${n}.`, content: `Content ${n}.`, summaryHtml: `<p>Summary ${n}.</p>`, contentHtml: null, ...extra,
  };
  return { ...base, contentHash: contentHash(base), link: linkOf(base.url) };
}

/** Stores `a` as a version before migration 017 did (today's repository needs today's schema). */
function storeAsBefore(old: SqliteDatabase, a: ArticleUpsert, seenAt: number): void {
  old.prepare(`INSERT INTO articles (feed_id, id, guid, url, title, published_at, first_seen_at, updated_at, content_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(a.feedId, a.id, a.guid, a.url, a.title, a.publishedAt ?? seenAt, seenAt, seenAt, a.contentHash);
}

const briefing = (headline: string): Briefing => ({ headline, sentences: ['One.', 'Two.'], language: 'en', words: 2, chars: 9, method: 'extractive' });

let dir: { dir: string; cleanup: () => void };
let db: SqliteDatabase;
beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.dir, 'store.db'));
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

describe('migrations', () => {
  it('create the feeds, articles and briefings tables with the indexes readers need, and no index no query uses', () => {
    const names = (type: string) => (db.prepare('SELECT name FROM sqlite_master WHERE type = ?').all(type) as Array<{ name: string }>).map((r) => r.name);
    expect(names('table')).toEqual(expect.arrayContaining(['feeds', 'articles', 'briefings']));
    expect(names('index')).toEqual(expect.arrayContaining(['briefings_created', 'feeds_next_poll']));
    expect(names('index')).not.toContain('articles_feed_published');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('leave every look-up of articles by feed an index search, not a scan of the table', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((row) => row.detail).join('; ');
    for (const sql of [
      "SELECT * FROM articles WHERE seq > 0 AND feed_id = 'f' ORDER BY seq LIMIT 10",
      "SELECT count(*) AS n FROM articles WHERE feed_id = 'f'",
      "SELECT seq, content_hash FROM articles WHERE feed_id = 'f' AND id = 'i'",
      "SELECT seq FROM articles WHERE feed_id = 'f' ORDER BY seq DESC LIMIT 50",
    ]) expect(plan(sql)).toMatch(/^SEARCH articles USING (COVERING )?INDEX/);
  });

  it('find the old sent messages and digest claims housekeeping deletes in batches through an index', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((row) => row.detail).join('; ');
    expect(plan("SELECT id FROM outbox WHERE state = 'sent' AND sent_at < 1 AND substr(key, 1, 5) <> 'once:' LIMIT 10")).toMatch(/^SEARCH outbox USING (COVERING )?INDEX outbox_sent_at/);
    expect(plan('SELECT chat_id, local_date, timezone FROM digest_runs WHERE created_at < 1 LIMIT 10')).toMatch(/^SEARCH digest_runs USING (COVERING )?INDEX digest_runs_created/);
  });
});

describe('feed repository', () => {
  it('round-trips a whole feed record', () => {
    const feeds = createSqliteFeedRepository(db);
    expect(feeds.getFeed('a')).toBeNull();
    const record = { ...initialFeedRecord('a', 'https://a.test/feed'), etag: '"x"', ttlMinutes: 30, failing: true, consecutiveFailures: 12, lastError: 'boom', lastErrorAt: T0, nextPollAt: T0 + 1 };
    feeds.saveFeed(record);
    expect(feeds.getFeed('a')).toEqual(record);
    feeds.saveFeed({ ...record, failing: false, consecutiveFailures: 0 });
    expect(feeds.listFeeds()).toHaveLength(1);
    expect(feeds.getFeed('a')?.failing).toBe(false);
  });
});

describe('feed repository: states saved soon (304 answers)', () => {
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const committed = (feedId: string) => createSqliteFeedRepository(openReader()).getFeed(feedId);
  let readers: SqliteDatabase[] = [];
  const openReader = (): SqliteDatabase => {
    const reader = openDatabase(join(dir.dir, 'store.db'));
    readers.push(reader);
    return reader;
  };
  afterEach(() => {
    for (const reader of readers) reader.close();
    readers = [];
  });

  it('are seen by the repository at once and committed together on the next turn of the event loop', async () => {
    const feeds = createSqliteFeedRepository(db);
    feeds.saveFeed(initialFeedRecord('a', 'https://a.test/feed'));
    feeds.saveFeedSoon({ ...initialFeedRecord('a', 'https://a.test/feed'), nextPollAt: T0 });
    feeds.saveFeedSoon({ ...initialFeedRecord('b', 'https://b.test/feed'), nextPollAt: T0 + 1 });
    expect(feeds.getFeed('a')?.nextPollAt).toBe(T0);
    expect(feeds.listFeeds().map((feed) => [feed.feedId, feed.nextPollAt])).toEqual([['a', T0], ['b', T0 + 1]]);
    expect(committed('a')?.nextPollAt).toBe(0);
    expect(committed('b')).toBeNull();
    await nextTurn();
    expect(committed('a')?.nextPollAt).toBe(T0);
    expect(committed('b')?.nextPollAt).toBe(T0 + 1);
  });

  it('give way to a later saveFeed of the same feed, and flushFeeds commits them at once', async () => {
    const feeds = createSqliteFeedRepository(db);
    feeds.saveFeedSoon({ ...initialFeedRecord('a', 'https://a.test/feed'), nextPollAt: T0 });
    feeds.saveFeed({ ...initialFeedRecord('a', 'https://a.test/feed'), nextPollAt: T0 + 5, lastError: 'later' });
    feeds.saveFeedSoon({ ...initialFeedRecord('b', 'https://b.test/feed'), nextPollAt: T0 });
    feeds.flushFeeds();
    expect(committed('b')?.nextPollAt).toBe(T0);
    await nextTurn();
    expect(committed('a')).toMatchObject({ nextPollAt: T0 + 5, lastError: 'later' });
  });

  it('outlast a busy database on the next turn, and are dropped when flushFeeds cannot commit them either', async () => {
    const feeds = createSqliteFeedRepository(db);
    feeds.saveFeed(initialFeedRecord('a', 'https://a.test/feed'));
    db.pragma('busy_timeout = 0');
    const other = openReader();
    other.exec('BEGIN IMMEDIATE');
    feeds.saveFeedSoon({ ...initialFeedRecord('a', 'https://a.test/feed'), nextPollAt: T0 });
    await nextTurn();
    expect(feeds.getFeed('a')?.nextPollAt).toBe(T0);
    other.exec('COMMIT');
    feeds.flushFeeds();
    expect(committed('a')?.nextPollAt).toBe(T0);

    other.exec('BEGIN IMMEDIATE');
    feeds.saveFeedSoon({ ...initialFeedRecord('a', 'https://a.test/feed'), nextPollAt: T0 + 9 });
    expect(() => feeds.flushFeeds()).toThrow(/locked|busy/i);
    other.exec('COMMIT');
    // The committed state, still due: the feed is simply asked again.
    expect(feeds.getFeed('a')?.nextPollAt).toBe(T0);
    await nextTurn();
    expect(committed('a')?.nextPollAt).toBe(T0);
  });
});

describe('article repository: recordPoll', () => {
  it('inserts, updates in place and skips repeats, all with the feed state', () => {
    const articles = createSqliteArticleRepository(db);
    const state = { ...initialFeedRecord('f', 'https://f.test/'), etag: '"1"', lastPolledAt: T0 };
    const first = articles.recordPoll('f', { state, upserts: [article('f', 1), article('f', 2), article('f', 2)], seenAt: T0 });
    expect(first.inserted.map((a) => a.id)).toEqual(['guid:f-1', 'guid:f-2']);
    expect(first.inserted[0]).toMatchObject({ seq: expect.any(Number), firstSeenAt: T0, publishedAt: T0 - 60_000 });
    expect(createSqliteFeedRepository(db).getFeed('f')?.etag).toBe('"1"');

    const edited = article('f', 1, { title: 'Story 1, corrected', publishedAt: null });
    const second = articles.recordPoll('f', { state: { ...state, etag: '"2"' }, upserts: [edited, article('f', 2), article('f', 3, { publishedAt: null })], seenAt: T0 + 1000 });
    expect(second.inserted.map((a) => a.id)).toEqual(['guid:f-3']);
    expect(second.inserted[0]?.publishedAt).toBe(T0 + 1000);
    expect(second).toMatchObject({ unchanged: 1 });
    expect(second.edited.map((record) => record.id)).toEqual([edited.id]);
    expect(second.edited[0]).toMatchObject({ seq: first.inserted[0]?.seq, firstSeenAt: T0, updatedAt: T0 + 1000, publishedAt: T0 - 60_000, title: 'Story 1, corrected' });
    const stored = articles.findArticle('f', 'guid:f-1');
    // Edited in place: same seq, first seen kept, and a date that vanished keeps the stored one.
    expect(stored).toMatchObject({ seq: first.inserted[0]?.seq, title: 'Story 1, corrected', firstSeenAt: T0, updatedAt: T0 + 1000, publishedAt: T0 - 60_000, categories: ['world', 'politics'] });
  });

  it('takes the new hash of an article hashed the old way (migration 004) without calling it an edit', () => {
    db.close();
    const path = join(dir.dir, 'old.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 4));
    const state = initialFeedRecord('f', 'https://f.test/');
    storeAsBefore(old, { ...article('f', 1), contentHash: 'cbf29ce484222325' }, T0);
    old.close();
    db = openDatabase(path);
    const articles = createSqliteArticleRepository(db);
    expect(articles.findArticle('f', 'guid:f-1')?.contentHash).toBe('');
    const again = articles.recordPoll('f', { state, upserts: [article('f', 1)], seenAt: T0 + 1000 });
    expect(again).toMatchObject({ inserted: [], edited: [], unchanged: 1 });
    expect(articles.findArticle('f', 'guid:f-1')).toMatchObject({ contentHash: article('f', 1).contentHash, updatedAt: T0 });
    const edited = articles.recordPoll('f', { state, upserts: [article('f', 1, { title: 'Story 1, corrected' })], seenAt: T0 + 2000 });
    expect(edited.edited.map((a) => a.id)).toEqual(['guid:f-1']);
  });

  it('keeps each chat\'s last delivery time on the chat, filled from the receipts of a database made before migration 007', () => {
    db.close();
    const path = join(dir.dir, 'receipts.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 7));
    for (const n of [1, 2]) storeAsBefore(old, article('f', n), T0);
    const seqs = old.prepare('SELECT seq FROM articles ORDER BY seq').pluck().all() as number[];
    const insertChat = old.prepare("INSERT INTO subscribers (chat_id, chat_type, language, timezone, active, created_at, updated_at) VALUES (?, 'private', 'en', 'UTC', 1, ?, ?)");
    for (const chatId of [1, 2]) insertChat.run(chatId, T0, T0);
    const receipt = old.prepare("INSERT INTO chat_deliveries (chat_id, article_seq, delivered_at, via) VALUES (1, ?, ?, 'latest')");
    receipt.run(seqs[0], T0 + 1000);
    receipt.run(seqs[1], T0 + 5000);
    old.close();
    db = openDatabase(path);
    const subscribers = createSqliteSubscriberRepository(db);
    expect(subscribers.lastDeliveryAt(1)).toBe(T0 + 5000);
    expect(subscribers.lastDeliveryAt(2)).toBeNull();
    // A later receipt moves it on; an earlier one (a batch recorded late) never moves it back.
    subscribers.recordDeliveries(2, [seqs[0]!], 'latest', T0 + 9000);
    subscribers.recordDeliveries(2, [seqs[1]!], 'digest', T0 + 7000);
    expect(subscribers.lastDeliveryAt(2)).toBe(T0 + 9000);
  });

  it('keeps a sent once-only message through housekeeping, renaming the gone notices of a database made before migration 010', () => {
    db.close();
    const path = join(dir.dir, 'once.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 10));
    const message = (key: string): NewOutboxMessage => ({ key, chatId: 7, kind: 'digest', priority: 0, payload: { text: key } });
    // Written as that version did (today's repository needs today's schema).
    const sent = old.prepare("INSERT INTO outbox (key, chat_id, kind, payload, state, next_attempt_at, created_at, sent_at) VALUES (?, 7, 'digest', '{}', 'sent', ?, ?, ?)");
    for (const key of ['gone:7:abc', 'digest:7:2024-05-06:1']) sent.run(key, T0, T0, T0);
    old.close();
    db = openDatabase(path);
    const outbox = createSqliteOutboxRepository(db);
    expect(outbox.enqueue([message(`${ONCE_KEY_PREFIX}gone:7:abc`)], T0 + 1)).toBe(0);
    expect(outbox.pruneMessagesBefore(T0 + 1, 100)).toBe(1);
    expect(db.prepare('SELECT key FROM outbox').pluck().all()).toEqual([`${ONCE_KEY_PREFIX}gone:7:abc`]);
    expect(outbox.enqueue([message(`${ONCE_KEY_PREFIX}gone:7:abc`)], T0 + 2)).toBe(0);
  });

  it('lets a chat speak any two-letter language after migration 011, keeping every subscription and receipt of the rebuilt table', () => {
    db.close();
    const path = join(dir.dir, 'languages.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version < 11));
    storeAsBefore(old, article('f', 1), T0);
    const seq = old.prepare('SELECT seq FROM articles').pluck().get() as number;
    old.prepare("INSERT INTO subscribers (chat_id, chat_type, language, timezone, digest_time, active, created_at, updated_at, last_delivery_at) VALUES (1, 'private', 'nl', 'Europe/Amsterdam', '07:30', 1, ?, ?, ?)").run(T0, T0, T0 + 5);
    old.prepare("INSERT INTO subscriptions (chat_id, kind, value) VALUES (1, 'topic', 'world'), (1, 'feed', 'f')").run();
    old.prepare("INSERT INTO chat_deliveries (chat_id, article_seq, delivered_at, via) VALUES (1, ?, ?, 'digest')").run(seq, T0 + 5);
    expect(() => old.prepare("UPDATE subscribers SET language = 'de' WHERE chat_id = 1").run()).toThrow(/CHECK/);
    old.close();

    db = openDatabase(path);
    const subscribers = createSqliteSubscriberRepository(db);
    expect(subscribers.find(1)).toMatchObject({ language: 'nl', timezone: 'Europe/Amsterdam', digestTime: '07:30', topics: ['world'], feeds: ['f'] });
    expect(subscribers.lastDeliveryAt(1)).toBe(T0 + 5);
    expect(db.prepare('SELECT COUNT(*) FROM chat_deliveries WHERE chat_id = 1').pluck().get()).toBe(1);
    expect(subscribers.update(1, { language: 'de' }, T0 + 9)?.language).toBe('de');
    expect(() => db.prepare("UPDATE subscribers SET language = 'Deutsch' WHERE chat_id = 1").run()).toThrow(/CHECK/);
    // Foreign keys are on again, and still cascade from the rebuilt table.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(subscribers.remove(1)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM subscriptions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM chat_deliveries').pluck().get()).toBe(0);
  });

  it('writes nothing at all when any part of the poll fails', () => {
    const articles = createSqliteArticleRepository(db);
    const state = { ...initialFeedRecord('g', 'https://g.test/'), etag: '"1"' };
    const broken = { ...article('g', 2), title: null as unknown as string };
    expect(() => articles.recordPoll('g', { state, upserts: [article('g', 1), broken], seenAt: T0 })).toThrow(/NOT NULL/);
    expect(articles.countArticles()).toBe(0);
    expect(createSqliteFeedRepository(db).getFeed('g')).toBeNull();
  });

  it('lists articles after a seq cursor, per feed or all', () => {
    const articles = createSqliteArticleRepository(db);
    articles.recordPoll('a', { state: initialFeedRecord('a', 'https://a.test/'), upserts: [article('a', 1), article('a', 2)], seenAt: T0 });
    articles.recordPoll('b', { state: initialFeedRecord('b', 'https://b.test/'), upserts: [article('b', 1)], seenAt: T0 });
    const all = articles.listArticlesSince(0, 10);
    expect(all.map((a) => a.id)).toEqual(['guid:a-1', 'guid:a-2', 'guid:b-1']);
    expect(articles.listArticlesSince(all[0]?.seq ?? 0, 10, 'a').map((a) => a.id)).toEqual(['guid:a-2']);
    expect(articles.getArticle(all[2]?.seq ?? 0)?.feedId).toBe('b');
  });

  it('lists a feed\'s most recently stored articles, the latest first', () => {
    const articles = createSqliteArticleRepository(db);
    articles.recordPoll('a', { state: initialFeedRecord('a', 'https://a.test/'), upserts: [article('a', 3), article('a', 1), article('a', 2)], seenAt: T0 });
    articles.recordPoll('b', { state: initialFeedRecord('b', 'https://b.test/'), upserts: [article('b', 0)], seenAt: T0 });
    expect(articles.latestArticlesOfFeed('a', 2).map((a) => a.id)).toEqual(['guid:a-2', 'guid:a-1']);
    expect(articles.latestArticlesOfFeed('a', 10).map((a) => a.id)).toEqual(['guid:a-2', 'guid:a-1', 'guid:a-3']);
    expect(articles.latestArticlesOfFeed('c', 10)).toEqual([]);
  });
});

describe('article repository: briefings', () => {
  it('stores briefings, records failures with attempts, and serves them in order', () => {
    const articles = createSqliteArticleRepository(db);
    const { inserted } = articles.recordPoll('a', { state: initialFeedRecord('a', 'https://a.test/'), upserts: [1, 2, 3].map((n) => article('a', n)), seenAt: T0 });
    articles.recordPoll('b', { state: initialFeedRecord('b', 'https://b.test/'), upserts: [article('b', 1)], seenAt: T0 });
    const [one, two, three] = inserted.map((a) => a.seq) as [number, number, number];
    expect(articles.articlesMissingBriefing(10)).toHaveLength(4);
    expect(articles.articlesMissingBriefing(10, undefined, T0)).toEqual([]);
    expect(articles.articlesMissingBriefing(10, undefined, T0 + 1)).toHaveLength(4);

    articles.saveBriefing(one, briefing('First'), T0 + 10);
    articles.saveBriefing(three, briefing('Third'), T0 + 30);
    for (let i = 0; i < 2; i += 1) articles.saveBriefingFailure(two, 'condense: empty', T0 + 20);
    expect(articles.articlesMissingBriefing(10, 3).map((a) => a.seq)).toContain(two);
    expect(articles.articlesMissingBriefing(10, 2).map((a) => a.seq)).not.toContain(two);
    expect(db.prepare('SELECT attempts, error FROM briefings WHERE article_seq = ?').get(two)).toEqual({ attempts: 2, error: 'condense: empty' });

    expect(articles.listBriefingsSince(T0 + 10, 10).map((b) => b.headline)).toEqual(['Third']);
    expect(articles.listBriefingsSince(0, 10)[0]).toMatchObject({ articleSeq: one, articleId: 'guid:a-1', feedId: 'a', headline: 'First', sentences: ['One.', 'Two.'], method: 'extractive', url: 'https://example.test/a/1', createdAt: T0 + 10 });
    const recent = createSqliteSubscriberRepository(db).recentBriefings;
    expect(recent(['a', 'b'], 5).map((b) => b.headline)).toEqual(['Third', 'First']);
    expect(recent(['b'], 5)).toEqual([]);

    // A later success replaces the failure.
    articles.saveBriefing(two, briefing('Second'), T0 + 40);
    expect(recent(['a', 'b'], 1)[0]?.headline).toBe('Second');
    expect(articles.articlesMissingBriefing(10).map((a) => a.feedId)).toEqual(['b']);
  });

  it('reads on from the articles it already found briefed, and never past one still waiting or too young', () => {
    const articles = createSqliteArticleRepository(db);
    const poll = (n: number, seenAt: number) =>
      articles.recordPoll('f', { state: initialFeedRecord('f', 'https://f.test/'), upserts: [article('f', n)], seenAt }).inserted[0]!.seq;
    const seqs = [1, 2, 3, 4, 5, 6].map((n) => poll(n, T0 + n));
    const missing = (limit = 10, before = T0 + 100) => articles.articlesMissingBriefing(limit, 5, before).map((a) => a.seq);
    for (const i of [0, 1, 3]) articles.saveBriefing(seqs[i]!, briefing(`h${i}`), T0 + 10);
    articles.saveBriefingFailure(seqs[4]!, 'condense: empty', T0 + 10);
    expect(missing()).toEqual([seqs[2], seqs[4], seqs[5]]);
    expect(missing(1)).toEqual([seqs[2]]);

    articles.saveBriefing(seqs[2]!, briefing('late'), T0 + 20);
    expect(missing()).toEqual([seqs[4], seqs[5]]);
    articles.saveBriefing(seqs[5]!, briefing('late'), T0 + 20);
    expect(missing()).toEqual([seqs[4]]);

    // An article too young at one call is found at the next; so is one stored after a call.
    const seventh = poll(7, T0 + 50);
    expect(missing(10, T0 + 50)).toEqual([seqs[4]]);
    expect(missing()).toEqual([seqs[4], seventh]);
    const eighth = poll(8, T0 + 60);
    for (let i = 0; i < 4; i += 1) articles.saveBriefingFailure(seqs[4]!, 'condense: empty', T0 + 30);
    expect(missing()).toEqual([seventh, eighth]);
  });
});
