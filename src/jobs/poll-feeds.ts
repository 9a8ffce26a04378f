import type { FeedSpec } from '../core/types.js';
import { selectDueFeeds } from './due-feeds.js';
import { pollFeed, type PollDeps } from './poll-feed.js';
import type { FeedPollDone, FeedPollFailed, FeedPollResult, PollReport } from './poll-ports.js';

export type { FeedParser, FeedPollResult, PollReport, Resummarize, Summarize } from './poll-ports.js';

/** One finished feed, for progress displays. */
export interface PollProgress {
  /** 1-based count of feeds finished so far in this run. */
  readonly finished: number;
  readonly total: number;
  readonly result: FeedPollResult;
}

export interface PollRunOptions {
  /** Aborting stops new feeds from starting and aborts fetches in flight (their feeds are not marked failed). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: PollProgress) => void;
}

/** The poll job: holds the in-flight set, so no feed is ever polled twice at once. */
export interface FeedPoller {
  /** Polls the given feeds now (enabled or not), up to `concurrency` at a time. */
  pollFeeds(specs: readonly FeedSpec[], options?: PollRunOptions): Promise<PollReport>;
  /** Polls the enabled feeds whose next poll time has passed (the scheduler's tick). */
  pollDueFeeds(specs: readonly FeedSpec[], options?: PollRunOptions): Promise<PollReport>;
  /** Feed ids being polled right now. */
  inFlight(): ReadonlySet<string>;
}

/** Feeds polled at once; the fetcher's per-host limit still applies underneath. */
const DEFAULT_POLL_CONCURRENCY = 8;

/**
 * Creates the poll job. Each feed is its own unit (see pollFeed): its failure is recorded and
 * reported, the others go on. A feed still being polled from an earlier run is skipped.
 */
export function createFeedPoller(deps: PollDeps, concurrency = DEFAULT_POLL_CONCURRENCY): FeedPoller {
  const running = new Set<string>();

  const pollFeeds = async (specs: readonly FeedSpec[], options: PollRunOptions = {}): Promise<PollReport> => {
    const done: FeedPollDone[] = [];
    const failed: FeedPollFailed[] = [];
    const skipped: string[] = [];
    const queue = specs.filter((spec) => {
      if (!running.has(spec.id)) return true;
      skipped.push(spec.id);
      return false;
    });
    queue.forEach((spec) => running.add(spec.id));
    let next = 0;
    let finished = 0;
    const worker = async (): Promise<void> => {
      for (let spec = queue[next++]; spec !== undefined; spec = queue[next++]) {
        try {
          if (options.signal?.aborted === true) {
            skipped.push(spec.id);
            continue;
          }
          const result = await pollFeed(deps, spec, options.signal).catch((error: unknown) => unexpected(spec, error));
          if (result.ok) done.push(stripOk(result));
          else failed.push(stripOk(result));
          finished += 1;
          options.onProgress?.({ finished, total: queue.length, result });
        } finally {
          running.delete(spec.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
    commitHeldStates(deps);
    return { done, failed, skipped };
  };

  return {
    pollFeeds,
    pollDueFeeds: (specs, options) => pollFeeds(selectDueFeeds(specs, deps.feeds.listFeeds(), deps.now()), options),
    inFlight: () => running,
  };
}

/**
 * A run ends with every feed's state committed. The only states that can be lost here are those
 * of 304 answers: their feeds stay due and are asked again at the next tick.
 */
function commitHeldStates(deps: PollDeps): void {
  try {
    deps.feeds.flushFeeds();
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'new poll times of feeds answered 304 not saved; they will be asked again');
  }
}

/** pollFeed records its own failures; this catches only a broken store or a bug. */
function unexpected(spec: FeedSpec, error: unknown): FeedPollResult {
  const cause = error instanceof Error ? error.message : String(error);
  return { ok: false, feedId: spec.id, error: `jobs/poll-feeds: feed ${spec.id}: ${cause}`, consecutiveFailures: 0, failing: false, nextPollAt: null };
}

function stripOk<T extends { ok: boolean }>(result: T): Omit<T, 'ok'> {
  const { ok: _ok, ...rest } = result;
  return rest;
}
