import { describe, expect, it } from 'vitest';
import { nextDigestAt } from '../../../commands/status.js';

// Monday 5 January 2026, 09:00 UTC = 10:00 in Amsterdam.
const NOW = Date.UTC(2026, 0, 5, 9, 0);
const chat = (digestTime: string | null, lastDigestDate: string | null, timezone = 'Europe/Amsterdam') => ({ digestTime, lastDigestDate, timezone });

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

  it('is none when digests are off', () => {
    expect(nextDigestAt(chat(null, '2026-01-05'), NOW)).toBeNull();
  });
});
