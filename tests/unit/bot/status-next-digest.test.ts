import { describe, expect, it } from 'vitest';
import { nextDigestAt, nextDigestOf } from '../../../commands/status.js';

// Monday 5 January 2026, 09:00 UTC = 10:00 in Amsterdam.
const NOW = Date.UTC(2026, 0, 5, 9, 0);
const chat = (digestTime: string | null, lastDigestDate: string | null, timezone = 'Europe/Amsterdam', lastDigestAt: number | null = null) =>
  ({ digestTime, lastDigestDate, timezone, lastDigestAt });
const at = (iso: string) => Date.parse(iso);

describe('the next digest shown by /status', () => {
  it('is later today when today\'s digest has not gone out yet', () => {
    expect(nextDigestAt(chat('11:00', '2026-01-04'), NOW)).toBe(Date.UTC(2026, 0, 5, 10, 0));
    expect(nextDigestAt(chat('11:00', null), NOW)).toBe(Date.UTC(2026, 0, 5, 10, 0));
  });

  it('is tomorrow when today\'s digest already went out, even if the digest time is still ahead', () => {
    expect(nextDigestAt(chat('11:00', '2026-01-05'), NOW)).toBe(Date.UTC(2026, 0, 6, 10, 0));
  });

  it('is tomorrow when the digest time has passed today', () => {
    expect(nextDigestAt(chat('07:30', null), NOW)).toBe(Date.UTC(2026, 0, 6, 6, 30));
  });

  it('judges "today" by the chat\'s own zone, not UTC', () => {
    // 09:00 UTC is already 14:30 on 5 January in Kolkata; sent that day, next is 6 January 20:00 IST.
    expect(nextDigestAt(chat('20:00', '2026-01-05', 'Asia/Kolkata'), NOW)).toBe(Date.UTC(2026, 0, 6, 14, 30));
    // In New York it is still 04:00 on 5 January: a digest dated 4 January leaves today's 08:00 due.
    expect(nextDigestAt(chat('08:00', '2026-01-04', 'America/New_York'), NOW)).toBe(Date.UTC(2026, 0, 5, 13, 0));
  });

  it('is the digest time on the same date in the new zone after a move west', () => {
    // Tokyo's 07:30 on 7 December went out at 12:30 on the 6th in Honolulu: next is Honolulu's 07:30 on the 7th.
    expect(nextDigestAt(chat('07:30', '2026-12-07', 'Pacific/Honolulu', at('2026-12-06T22:30:00Z')), at('2026-12-06T23:00:00Z'))).toBe(at('2026-12-07T17:30:00Z'));
    // Amsterdam's 07:30 on 7 December is 22:30 on the 6th in Los Angeles: next is 07:30 on the 7th there.
    expect(nextDigestAt(chat('07:30', '2026-12-07', 'America/Los_Angeles', at('2026-12-07T06:30:00Z')), at('2026-12-07T07:00:00Z'))).toBe(at('2026-12-07T15:30:00Z'));
  });

  it('is the next date after a move east, and never an earlier date than the last digest\'s', () => {
    // Honolulu's 07:30 on the 7th is 02:30 on the 8th in Tokyo: next is Tokyo's 07:30 on the 8th.
    expect(nextDigestAt(chat('07:30', '2026-12-07', 'Asia/Tokyo', at('2026-12-07T17:30:00Z')), at('2026-12-07T18:00:00Z'))).toBe(at('2026-12-07T22:30:00Z'));
    // Kiritimati's 00:30 on the 7th is 23:30 on the 5th in Pago Pago: next is Pago Pago's 7th, not its 6th.
    expect(nextDigestAt(chat('00:30', '2026-12-07', 'Pacific/Pago_Pago', at('2026-12-06T10:30:00Z')), at('2026-12-06T11:00:00Z'))).toBe(at('2026-12-07T11:30:00Z'));
  });

  it('moves a time that does not exist on the spring-forward day to the next valid minute', () => {
    // Amsterdam, 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 that day is 03:00 CEST = 01:00Z.
    expect(nextDigestAt(chat('02:30', null), at('2026-03-28T23:00:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('is none when digests are off', () => {
    expect(nextDigestAt(chat(null, '2026-01-05'), NOW)).toBeNull();
  });
});

describe('whether /status says the digest is on its way', () => {
  const schedule = (digestTime: string | null, lastDigestDate: string | null, timezone = 'Europe/Amsterdam', lastDigestAt: number | null = null) =>
    ({ chatId: 1, followingSince: 0, ...chat(digestTime, lastDigestDate, timezone, lastDigestAt) });

  it('says so for a digest time passed today within the catch-up window, with the time it was due', () => {
    // 09:30 in Amsterdam was half an hour ago and today has had no digest: the next tick sends it.
    expect(nextDigestOf(schedule('09:30', '2026-01-04'), NOW, 3)).toEqual({ at: Date.UTC(2026, 0, 5, 8, 30), dueNow: true });
    expect(nextDigestOf(schedule('09:30', null), NOW, 3)).toEqual({ at: Date.UTC(2026, 0, 5, 8, 30), dueNow: true });
  });

  it('shows tomorrow\'s time for a digest time passed longer ago than the window, as the scheduler skips it', () => {
    expect(nextDigestOf(schedule('06:00', '2026-01-04'), NOW, 3)).toEqual({ at: Date.UTC(2026, 0, 6, 5, 0), dueNow: false });
    // With catch-up off only a few minutes' grace is left (the scheduler's own minimum).
    expect(nextDigestOf(schedule('09:30', '2026-01-04'), NOW, 0)).toEqual({ at: Date.UTC(2026, 0, 6, 8, 30), dueNow: false });
  });

  it('shows tomorrow\'s time once today\'s digest went out, and a later time today as it is', () => {
    expect(nextDigestOf(schedule('09:30', '2026-01-05', 'Europe/Amsterdam', Date.UTC(2026, 0, 5, 8, 30)), NOW, 3)).toEqual({ at: Date.UTC(2026, 0, 6, 8, 30), dueNow: false });
    expect(nextDigestOf(schedule('11:00', '2026-01-04'), NOW, 3)).toEqual({ at: Date.UTC(2026, 0, 5, 10, 0), dueNow: false });
  });

  it('says so right after a move west brought back a date whose digest time has passed', () => {
    // Tokyo's digest for 7 December went out at 06:30Z, before 7 December began in Los Angeles;
    // at 08:00 there, 07:30 on the 7th was half an hour ago.
    const moved = schedule('07:30', '2026-12-07', 'America/Los_Angeles', at('2026-12-06T22:30:00Z'));
    expect(nextDigestOf(moved, at('2026-12-07T16:00:00Z'), 3)).toEqual({ at: at('2026-12-07T15:30:00Z'), dueNow: true });
  });

  it('is none when digests are off', () => {
    expect(nextDigestOf(schedule(null, null), NOW, 3)).toBeNull();
  });
});
