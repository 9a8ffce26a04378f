import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { createResummarizer, createSummarizer } from '../../src/jobs/summarize-article.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { createClock, openPollRig, spec, tempDir, type Clock, type PollRig } from '../helpers/poll-harness.js';

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
  rig = openPollRig(join(dir.dir, 'edits.db'), clock, {
    summarize: createSummarizer({ budget: DEFAULT_BUDGET }),
    resummarize: createResummarizer({ budget: DEFAULT_BUDGET }),
  });
});
afterEach(() => {
  rig.close();
  dir.cleanup();
});

describe('articles edited upstream', () => {
  it('get their briefing made again from the new text, keeping its place so nobody is sent it twice', async () => {
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
