import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/feeds/dates.js';

const iso = (text: string): string | null => {
  const value = parseFeedDate(text);
  return value === null ? null : new Date(value).toISOString();
};

describe('parseFeedDate', () => {
  it('reads RFC 822 dates with numeric and named zones', () => {
    expect(iso('Thu, 01 Jan 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Tue, 10 Dec 2024 08:30:00 +0100')).toBe('2024-12-10T07:30:00.000Z');
    expect(iso('Thu, 1 Jan 04 19:48 EST')).toBe('2004-01-02T00:48:00.000Z');
    expect(iso('Wed, 18 Dec 2024 08:00:00 CEST')).toBe('2024-12-18T06:00:00.000Z');
    expect(iso('Sat, 07 Sep 2002 00:00:01 GMT+02:00')).toBe('2002-09-06T22:00:01.000Z');
  });

  it('reads the canonical RFC 822 shape exactly as the engine does, day names and seconds optional', () => {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    const date = fc.record({
      day: fc.option(fc.constantFrom(...days)), d: fc.integer({ min: 1, max: 28 }), mon: fc.constantFrom(...months),
      y: fc.integer({ min: 1990, max: 2090 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }),
      sec: fc.option(fc.integer({ min: 0, max: 59 })), zone: fc.constantFrom('GMT', 'UTC', '+0000', '+0200', '-0530', '+1245'),
    });
    fc.assert(fc.property(date, ({ day, d, mon, y, h, mi, sec, zone }) => {
      const text = `${day === null ? '' : `${day}, `}${two(d)} ${mon} ${y} ${two(h)}:${two(mi)}${sec === null ? '' : `:${two(sec)}`} ${zone}`;
      expect(parseFeedDate(text)).toBe(Date.parse(`${two(d)} ${mon} ${y} ${two(h)}:${two(mi)}:${two(sec ?? 0)} ${zone === 'UTC' ? 'GMT' : zone}`));
    }));
    expect(iso('Tue, 03 Jun 2025 08:00 +0200')).toBe('2025-06-03T06:00:00.000Z');
    expect(iso('03 Foo 2025 08:00:00 GMT')).toBeNull();
  });

  it('reads ISO 8601 and W3C-DTF variants, zone-less as UTC', () => {
    expect(iso('2003-12-31T10:14:55Z')).toBe('2003-12-31T10:14:55.000Z');
    expect(iso('2003-12-31T10:14:55.25-08:00')).toBe('2003-12-31T18:14:55.250Z');
    expect(iso('2003-12-31')).toBe('2003-12-31T00:00:00.000Z');
    expect(iso('20031231T101455Z')).toBe('2003-12-31T10:14:55.000Z');
    expect(iso('2003-12-31 10:14')).toBe('2003-12-31T10:14:00.000Z');
  });

  it('reads day and month names in other languages and 12-hour clocks', () => {
    expect(iso('Di, 03 Dez 2024 14:05:00 +0100')).toBe('2024-12-03T13:05:00.000Z');
    expect(iso('mar., 06 janv. 2004 10:00:00 +0100')).toBe('2004-01-06T09:00:00.000Z');
    expect(iso('dinsdag 3 december 2024 09:00')).toBe('2024-12-03T09:00:00.000Z');
    expect(iso('Tuesday, 12 October 2021 5:30 PM EDT')).toBe('2021-10-12T21:30:00.000Z');
  });

  it('reads numeric dates with dots or dashes day first, as the languages that write them do', () => {
    expect(iso('07.12.2026 10:00')).toBe('2026-12-07T10:00:00.000Z');
    expect(iso('07.12.2026 um 10:00 Uhr')).toBe('2026-12-07T10:00:00.000Z');
    expect(iso('10:00, 07.12.26')).toBe('2026-12-07T10:00:00.000Z');
    expect(iso('7-12-2026 10:00 +0100')).toBe('2026-12-07T09:00:00.000Z');
    expect(iso('31.12.2026')).toBe('2026-12-31T00:00:00.000Z');
    // Only a date that cannot be day first is left to the engine's month-first reading.
    expect(iso('12.31.2026')).toBe('2026-12-31T00:00:00.000Z');
  });

  it('reads abbreviated French and German months with their accents', () => {
    expect(iso('lun., 7 déc. 2026 10:00:00 +0100')).toBe('2026-12-07T09:00:00.000Z');
    expect(iso('mer., 4 fév. 2026 10:00:00 +0100')).toBe('2026-02-04T09:00:00.000Z');
    expect(iso('ven., 14 aoû. 2026 10:00:00 +0200')).toBe('2026-08-14T08:00:00.000Z');
    expect(iso('Sa, 07 Mär 2026 10:00:00 +0100')).toBe('2026-03-07T09:00:00.000Z');
  });

  it('returns null for nonsense instead of throwing', () => {
    for (const text of ['', '   ', 'not a date at all', 'yesterday', '2024-13-45', null, undefined]) {
      expect(parseFeedDate(text)).toBeNull();
    }
  });
});
