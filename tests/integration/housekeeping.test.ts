import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/core/types.js';
import { housekeep, type HousekeepingDeps } from '../../src/jobs/housekeeping.js';
import { createSilentLogger } from '../../src/log.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqlitePageRepository } from '../../src/store/sqlite/page-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, pollFixture, spec, usePollBed, type PollRig } from '../helpers/poll-harness.js';

const V1 = pollFixture('news-v1.xml');
const V3 = pollFixture('news-v3.xml');
const DAY = 24 * 60 * 60_000;
const briefingOf = (title: string): Briefing => ({ headline: title, sentences: [`${title}.`], language: 'en', words: 2, chars: title.length + 1, method: 'lead' });

const bed = usePollBed();
/** Housekeeping's ports on a rig's database, as main.ts builds them. */
const keeperOf = (rig: PollRig): HousekeepingDeps => ({
  articles: rig.articles,
  outbox: createSqliteOutboxRepository(rig.db),
  subscribers: createSqliteSubscriberRepository(rig.db),
  pages: createSqlitePageRepository(rig.db),
  logger: createSilentLogger(),
});

describe('housekeeping', () => {
  it('clears old article text but keeps identity, hash and briefing: nothing is new or edited again', async () => {
    bed.rig = openPollRig(join(bed.dir, 'keep.db'), bed.clock, { summarize: async (article) => briefingOf(article.title) });
    const feed = spec('keep', bed.server.url('/keep.xml'));
    bed.server.route('/keep.xml', feedResponse(V1));
    expect((await bed.rig.poller.pollFeeds([feed])).done[0]).toMatchObject({ new: 3 });
    const bridge = bed.rig.articles.findArticle('keep', 'guid:loopback-1001');
    expect(bridge?.summary).not.toBe('');

    bed.clock.advance(31 * DAY);
    const keeper = keeperOf(bed.rig);
    const report = await housekeep(keeper, bed.clock.now(), 30);
    expect(report.articleTexts).toBe(3);
    expect(bed.rig.articles.findArticle('keep', 'guid:loopback-1001')).toMatchObject({ seq: bridge?.seq, title: bridge?.title, summary: '', content: '', summaryHtml: null, contentHtml: null });
    expect(bed.rig.recentBriefings(['keep'], 10).map((b) => b.headline)).toContain('Council approves new bridge');

    // The same items again: known, unchanged; a second run finds nothing left to clear.
    expect((await bed.rig.poller.pollFeeds([feed])).done[0]).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect((await housekeep(keeper, bed.clock.now(), 30)).articleTexts).toBe(0);
  });

  it('keeps articles younger than the retention period whole', async () => {
    bed.rig = openPollRig(join(bed.dir, 'young.db'), bed.clock);
    bed.server.route('/young.xml', feedResponse(V3));
    await bed.rig.poller.pollFeeds([spec('young', bed.server.url('/young.xml'))]);
    bed.clock.advance(29 * DAY);
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30)).articleTexts).toBe(0);
    expect(bed.rig.articles.listArticlesSince(0, 10).every((a) => a.summary !== '' || a.content !== '')).toBe(true);
  });

  it('goes on where the last run stopped: articles that grow old later are cleared by a later run', async () => {
    bed.rig = openPollRig(join(bed.dir, 'later.db'), bed.clock);
    bed.server.route('/first.xml', feedResponse(V1));
    bed.server.route('/second.xml', feedResponse(V3));
    await bed.rig.poller.pollFeeds([spec('first', bed.server.url('/first.xml'))]);
    bed.clock.advance(31 * DAY);
    await bed.rig.poller.pollFeeds([spec('second', bed.server.url('/second.xml'))]);
    const second = bed.rig.articles.listArticlesSince(0, 100, 'second');
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30)).articleTexts).toBe(3);
    expect(second.every((a) => bed.rig!.articles.getArticle(a.seq)?.content === a.content)).toBe(true);

    bed.clock.advance(31 * DAY);
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30)).articleTexts).toBe(second.length);
    expect(bed.rig.articles.listArticlesSince(0, 100).every((a) => a.summary === '' && a.content === '' && a.contentHtml === null)).toBe(true);
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30)).articleTexts).toBe(0);
  });

  it('forgets which chat received an old article, and /latest never offers an article that old as unseen', async () => {
    bed.rig = openPollRig(join(bed.dir, 'receipts.db'), bed.clock, { summarize: async (article) => briefingOf(article.title) });
    const subscribers = createSqliteSubscriberRepository(bed.rig.db);
    subscribers.ensure({ chatId: 1, chatType: 'private', title: null, language: 'en', timezone: 'Europe/Amsterdam', digestTime: '07:30' }, bed.clock.now());
    subscribers.ensure({ chatId: 2, chatType: 'private', title: null, language: 'nl', timezone: 'Europe/Amsterdam', digestTime: null }, bed.clock.now());
    bed.server.route('/old.xml', feedResponse(V1));
    bed.server.route('/fresh.xml', feedResponse(V3));
    await bed.rig.poller.pollFeeds([spec('old', bed.server.url('/old.xml'))]);
    const [first, second, third] = subscribers.unseenBriefings(1, ['old'], 10);
    subscribers.recordDeliveries(1, [first!.articleSeq, second!.articleSeq], 'latest', bed.clock.now());
    const heardLastAt = bed.clock.now();
    subscribers.recordDeliveries(2, [first!.articleSeq], 'latest', heardLastAt);
    expect(subscribers.unseenBriefings(1, ['old'], 10)).toEqual([third]);

    bed.clock.advance(31 * DAY);
    await bed.rig.poller.pollFeeds([spec('fresh', bed.server.url('/fresh.xml'))]);
    const fresh = subscribers.unseenBriefings(1, ['fresh'], 10);
    expect(fresh.length).toBeGreaterThan(0);
    subscribers.recordDeliveries(1, [fresh[0]!.articleSeq], 'latest', bed.clock.now());
    // One row per transaction, with a turn for the bot between them.
    let turns = 0;
    const report = await housekeep(keeperOf(bed.rig), bed.clock.now(), 30, { batch: 1, yieldToOthers: async () => void (turns += 1) });
    expect(report).toMatchObject({ articleTexts: 3, deliveries: 3 });
    expect(turns).toBe(5);

    // The old receipts are gone, yet none of the old articles (not even the one never received)
    // comes back as unseen; the fresh feed's receipt stays, and "recent again" still shows old news.
    // (The fresh feed's copy of the old storm link was no news while the chat's receipt of the old
    // one was kept; with that receipt forgotten, it is the fresh feed's article like any other.)
    const unseen = subscribers.unseenBriefings(1, ['old', 'fresh'], 10);
    const freshNotReceived = subscribers.recentBriefings(['fresh'], 10).filter((b) => b.articleSeq !== fresh[0]!.articleSeq);
    expect(unseen.map((b) => b.articleSeq)).toEqual(freshNotReceived.map((b) => b.articleSeq));
    expect(subscribers.recentBriefings(['old'], 10)).toHaveLength(3);
    expect(subscribers.lastDeliveryAt(1)).toBe(bed.clock.now());
    // Chat 2's only receipt is gone, but /status still knows when it last heard from the bot.
    expect(bed.rig.db.prepare('SELECT COUNT(*) FROM chat_deliveries WHERE chat_id = 2').pluck().get()).toBe(0);
    expect(subscribers.lastDeliveryAt(2)).toBe(heardLastAt);
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30)).deliveries).toBe(0);
  });

  it('stops between batches on shutdown; the next run clears the rest', async () => {
    bed.rig = openPollRig(join(bed.dir, 'abort.db'), bed.clock);
    bed.server.route('/abort.xml', feedResponse(V1));
    await bed.rig.poller.pollFeeds([spec('abort', bed.server.url('/abort.xml'))]);
    bed.clock.advance(31 * DAY);
    const shutdown = new AbortController();
    const first = await housekeep(keeperOf(bed.rig), bed.clock.now(), 30, { batch: 1, signal: shutdown.signal, yieldToOthers: async () => shutdown.abort() });
    expect(first).toMatchObject({ articleTexts: 1, deliveries: 0 });
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30, { batch: 1 })).articleTexts).toBe(2);
  });

  it('deletes sent, failed and dead messages and digest claims past the retention period, in batches, never an unfinished message', async () => {
    bed.rig = openPollRig(join(bed.dir, 'outbox.db'), bed.clock);
    const outbox = createSqliteOutboxRepository(bed.rig.db);
    const t0 = bed.clock.now();
    const message = (key: string) => ({ key, chatId: 7, kind: 'push' as const, priority: 5, payload: { text: key } });
    outbox.enqueue(['sent', 'pending', 'dead', 'failed'].map(message), t0);
    const ids = new Map(['sent', 'pending', 'dead', 'failed'].map((key, i) => [key, i + 1]));
    outbox.markSending(ids.get('sent')!, t0);
    outbox.markSent(ids.get('sent')!, 100, t0);
    outbox.markDead(ids.get('dead')!, 'Forbidden: bot was blocked by the user', t0);
    outbox.markFailed(ids.get('failed')!, 'retries ran out', t0);
    expect(outbox.commitDigests([{ chatId: 7, localDate: '2024-05-06', timezone: 'Asia/Tokyo', messages: [message('digest:7:2024-05-06:Asia/Tokyo:1')], articleSeqs: [] }], t0)).toEqual([true]);

    const later = t0 + 31 * DAY;
    outbox.enqueue([message('recent')], later);
    outbox.markSending(6, later);
    outbox.markSent(6, 101, later);
    // A claim of the same chat and date in another zone, made within the retention period, stays.
    expect(outbox.commitDigests([{ chatId: 7, localDate: '2024-05-06', timezone: 'Pacific/Honolulu', messages: [], articleSeqs: [] }], later)).toEqual([true]);
    // One row per transaction: sent first (through its index), then the failed and dead ones.
    let turns = 0;
    const report = await housekeep(keeperOf(bed.rig), later, 30, { batch: 1, yieldToOthers: async () => void (turns += 1) });
    expect(report).toMatchObject({ messages: 3, digestRuns: 1 });
    expect(turns).toBe(4);
    expect([1, 2, 3, 4, 5, 6].map((id) => outbox.get(id)?.key ?? null)).toEqual([null, 'pending', null, null, 'digest:7:2024-05-06:Asia/Tokyo:1', 'recent']);
    // The old claim is gone (the chat's last digest keeps that date from being due again); the new one stays.
    expect(bed.rig.db.prepare('SELECT timezone FROM digest_runs').pluck().all()).toEqual(['Pacific/Honolulu']);
  });
  it('deletes the article pages fetched more than a day ago, whatever the retention period, in batches', async () => {
    bed.rig = openPollRig(join(bed.dir, 'pages.db'), bed.clock);
    const pages = createSqlitePageRepository(bed.rig.db);
    const t0 = bed.clock.now();
    pages.remember('https://news.example/old', t0, { text: 'Old page.', title: null });
    pages.remember('https://news.example/broken', t0 + 1, null);
    pages.remember('https://news.example/young', t0 + DAY, { text: 'Young page.', title: 'Young' });
    bed.clock.advance(DAY + 2);

    let turns = 0;
    const report = await housekeep(keeperOf(bed.rig), bed.clock.now(), 30, { batch: 1, yieldToOthers: async () => void (turns += 1) });

    expect(report).toMatchObject({ articleTexts: 0, pages: 2 });
    expect(turns).toBe(2);
    expect(bed.rig.db.prepare('SELECT page_key FROM fetched_pages').pluck().all()).toEqual(['https://news.example/young']);
    expect((await housekeep(keeperOf(bed.rig), bed.clock.now(), 30)).pages).toBe(0);
  });
});
