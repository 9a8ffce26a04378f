import { describe, expect, it } from 'vitest';
import { dueDigests, type DigestScheduleEntry } from '../../src/core/digest-schedule.js';
import { instantOfLocal, localDateOf, localTimeOf } from '../../src/core/local-time.js';

const at = (iso: string) => Date.parse(iso);
const chat = (timezone: string, digestTime: string | null, lastDigestDate: string | null = null): DigestScheduleEntry => ({
  chatId: 1,
  timezone,
  digestTime,
  lastDigestDate,
  lastDigestAt: null,
  followingSince: 0,
});
const due = (entry: DigestScheduleEntry, now: string, catchUpHours = 0) => dueDigests([entry], at(now), { catchUpHours });

/** Runs the minute tick over a span, recording what was due and "sending" it like the job does. */
function simulate(entry: DigestScheduleEntry, fromIso: string, toIso: string, catchUpHours = 3) {
  let last = { lastDigestDate: entry.lastDigestDate, lastDigestAt: entry.lastDigestAt };
  const sent: { localDate: string; at: string }[] = [];
  for (let now = at(fromIso); now <= at(toIso); now += 60_000) {
    for (const d of dueDigests([{ ...entry, ...last }], now, { catchUpHours })) {
      sent.push({ localDate: d.localDate, at: new Date(now).toISOString() });
      last = { lastDigestDate: d.localDate, lastDigestAt: now };
    }
  }
  return sent;
}

describe('local time in IANA zones', () => {
  it('maps wall clock times to instants for a whole-hour and a half-hour offset', () => {
    expect(new Date(instantOfLocal('2025-06-02', '07:30', 'Europe/Amsterdam')).toISOString()).toBe('2025-06-02T05:30:00.000Z');
    expect(new Date(instantOfLocal('2025-06-02', '07:30', 'Asia/Kolkata')).toISOString()).toBe('2025-06-02T02:00:00.000Z');
    expect(new Date(instantOfLocal('2025-01-15', '07:30', 'America/New_York')).toISOString()).toBe('2025-01-15T12:30:00.000Z');
    expect(localDateOf(at('2025-06-01T20:00:00Z'), 'Asia/Kolkata')).toBe('2025-06-02');
    expect(localTimeOf(at('2025-06-01T20:00:00Z'), 'Asia/Kolkata')).toBe('01:30');
  });

  it('moves a time inside the spring-forward gap to the next valid minute', () => {
    // Amsterdam 2025-03-30: 02:00 CET jumps to 03:00 CEST.
    expect(new Date(instantOfLocal('2025-03-30', '02:30', 'Europe/Amsterdam')).toISOString()).toBe('2025-03-30T01:00:00.000Z');
    expect(localTimeOf(instantOfLocal('2025-03-30', '02:00', 'Europe/Amsterdam'), 'Europe/Amsterdam')).toBe('03:00');
    // New York 2025-03-09: 02:00 EST jumps to 03:00 EDT.
    expect(new Date(instantOfLocal('2025-03-09', '02:15', 'America/New_York')).toISOString()).toBe('2025-03-09T07:00:00.000Z');
    // Auckland 2024-09-29 (UTC+12, more than half a day from UTC): 02:00 NZST jumps to 03:00 NZDT.
    expect(new Date(instantOfLocal('2024-09-29', '02:30', 'Pacific/Auckland')).toISOString()).toBe('2024-09-28T14:00:00.000Z');
    expect(localTimeOf(instantOfLocal('2024-09-29', '02:30', 'Pacific/Auckland'), 'Pacific/Auckland')).toBe('03:00');
  });

  it('takes the first of the two occurrences on the fall-back day', () => {
    // Amsterdam 2025-10-26: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(new Date(instantOfLocal('2025-10-26', '02:30', 'Europe/Amsterdam')).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    // New York 2025-11-02: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(new Date(instantOfLocal('2025-11-02', '01:30', 'America/New_York')).toISOString()).toBe('2025-11-02T05:30:00.000Z');
    // Auckland 2025-04-06: 03:00 NZDT falls back to 02:00 NZST, so 02:30 happens at 13:30Z and again at 14:30Z.
    expect(new Date(instantOfLocal('2025-04-06', '02:30', 'Pacific/Auckland')).toISOString()).toBe('2025-04-05T13:30:00.000Z');
  });
});

describe('dueDigests', () => {
  it('makes a chat due at its local digest minute and not a minute before', () => {
    expect(due(chat('Europe/Amsterdam', '07:30'), '2025-06-02T05:29:00Z')).toEqual([]);
    expect(due(chat('Europe/Amsterdam', '07:30'), '2025-06-02T05:30:00Z')).toEqual([
      { chatId: 1, localDate: '2025-06-02', timezone: 'Europe/Amsterdam', dueAt: at('2025-06-02T05:30:00Z') },
    ]);
  });

  it('uses the half-hour offset of Asia/Kolkata', () => {
    expect(due(chat('Asia/Kolkata', '07:30'), '2025-06-02T01:59:00Z')).toEqual([]);
    expect(due(chat('Asia/Kolkata', '07:30'), '2025-06-02T02:00:00Z').map((d) => d.localDate)).toEqual(['2025-06-02']);
  });

  it('keys the digest by the local date, which may differ from the UTC date', () => {
    // 05:00 in Kolkata on 3 June is still 2 June in UTC.
    expect(due(chat('Asia/Kolkata', '05:00'), '2025-06-02T23:30:00Z').map((d) => d.localDate)).toEqual(['2025-06-03']);
  });

  it('sends nothing when digests are off or the date was already sent', () => {
    expect(due(chat('Europe/Amsterdam', null), '2025-06-02T05:30:00Z')).toEqual([]);
    expect(due(chat('Europe/Amsterdam', '07:30', '2025-06-02'), '2025-06-02T05:30:00Z')).toEqual([]);
  });

  it('sends a spring-forward digest once, at the next valid minute (Amsterdam and New York)', () => {
    expect(simulate(chat('Europe/Amsterdam', '02:30', '2025-03-29'), '2025-03-29T23:00:00Z', '2025-03-30T12:00:00Z')).toEqual([
      { localDate: '2025-03-30', at: '2025-03-30T01:00:00.000Z' },
    ]);
    expect(simulate(chat('America/New_York', '02:30', '2025-03-08'), '2025-03-09T04:00:00Z', '2025-03-09T20:00:00Z')).toEqual([
      { localDate: '2025-03-09', at: '2025-03-09T07:00:00.000Z' },
    ]);
  });

  it('sends a fall-back digest once although its time happens twice (Amsterdam and New York)', () => {
    expect(simulate(chat('Europe/Amsterdam', '02:30', '2025-10-25'), '2025-10-25T22:00:00Z', '2025-10-26T12:00:00Z')).toEqual([
      { localDate: '2025-10-26', at: '2025-10-26T00:30:00.000Z' },
    ]);
    expect(simulate(chat('America/New_York', '01:30', '2025-11-01'), '2025-11-02T03:00:00Z', '2025-11-02T12:00:00Z')).toEqual([
      { localDate: '2025-11-02', at: '2025-11-02T05:30:00.000Z' },
    ]);
  });

  it('sends exactly one digest per local day across a week with a DST change', () => {
    const sent = simulate(chat('Europe/Amsterdam', '07:30', '2025-03-26'), '2025-03-27T00:00:00Z', '2025-04-02T00:00:00Z');
    expect(sent.map((s) => s.localDate)).toEqual(['2025-03-27', '2025-03-28', '2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01']);
    expect(sent.find((s) => s.localDate === '2025-03-31')?.at).toBe('2025-03-31T05:30:00.000Z');
    expect(sent.find((s) => s.localDate === '2025-03-28')?.at).toBe('2025-03-28T06:30:00.000Z');
  });

  it('catches up a digest missed during downtime within the window, once', () => {
    // Down from 07:00 to 09:45 local; digest time 07:30; catch-up 3 hours.
    expect(due(chat('Europe/Amsterdam', '07:30'), '2025-06-02T07:45:00Z', 3)).toEqual([
      { chatId: 1, localDate: '2025-06-02', timezone: 'Europe/Amsterdam', dueAt: at('2025-06-02T05:30:00Z') },
    ]);
    expect(due(chat('Europe/Amsterdam', '07:30', '2025-06-02'), '2025-06-02T07:46:00Z', 3)).toEqual([]);
  });

  it('skips a digest missed longer ago than the catch-up window', () => {
    expect(due(chat('Europe/Amsterdam', '07:30'), '2025-06-02T08:31:00Z', 3)).toEqual([]);
    expect(due(chat('Asia/Kolkata', '07:30'), '2025-06-02T05:01:00Z', 3)).toEqual([]);
  });

  it('catches up across local midnight for yesterday\'s late digest', () => {
    // 23:30 New York digest on 1 June; the process comes back at 00:30 on 2 June.
    expect(due(chat('America/New_York', '23:30', '2025-05-31'), '2025-06-02T04:30:00Z', 3).map((d) => d.localDate)).toEqual(['2025-06-01']);
  });

  it('catches up only digest times that came while the chat followed something', () => {
    // 07:30 in Amsterdam is 05:30Z; the chat began to follow at 07:40 (a first /subscribe, or
    // /subscribe @channel): no digest a minute later, but tomorrow's at 07:30.
    const late = { ...chat('Europe/Amsterdam', '07:30'), followingSince: at('2025-06-02T05:40:00Z') };
    expect(due(late, '2025-06-02T05:41:00Z', 3)).toEqual([]);
    expect(simulate(late, '2025-06-02T05:41:00Z', '2025-06-03T12:00:00Z').map((s) => s.at)).toEqual(['2025-06-03T05:30:00.000Z']);
    // Following since 07:30 itself: that digest is due; since the day before: downtime, caught up.
    expect(due({ ...late, followingSince: at('2025-06-02T05:30:00Z') }, '2025-06-02T05:30:00Z', 3)).toHaveLength(1);
    expect(due({ ...late, followingSince: at('2025-06-01T12:00:00Z') }, '2025-06-02T07:45:00Z', 3)).toHaveLength(1);
  });

  it('never makes a chat that follows nothing due', () => {
    expect(simulate({ ...chat('Europe/Amsterdam', '07:30'), followingSince: null }, '2025-06-02T00:00:00Z', '2025-06-04T00:00:00Z')).toEqual([]);
  });

  it('tolerates a late tick even with catch-up off', () => {
    expect(due(chat('Europe/Amsterdam', '07:30'), '2025-06-02T05:32:00Z', 0).map((d) => d.localDate)).toEqual(['2025-06-02']);
    expect(due(chat('Europe/Amsterdam', '07:30'), '2025-06-02T05:40:00Z', 0)).toEqual([]);
  });
});
