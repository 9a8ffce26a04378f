import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { createIngestionSummarizer } from '../../src/ingestion.js';
import type { Summarize } from '../../src/jobs/poll-feeds.js';
import { createSilentLogger } from '../../src/log.js';
import { createSqlitePageRepository } from '../../src/store/sqlite/page-repository.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, spec, usePollBed, type PollRig } from '../helpers/poll-harness.js';

const PAGE = readFileSync('tests/fixtures/condense/article-page.html', 'utf8');
const BRIDGE_TEASER = 'De gemeenteraad van Zwolle stemt in met een nieuwe brug.';
const DIKE_TEASER = 'Het waterschap versterkt de dijk bij Hasselt.';
const LOCK_TEASER = 'De sluis bij Zwartsluis gaat een week dicht.';

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Zwolle</title><link>https://zwolle.example/</link>${items}</channel></rss>`;
const item = (guid: string, title: string, link: string, teaser: string) =>
  `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>${link}</link><description>${teaser}</description></item>`;

const bed = usePollBed();
const DAY = 24 * 60 * 60 * 1000;

/**
 * One process's feed pipeline on the database file `name`, its summarizer wired as
 * createIngestion wires it (on the database's fetched pages), but let to fetch loopback pages.
 * Two of them on one file are a restart, or the bot and a `newsbrief poll --once` beside it.
 */
function openIngestion(name: string): PollRig {
  let summarize: Summarize | null = null;
  const rig = openPollRig(join(bed.dir, name), bed.clock, { summarize: (...args) => summarize!(...args) });
  summarize = createIngestionSummarizer({
    budget: DEFAULT_BUDGET,
    fetcher: createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 10_000 }),
    pages: createSqlitePageRepository(rig.db),
    now: bed.clock.now,
    logger: createSilentLogger(),
    page: { allowPrivateHosts: true },
  });
  return rig;
}

/**
 * The teaser-only stories of the tests below, counted from zero: one page that works, one that is
 * gone (404: its answer stands for the day), one whose site is busy (503: worth asking again).
 */
function serveStories(): void {
  const { server } = bed;
  server.resetCounts();
  server.route('/artikel', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
  server.route('/kapot', { status: 404, body: 'not found' });
  server.route('/bezet', { status: 503, body: 'busy' });
  // A site's "all news", "politics" and "home" feeds: the same stories, links tagged per feed.
  const items = (tag: string) =>
    item('brug', 'Raad stemt in met brug over Zwarte Water', server.url(`/artikel?utm_source=${tag}`), BRIDGE_TEASER) +
    item('dijk', 'Dijk bij Hasselt wordt versterkt', server.url(`/kapot?utm_source=${tag}&amp;utm_medium=rss`), DIKE_TEASER) +
    item('sluis', 'Sluis bij Zwartsluis gaat dicht', server.url(`/bezet?utm_source=${tag}`), LOCK_TEASER);
  server.route('/all.xml', feedResponse(rss(items('all'))));
  server.route('/politics.xml', feedResponse(rss(items('politics'))));
  server.route('/home.xml', feedResponse(rss(items('home'))));
}

const feed = (id: string) => spec(id, bed.server.url(`/${id}.xml`), { language: 'nl', fullText: 'auto' });
/** The briefing text of `articleId` in feed `feedId`, as /latest reads it. */
const briefingText = (rig: PollRig, feedId: string, articleId: string) =>
  rig.recentBriefings([feedId], 10).find((b) => b.articleId === articleId)?.sentences.join(' ');

describe('an article two feeds carry, with only a teaser in each', () => {
  it('has its page fetched once, and both copies get their briefing from the page text (or both keep the teaser when it fails)', async () => {
    const { server } = bed;
    serveStories();
    bed.rig = openIngestion('once.db');
    const feeds = ['all', 'politics'].map(feed);

    const report = await bed.rig.poller.pollFeeds(feeds);

    expect(report.failed).toEqual([]);
    expect(server.hits('/artikel')).toBe(1);
    expect(server.hits('/kapot')).toBe(1);
    const briefings = bed.rig.recentBriefings(['all', 'politics'], 10);
    const of = (feedId: string, articleId: string) => briefings.find((b) => b.feedId === feedId && b.articleId === articleId)?.sentences.join(' ');
    for (const feedId of ['all', 'politics']) {
      expect(of(feedId, 'guid:brug')).toContain('48 miljoen euro');
      expect(of(feedId, 'guid:dijk')).toBe(DIKE_TEASER);
    }
  });
});

describe('a teaser-only article met again by another process on the same database', () => {
  it('has its page fetched once: after a restart, or by a separate `poll --once`, a copy gets the same text or keeps its teaser', async () => {
    serveStories();
    const first = openIngestion('restart.db');
    expect((await first.poller.pollFeeds([feed('all')])).failed).toEqual([]);
    first.close();
    bed.clock.advance(DAY - 60_000);

    bed.rig = openIngestion('restart.db');
    expect((await bed.rig.poller.pollFeeds([feed('politics')])).failed).toEqual([]);

    expect(bed.server.hits('/artikel')).toBe(1);
    expect(bed.server.hits('/kapot')).toBe(1);
    expect(briefingText(bed.rig, 'politics', 'guid:brug')).toContain('48 miljoen euro');
    expect(briefingText(bed.rig, 'politics', 'guid:dijk')).toBe(DIKE_TEASER);
    // A busy site is asked again by the next copy (and still busy, so the teaser stays).
    expect(bed.server.hits('/bezet')).toBe(2);
    expect(briefingText(bed.rig, 'politics', 'guid:sluis')).toBe(LOCK_TEASER);
  });

  it('has its page fetched again once the answer is a day old: it may have been edited, or have come back', async () => {
    serveStories();
    const first = openIngestion('stale.db');
    await first.poller.pollFeeds([feed('all')]);
    first.close();
    bed.clock.advance(DAY - 60_000);
    const second = openIngestion('stale.db');
    await second.poller.pollFeeds([feed('politics')]);
    second.close();
    expect(bed.server.hits('/artikel')).toBe(1);
    bed.clock.advance(60_000);

    bed.rig = openIngestion('stale.db');
    await bed.rig.poller.pollFeeds([feed('home')]);

    expect(bed.server.hits('/artikel')).toBe(2);
    expect(bed.server.hits('/kapot')).toBe(2);
    expect(briefingText(bed.rig, 'home', 'guid:brug')).toContain('48 miljoen euro');
    expect(briefingText(bed.rig, 'home', 'guid:dijk')).toBe(DIKE_TEASER);
  });
});
