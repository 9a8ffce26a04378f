import { describe, expect, it } from 'vitest';
import { summariseRuns } from '../../bench/run-summary.js';

describe('summariseRuns (bench --runs N)', () => {
  it('gives the median, least and greatest of each numeric figure', () => {
    const summary = summariseRuns([
      { bench: 'poll', first_to_raw: 1.6, peak_rss_mb: 240 },
      { bench: 'poll', first_to_raw: 1.4, peak_rss_mb: 290 },
      { bench: 'poll', first_to_raw: 1.9, peak_rss_mb: 235 },
    ]);
    expect(summary).toEqual({
      runs: 3,
      median: { first_to_raw: 1.6, peak_rss_mb: 240 },
      min: { first_to_raw: 1.4, peak_rss_mb: 235 },
      max: { first_to_raw: 1.9, peak_rss_mb: 290 },
    });
  });

  it('takes the mean of the middle two for an even count, without float noise, and skips runs that lack a figure', () => {
    const summary = summariseRuns([{ first_s: 0.17, cpu: 1 }, { first_s: 0.29 }, { first_s: 0.2, cpu: 3 }, { first_s: 0.26, cpu: 2 }]);
    expect(summary.median).toEqual({ first_s: 0.23, cpu: 2 });
    expect(summary.min).toEqual({ first_s: 0.17, cpu: 1 });
  });
});
