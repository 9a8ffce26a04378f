import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { createIngestionSummarizer } from '../../src/ingestion.js';
import { createSilentLogger } from '../../src/log.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, spec, usePollBed } from '../helpers/poll-harness.js';

const PAGE = readFileSync('tests/fixtures/condense/article-page.html', 'utf8');
const BRIDGE_TEASER = 'De gemeenteraad van Zwolle stemt in met een nieuwe brug.';
const DIKE_TEASER = 'Het waterschap versterkt de dijk bij Hasselt.';

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Zwolle</title><link>https://zwolle.example/</link>${items}</channel></rss>`;
const item = (guid: string, title: string, link: string, teaser: string) =>
  `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>${link}</link><description>${teaser}</description></item>`;

const bed = usePollBed();

describe('an article two feeds carry, with only a teaser in each', () => {
  it('has its page fetched once, and both copies get their briefing from the page text (or both keep the teaser when it fails)', async () => {
    const { server } = bed;
    server.route('/artikel', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
    server.route('/kapot', { status: 500, body: 'oops' });
    // A site's "all news" and "politics" feeds: the same stories, links tagged per feed.
    const items = (tag: string) =>
      item('brug', 'Raad stemt in met brug over Zwarte Water', server.url(`/artikel?utm_source=${tag}`), BRIDGE_TEASER) +
      item('dijk', 'Dijk bij Hasselt wordt versterkt', server.url(`/kapot?utm_source=${tag}&amp;utm_medium=rss`), DIKE_TEASER);
    server.route('/all.xml', feedResponse(rss(items('all'))));
    server.route('/politics.xml', feedResponse(rss(items('politics'))));
    const summarize = createIngestionSummarizer({
      budget: DEFAULT_BUDGET,
      fetcher: createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 10_000 }),
      now: bed.clock.now,
      logger: createSilentLogger(),
      page: { allowPrivateHosts: true },
    });
    bed.rig = openPollRig(join(bed.dir, 'once.db'), bed.clock, { summarize });
    const feeds = ['all', 'politics'].map((id) => spec(id, server.url(`/${id}.xml`), { language: 'nl', fullText: 'auto' }));

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
