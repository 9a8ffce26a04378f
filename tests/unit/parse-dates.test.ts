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

  it('returns null for nonsense instead of throwing', () => {
    for (const text of ['', '   ', 'not a date at all', 'yesterday', '2024-13-45', null, undefined]) {
      expect(parseFeedDate(text)).toBeNull();
    }
  });
});
