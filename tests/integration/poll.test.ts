import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { createResummarizer, createSummarizer } from '../../src/jobs/summarize-article.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { createClock, openPollRig, pollFixture, spec, tempDir, type Clock, type PollRig } from '../helpers/poll-harness.js';

const V1 = pollFixture('news-v1.xml');
const V2 = pollFixture('news-v2.xml');
const V3 = pollFixture('news-v3.xml');
const MINUTE = 60_000;
const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Edits</title><link>https://news.example/</link>${items}</channel></rss>`;
const item = (guid: string, title: string, description: string) =>
  `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>https://news.example/${guid}</link><description>${description}</description></item>`;
const story = (dead: string) =>
  `A storm hit the northern coast on Sunday night and ${dead} people died, the regional authorities said. ` +
  'Thousands of homes lost power when the wind tore down lines across three provinces. ' +
  'Rescue teams searched flooded villages through the night with boats and helicopters. ' +
  'The government promised emergency funds for the worst hit towns on Monday morning.';


let server: FeedServer;
let dir: { dir: string; cleanup: () => void };
let clock: Clock;
let rig: PollRig;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = tempDir();
  clock = createClock();
  rig = openPollRig(join(dir.dir, 'news.db'), clock);
});
afterEach(() => {
  rig.close();
  dir.cleanup();
});

describe('dedupe across polls', () => {
  it('stores new items once, updates edits in place without announcing them, and never re-announces a returning item', async () => {
    const feed = spec('loopback', server.url('/dedupe.xml'));
    server.route('/dedupe.xml', feedResponse(V1, { etag: '"v1"' }));
    const first = await rig.poller.pollFeeds([feed]);
    expect(first.failed).toEqual([]);
    expect(first.done[0]).toMatchObject({ feedId: 'loopback', status: 'ok', new: 3, updated: 0, unchanged: 0 });
    const firstSeen = clock.now();

    clock.advance(30 * MINUTE);
    server.route('/dedupe.xml', feedResponse(V2, { etag: '"v2"' }));
    const second = await rig.poller.pollFeeds([feed]);
    expect(second.done[0]).toMatchObject({ new: 1, updated: 1, unchanged: 1 });

    const bridge = rig.articles.findArticle('loopback', 'guid:loopback-1001');
    expect(bridge?.title).toBe('Council approves new bridge after long debate');
    expect(bridge?.firstSeenAt).toBe(firstSeen);
    expect(bridge?.updatedAt).toBe(clock.now());
    // No date in the feed: published falls back to the first-seen time and stays there.
    expect(rig.articles.findArticle('loopback', 'guid:loopback-1003')?.publishedAt).toBe(firstSeen);

    clock.advance(30 * MINUTE);
    server.route('/dedupe.xml', feedResponse(V3, { etag: '"v3"' }));
    const third = await rig.poller.pollFeeds([feed]);
    expect(third.done[0]).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(rig.articles.countArticles('loopback')).toBe(4);
    const seqs = rig.articles.listArticlesSince(0, 100).map((article) => article.seq);
    expect(new Set(seqs).size).toBe(4);
  });

  it('dedupes across a restart on the same database file', async () => {
    const path = join(dir.dir, 'restart.db');
    const feed = spec('restart', server.url('/restart.xml'));
    server.route('/restart.xml', feedResponse(V1, { etag: '"r1"' }));
    const before = openPollRig(path, clock);
    expect((await before.poller.pollFeeds([feed])).done[0]?.new).toBe(3);
    before.close();

    // A new etag forces a full fetch and parse: dedupe must come from the file, not memory.
    server.route('/restart.xml', feedResponse(V1, { etag: '"r2"' }));
    clock.advance(60 * MINUTE);
    const after = openPollRig(path, clock);
    try {
      const report = await after.poller.pollFeeds([feed]);
      expect(report.done[0]).toMatchObject({ status: 'ok', new: 0, updated: 0, unchanged: 3 });
      expect(after.articles.countArticles()).toBe(3);
    } finally {
      after.close();
    }
  });
});

describe('conditional GET', () => {
  it('sends the stored validators and, on 304, parses nothing and writes only the feed state', async () => {
    const feed = spec('cond', server.url('/cond.xml'));
    server.route('/cond.xml', feedResponse(V1, { etag: '"c1"', lastModified: 'Mon, 06 May 2024 10:00:00 GMT' }));
    await rig.poller.pollFeeds([feed]);
    expect(rig.parseCalls()).toBe(1);
    const changesBefore = rig.db.prepare('SELECT total_changes() AS n').get() as { n: number };

    clock.advance(31 * MINUTE);
    const report = await rig.poller.pollFeeds([feed]);
    expect(report.done[0]).toMatchObject({ status: 'not-modified', new: 0, updated: 0, unchanged: 0 });
    expect(rig.parseCalls()).toBe(1);
    const last = server.requests('/cond.xml').at(-1);
    expect(last?.headers['if-none-match']).toBe('"c1"');
    expect(last?.headers['if-modified-since']).toBe('Mon, 06 May 2024 10:00:00 GMT');
    const changesAfter = rig.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(changesAfter.n - changesBefore.n).toBe(1);
    const state = rig.feeds.getFeed('cond');
    expect(state?.lastSuccessAt).toBe(clock.now());
    // The feed's <ttl>30</ttl> is remembered and still honoured after a 304.
    expect(state?.ttlMinutes).toBe(30);
    expect(state?.nextPollAt).toBe(clock.now() + 30 * MINUTE);
  });
});

describe('failures', () => {
  it('a broken feed among good ones records its error and the others go on', async () => {
    server.route('/good.xml', feedResponse(V1));
    server.route('/missing.xml', { status: 404, body: 'nope' });
    server.route('/page.xml', { status: 200, headers: { 'content-type': 'text/html' }, body: pollFixture('not-a-feed.html') });
    const feeds = [spec('good', server.url('/good.xml')), spec('missing', server.url('/missing.xml')), spec('page', server.url('/page.xml'))];
    const report = await rig.poller.pollFeeds(feeds);
    expect(report.done.map((d) => d.feedId)).toEqual(['good']);
    expect(report.failed.map((f) => f.feedId).sort()).toEqual(['missing', 'page']);
    const missing = report.failed.find((f) => f.feedId === 'missing');
    expect(missing?.error).toMatch(/^jobs\/poll-feeds: feed missing: feeds\/fetch: HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/missing\.xml/);
    const page = rig.feeds.getFeed('page');
    expect(page?.lastError).toContain('page');
    expect(page?.lastError).toContain(server.url('/page.xml'));
    expect(page?.lastError).toMatch(/HTML page/i);
    expect(rig.articles.countArticles('good')).toBe(3);
    expect(rig.articles.countArticles('page')).toBe(0);
  });

  it('backs off on consecutive failures, honours Retry-After, marks the feed failing and recovers', async () => {
    const local = openPollRig(join(dir.dir, 'backoff.db'), clock, { timing: { failingAfter: 3, defaultIntervalMinutes: 10, minIntervalMinutes: 5 } });
    try {
      const feed = spec('flaky', server.url('/flaky.xml'));
      server.route('/flaky.xml', { status: 503, headers: { 'retry-after': '3600' }, body: 'busy' });
      const first = await local.poller.pollFeeds([feed]);
      expect(first.failed[0]).toMatchObject({ feedId: 'flaky', consecutiveFailures: 1, failing: false });
      expect(first.failed[0]?.nextPollAt).toBe(clock.now() + 60 * MINUTE);

      server.route('/flaky.xml', { status: 500, body: 'boom' });
      const nextPolls: number[] = [];
      for (let i = 0; i < 2; i += 1) {
        clock.advance(61 * MINUTE);
        const report = await local.poller.pollFeeds([feed]);
        nextPolls.push((report.failed[0]?.nextPollAt ?? 0) - clock.now());
      }
      // 10 min doubled per failure: 20 min after the second failure; the third marks it failing.
      expect(nextPolls[0]).toBe(20 * MINUTE);
      const state = local.feeds.getFeed('flaky');
      expect(state).toMatchObject({ consecutiveFailures: 3, failing: true });
      expect(state?.lastError).toContain('HTTP 500');
      expect(state?.lastError).toContain(server.url('/flaky.xml'));

      server.route('/flaky.xml', feedResponse(V1));
      clock.advance(24 * 60 * MINUTE);
      const recovered = await local.poller.pollDueFeeds([feed]);
      expect(recovered.done[0]).toMatchObject({ feedId: 'flaky', new: 3 });
      expect(local.feeds.getFeed('flaky')).toMatchObject({ consecutiveFailures: 0, failing: false, lastError: null });
    } finally {
      local.close();
    }
  });
});

describe('redirects', () => {
  it('stores the new URL after a permanent redirect and polls it directly next time', async () => {
    server.route('/old.xml', { status: 301, headers: { location: '/new.xml' } });
    server.route('/new.xml', feedResponse(V1, { etag: '"n1"' }));
    const feed = spec('moved', server.url('/old.xml'));
    const report = await rig.poller.pollFeeds([feed]);
    expect(report.done[0]?.movedTo).toBe(server.url('/new.xml'));
    expect(rig.feeds.getFeed('moved')?.currentUrl).toBe(server.url('/new.xml'));
    clock.advance(31 * MINUTE);
    await rig.poller.pollFeeds([feed]);
    expect(server.hits('/old.xml')).toBe(1);
    expect(server.hits('/new.xml')).toBe(2);
  });

  it('keeps the configured URL after a temporary redirect', async () => {
    server.route('/temp.xml', { status: 302, headers: { location: '/temp-target.xml' } });
    server.route('/temp-target.xml', feedResponse(V1));
    await rig.poller.pollFeeds([spec('temp', server.url('/temp.xml'))]);
    expect(rig.feeds.getFeed('temp')?.currentUrl).toBe(server.url('/temp.xml'));
  });

  it('starts over from feeds.json when the operator changes the URL', async () => {
    server.route('/first.xml', { status: 308, headers: { location: '/second.xml' } });
    server.route('/second.xml', feedResponse(V1, { etag: '"s"' }));
    server.route('/third.xml', feedResponse(V2, { etag: '"t"' }));
    await rig.poller.pollFeeds([spec('edited', server.url('/first.xml'))]);
    const edited = spec('edited', server.url('/third.xml'));
    const due = await rig.poller.pollDueFeeds([edited]);
    expect(due.done[0]).toMatchObject({ feedId: 'edited', new: 1, updated: 1, unchanged: 1 });
    expect(rig.feeds.getFeed('edited')).toMatchObject({ configuredUrl: server.url('/third.xml'), currentUrl: server.url('/third.xml'), etag: '"t"' });
  });
});

describe('articles edited upstream', () => {
  it('get their briefing made again from the new text, keeping its place so nobody is sent it twice', async () => {
    rig.close();
    rig = openPollRig(join(dir.dir, 'edits.db'), clock, {
      summarize: createSummarizer({ budget: DEFAULT_BUDGET }),
      resummarize: createResummarizer({ budget: DEFAULT_BUDGET }),
    });
    const feed = spec('edits', server.url('/edits.xml'), { fullText: 'auto' });
    server.route('/edits.xml', feedResponse(rss(item('storm', 'Storm hits the coast', story('three')) + item('teaser', 'Budget talks', 'Talks go on.'))));
    await rig.poller.pollFeeds([feed]);
    const before = rig.articles.latestBriefings({ limit: 10 });
    const stormBefore = before.find((b) => b.articleId === 'guid:storm');
    expect(stormBefore?.sentences.join(' ')).toContain('three people died');
    const teaserBefore = before.find((b) => b.articleId === 'guid:teaser');

    clock.advance(30 * MINUTE);
    server.route('/edits.xml', feedResponse(rss(item('storm', 'Storm hits the coast', story('seven')) + item('teaser', 'Budget talks', 'Talks go on tonight.'))));
    const second = await rig.poller.pollFeeds([feed]);
    expect(second.done[0]).toMatchObject({ new: 0, updated: 2, unchanged: 0 });

    const after = rig.articles.latestBriefings({ limit: 10 });
    const stormAfter = after.find((b) => b.articleId === 'guid:storm');
    expect(stormAfter?.sentences.join(' ')).toContain('seven people died');
    expect(stormAfter?.sentences.join(' ')).not.toContain('three people died');
    expect(stormAfter?.createdAt).toBe(stormBefore?.createdAt);
    expect(stormAfter?.articleSeq).toBe(stormBefore?.articleSeq);
    // Digests page by creation time: the edit does not make it new again.
    expect(rig.articles.listBriefingsSince(stormBefore!.createdAt, 10)).toEqual([]);
    // A teaser would need its page again: the first briefing stays as it was.
    expect(after.find((b) => b.articleId === 'guid:teaser')).toEqual(teaserBefore);
  });
});
