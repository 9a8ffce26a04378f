import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/core/types.js';
import { RETRY_GRACE_MS, retryMissingBriefings } from '../../src/jobs/retry-briefings.js';
import { createSilentLogger } from '../../src/log.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, pollFixture, spec, usePollBed } from '../helpers/poll-harness.js';

const V1 = pollFixture('news-v1.xml');
const V2 = pollFixture('news-v2.xml');
const ATOM = pollFixture('atom.xml');
const MINUTE = 60_000;

const bed = usePollBed();

describe('pollDueFeeds', () => {
  it('polls only enabled feeds past their next poll time, honouring per-feed intervals and ttl', async () => {
    bed.rig = openPollRig(join(bed.dir, 'due.db'), bed.clock, { timing: { defaultIntervalMinutes: 15 } });
    bed.server.route('/ttl.xml', feedResponse(V1)); // <ttl>30</ttl>
    bed.server.route('/hourly.xml', feedResponse(ATOM));
    bed.server.route('/default.xml', feedResponse(ATOM));
    bed.server.route('/off.xml', feedResponse(ATOM));
    const feeds = [
      spec('ttl', bed.server.url('/ttl.xml')),
      spec('hourly', bed.server.url('/hourly.xml'), { intervalMinutes: 60 }),
      spec('default', bed.server.url('/default.xml')),
      spec('off', bed.server.url('/off.xml'), { enabled: false }),
    ];
    const polled = async (): Promise<string[]> => {
      const report = await bed.rig.poller.pollDueFeeds(feeds);
      return [...report.done, ...report.failed].map((r) => r.feedId).sort();
    };
    expect(await polled()).toEqual(['default', 'hourly', 'ttl']);
    expect(await polled()).toEqual([]);
    bed.clock.advance(16 * MINUTE);
    expect(await polled()).toEqual(['default']);
    bed.clock.advance(15 * MINUTE);
    expect(await polled()).toEqual(['default', 'ttl']);
    bed.clock.advance(30 * MINUTE);
    expect(await polled()).toEqual(['default', 'hourly', 'ttl']);
    expect(bed.server.hits('/off.xml')).toBe(0);
  });

  it('never polls the same feed twice at once', async () => {
    bed.rig = openPollRig(join(bed.dir, 'overlap.db'), bed.clock);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    bed.server.route('/slow.xml', async (_req, res) => {
      await gate;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(V1);
    });
    const feed = spec('slow', bed.server.url('/slow.xml'));
    const first = bed.rig.poller.pollFeeds([feed]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bed.rig.poller.inFlight().has('slow')).toBe(true);
    const second = await bed.rig.poller.pollFeeds([feed]);
    expect(second).toEqual({ done: [], failed: [], skipped: ['slow'] });
    release();
    expect((await first).done[0]?.new).toBe(3);
    expect(bed.rig.poller.inFlight().size).toBe(0);
    expect(bed.server.hits('/slow.xml')).toBe(1);
  });
});

describe('the summarize port', () => {
  const briefingOf = (title: string): Briefing => ({ headline: title, sentences: [`${title}.`], language: 'en', words: 2, chars: title.length + 1, method: 'lead' });

  it('condenses each new article once; a failure stores the article and leaves it for a retry', async () => {
    const seen: string[] = [];
    bed.rig = openPollRig(join(bed.dir, 'brief.db'), bed.clock, {
      summarize: async (article) => {
        seen.push(article.id);
        if (article.id === 'guid:loopback-1002') throw new Error('condense: no sentences');
        return briefingOf(article.title);
      },
    });
    bed.server.route('/brief.xml', feedResponse(V1, { etag: '"b1"' }));
    const feed = spec('brief', bed.server.url('/brief.xml'));
    const first = await bed.rig.poller.pollFeeds([feed]);
    expect(first.done[0]).toMatchObject({ new: 3, briefingsFailed: 1 });
    expect(bed.rig.articles.countArticles('brief')).toBe(3);
    const missing = bed.rig.articles.articlesMissingBriefing(10);
    expect(missing.map((a) => a.id)).toEqual(['guid:loopback-1002']);

    bed.clock.advance(31 * MINUTE);
    bed.server.route('/brief.xml', feedResponse(V2, { etag: '"b2"' }));
    await bed.rig.poller.pollFeeds([feed]);
    // The edited bridge item is not condensed again; only the new strike item is.
    expect(seen).toEqual(['guid:loopback-1001', 'guid:loopback-1002', 'guid:loopback-1003', 'guid:loopback-1004']);
    const latest = bed.rig.recentBriefings(['brief'], 10);
    // Newest briefing first; among the first poll's, the library item (no date: first seen at noon) before the 08:00 bridge.
    expect(latest.map((b) => b.articleId)).toEqual(['guid:loopback-1004', 'guid:loopback-1003', 'guid:loopback-1001']);
    expect(latest[0]).toMatchObject({ feedId: 'brief', headline: 'Train strike called off', createdAt: bed.clock.now() });

    // The retry job condenses what failed before.
    bed.clock.advance(MINUTE);
    const retried = await retryMissingBriefings({ articles: bed.rig.articles, summarize: async (article) => briefingOf(article.title), now: bed.clock.now, logger: createSilentLogger() }, [feed]);
    expect(retried).toEqual({ done: 1, failed: 0 });
    expect(bed.rig.articles.articlesMissingBriefing(10)).toEqual([]);
    expect(bed.rig.recentBriefings(['brief'], 1)[0]?.articleId).toBe('guid:loopback-1002');
  });

  it('stores articles with no briefing when no summarizer is wired, for the retry job to pick up', async () => {
    bed.rig = openPollRig(join(bed.dir, 'none.db'), bed.clock);
    bed.server.route('/none.xml', feedResponse(V1));
    await bed.rig.poller.pollFeeds([spec('none', bed.server.url('/none.xml'))]);
    expect(bed.rig.articles.articlesMissingBriefing(10)).toHaveLength(3);
    bed.clock.advance(RETRY_GRACE_MS + MINUTE);
    const retried = await retryMissingBriefings({ articles: bed.rig.articles, summarize: async (article) => briefingOf(article.title), now: bed.clock.now, logger: createSilentLogger() }, []);
    expect(retried).toEqual({ done: 0, failed: 3 });
    expect(bed.rig.articles.articlesMissingBriefing(10, 1)).toEqual([]);
  });

  it('leaves articles first seen within the grace period to the poller, and retries them after it', async () => {
    bed.rig = openPollRig(join(bed.dir, 'grace.db'), bed.clock);
    bed.server.route('/grace.xml', feedResponse(V1));
    const feed = spec('grace', bed.server.url('/grace.xml'));
    await bed.rig.poller.pollFeeds([feed]);
    const condensed: string[] = [];
    const deps = { articles: bed.rig.articles, summarize: async (article: { id: string; title: string }) => (condensed.push(article.id), briefingOf(article.title)), now: bed.clock.now, logger: createSilentLogger() };
    bed.clock.advance(RETRY_GRACE_MS - MINUTE);
    expect(await retryMissingBriefings(deps, [feed])).toEqual({ done: 0, failed: 0 });
    expect(condensed).toEqual([]);
    bed.clock.advance(2 * MINUTE);
    expect(await retryMissingBriefings(deps, [feed])).toEqual({ done: 3, failed: 0 });
  });

  it('stops condensing a poll\'s new articles once the shutdown signal aborts, leaving them for the retry job', async () => {
    const controller = new AbortController();
    const condensed: string[] = [];
    bed.rig = openPollRig(join(bed.dir, 'poll-abort.db'), bed.clock, {
      summarize: async (article) => {
        condensed.push(article.id);
        controller.abort();
        return briefingOf(article.title);
      },
    });
    bed.server.route('/poll-abort.xml', feedResponse(V1));
    const report = await bed.rig.poller.pollFeeds([spec('poll-abort', bed.server.url('/poll-abort.xml'))], { signal: controller.signal });
    expect(report.done[0]).toMatchObject({ new: 3, briefingsFailed: 0 });
    expect(condensed).toHaveLength(1);
    expect(bed.rig.articles.articlesMissingBriefing(10)).toHaveLength(2);
  });

  it('stops between articles once the signal aborts', async () => {
    bed.rig = openPollRig(join(bed.dir, 'abort.db'), bed.clock);
    bed.server.route('/abort.xml', feedResponse(V1));
    const feed = spec('abort', bed.server.url('/abort.xml'));
    await bed.rig.poller.pollFeeds([feed]);
    bed.clock.advance(RETRY_GRACE_MS + MINUTE);
    const controller = new AbortController();
    const summarize = async (article: { title: string }): Promise<Briefing> => {
      controller.abort();
      return briefingOf(article.title);
    };
    const report = await retryMissingBriefings({ articles: bed.rig.articles, summarize, now: bed.clock.now, logger: createSilentLogger() }, [feed], { signal: controller.signal });
    expect(report).toEqual({ done: 1, failed: 0 });
    expect(bed.rig.articles.articlesMissingBriefing(10)).toHaveLength(2);
  });
});
