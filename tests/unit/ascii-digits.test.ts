import { describe, expect, it } from 'vitest';
import { toAsciiDigits } from '../../src/core/text/ascii-digits.js';

describe('toAsciiDigits', () => {
  it.each([
    ['٧:٣٠', '7:30'], // Arabic-Indic
    ['۱۹:۴۵', '19:45'], // Extended Arabic-Indic (Persian, Urdu)
    ['७:३०', '7:30'], // Devanagari
    ['๐๙', '09'], // Thai
    ['０７：３０', '07：30'], // full-width digits (NFKC does the colon, see parseCommand)
    ['𝟗𝟘', '90'], // mathematical bold nine, double-struck zero: runs of ten that touch
  ])('writes %s as %s', (input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  it('leaves ASCII digits, letters with accents and other numbers alone', () => {
    expect(toAsciiDigits('/time 07:30 café ½ Ⅻ ²')).toBe('/time 07:30 café ½ Ⅻ ²');
  });
});
