import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/log.js';
import { createScheduler, pollFeedsJob, POLL_TICK_CRON, retryBriefingsJob } from '../../src/scheduler.js';
import type { ArticleRepository } from '../../src/store/article-repository.js';
import type { FeedPoller, PollReport } from '../../src/jobs/poll-feeds.js';

const EVERY_SECOND = '* * * * * *';

describe('createScheduler', () => {
  it('runs a job on its cron, never overlapping itself, and on stop aborts it and waits for it', async () => {
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    let sawAbort = false;
    let finished = false;
    const scheduler = createScheduler([{
      name: 'slow',
      cron: EVERY_SECOND,
      run: async (signal) => {
        runs += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        // Longer than the tick, so a naive scheduler would start a second run.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2_500);
          signal.addEventListener('abort', () => { sawAbort = true; clearTimeout(timer); resolve(); }, { once: true });
        });
        active -= 1;
        finished = true;
      },
    }], createSilentLogger());
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    await scheduler.stop();
    expect(runs).toBe(1);
    expect(maxActive).toBe(1);
    expect(sawAbort).toBe(true);
    expect(finished).toBe(true);
    await scheduler.stop();
  });

  it('keeps ticking after a job throws', async () => {
    let runs = 0;
    const scheduler = createScheduler([{ name: 'throws', cron: EVERY_SECOND, run: async () => { runs += 1; throw new Error('boom'); } }], createSilentLogger());
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await scheduler.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
  });
});

describe('pollFeedsJob', () => {
  it('ticks every minute and hands the due-feed poll the shutdown signal', async () => {
    const seen: AbortSignal[] = [];
    const empty: PollReport = { done: [], failed: [], skipped: [] };
    const poller: FeedPoller = {
      pollFeeds: async () => empty,
      pollDueFeeds: async (_specs, options) => { if (options?.signal) seen.push(options.signal); return empty; },
      inFlight: () => new Set(),
    };
    const job = pollFeedsJob(poller, () => [], createSilentLogger());
    expect(job.cron).toBe(POLL_TICK_CRON);
    const controller = new AbortController();
    await job.run(controller.signal);
    expect(seen).toEqual([controller.signal]);
  });
});

describe('retryBriefingsJob', () => {
  it('hands the retry run the shutdown signal, so an aborted run condenses nothing', async () => {
    let condensed = 0;
    const stored = [{ seq: 1, feedId: 'a' }, { seq: 2, feedId: 'a' }];
    const articles = { articlesMissingBriefing: () => stored } as unknown as ArticleRepository;
    const deps = {
      articles,
      summarize: async () => {
        condensed += 1;
        throw new Error('must not run');
      },
      now: () => 0,
      logger: createSilentLogger(),
    };
    const feed = { id: 'a', url: 'https://a.example/feed', title: 'a', language: 'en', topics: ['news'], enabled: true, fullText: 'never' as const, weight: 1 };
    const controller = new AbortController();
    controller.abort();
    await expect(retryBriefingsJob(deps, () => [feed]).run(controller.signal)).resolves.toEqual({ done: 0, failed: 0 });
    expect(condensed).toBe(0);
  });
});
