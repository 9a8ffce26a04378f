import { describe, expect, it } from 'vitest';
import { describeLeaseState, explainLeaseHeld, judgeLease, type LeaseHolder } from '../../src/core/instance-lease.js';

const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);
const ME = { host: 'box-b', pid: 200 };
const other = (over: Partial<LeaseHolder> = {}): LeaseHolder => ({ host: 'box-a', pid: 100, startedAt: NOW - 3_600_000, heartbeatAt: NOW - 20_000, ...over });

describe('judgeLease', () => {
  it('finds the database free when no bot holds it', () => {
    expect(judgeLease(null, ME, NOW, null)).toEqual({ kind: 'free' });
  });

  it('refuses when another host renewed its lease 20 s ago', () => {
    expect(judgeLease(other(), ME, NOW, null)).toEqual({ kind: 'held', holder: other() });
  });

  it('refuses when another process on this host still runs with a fresh heartbeat', () => {
    const holder = other({ host: 'box-b' });
    expect(judgeLease(holder, ME, NOW, true).kind).toBe('held');
  });

  it('takes over a lease whose heartbeat is older than 90 s, even if the holder might run', () => {
    const holder = other({ heartbeatAt: NOW - 90_001 });
    expect(judgeLease(holder, ME, NOW, true)).toEqual({ kind: 'stale', holder, why: 'heartbeat' });
  });

  it('keeps a lease renewed exactly 90 s ago', () => {
    expect(judgeLease(other({ heartbeatAt: NOW - 90_000 }), ME, NOW, null).kind).toBe('held');
  });

  it('takes over at once a fresh lease whose process is gone from this host (a crash, then a restart)', () => {
    const holder = other({ host: 'box-b', pid: 150 });
    expect(judgeLease(holder, ME, NOW, false)).toEqual({ kind: 'stale', holder, why: 'gone' });
  });

  it('takes over a fresh lease written by this host and pid (a restarted container, pid 1 again)', () => {
    const holder = other({ host: 'box-b', pid: 200, heartbeatAt: NOW - 5_000 });
    expect(judgeLease(holder, ME, NOW, true)).toEqual({ kind: 'stale', holder, why: 'same-process' });
  });
});

describe('explainLeaseHeld', () => {
  it('names the holder, what two bots would do, what to do, and when a crashed holder lapses', () => {
    expect(explainLeaseHeld(other(), NOW)).toBe(
      'another newsbrief already runs on this database (pid 100 on box-a, running since 2026-12-07T08:00:00Z, last heartbeat 20 s ago); '
      + 'two bots on one database would both poll every feed and both run the digest schedule (each digest would still be sent once). '
      + 'Stop that one first, or give this one its own DATABASE_PATH. If it crashed, its lease lapses at 2026-12-07T09:01:10Z (90 s after its last heartbeat): start again then',
    );
  });
});

describe('describeLeaseState', () => {
  it('says no bot runs when there is no lease', () => {
    expect(describeLeaseState(null, NOW)).toBe('bot: none runs on this database');
  });

  it('names the bot whose heartbeat is fresh', () => {
    expect(describeLeaseState(other(), NOW)).toBe('bot: runs on this database (pid 100 on box-a, running since 2026-12-07T08:00:00Z, last heartbeat 20 s ago)');
  });

  it('says the last bot did not stop cleanly when its heartbeat is older than 90 s', () => {
    expect(describeLeaseState(other({ heartbeatAt: NOW - 600_000 }), NOW))
      .toBe('bot: none runs on this database; the last one (pid 100 on box-a) did not stop cleanly, last heartbeat at 2026-12-07T08:50:00Z');
  });
});
