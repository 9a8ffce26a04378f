import { describe, expect, it } from 'vitest';
import type { FeedSpec } from '../../src/core/types.js';
import { selectDueFeeds } from '../../src/jobs/due-feeds.js';
import { initialFeedRecord, type FeedRecord } from '../../src/store/feed-repository.js';

const NOW = Date.UTC(2024, 4, 6, 12, 0, 0);
const feed = (id: string, extra: Partial<FeedSpec> = {}): FeedSpec => ({
  id, url: `https://${id}.test/feed`, title: id, language: 'en', topics: ['news'], enabled: true, fullText: 'auto', weight: 1, ...extra,
});
const record = (id: string, nextPollAt: number, url = `https://${id}.test/feed`): FeedRecord => ({ ...initialFeedRecord(id, url), nextPollAt, lastPolledAt: NOW - 1 });

describe('selectDueFeeds', () => {
  it('picks never-polled feeds first, then feeds past their next poll, most overdue first', () => {
    const specs = [feed('later'), feed('late'), feed('new'), feed('exact'), feed('overdue')];
    const records = [record('later', NOW + 1), record('late', NOW - 1_000), record('exact', NOW), record('overdue', NOW - 60_000)];
    expect(selectDueFeeds(specs, records, NOW).map((f) => f.id)).toEqual(['new', 'overdue', 'late', 'exact']);
  });

  it('skips disabled feeds even when they are due', () => {
    expect(selectDueFeeds([feed('off', { enabled: false })], [], NOW)).toEqual([]);
  });

  it('treats a feed whose URL changed in feeds.json as due now', () => {
    const specs = [feed('moved', { url: 'https://elsewhere.test/feed' })];
    expect(selectDueFeeds(specs, [record('moved', NOW + 3_600_000)], NOW).map((f) => f.id)).toEqual(['moved']);
  });

  it('ignores stored feeds that are no longer configured', () => {
    expect(selectDueFeeds([], [record('orphan', 0)], NOW)).toEqual([]);
  });
});
