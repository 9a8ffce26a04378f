import { describe, expect, it } from 'vitest';
import { judgeLiveness } from '../../src/cli/health.js';
import type { FeedSpec } from '../../src/core/types.js';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const spec = (id: string, enabled = true): FeedSpec => ({ id, url: `https://feeds.example/${id}`, title: id, language: 'en', topics: ['world'], enabled, fullText: 'never', weight: 1 });
const state = (feedId: string, lastPolledAgoMin: number | null, nextPollInMin: number) => ({
  feedId, lastPolledAt: lastPolledAgoMin === null ? null : NOW - lastPolledAgoMin * MIN, nextPollAt: NOW + nextPollInMin * MIN,
});

describe('judgeLiveness', () => {
  it('is healthy while every enabled feed is polled on time, failing ones included', () => {
    const verdict = judgeLiveness([spec('a'), spec('b'), spec('off', false)], [state('a', 2, 13), state('b', 40, -3)], NOW, 10 * MIN);
    expect(verdict).toEqual({ healthy: true, summary: 'healthy: 2 feeds polled on time; last poll 2 min ago' });
  });

  it('is unhealthy when a due feed waits longer than the grace, naming the latest first', () => {
    const verdict = judgeLiveness([spec('a'), spec('b'), spec('c')], [state('a', 50, -35), state('b', 60, -45), state('c', 1, 14)], NOW, 10 * MIN);
    expect(verdict).toEqual({ healthy: false, summary: 'unhealthy: of 3 feeds, 2 overdue by more than 10 min (b 45 min, a 35 min); last poll 1 min ago' });
  });

  it('is unhealthy when a feed was never polled, and says when nothing was', () => {
    expect(judgeLiveness([spec('a'), spec('new')], [state('a', 3, 12)], NOW, 10 * MIN).summary)
      .toBe('unhealthy: of 2 feeds, 1 never polled (new); last poll 3 min ago');
    expect(judgeLiveness([spec('a')], [], NOW, 10 * MIN)).toEqual({ healthy: false, summary: 'unhealthy: of 1 feed, 1 never polled (a); no poll yet' });
  });

  it('has nothing to judge without enabled feeds', () => {
    expect(judgeLiveness([spec('off', false)], [], NOW, 10 * MIN).healthy).toBe(true);
  });
});
