import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitsDigest, dueDigests, type DigestScheduleEntry } from '../../src/core/digest-schedule.js';
import { addDays, instantOfLocal, localDateOf } from '../../src/core/local-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

interface Sent { readonly timezone: string; readonly localDate: string; readonly at: number }
interface Change { readonly timezone?: string; readonly digestTime?: string }

/**
 * The minute tick at each of `ticks`, recording the chat's last digest as the job does; before
 * a tick the chat's settings change as `changes` (keyed by that tick's instant) say.
 */
function run(start: Omit<DigestScheduleEntry, 'chatId'>, ticks: Iterable<number>, changes: ReadonlyMap<number, Change>, catchUpHours = 3) {
  let chat: DigestScheduleEntry = { chatId: 1, ...start };
  const sent: Sent[] = [];
  const states: { at: number; timezone: string; digestTime: string }[] = [];
  for (const now of ticks) {
    chat = { ...chat, ...changes.get(now) };
    states.push({ at: now, timezone: chat.timezone, digestTime: chat.digestTime! });
    for (const due of dueDigests([chat], now, { catchUpHours })) {
      expect(due.timezone).toBe(chat.timezone);
      sent.push({ timezone: due.timezone, localDate: due.localDate, at: now });
      chat = { ...chat, lastDigestDate: due.localDate, lastDigestAt: now };
    }
  }
  return { sent, states };
}

function* everyMinute(fromIso: string, toIso: string) {
  for (let now = at(fromIso); now <= at(toIso); now += MINUTE) yield now;
}

/** Every minute from `fromIso` to `toIso`, the chat moving to other zones at the given instants. */
function travel(timezone: string, digestTime: string, fromIso: string, toIso: string, moves: Record<string, Change>) {
  const changes = new Map(Object.entries(moves).map(([when, change]) => [at(when), change]));
  return run({ timezone, digestTime, lastDigestDate: null, lastDigestAt: null, followingSince: 0 }, everyMinute(fromIso, toIso), changes).sent.map((s) => ({ ...s, at: iso(s.at) }));
}

describe('dueDigests when a chat changes zone', () => {
  it('gives a chat that moves west from Tokyo to Honolulu the 7th there too, 19 hours after Tokyo\'s 7th, not 43', () => {
    // 07:30 on 7 December in Tokyo is 12:30 on 6 December in Honolulu.
    expect(travel('Asia/Tokyo', '07:30', '2026-12-06T12:00:00Z', '2026-12-08T18:00:00Z', { '2026-12-06T23:00:00Z': { timezone: 'Pacific/Honolulu' } })).toEqual([
      { timezone: 'Asia/Tokyo', localDate: '2026-12-07', at: '2026-12-06T22:30:00.000Z' },
      { timezone: 'Pacific/Honolulu', localDate: '2026-12-07', at: '2026-12-07T17:30:00.000Z' },
      { timezone: 'Pacific/Honolulu', localDate: '2026-12-08', at: '2026-12-08T17:30:00.000Z' },
    ]);
  });

  it('gives a chat that moves west from Amsterdam to Los Angeles its 07:30 there on the same date, 9 hours later', () => {
    expect(travel('Europe/Amsterdam', '07:30', '2026-12-07T00:00:00Z', '2026-12-08T16:00:00Z', { '2026-12-07T07:00:00Z': { timezone: 'America/Los_Angeles' } })).toEqual([
      { timezone: 'Europe/Amsterdam', localDate: '2026-12-07', at: '2026-12-07T06:30:00.000Z' },
      { timezone: 'America/Los_Angeles', localDate: '2026-12-07', at: '2026-12-07T15:30:00.000Z' },
      { timezone: 'America/Los_Angeles', localDate: '2026-12-08', at: '2026-12-08T15:30:00.000Z' },
    ]);
  });

  it('does not give a chat that moves a little west on a date it already had there a second digest (Amsterdam to London)', () => {
    // Amsterdam's 07:30 is 06:30 in London, already the 7th there: the next is London's 8th.
    expect(travel('Europe/Amsterdam', '07:30', '2026-12-07T00:00:00Z', '2026-12-08T08:00:00Z', { '2026-12-07T07:00:00Z': { timezone: 'Europe/London' } })).toEqual([
      { timezone: 'Europe/Amsterdam', localDate: '2026-12-07', at: '2026-12-07T06:30:00.000Z' },
      { timezone: 'Europe/London', localDate: '2026-12-08', at: '2026-12-08T07:30:00.000Z' },
    ]);
  });

  it('never gives a chat that moves east from Honolulu to Tokyo a date it already had, even with a day of catch-up', () => {
    // Honolulu's 07:30 on the 7th is 02:30 on the 8th in Tokyo; Tokyo's 7th (07:30 there,
    // 19 hours before) lies within the catch-up window but is a date the chat already had.
    const moves = { '2026-12-07T18:00:00Z': { timezone: 'Asia/Tokyo' } };
    const honolulu = { timezone: 'Pacific/Honolulu', digestTime: '07:30', lastDigestDate: '2026-12-06', lastDigestAt: at('2026-12-06T17:30:00Z'), followingSince: 0 };
    const sent = run(honolulu, everyMinute('2026-12-07T00:00:00Z', '2026-12-08T20:00:00Z'),
      new Map(Object.entries(moves).map(([when, change]) => [at(when), change])), 24).sent;
    expect(sent.map((s) => ({ ...s, at: iso(s.at) }))).toEqual([
      { timezone: 'Pacific/Honolulu', localDate: '2026-12-07', at: '2026-12-07T17:30:00.000Z' },
      { timezone: 'Asia/Tokyo', localDate: '2026-12-08', at: '2026-12-07T22:30:00.000Z' },
    ]);
  });

  it('keeps one digest per local date when the digest time changes on the same day in one zone', () => {
    // Sent at 07:30; moved to 09:00 at 08:00 the same day: nothing more that day, 09:00 the next.
    expect(travel('Europe/Amsterdam', '07:30', '2026-12-07T00:00:00Z', '2026-12-08T09:00:00Z', { '2026-12-07T07:00:00Z': { digestTime: '09:00' } })).toEqual([
      { timezone: 'Europe/Amsterdam', localDate: '2026-12-07', at: '2026-12-07T06:30:00.000Z' },
      { timezone: 'Europe/Amsterdam', localDate: '2026-12-08', at: '2026-12-08T08:00:00.000Z' },
    ]);
  });

  it('never goes back to an earlier date after a move west by more than a day (Kiritimati to Pago Pago)', () => {
    // Kiritimati's 00:30 on the 7th is 23:30 on the 5th in Pago Pago, 25 hours behind. Pago
    // Pago's 6th would come an hour later; the chat had a digest for a later date, so it waits
    // for Pago Pago's 7th.
    expect(travel('Pacific/Kiritimati', '00:30', '2026-12-06T09:00:00Z', '2026-12-07T12:00:00Z', { '2026-12-06T11:00:00Z': { timezone: 'Pacific/Pago_Pago' } })).toEqual([
      { timezone: 'Pacific/Kiritimati', localDate: '2026-12-07', at: '2026-12-06T10:30:00.000Z' },
      { timezone: 'Pacific/Pago_Pago', localDate: '2026-12-07', at: '2026-12-07T11:30:00.000Z' },
    ]);
  });

  it('awaitsDigest: a date once more only if the last digest was made before that date began in the zone now', () => {
    const tokyoSeventh = { lastDigestDate: '2026-12-07', lastDigestAt: at('2026-12-06T22:30:00Z') };
    expect(awaitsDigest(tokyoSeventh, '2026-12-07', 'Pacific/Honolulu')).toBe(true);
    expect(awaitsDigest(tokyoSeventh, '2026-12-07', 'Asia/Tokyo')).toBe(false);
    expect(awaitsDigest(tokyoSeventh, '2026-12-06', 'Pacific/Honolulu')).toBe(false);
    expect(awaitsDigest(tokyoSeventh, '2026-12-08', 'Asia/Tokyo')).toBe(true);
    // A digest recorded without its instant (never, since migration 002) keeps the date rule alone.
    expect(awaitsDigest({ lastDigestDate: '2026-12-07', lastDigestAt: null }, '2026-12-07', 'Pacific/Honolulu')).toBe(false);
  });
});

const ZONES = ['Asia/Tokyo', 'Pacific/Honolulu', 'Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const TIMES = ['00:00', '00:30', '02:30', '07:30', '12:00', '23:30', '23:59'];
/** Starts near DST changes (Amsterdam and Los Angeles in March and in autumn) and in December. */
const STARTS = ['2026-03-06T00:00:00Z', '2026-03-26T12:00:00Z', '2026-10-23T00:00:00Z', '2026-10-30T00:00:00Z', '2026-12-05T00:00:00Z'];

/** A tick: minutes since the previous one (mostly the next minute, sometimes hours of downtime), and a change before it. */
const step = fc.record({
  gap: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 15 }), weight: 8 }, { arbitrary: fc.integer({ min: 1, max: 300 }), weight: 1 }),
  change: fc.oneof(
    { arbitrary: fc.constant<Change | null>(null), weight: 40 },
    { arbitrary: fc.constantFrom(...ZONES).map((timezone): Change => ({ timezone })), weight: 1 },
    { arbitrary: fc.constantFrom(...TIMES).map((digestTime): Change => ({ digestTime })), weight: 1 },
  ),
});

describe('dueDigests over random days of ticks, zone moves and digest-time changes', () => {
  it('never sends a (zone, date) twice, never two on one local day without a move east or a late digest between, and never skips a date it owes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STARTS), fc.constantFrom(...ZONES), fc.constantFrom(...TIMES), fc.constantFrom(0, 3, 12),
        fc.array(step, { minLength: 200, maxLength: 600 }),
        (startIso, timezone, digestTime, catchUpHours, steps) => {
          const ticks: number[] = [];
          const changes = new Map<number, Change>();
          let now = at(startIso);
          for (const { gap, change } of steps) {
            now += gap * MINUTE;
            ticks.push(now);
            if (change !== null) changes.set(now, change);
          }
          const { sent, states } = run({ timezone, digestTime, lastDigestDate: null, lastDigestAt: null, followingSince: 0 }, ticks, changes, catchUpHours);
          const window = Math.max(5 * MINUTE, catchUpHours * HOUR);

          // 1. At most one digest per (zone, local date).
          const keys = sent.map((s) => `${s.timezone} ${s.localDate}`);
          expect(new Set(keys).size).toBe(keys.length);

          for (let i = 1; i < sent.length; i++) {
            const a = sent[i - 1]!;
            const b = sent[i]!;
            // 2. In the later digest's zone, two digests never go out on one local day, unless the
            // earlier one, seen from that zone, went out on a later day than its own date: only
            // after a move east (Honolulu to Tokyo) or when it was sent late after downtime.
            const aDay = localDateOf(a.at, b.timezone);
            if (aDay <= a.localDate) expect(localDateOf(b.at, b.timezone) > aDay, `${JSON.stringify(a)} then ${JSON.stringify(b)}`).toBe(true);
            // 3. Neither the zone nor the digest time changed between them: a day apart at least,
            // less the catch-up window (the first may have been sent late) and a DST hour.
            const changed = ticks.some((t) => t > a.at && t <= b.at && changes.has(t));
            if (!changed) expect(b.at - a.at).toBeGreaterThanOrEqual(23 * HOUR - window);
          }

          // 4. Every date it owes is sent: the chat was in zone Z with digest time T from that
          // date's digest time to the first tick after it, that tick came within the catch-up
          // window, and before it the chat had no digest that went out on that date or later in
          // Z, nor one for a later date (which only a move west by more than a day can leave).
          for (let i = 1; i < states.length; i++) {
            const { at: tick, timezone: zone, digestTime: time } = states[i]!;
            const today = localDateOf(tick, zone);
            for (const date of [addDays(today, -1), today]) {
              const dueAt = instantOfLocal(date, time, zone);
              if (!(states[i - 1]!.at < dueAt && dueAt <= tick && tick - dueAt < window)) continue;
              const before = sent.filter((s) => s.at < tick);
              if (before.some((s) => localDateOf(s.at, zone) >= date || s.localDate > date)) continue;
              expect(sent, `owed ${zone} ${date} at ${iso(tick)}`).toContainEqual({ timezone: zone, localDate: date, at: tick });
            }
          }
        },
      ),
      // Shrinking hundreds of ticks took six minutes; the messages name the digest at fault instead.
      { numRuns: 200, endOnFailure: true },
    );
  });
});
