import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { plainFeedError } from '../../src/bot/feed-failure-text.js';
import { feedResponse } from '../helpers/feed-server.js';
import { pollFixture, spec, usePollBed } from '../helpers/poll-harness.js';

const V1 = pollFixture('news-v1.xml');
const V2 = pollFixture('news-v2.xml');
const MINUTE = 60_000;
const gzipped = (text: string): Buffer => gzipSync(Buffer.from(text));
const cutInHalf = (bytes: Buffer): Buffer => bytes.subarray(0, bytes.byteLength >> 1);

const bed = usePollBed('truncated.db');

describe('a feed whose compressed body ends early', () => {
  it('fails that feed alone, stores nothing of it and keeps its validators, so the next poll fetches it again whole', async () => {
    const feeds = [spec('cut', bed.server.url('/cut.xml')), spec('fine', bed.server.url('/fine.xml'))];
    bed.server.route('/fine.xml', feedResponse(V1));
    bed.server.route('/cut.xml', feedResponse(gzipped(V1), { etag: '"v1"', headers: { 'content-encoding': 'gzip' } }));
    await bed.rig.poller.pollFeeds(feeds);
    const before = bed.rig.articles.countArticles('cut');

    bed.clock.advance(31 * MINUTE);
    bed.server.route('/cut.xml', feedResponse(cutInHalf(gzipped(V2)), { etag: '"v2"', headers: { 'content-encoding': 'gzip' } }));
    const report = await bed.rig.poller.pollFeeds(feeds);
    expect(report.done.map((d) => d.feedId)).toEqual(['fine']);
    const failure = report.failed.find((f) => f.feedId === 'cut');
    expect(failure?.error).toMatch(/^jobs\/poll-feeds: feed cut: feeds\/fetch: compressed body ended early for http:\/\/127\.0\.0\.1:\d+\/cut\.xml: the gzip data stops before its end$/);
    expect(plainFeedError(failure?.error ?? '')).toBe('compressed body ended early: the gzip data stops before its end');
    expect(bed.rig.articles.countArticles('cut')).toBe(before);
    const state = bed.rig.feeds.getFeed('cut');
    expect(state).toMatchObject({ etag: '"v1"', consecutiveFailures: 1 });
    expect(state?.lastError).toBe(failure?.error);

    bed.clock.advance(31 * MINUTE);
    bed.server.route('/cut.xml', feedResponse(gzipped(V2), { etag: '"v2"', headers: { 'content-encoding': 'gzip' } }));
    const again = await bed.rig.poller.pollFeeds([feeds[0]!]);
    expect(bed.server.requests('/cut.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(again.done[0]).toMatchObject({ feedId: 'cut', status: 'ok' });
    expect(again.done[0]?.status === 'ok' && again.done[0].new).toBeGreaterThan(0);
    expect(bed.rig.feeds.getFeed('cut')).toMatchObject({ etag: '"v2"', consecutiveFailures: 0, lastError: null });
  });

  it('reports a body labelled gzip that is no gzip as such, not as a network error', async () => {
    bed.server.route('/mislabelled.xml', feedResponse(V1, { headers: { 'content-encoding': 'gzip' } }));
    const report = await bed.rig.poller.pollFeeds([spec('mislabelled', bed.server.url('/mislabelled.xml'))]);
    const error = report.failed[0]?.error ?? '';
    expect(error).toContain('feed mislabelled');
    expect(plainFeedError(error)).toBe('body does not match its Content-Encoding: body is not valid gzip');
    expect(bed.rig.articles.countArticles('mislabelled')).toBe(0);
  });
});

describe('a feed sent in a Content-Encoding the fetcher cannot undo', () => {
  it('fails that feed alone, saying so in plain words, and is tried again no sooner than any failed feed', async () => {
    const zstdLike = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), gzipped(V1)]);
    bed.server.route('/zstd.xml', feedResponse(zstdLike, { headers: { 'content-encoding': 'zstd' } }));
    bed.server.route('/down.xml', { status: 503 });
    bed.server.route('/fine.xml', feedResponse(V1));
    const feeds = [spec('zstd', bed.server.url('/zstd.xml')), spec('down', bed.server.url('/down.xml')), spec('fine', bed.server.url('/fine.xml'))];
    const report = await bed.rig.poller.pollFeeds(feeds);
    expect(report.done.map((d) => d.feedId)).toEqual(['fine']);
    const error = report.failed.find((f) => f.feedId === 'zstd')?.error ?? '';
    expect(error).toMatch(/^jobs\/poll-feeds: feed zstd: feeds\/fetch: unsupported Content-Encoding for http:\/\/127\.0\.0\.1:\d+\/zstd\.xml: zstd$/);
    expect(plainFeedError(error)).toBe('unsupported Content-Encoding: zstd');
    const state = bed.rig.feeds.getFeed('zstd');
    expect(state).toMatchObject({ consecutiveFailures: 1, lastError: error });
    expect(state?.nextPollAt).toBeGreaterThanOrEqual(bed.rig.feeds.getFeed('down')?.nextPollAt ?? Number.POSITIVE_INFINITY);
    expect(bed.rig.articles.countArticles('zstd')).toBe(0);
  });
});
