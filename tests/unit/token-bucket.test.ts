import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/telegram/token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst up to its capacity, then one token per interval', () => {
    const bucket = new TokenBucket({ capacity: 3, perSecond: 1 }, 0);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([true, true, true, false]);
    expect(bucket.readyAt(0)).toBe(1000);
    expect(bucket.tryTake(999)).toBe(false);
    expect(bucket.tryTake(1000)).toBe(true);
  });

  it('never holds more than its capacity after a long quiet spell', () => {
    const bucket = new TokenBucket({ capacity: 2, perSecond: 10 }, 0);
    bucket.tryTake(0);
    bucket.tryTake(0);
    let taken = 0;
    while (bucket.tryTake(60_000)) taken += 1;
    expect(taken).toBe(2);
  });

  it('keeps a private chat at one message per second', () => {
    const bucket = new TokenBucket({ capacity: 1, perSecond: 1 }, 0);
    const sentAt: number[] = [];
    for (let now = 0; now <= 5_000; now += 10) if (bucket.tryTake(now)) sentAt.push(now);
    expect(sentAt).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
  });

  it('keeps a group at twenty messages per minute', () => {
    const bucket = new TokenBucket({ capacity: 1, perSecond: 20 / 60 }, 0);
    let sent = 0;
    for (let now = 0; now < 60_000; now += 100) if (bucket.tryTake(now)) sent += 1;
    expect(sent).toBe(20);
  });

  it('hands out nothing during a pause and exactly one token when it ends', () => {
    const bucket = new TokenBucket({ capacity: 5, perSecond: 5 }, 0);
    bucket.pause(3_000, 0);
    expect(bucket.tryTake(2_999)).toBe(false);
    expect(bucket.readyAt(10)).toBe(3_000);
    expect(bucket.tryTake(3_000)).toBe(true);
    expect(bucket.tryTake(3_000)).toBe(false);
    expect(bucket.tryTake(3_200)).toBe(true);
  });

  it('reports idle only when full and unpaused', () => {
    const bucket = new TokenBucket({ capacity: 1, perSecond: 1 }, 0);
    expect(bucket.isIdle(0)).toBe(true);
    bucket.tryTake(0);
    expect(bucket.isIdle(500)).toBe(false);
    expect(bucket.isIdle(1000)).toBe(true);
  });

  it('rejects a bucket that could never hand out a token', () => {
    expect(() => new TokenBucket({ capacity: 0, perSecond: 1 }, 0)).toThrow(/token-bucket/);
    expect(() => new TokenBucket({ capacity: 1, perSecond: 0 }, 0)).toThrow(/token-bucket/);
  });
});

describe('TokenBucket debt', () => {
  it('takes a token it does not have and makes later takers wait for the debt', () => {
    const bucket = new TokenBucket({ capacity: 1, perSecond: 1 }, 0);
    bucket.takeAllowingDebt(0);
    bucket.takeAllowingDebt(0);
    bucket.takeAllowingDebt(0);
    expect(bucket.readyAt(0)).toBe(3_000);
    expect(bucket.tryTake(2_999)).toBe(false);
    expect(bucket.tryTake(3_000)).toBe(true);
  });
});
