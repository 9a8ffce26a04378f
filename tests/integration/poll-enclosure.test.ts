import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import { clusterStories } from '../../src/core/story-clusters.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { createFullTextExtractor } from '../../src/fulltext/extract.js';
import { fetchPageWith } from '../../src/fulltext/fetch-page.js';
import { createSummarizer } from '../../src/jobs/summarize-article.js';
import { createLogger, type Logger } from '../../src/log.js';
import { feedResponse } from '../helpers/feed-server.js';
import { openPollRig, spec, usePollBed } from '../helpers/poll-harness.js';

const bed = usePollBed();
const TEASER = 'We talk about the harbour. It is short.';
const podcast = `<?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title>
  <item><title>Episode 12: the harbour</title><guid isPermaLink="false">ep-12</guid><description>${TEASER}</description>
    <enclosure url="/media/ep12.mp3" type="audio/mpeg" length="4096"/></item></channel></rss>`;
const photos = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Photos</title>${['Sunrise over the dunes', 'Fish market opens early', 'Tram line closed for repairs']
  .map((title, i) => `<entry><id>tag:photos.example,2024:${i}</id><title>${title}</title><updated>2024-05-06T0${i}:00:00Z</updated><summary>${title}.</summary><link rel="enclosure" href="/soon.jpg"/></entry>`)
  .join('')}</feed>`;

/** A rig whose summarizer fetches full text (loopback allowed), logging warnings into `lines`. */
function rigWithFullText(lines: string[]) {
  const logger: Logger = createLogger('warn', [], { write: (line: string) => void lines.push(line) });
  const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 3_000 });
  const fullText = createFullTextExtractor({ fetchPage: fetchPageWith(fetcher, { allowPrivateHosts: true }), logger });
  return openPollRig(`${bed.dir}/enclosure.db`, bed.clock, { summarize: createSummarizer({ budget: DEFAULT_BUDGET, fullText }) });
}

describe('items whose only link is an enclosure, polled over HTTP', () => {
  it('are stored and briefed with the enclosure as their source link, and the audio file is not read as an article page', async () => {
    bed.server.route('/pod.xml', feedResponse(podcast));
    bed.server.route('/media/ep12.mp3', { headers: { 'content-type': 'audio/mpeg' }, body: Buffer.alloc(4096, 0xff) });
    const warnings: string[] = [];
    bed.rig = rigWithFullText(warnings);
    const report = await bed.rig.poller.pollFeeds([spec('pod', bed.server.url('/pod.xml'), { fullText: 'always' })]);
    expect(report.done[0]).toMatchObject({ feedId: 'pod', new: 1, briefingsFailed: 0 });
    const [briefing] = bed.rig.recentBriefings(['pod'], 10);
    expect(briefing?.url).toBe(bed.server.url('/media/ep12.mp3'));
    expect(briefing?.headline).toBe('Episode 12: the harbour');
    // The page fetcher refused the MP3 by its type; the teaser was condensed instead.
    expect(warnings.join('\n')).toContain('unwanted media type');
    expect(warnings.join('\n')).toContain('audio/mpeg');
  });

  it('are not shown as one story when every entry points at the same placeholder file', async () => {
    bed.server.route('/photos.xml', feedResponse(photos, { contentType: 'application/atom+xml' }));
    bed.rig = rigWithFullText([]);
    await bed.rig.poller.pollFeeds([spec('photos', bed.server.url('/photos.xml'), { fullText: 'never' })]);
    const briefings = bed.rig.recentBriefings(['photos'], 10);
    expect(briefings).toHaveLength(3);
    expect(briefings.map((b) => b.url)).toEqual([null, null, null]);
    expect(clusterStories(briefings)).toHaveLength(3);
  });
});
