import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { createSummarizer } from '../../src/jobs/summarize-article.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, spec, usePollBed } from '../helpers/poll-harness.js';

const bed = usePollBed();
// A link-only item and an image-only one (no title, no text) beside an ordinary story.
const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Posts</title><link>https://posts.example/</link>
  <item><link>https://posts.example/1</link><guid>https://posts.example/1</guid></item>
  <item><title> </title><description><![CDATA[<img src="https://posts.example/dunes.jpg"/>]]></description><link>https://posts.example/2</link></item>
  <item><title>Ferry back in service</title><description>The ferry to the island sails again. Repairs took three weeks.</description><link>https://posts.example/3</link></item>
</channel></rss>`;

describe('items with neither a title nor any text, polled over HTTP', () => {
  it('never reach a digest or /latest as a bare source link', async () => {
    bed.server.route('/posts.xml', feedResponse(feed));
    bed.rig = openPollRig(`${bed.dir}/empty.db`, bed.clock, { summarize: createSummarizer({ budget: DEFAULT_BUDGET }) });
    const report = await bed.rig.poller.pollFeeds([spec('posts', bed.server.url('/posts.xml'))]);
    expect(report.done[0]).toMatchObject({ feedId: 'posts', new: 3, briefingsFailed: 0 });
    const subscribers = createSqliteSubscriberRepository(bed.rig.db);
    subscribers.ensure({ chatId: 1, chatType: 'private', title: null, language: 'en', timezone: 'UTC', digestTime: '07:00' }, bed.clock.now());
    const headlines = (briefings: readonly { headline: string }[]) => briefings.map((b) => b.headline);
    expect(headlines(bed.rig.articles.listBriefingsSince(0, 10))).toEqual(['Ferry back in service']);
    expect(headlines(bed.rig.recentBriefings(['posts'], 1))).toEqual(['Ferry back in service']);
    expect(headlines(subscribers.unseenBriefings(1, ['posts'], 1))).toEqual(['Ferry back in service']);
  });
});
