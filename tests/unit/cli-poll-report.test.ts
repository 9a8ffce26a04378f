import { describe, expect, it } from 'vitest';
import { describeResult, describeUnknownFeeds, pollExitStatus, renderPollReport } from '../../src/cli/poll.js';
import { describePollError, withoutFeedPrefix } from '../../src/jobs/poll-feed.js';
import type { FeedPollDone, PollReport } from '../../src/jobs/poll-ports.js';

const T = Date.UTC(2024, 4, 6, 12, 0, 0);
const done = (feedId: string, fields: Partial<FeedPollDone>): FeedPollDone => ({
  feedId, status: 'ok', new: 0, updated: 0, unchanged: 0, briefingsFailed: 0, movedTo: null, nextPollAt: T, ...fields,
});

describe('renderPollReport', () => {
  const report: PollReport = {
    done: [
      done('news', { new: 3, updated: 1, unchanged: 51 }),
      done('quiet', { status: 'not-modified' }),
      done('moved', { new: 2, movedTo: 'https://new.example/rss' }),
    ],
    failed: [{ feedId: 'gone', error: 'jobs/poll-feeds: feed gone: feeds/fetch: HTTP 410 for https://gone.example/rss', consecutiveFailures: 1, failing: false, nextPollAt: T }],
    skipped: ['busy'],
  };
  const lines = renderPollReport(report).split('\n');

  it('gives each column one meaning: the result in its own column, counts only for a document that was read', () => {
    expect(lines[0]).toMatch(/^feed\s+result\s+new\s+updated\s+unchanged\s+detail$/);
    expect(lines).toContainEqual(expect.stringMatching(/^news\s+ok\s+3\s+1\s+51$/));
    // A 304 read no document: no counts, and never a status code where a count belongs.
    expect(lines).toContainEqual(expect.stringMatching(/^quiet\s+not modified$/));
    expect(lines.join('\n')).not.toContain('304');
  });

  it('puts errors, skips and moves under detail, each with its result', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^gone\s+failed\s+feeds\/fetch: HTTP 410 for https:\/\/gone\.example\/rss$/));
    expect(lines).toContainEqual(expect.stringMatching(/^busy\s+skipped\s+already polling or interrupted$/));
    expect(lines).toContainEqual(expect.stringMatching(/^moved\s+ok\s+2\s+0\s+0\s+moved to https:\/\/new\.example\/rss$/));
    expect(lines.at(-1)).toBe('4 feeds polled: 3 ok, 1 failed, 5 new articles');
  });
});

describe('pollExitStatus', () => {
  const ok = done('news', { new: 1 });
  const failed = { feedId: 'gone', error: 'feeds/fetch: HTTP 410 for https://gone.example/rss', consecutiveFailures: 1, failing: false, nextPollAt: T };

  it('is 0 when no feed failed, also when some were skipped or none was polled', () => {
    expect(pollExitStatus({ done: [ok], failed: [], skipped: ['busy'] })).toBe(0);
    expect(pollExitStatus({ done: [], failed: [], skipped: [] })).toBe(0);
  });

  it('is 1 when every feed polled failed', () => {
    expect(pollExitStatus({ done: [], failed: [failed], skipped: [] })).toBe(1);
  });

  it('is 2 when some feeds failed and the others were polled, so cron and scripts can tell', () => {
    expect(pollExitStatus({ done: [ok], failed: [failed], skipped: [] })).toBe(2);
  });
});

describe('describeResult', () => {
  it('says a failure past the threshold leaves the feed polled rarely, in the words of newsbrief feeds', () => {
    const failed = { ok: false as const, feedId: 'gone', error: 'jobs/poll-feeds: feed gone: feeds/fetch: HTTP 410 for https://gone.example/rss', nextPollAt: T };
    expect(describeResult({ ...failed, consecutiveFailures: 3, failing: false })).toBe('failed: feeds/fetch: HTTP 410 for https://gone.example/rss');
    expect(describeResult({ ...failed, consecutiveFailures: 10, failing: true })).toBe('failed (10 in a row: polled rarely): feeds/fetch: HTTP 410 for https://gone.example/rss');
  });
});

describe('withoutFeedPrefix', () => {
  it('takes off exactly the lead describePollError writes, with or without the URL, and keeps the cause whole', () => {
    const url = 'https://news.example/rss';
    expect(withoutFeedPrefix(describePollError({ feedId: 'news', currentUrl: url }, new Error(`feeds/fetch: HTTP 404 for ${url}`)))).toBe(`feeds/fetch: HTTP 404 for ${url}`);
    expect(withoutFeedPrefix(describePollError({ feedId: 'news', currentUrl: url }, new Error('disk I/O error: (code 10)')))).toBe('disk I/O error: (code 10)');
    expect(withoutFeedPrefix('jobs/poll-feeds: feed news: aborted by shutdown')).toBe('aborted by shutdown');
    expect(withoutFeedPrefix('feeds/fetch: timed out')).toBe('feeds/fetch: timed out');
  });
});

describe('describeUnknownFeeds', () => {
  const known = ['nos-algemeen', 'tweakers', 'bbc-world'];

  it('names each unknown id with the feed it most likely meant', () => {
    expect(describeUnknownFeeds(['tweakerz'], known)).toBe('unknown feed id: tweakerz (did you mean tweakers?); `newsbrief feeds` lists them');
    expect(describeUnknownFeeds(['bbc-wrold', 'weather'], known)).toBe('unknown feed ids: bbc-wrold (did you mean bbc-world?), weather; `newsbrief feeds` lists them');
  });
});
