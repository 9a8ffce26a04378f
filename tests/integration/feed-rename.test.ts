import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import type { FeedSpec } from '../../src/core/types.js';
import { createFeedCatalog, type FeedCatalog } from '../../src/feed-catalog.js';
import { loadFeedsDocument } from '../../src/feeds-file.js';
import { takeOverRenamedFeeds } from '../../src/jobs/take-over-renamed-feeds.js';
import { createSummarizer } from '../../src/jobs/summarize-article.js';
import { createLogger, createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { initialFeedRecord } from '../../src/store/feed-repository.js';
import { createSqliteFeedRepository } from '../../src/store/sqlite/feed-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { ADMIN_ID, FIXED_NOW, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { createClock, openPollRig, pollFixture, tempDir, type PollRig } from '../helpers/poll-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

const articleRows = (db: SqliteDatabase) =>
  db.prepare('SELECT seq, feed_id AS feedId FROM articles ORDER BY seq').all() as Array<{ seq: number; feedId: string }>;
const briefingSeqs = (db: SqliteDatabase) => db.prepare("SELECT article_seq FROM briefings WHERE status = 'ok' ORDER BY article_seq").pluck().all() as number[];

describe('FeedRepository.takeOverFeed', () => {
  let dir: { dir: string; cleanup: () => void };
  let db: SqliteDatabase;
  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(join(dir.dir, 'rename.db'));
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  it('moves the feed row, articles, briefings and feed followers to the new id, seqs and receipts unchanged', () => {
    const feeds = createSqliteFeedRepository(db);
    const subscribers = createSqliteSubscriberRepository(db);
    feeds.saveFeed({ ...initialFeedRecord('a', 'https://feeds.example/a'), etag: '"v1"', lastSuccessAt: 5 });
    const seqs = seedBriefings(db, [1, 2, 3].map((n) => ({ feedId: 'a', headline: `Story ${n}`, createdAt: FIXED_NOW + n })));
    const other = seedBriefings(db, [{ feedId: 'b', headline: 'Elsewhere', createdAt: FIXED_NOW }]);
    for (const chatId of [1, 2]) subscribers.ensure({ chatId, chatType: 'private', title: null, language: 'en', timezone: 'UTC', digestTime: null }, FIXED_NOW);
    subscribers.subscribe(1, [{ kind: 'feed', value: 'a' }, { kind: 'topic', value: 'world' }], FIXED_NOW);
    subscribers.subscribe(2, [{ kind: 'feed', value: 'b' }], FIXED_NOW);
    subscribers.recordDeliveries(1, seqs.slice(0, 2), 'latest', FIXED_NOW);

    expect(feeds.takeOverFeed('a', 'a2')).toBe(true);

    expect(feeds.getFeed('a')).toBeNull();
    expect(feeds.getFeed('a2')).toMatchObject({ feedId: 'a2', configuredUrl: 'https://feeds.example/a', etag: '"v1"', lastSuccessAt: 5 });
    expect(articleRows(db)).toEqual([...seqs.map((seq) => ({ seq, feedId: 'a2' })), { seq: other[0], feedId: 'b' }]);
    expect(briefingSeqs(db)).toEqual([...seqs, ...other]);
    expect(subscribers.find(1)).toMatchObject({ feeds: ['a2'], topics: ['world'] });
    expect(subscribers.find(2)).toMatchObject({ feeds: ['b'] });
    expect(subscribers.unseenBriefings(1, ['a2'], 10).map((b) => b.articleSeq)).toEqual([seqs[2]]);
  });

  it('commits a feed state still held for the old id first, so it is moved and never written back under the old id', async () => {
    const feeds = createSqliteFeedRepository(db);
    feeds.saveFeed(initialFeedRecord('a', 'https://feeds.example/a'));
    feeds.saveFeedSoon({ ...initialFeedRecord('a', 'https://feeds.example/a'), nextPollAt: 1234 });
    expect(feeds.takeOverFeed('a', 'a2')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    feeds.flushFeeds();
    expect(createSqliteFeedRepository(db).listFeeds().map((f) => [f.feedId, f.nextPollAt])).toEqual([['a2', 1234]]);
  });

  it('refuses, changing nothing, when the new id has a feed row or an article, or the old id has nothing stored', () => {
    const feeds = createSqliteFeedRepository(db);
    feeds.saveFeed(initialFeedRecord('a', 'https://feeds.example/a'));
    feeds.saveFeed(initialFeedRecord('b', 'https://feeds.example/b'));
    seedBriefings(db, [{ feedId: 'a', headline: 'One', createdAt: FIXED_NOW }, { feedId: 'c', headline: 'Two', createdAt: FIXED_NOW }]);
    const before = articleRows(db);
    expect(feeds.takeOverFeed('a', 'b')).toBe(false);
    expect(feeds.takeOverFeed('a', 'c')).toBe(false);
    expect(feeds.takeOverFeed('nothing', 'd')).toBe(false);
    expect(articleRows(db)).toEqual(before);
    expect(feeds.listFeeds().map((f) => f.feedId)).toEqual(['a', 'b']);
  });
});

describe('a feed renamed in feeds.json, same URL', () => {
  const spec = (id: string, url: string) => ({ id, title: 'Loopback News', url, language: 'en', topics: ['news'] });
  const TOPIC_READER = { id: 5101, first_name: 'Toni', language_code: 'en' };
  const FEED_READER = { id: 5102, first_name: 'Fee', language_code: 'en' };
  const ADMIN = { id: ADMIN_ID, first_name: 'Root', language_code: 'en' };

  let server: FeedServer;
  let h: Harness;
  let rig: PollRig;
  let catalog: FeedCatalog;
  let path: string;
  let url: string;
  const logs: Array<Record<string, unknown>> = [];
  const pollAll = () => rig.poller.pollFeeds(catalog.current().filter((feed: FeedSpec) => feed.enabled));

  beforeAll(async () => {
    server = await startFeedServer();
    // No validators: every poll reads the whole document again, as after a restart with a changed one.
    server.route('/rename/news.xml', feedResponse(pollFixture('news-v1.xml')));
    url = server.url('/rename/news.xml');
    const logger = createLogger('info', [], { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
    h = await startHarness({ deps: { feeds: () => catalog.current(), reloadFeeds: () => catalog.reload('/reload') } });
    path = join(h.db.name, '..', 'feeds.json');
    writeFileSync(path, JSON.stringify({ feeds: [spec('a', url)] }));
    rig = openPollRig(h.db.name, createClock(), { summarize: createSummarizer({ budget: DEFAULT_BUDGET }) });
    catalog = createFeedCatalog({ path, initial: loadFeedsDocument(path), logger, beforeServing: (feeds) => void takeOverRenamedFeeds(rig.feeds, feeds, logger) });
  });
  afterAll(async () => {
    rig.close();
    await h.close();
    await server.close();
  });

  it('keeps its articles, briefings and followers after /reload: nothing is announced again', async () => {
    const first = await pollAll();
    expect(first.done).toMatchObject([{ feedId: 'a', status: 'ok', new: 3 }]);
    await say(h, TOPIC_READER, '/subscribe news');
    await say(h, FEED_READER, '/subscribe a');
    for (const reader of [TOPIC_READER, FEED_READER]) expect((await say(h, reader, '/latest'))[0]!.text).toContain('<b>The latest 3 briefings</b>');
    const before = articleRows(h.db);

    writeFileSync(path, JSON.stringify({ feeds: [spec('a2', url)] }));
    expect((await say(h, ADMIN, '/reload'))[0]!.text).toContain('feeds.json reloaded: renamed <b>a → a2</b>.');
    expect(logs.filter((line) => line.msg === 'feed a is now a2')).toEqual([expect.objectContaining({ level: 30, feed_id: 'a2', was: 'a' })]);
    const second = await pollAll();
    expect(second.done).toMatchObject([{ feedId: 'a2', status: 'ok', new: 0, unchanged: 3 }]);

    expect(articleRows(h.db)).toEqual(before.map((row) => ({ ...row, feedId: 'a2' })));
    expect(briefingSeqs(h.db)).toEqual(before.map((row) => row.seq));
    expect(h.deps.subscribers.find(FEED_READER.id)?.feeds).toEqual(['a2']);
    for (const reader of [TOPIC_READER, FEED_READER]) expect((await say(h, reader, '/latest'))[0]!.text).toBe('Nothing new since you last looked.');
    expect((await say(h, FEED_READER, '/status'))[0]!.text).not.toContain('no longer');

    // Reloading the same file again renames nothing more.
    expect((await say(h, ADMIN, '/reload'))[0]!.text).toContain('nothing changed');
    expect(logs.filter((line) => String(line.msg).startsWith('feed a'))).toHaveLength(1);
  });
});

describe('takeOverRenamedFeeds', () => {
  it('logs and goes on when the store cannot make a rename', () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', [], { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const listed: FeedSpec[] = [
      { id: 'a2', url: 'https://feeds.example/a', title: 'A', language: 'en', topics: ['news'], enabled: true, fullText: 'auto', weight: 1 },
      { id: 'b2', url: 'https://feeds.example/b', title: 'B', language: 'en', topics: ['news'], enabled: true, fullText: 'auto', weight: 1 },
    ];
    const store = {
      listFeeds: () => [initialFeedRecord('a', 'https://feeds.example/a'), initialFeedRecord('b', 'https://feeds.example/b')],
      takeOverFeed: (from: string) => {
        if (from === 'a') throw new Error('database is locked');
        return true;
      },
    };
    expect(takeOverRenamedFeeds(store, listed, logger)).toEqual([{ from: 'b', to: 'b2' }]);
    expect(lines.map((line) => line.msg)).toEqual(['jobs/take-over-renamed-feeds: feed a could not become a2', 'feed b is now b2']);
    expect(takeOverRenamedFeeds({ ...store, listFeeds: () => [] }, listed, createSilentLogger())).toEqual([]);
  });
});
