/**
 * When to poll a feed next. Pure: the caller passes `now` (epoch ms) and a random source, so
 * the same inputs always give the same instant.
 */

/** The knobs of polite polling, in minutes unless the name says otherwise. */
export interface PollTimingPolicy {
  /** The interval when neither the feed nor the operator says otherwise. */
  readonly defaultIntervalMinutes: number;
  /** Never sooner than this after a success, whatever the feed asks. */
  readonly minIntervalMinutes: number;
  /** Never later than this after a success, whatever the feed asks (a ttl of a week is ignored). */
  readonly maxIntervalMinutes: number;
  /** Cap of the exponential back-off while a feed keeps failing. */
  readonly maxBackoffMinutes: number;
  /** After this many failures in a row the feed is flagged `failing` and polled rarely (every failingIntervalMinutes). */
  readonly failingAfter: number;
  /** How often a failing feed is still tried: rarely, but never forgotten. */
  readonly failingIntervalMinutes: number;
}

/** 15 min by default, between 5 min and 12 h; back-off up to 6 h; failing after 10 errors, then twice a day. */
export const DEFAULT_POLL_TIMING: PollTimingPolicy = Object.freeze({
  defaultIntervalMinutes: 15,
  minIntervalMinutes: 5,
  maxIntervalMinutes: 720,
  maxBackoffMinutes: 360,
  failingAfter: 10,
  failingIntervalMinutes: 720,
});

/** What the feed and the server said about how often to come back. */
export interface PollHints {
  /** The operator's per-feed interval; the policy's default when absent. */
  readonly intervalMinutes?: number;
  /** RSS `<ttl>`. */
  readonly ttlMinutes?: number | null;
  /** `sy:updatePeriod` x `sy:updateFrequency`, as minutes between updates. */
  readonly updatePeriodMinutes?: number | null;
  /** Cache-Control max-age (or Expires). */
  readonly maxAgeSeconds?: number | null;
  readonly retryAfterSeconds?: number | null;
}

/** Share of the interval added at random, so feeds polled together drift apart. */
const JITTER_SHARE = 0.1;
const MINUTE_MS = 60_000;

/**
 * The next poll after a successful fetch: the largest of the configured interval and the
 * feed's own hints (ttl, update period, max-age, Retry-After), clamped to the policy's
 * [min, max], plus up to 10% jitter. Respecting the largest hint is the polite choice; the
 * clamp keeps a careless `<ttl>` from silencing a feed for days.
 */
export function nextPollAfterSuccess(now: number, hints: PollHints, policy: PollTimingPolicy, random: () => number): number {
  const candidates = [
    positive(hints.intervalMinutes) ?? policy.defaultIntervalMinutes,
    positive(hints.ttlMinutes),
    positive(hints.updatePeriodMinutes),
    secondsToMinutes(hints.maxAgeSeconds),
    secondsToMinutes(hints.retryAfterSeconds),
  ].filter((minutes): minutes is number => minutes !== null);
  const minutes = clamp(Math.max(...candidates), policy.minIntervalMinutes, policy.maxIntervalMinutes);
  return withJitter(now, minutes, random);
}

/** The next poll after a failure, and whether the feed now counts as failing. */
export interface FailureSchedule {
  readonly nextPollAt: number;
  readonly failing: boolean;
}

/**
 * The next poll after the `consecutiveFailures`-th failure in a row (1 for the first):
 * the interval doubling with each failure (1x, 2x, 4x ...) up to maxBackoffMinutes; from
 * `failingAfter` failures on the feed is failing and tried every failingIntervalMinutes.
 * A longer Retry-After wins (up to the larger of maxIntervalMinutes and the failing interval).
 * Pass a policy with the feed's own interval as defaultIntervalMinutes to back off from it.
 */
export function nextPollAfterFailure(
  now: number,
  consecutiveFailures: number,
  retryAfterSeconds: number | null,
  policy: PollTimingPolicy,
  random: () => number,
): FailureSchedule {
  const failures = Math.max(1, Math.floor(consecutiveFailures));
  const failing = failures >= policy.failingAfter;
  const backoff = failing
    ? policy.failingIntervalMinutes
    : Math.min(policy.defaultIntervalMinutes * 2 ** Math.min(failures - 1, 30), policy.maxBackoffMinutes);
  const ceiling = Math.max(policy.maxIntervalMinutes, policy.failingIntervalMinutes);
  const minutes = clamp(Math.max(backoff, secondsToMinutes(retryAfterSeconds) ?? 0), policy.minIntervalMinutes, ceiling);
  return { nextPollAt: withJitter(now, minutes, random), failing };
}

function withJitter(now: number, minutes: number, random: () => number): number {
  const jitter = clamp(random(), 0, 1) * JITTER_SHARE * minutes;
  return now + Math.round((minutes + jitter) * MINUTE_MS);
}

function positive(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

function secondsToMinutes(seconds: number | null | undefined): number | null {
  const value = positive(seconds);
  return value === null ? null : value / 60;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Whether a feed's last poll failed: what /feeds marks 🔴 and /stats lists as failing now. A feed
 * marked `failing` (past failingAfter, polled rarely) is one of them.
 */
export function lastPollFailed(state: { readonly failing: boolean; readonly consecutiveFailures: number }): boolean {
  return state.failing || state.consecutiveFailures > 0;
}
