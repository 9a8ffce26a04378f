import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_TIMING, nextPollAfterFailure, nextPollAfterSuccess, type PollTimingPolicy } from '../../src/core/poll-timing.js';

const NOW = Date.parse('2025-06-02T09:00:00Z');
const MIN = 60_000;
const noJitter = () => 0;
const fullJitter = () => 0.999999;
const policy: PollTimingPolicy = DEFAULT_POLL_TIMING;
const minutesAfterNow = (at: number) => (at - NOW) / MIN;

describe('nextPollAfterSuccess', () => {
  it('uses the default interval when the feed gives no hints', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, {}, policy, noJitter))).toBe(15);
  });

  it('uses the operator interval for the feed', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, { intervalMinutes: 30 }, policy, noJitter))).toBe(30);
  });

  it('takes the largest of the interval and the hints', () => {
    const hints = { intervalMinutes: 15, ttlMinutes: 60, updatePeriodMinutes: 120, maxAgeSeconds: 1800, retryAfterSeconds: null };
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, hints, policy, noJitter))).toBe(120);
  });

  it('respects Cache-Control max-age and Retry-After given in seconds', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, { maxAgeSeconds: 3600 }, policy, noJitter))).toBe(60);
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, { retryAfterSeconds: 5400 }, policy, noJitter))).toBe(90);
  });

  it('never waits longer than the maximum, whatever ttl says', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, { ttlMinutes: 10_080 }, policy, noJitter))).toBe(720);
  });

  it('never polls sooner than the minimum, whatever the operator set', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, { intervalMinutes: 1 }, policy, noJitter))).toBe(5);
  });

  it('ignores zero, negative and non-finite hints', () => {
    const hints = { ttlMinutes: 0, updatePeriodMinutes: -5, maxAgeSeconds: Number.NaN, retryAfterSeconds: Number.POSITIVE_INFINITY };
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, hints, policy, noJitter))).toBe(15);
  });

  it('adds at most a tenth of the interval as jitter', () => {
    expect(minutesAfterNow(nextPollAfterSuccess(NOW, { ttlMinutes: 60 }, policy, () => 0.5))).toBe(63);
    const latest = minutesAfterNow(nextPollAfterSuccess(NOW, { ttlMinutes: 60 }, policy, fullJitter));
    expect(latest).toBeGreaterThan(65.9);
    expect(latest).toBeLessThanOrEqual(66);
  });
});

describe('nextPollAfterFailure', () => {
  it('doubles the wait with each failure in a row, starting from the interval', () => {
    const waits = [1, 2, 3, 4].map((n) => minutesAfterNow(nextPollAfterFailure(NOW, n, null, policy, noJitter).nextPollAt));
    expect(waits).toEqual([15, 30, 60, 120]);
  });

  it('caps the back-off', () => {
    expect(nextPollAfterFailure(NOW, 6, null, policy, noJitter)).toEqual({ nextPollAt: NOW + 360 * MIN, failing: false });
    expect(nextPollAfterFailure(NOW, 9, null, policy, noJitter)).toEqual({ nextPollAt: NOW + 360 * MIN, failing: false });
  });

  it('marks the feed failing after failingAfter failures and keeps polling it rarely', () => {
    expect(nextPollAfterFailure(NOW, 10, null, policy, noJitter)).toEqual({ nextPollAt: NOW + 720 * MIN, failing: true });
    expect(nextPollAfterFailure(NOW, 5_000, null, policy, noJitter)).toEqual({ nextPollAt: NOW + 720 * MIN, failing: true });
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(minutesAfterNow(nextPollAfterFailure(NOW, 1, 3600, policy, noJitter).nextPollAt)).toBe(60);
    expect(minutesAfterNow(nextPollAfterFailure(NOW, 4, 60, policy, noJitter).nextPollAt)).toBe(120);
  });

  it('does not let Retry-After silence a feed beyond the maximum interval', () => {
    expect(minutesAfterNow(nextPollAfterFailure(NOW, 1, 7 * 24 * 3600, policy, noJitter).nextPollAt)).toBe(720);
  });

  it('backs off from the feed interval when the policy carries it', () => {
    const hourly = { ...policy, defaultIntervalMinutes: 60 };
    expect(minutesAfterNow(nextPollAfterFailure(NOW, 3, null, hourly, noJitter).nextPollAt)).toBe(240);
  });

  it('treats a count below one as the first failure', () => {
    expect(nextPollAfterFailure(NOW, 0, null, policy, noJitter)).toEqual({ nextPollAt: NOW + 15 * MIN, failing: false });
  });

  it('adds jitter to the back-off too', () => {
    expect(minutesAfterNow(nextPollAfterFailure(NOW, 2, null, policy, () => 0.5).nextPollAt)).toBe(31.5);
  });
});
