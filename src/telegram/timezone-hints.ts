import { distance } from 'fastest-levenshtein';
import { closestName } from '../core/closest-name.js';
import { countryNames } from './country-zones.js';
import { namedZones } from './timezone-input.js';

/**
 * What to tell a reader whose /timezone the bot cannot read: the name they most likely meant, or,
 * for an abbreviation several zones share, a city of each to choose from. A bare "I do not know
 * that time zone" leaves them guessing which letter was wrong.
 */

/**
 * Abbreviations that stand for zones hours apart, with a city of each as an example (/timezone
 * reads them all). parseTimezone reads none of these: a guess would put the digest hours off.
 */
const AMBIGUOUS_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  // India, Ireland (summer), Israel
  ist: ['Kolkata', 'Dublin', 'Jerusalem'],
  // Atlantic (Halifax), Arabia
  ast: ['Halifax', 'Riyadh'],
};

/** A city of each zone `text` may stand for, when it is such an abbreviation; else null. */
export function ambiguousAbbreviation(text: string): readonly string[] | null {
  return AMBIGUOUS_ABBREVIATIONS[text.trim().toLowerCase()] ?? null;
}

/**
 * The zone name, city or country a misspelt one most likely meant (`Amsterdm`: `Amsterdam`), as
 * it is spelt; null when none is close, or two close ones are in different zones (`Berln`:
 * Berlin or Bern). Closer than closestName allows for a topic: among some 9,000 places a word
 * two letters off is too often another one (`Bayern`: Bern, `Hawaii` was Hawalli in Kuwait).
 */
export function closestTimezoneName(text: string): string | null {
  const typed = text.trim().replace(/\s+/g, ' ');
  const named = namedZones();
  for (const country of countryNames()) if (!named.has(country)) named.set(country, `country:${country}`);
  const meant = closestName(typed, [...named.keys()], (name) => named.get(name) ?? name);
  return meant !== null && distance(typed.toLowerCase(), meant.toLowerCase()) <= Math.floor(typed.length / 4) ? meant : null;
}
