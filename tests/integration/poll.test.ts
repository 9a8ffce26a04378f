import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { RETRY_GRACE_MS, retryMissingBriefings } from '../../src/jobs/retry-briefings.js';
import { createResummarizer, createSummarizer } from '../../src/jobs/summarize-article.js';
import { createLogger } from '../../src/log.js';
import { openDatabase } from '../../src/store/database.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, pollFixture, spec, usePollBed } from '../helpers/poll-harness.js';

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


const bed = usePollBed('news.db');

describe('dedupe across polls', () => {
  it('stores new items once, updates edits in place without announcing them, and never re-announces a returning item', async () => {
    const feed = spec('loopback', bed.server.url('/dedupe.xml'));
    bed.server.route('/dedupe.xml', feedResponse(V1, { etag: '"v1"' }));
    const first = await bed.rig.poller.pollFeeds([feed]);
    expect(first.failed).toEqual([]);
    expect(first.done[0]).toMatchObject({ feedId: 'loopback', status: 'ok', new: 3, updated: 0, unchanged: 0 });
    const firstSeen = bed.clock.now();

    bed.clock.advance(30 * MINUTE);
    bed.server.route('/dedupe.xml', feedResponse(V2, { etag: '"v2"' }));
    const second = await bed.rig.poller.pollFeeds([feed]);
    expect(second.done[0]).toMatchObject({ new: 1, updated: 1, unchanged: 1 });

    const bridge = bed.rig.articles.findArticle('loopback', 'guid:loopback-1001');
    expect(bridge?.title).toBe('Council approves new bridge after long debate');
    expect(bridge?.firstSeenAt).toBe(firstSeen);
    expect(bridge?.updatedAt).toBe(bed.clock.now());
    // No date in the feed: published falls back to the first-seen time and stays there.
    expect(bed.rig.articles.findArticle('loopback', 'guid:loopback-1003')?.publishedAt).toBe(firstSeen);

    bed.clock.advance(30 * MINUTE);
    bed.server.route('/dedupe.xml', feedResponse(V3, { etag: '"v3"' }));
    const third = await bed.rig.poller.pollFeeds([feed]);
    expect(third.done[0]).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(bed.rig.articles.countArticles('loopback')).toBe(4);
    const seqs = bed.rig.articles.listArticlesSince(0, 100).map((article) => article.seq);
    expect(new Set(seqs).size).toBe(4);
  });

  it('dedupes across a restart on the same database file', async () => {
    const path = join(bed.dir, 'restart.db');
    const feed = spec('restart', bed.server.url('/restart.xml'));
    bed.server.route('/restart.xml', feedResponse(V1, { etag: '"r1"' }));
    const before = openPollRig(path, bed.clock);
    expect((await before.poller.pollFeeds([feed])).done[0]?.new).toBe(3);
    before.close();

    // A new etag forces a full fetch and parse: dedupe must come from the file, not memory.
    bed.server.route('/restart.xml', feedResponse(V1, { etag: '"r2"' }));
    bed.clock.advance(60 * MINUTE);
    const after = openPollRig(path, bed.clock);
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
    const feed = spec('cond', bed.server.url('/cond.xml'));
    bed.server.route('/cond.xml', feedResponse(V1, { etag: '"c1"', lastModified: 'Mon, 06 May 2024 10:00:00 GMT' }));
    await bed.rig.poller.pollFeeds([feed]);
    expect(bed.rig.parseCalls()).toBe(1);
    const changesBefore = bed.rig.db.prepare('SELECT total_changes() AS n').get() as { n: number };

    bed.clock.advance(31 * MINUTE);
    const report = await bed.rig.poller.pollFeeds([feed]);
    expect(report.done[0]).toMatchObject({ status: 'not-modified', new: 0, updated: 0, unchanged: 0 });
    expect(bed.rig.parseCalls()).toBe(1);
    const last = bed.server.requests('/cond.xml').at(-1);
    expect(last?.headers['if-none-match']).toBe('"c1"');
    expect(last?.headers['if-modified-since']).toBe('Mon, 06 May 2024 10:00:00 GMT');
    const changesAfter = bed.rig.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(changesAfter.n - changesBefore.n).toBe(1);
    const state = bed.rig.feeds.getFeed('cond');
    expect(state?.lastSuccessAt).toBe(bed.clock.now());
    // The feed's <ttl>30</ttl> is remembered and still honoured after a 304.
    expect(state?.ttlMinutes).toBe(30);
    expect(state?.nextPollAt).toBe(bed.clock.now() + 30 * MINUTE);
  });

  it('leaves a feed whose 304 state the database was too busy to take still due, and says so', async () => {
    const warnings: string[] = [];
    const path = join(bed.dir, 'busy.db');
    const rig = openPollRig(path, bed.clock, { logger: createLogger('warn', [], { write: (line: string) => void warnings.push(line) }) });
    const other = openDatabase(path);
    try {
      const feed = spec('busy', bed.server.url('/busy.xml'));
      bed.server.route('/busy.xml', feedResponse(V1, { etag: '"b1"' }));
      await rig.poller.pollFeeds([feed]);
      const due = rig.feeds.getFeed('busy')?.nextPollAt ?? Number.NaN;

      bed.clock.advance(31 * MINUTE);
      rig.db.pragma('busy_timeout = 0');
      other.exec('BEGIN IMMEDIATE');
      const report = await rig.poller.pollFeeds([feed]);
      other.exec('COMMIT');
      expect(report.done[0]).toMatchObject({ status: 'not-modified' });
      expect(warnings.join('')).toContain('not saved; they will be asked again');
      expect(rig.feeds.getFeed('busy')?.nextPollAt).toBe(due);
      expect(due).toBeLessThan(bed.clock.now());
    } finally {
      other.close();
      rig.close();
    }
  });
});

describe('failures', () => {
  it('a broken feed among good ones records its error and the others go on', async () => {
    bed.server.route('/good.xml', feedResponse(V1));
    bed.server.route('/missing.xml', { status: 404, body: 'nope' });
    bed.server.route('/page.xml', { status: 200, headers: { 'content-type': 'text/html' }, body: pollFixture('not-a-feed.html') });
    const feeds = [spec('good', bed.server.url('/good.xml')), spec('missing', bed.server.url('/missing.xml')), spec('page', bed.server.url('/page.xml'))];
    const report = await bed.rig.poller.pollFeeds(feeds);
    expect(report.done.map((d) => d.feedId)).toEqual(['good']);
    expect(report.failed.map((f) => f.feedId).sort()).toEqual(['missing', 'page']);
    const missing = report.failed.find((f) => f.feedId === 'missing');
    expect(missing?.error).toMatch(/^jobs\/poll-feeds: feed missing: feeds\/fetch: HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/missing\.xml/);
    const page = bed.rig.feeds.getFeed('page');
    expect(page?.lastError).toContain('page');
    expect(page?.lastError).toContain(bed.server.url('/page.xml'));
    expect(page?.lastError).toMatch(/HTML page/i);
    expect(bed.rig.articles.countArticles('good')).toBe(3);
    expect(bed.rig.articles.countArticles('page')).toBe(0);
  });

  it('names where redirects led when the page there is no feed (a login wall)', async () => {
    bed.server.route('/walled.xml', { status: 302, headers: { location: '/login?next=%2Fwalled.xml' } });
    bed.server.route('/login', { headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><head><title>Sign in</title></head><body>Sign in first.</body></html>' });
    await bed.rig.poller.pollFeeds([spec('walled', bed.server.url('/walled.xml'))]);
    expect(bed.rig.feeds.getFeed('walled')?.lastError).toBe(
      `jobs/poll-feeds: feed walled (${bed.server.url('/walled.xml')}, redirected to ${bed.server.url('/login?next=%2Fwalled.xml')}): ` +
        'feeds/parse: feed "walled": the document is an HTML page, not a feed (title: "Sign in")',
    );
  });

  it('records a JSON answer that is no feed (an API error) as JSON, not as a document without XML', async () => {
    bed.server.route('/api.json', { headers: { 'content-type': 'application/json' }, body: '{"error":"forbidden","code":403}' });
    const report = await bed.rig.poller.pollFeeds([spec('api', bed.server.url('/api.json'))]);
    expect(report.failed[0]?.error).toBe(`jobs/poll-feeds: feed api (${bed.server.url('/api.json')}): feeds/parse: feed "api": the document is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")`);
  });

  it('backs off on consecutive failures, honours Retry-After, marks the feed failing and recovers', async () => {
    const local = openPollRig(join(bed.dir, 'backoff.db'), bed.clock, { timing: { failingAfter: 3, defaultIntervalMinutes: 10, minIntervalMinutes: 5 } });
    try {
      const feed = spec('flaky', bed.server.url('/flaky.xml'));
      bed.server.route('/flaky.xml', { status: 503, headers: { 'retry-after': '3600' }, body: 'busy' });
      const first = await local.poller.pollFeeds([feed]);
      expect(first.failed[0]).toMatchObject({ feedId: 'flaky', consecutiveFailures: 1, failing: false });
      expect(first.failed[0]?.nextPollAt).toBe(bed.clock.now() + 60 * MINUTE);

      bed.server.route('/flaky.xml', { status: 500, body: 'boom' });
      const nextPolls: number[] = [];
      for (let i = 0; i < 2; i += 1) {
        bed.clock.advance(61 * MINUTE);
        const report = await local.poller.pollFeeds([feed]);
        nextPolls.push((report.failed[0]?.nextPollAt ?? 0) - bed.clock.now());
      }
      // 10 min doubled per failure: 20 min after the second failure; the third marks it failing.
      expect(nextPolls[0]).toBe(20 * MINUTE);
      const state = local.feeds.getFeed('flaky');
      expect(state).toMatchObject({ consecutiveFailures: 3, failing: true });
      expect(state?.lastError).toContain('HTTP 500');
      expect(state?.lastError).toContain(bed.server.url('/flaky.xml'));

      bed.server.route('/flaky.xml', feedResponse(V1));
      bed.clock.advance(24 * 60 * MINUTE);
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
    bed.server.route('/old.xml', { status: 301, headers: { location: '/new.xml' } });
    bed.server.route('/new.xml', feedResponse(V1, { etag: '"n1"' }));
    const feed = spec('moved', bed.server.url('/old.xml'));
    const report = await bed.rig.poller.pollFeeds([feed]);
    expect(report.done[0]?.movedTo).toBe(bed.server.url('/new.xml'));
    expect(bed.rig.feeds.getFeed('moved')?.currentUrl).toBe(bed.server.url('/new.xml'));
    bed.clock.advance(31 * MINUTE);
    await bed.rig.poller.pollFeeds([feed]);
    expect(bed.server.hits('/old.xml')).toBe(1);
    expect(bed.server.hits('/new.xml')).toBe(2);
  });

  it('keeps the configured URL after a temporary redirect', async () => {
    bed.server.route('/temp.xml', { status: 302, headers: { location: '/temp-target.xml' } });
    bed.server.route('/temp-target.xml', feedResponse(V1));
    await bed.rig.poller.pollFeeds([spec('temp', bed.server.url('/temp.xml'))]);
    expect(bed.rig.feeds.getFeed('temp')?.currentUrl).toBe(bed.server.url('/temp.xml'));
  });

  it('starts over from feeds.json when the operator changes the URL', async () => {
    bed.server.route('/first.xml', { status: 308, headers: { location: '/second.xml' } });
    bed.server.route('/second.xml', feedResponse(V1, { etag: '"s"' }));
    bed.server.route('/third.xml', feedResponse(V2, { etag: '"t"' }));
    await bed.rig.poller.pollFeeds([spec('edited', bed.server.url('/first.xml'))]);
    const edited = spec('edited', bed.server.url('/third.xml'));
    const due = await bed.rig.poller.pollDueFeeds([edited]);
    expect(due.done[0]).toMatchObject({ feedId: 'edited', new: 1, updated: 1, unchanged: 1 });
    expect(bed.rig.feeds.getFeed('edited')).toMatchObject({ configuredUrl: bed.server.url('/third.xml'), currentUrl: bed.server.url('/third.xml'), etag: '"t"' });
  });
});

describe('articles edited upstream', () => {
  it('get their briefing made again from the new text, keeping its place so nobody is sent it twice', async () => {
    bed.rig.close();
    bed.rig = openPollRig(join(bed.dir, 'edits.db'), bed.clock, {
      summarize: createSummarizer({ budget: DEFAULT_BUDGET }),
      resummarize: createResummarizer({ budget: DEFAULT_BUDGET }),
    });
    const feed = spec('edits', bed.server.url('/edits.xml'), { fullText: 'auto' });
    bed.server.route('/edits.xml', feedResponse(rss(item('storm', 'Storm hits the coast', story('three')) + item('teaser', 'Budget talks', 'Talks go on.'))));
    await bed.rig.poller.pollFeeds([feed]);
    const before = bed.rig.recentBriefings(['edits'], 10);
    const stormBefore = before.find((b) => b.articleId === 'guid:storm');
    expect(stormBefore?.sentences.join(' ')).toContain('three people died');
    const teaserBefore = before.find((b) => b.articleId === 'guid:teaser');

    bed.clock.advance(30 * MINUTE);
    bed.server.route('/edits.xml', feedResponse(rss(item('storm', 'Storm hits the coast', story('seven')) + item('teaser', 'Budget talks', 'Talks go on tonight.'))));
    const second = await bed.rig.poller.pollFeeds([feed]);
    expect(second.done[0]).toMatchObject({ new: 0, updated: 2, unchanged: 0 });

    const after = bed.rig.recentBriefings(['edits'], 10);
    const stormAfter = after.find((b) => b.articleId === 'guid:storm');
    expect(stormAfter?.sentences.join(' ')).toContain('seven people died');
    expect(stormAfter?.sentences.join(' ')).not.toContain('three people died');
    expect(stormAfter?.createdAt).toBe(stormBefore?.createdAt);
    expect(stormAfter?.articleSeq).toBe(stormBefore?.articleSeq);
    // Digests page by creation time: the edit does not make it new again.
    expect(bed.rig.articles.listBriefingsSince(stormBefore!.createdAt, 10)).toEqual([]);
    // A teaser would need its page again: the first briefing stays as it was.
    expect(after.find((b) => b.articleId === 'guid:teaser')).toEqual(teaserBefore);
  });

  it('leaves the paragraph every item of a feed repeats (the channel\'s own text) out of the briefings', async () => {
    bed.rig.close();
    bed.rig = openPollRig(join(bed.dir, 'standing.db'), bed.clock, { summarize: createSummarizer({ budget: DEFAULT_BUDGET }) });
    const about = 'About the channel: the premium destination for science, exploration and adventure, where scientists and filmmakers bring you closer to the stories that matter.';
    const video = (guid: string, title: string, line: string) => item(guid, title, `&lt;p&gt;${line}&lt;/p&gt;&lt;p&gt;${about}&lt;/p&gt;`);
    bed.server.route('/channel.xml', feedResponse(rss(
      video('bust', 'Making an undercover drug bust', 'A DEA agent describes one of his first sting operations while tracking down a large drug cartel.') +
      video('sky', 'How to photograph the night sky', 'A racing driver and a photographer show how to take pictures of the stars at night.') +
      video('manila', 'Into the heart of Manila', 'A photographer returns to the streets of the city she was not allowed to explore as a child.'),
    )));
    await bed.rig.poller.pollFeeds([spec('channel', bed.server.url('/channel.xml'))]);
    const briefings = bed.rig.recentBriefings(['channel'], 10);
    expect(briefings).toHaveLength(3);
    for (const briefing of briefings) expect(briefing.sentences.join(' ')).not.toContain('premium destination');
    expect(briefings.find((b) => b.articleId === 'guid:bust')?.sentences).toEqual(['A DEA agent describes one of his first sting operations while tracking down a large drug cartel.']);
    // The stored text keeps the paragraph: only the briefing leaves it out.
    expect(bed.rig.articles.listArticlesSince(0, 10).every((a) => a.summary.includes('premium destination'))).toBe(true);
  });

  it('leaves the channel\'s own text out of a briefing the retry job makes later, too', async () => {
    bed.rig.close();
    // No summarizer at poll time: the articles wait for the retry job, as after a crash.
    bed.rig = openPollRig(join(bed.dir, 'standing-retry.db'), bed.clock);
    const about = 'This is the official channel of the evening news, where new reports are uploaded every single day of the week.';
    const video = (guid: string, title: string, line: string) => item(guid, title, `&lt;p&gt;${line}&lt;/p&gt;&lt;p&gt;${about}&lt;/p&gt;`);
    const feed = spec('channel', bed.server.url('/channel.xml'));
    bed.server.route('/channel.xml', feedResponse(rss(
      video('flood', 'Flooding in the north', 'Rivers in the north burst their banks after three days of heavy rain.') +
      video('vote', 'Council vote delayed', 'The council postponed its vote on the new harbour until after the summer.') +
      video('race', 'Marathon record', 'A local runner broke the city marathon record by more than a minute.'),
    )));
    await bed.rig.poller.pollFeeds([feed]);
    bed.clock.advance(RETRY_GRACE_MS + 60_000);
    const deps = { articles: bed.rig.articles, summarize: createSummarizer({ budget: DEFAULT_BUDGET }), now: bed.clock.now, logger: createLogger('silent') };
    expect(await retryMissingBriefings(deps, [feed])).toEqual({ done: 3, failed: 0 });
    const briefings = bed.rig.recentBriefings(['channel'], 10);
    expect(briefings).toHaveLength(3);
    for (const briefing of briefings) expect(briefing.sentences.join(' ')).not.toContain('official channel');
    expect(briefings.find((b) => b.articleId === 'guid:vote')?.sentences).toEqual(['The council postponed its vote on the new harbour until after the summer.']);
  });

  it('stores a document newest-first as oldest-first, so /latest and digests read the newest news first', async () => {
    bed.rig.close();
    bed.rig = openPollRig(join(bed.dir, 'order.db'), bed.clock, { summarize: createSummarizer({ budget: DEFAULT_BUDGET }) });
    const dated = (guid: string, title: string, hour: string) =>
      item(guid, title, `${title} happened today.`).replace('</item>', `<pubDate>Mon, 06 May 2024 ${hour}:00:00 GMT</pubDate></item>`);
    // As feeds list them: newest first; the undated item counts as first seen now, the newest.
    const doc = rss(item('undated', 'Undated notice', 'A notice without a date.') + dated('noon', 'Noon news', '12') + dated('ten', 'Ten news', '10') + dated('eight', 'Eight news', '08'));
    bed.server.route('/order.xml', feedResponse(doc));
    await bed.rig.poller.pollFeeds([spec('order', bed.server.url('/order.xml'))]);
    const newestFirst = ['guid:undated', 'guid:noon', 'guid:ten', 'guid:eight'];
    const recent = bed.rig.recentBriefings(['order'], 10);
    expect(recent.map((b) => b.articleId)).toEqual(newestFirst);
    expect(bed.rig.articles.listArticlesSince(0, 10).map((a) => a.id)).toEqual([...newestFirst].reverse());
  });
});
