import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/core/closest-name.js';

const NAMES = ['world', 'news', 'tech', 'economy', 'netherlands', 'nos-algemeen', 'bbc-world'];

describe('closestName', () => {
  it('finds the name a typo or a Dutch word most likely meant', () => {
    expect(closestName('wereld', NAMES)).toBe('world');
    expect(closestName('nieuws', NAMES)).toBe('news');
    expect(closestName('Economie', NAMES)).toBe('economy');
    expect(closestName('nos-algemen', NAMES)).toBe('nos-algemeen');
    expect(closestName('techh', NAMES)).toBe('tech');
    expect(closestName('wrold', NAMES)).toBe('world');
    expect(closestName('tehc', NAMES)).toBe('tech');
  });

  it('guesses nothing for words too short or too far from every name', () => {
    expect(closestName('x', NAMES)).toBeNull();
    expect(closestName('nos', NAMES)).toBeNull();
    expect(closestName('weather', NAMES)).toBeNull();
    expect(closestName('anything', [])).toBeNull();
  });

  it('guesses nothing when two names are equally close', () => {
    expect(closestName('bat', ['cat', 'hat'])).toBeNull();
    expect(closestName('bat', ['cat', 'hat', 'bag', 'bat'])).toBe('bat');
  });

  it('takes either of two equally close names that mean the same, and still none when a third means another', () => {
    const meaning = (name: string) => ({ abonneren: 'subscribe', abonnieren: 'subscribe', abonieres: 'other' })[name] ?? name;
    expect(closestName('abonieren', ['abonneren', 'abonnieren'], meaning)).toBe('abonneren');
    expect(closestName('abonieren', ['abonneren', 'abonnieren'])).toBeNull();
    expect(closestName('abonieren', ['abonneren', 'abonieres', 'abonnieren'], meaning)).toBeNull();
  });
});
