import { describe, expect, it } from 'vitest';
import { judgeLiveness } from '../../src/cli/health.js';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const state = (feedId: string, lastPolledAgoMin: number | null, nextPollInMin: number) => ({
  feedId, lastPolledAt: lastPolledAgoMin === null ? null : NOW - lastPolledAgoMin * MIN, nextPollAt: NOW + nextPollInMin * MIN,
});

describe('judgeLiveness', () => {
  it('is healthy while every feed it is given is polled on time, failing ones included, whatever others are stored', () => {
    const verdict = judgeLiveness(['a', 'b'], [state('a', 2, 13), state('b', 40, -3), state('off', 900, -800)], NOW, 10 * MIN);
    expect(verdict).toEqual({ healthy: true, summary: 'healthy: 2 feeds polled on time; last poll 2 min ago' });
  });

  it('is unhealthy when a due feed waits longer than the grace, naming the latest first', () => {
    const verdict = judgeLiveness(['a', 'b', 'c'], [state('a', 50, -35), state('b', 60, -45), state('c', 1, 14)], NOW, 10 * MIN);
    expect(verdict).toEqual({ healthy: false, summary: 'unhealthy: of 3 feeds, 2 overdue by more than 10 min (b 45 min, a 35 min); last poll 1 min ago' });
  });

  it('is unhealthy when a feed was never polled, and says when nothing was', () => {
    expect(judgeLiveness(['a', 'new'], [state('a', 3, 12)], NOW, 10 * MIN).summary)
      .toBe('unhealthy: of 2 feeds, 1 never polled (new); last poll 3 min ago');
    expect(judgeLiveness(['a'], [], NOW, 10 * MIN)).toEqual({ healthy: false, summary: 'unhealthy: of 1 feed, 1 never polled (a); no poll yet' });
  });

  it('has nothing to judge without enabled feeds', () => {
    expect(judgeLiveness([], [state('off', 900, -800)], NOW, 10 * MIN).healthy).toBe(true);
  });
});
