import { createRequire } from 'node:module';
import { aliasKey, CITY_ALIASES } from './city-aliases.js';
import { commonOffset, zonesOfCountry } from './country-zones.js';
import { zoneOfFractionalOffset } from './fractional-offsets.js';
import { canonicalZoneCase } from './timezone-label.js';

/**
 * Reads a time zone as a person types it and returns an IANA name, or null when it cannot tell:
 * - IANA names in any case (`europe/amsterdam`, `UTC`, `etc/gmt+2`), returned in the zone
 *   database's spelling;
 * - UTC offsets (`+02:00`, `UTC-5`, `GMT+1`, and `UTC−02:00` as timezoneLabel shows one): whole
 *   hours map to `Etc/GMT∓h` (whose sign is inverted by POSIX convention), the others to a city
 *   whose clock keeps them at `at` (when the reader types it; see zoneOfFractionalOffset);
 * - the abbreviations people use for the zones they live in (`CET`, `EST`, `PST`): to a zone
 *   that keeps the summer time too, since the digest should stay at the same wall-clock time;
 * - city names (`Amsterdam`, `new york`, `Brussel`, `Zürich`, `Zurich` or `Zuerich`), matched
 *   against the zone database, the Dutch, German and French names of cities (`Keulen`, `Moskau`,
 *   `Londres`: city-aliases.ts), and the city-timezones package's 7,000 cities (`Hamburg`, `Lyon`;
 *   a name several cities share means the most populous; a country's name means the country);
 * - country names in Dutch, English, German or French (`Duitsland`, `Germany`), when the whole
 *   country keeps one clock (see `countryWithSeveralClocks` for the others).
 */
export function parseTimezone(text: string, at?: number, zones: readonly string[] = knownZones()): string | null {
  const input = text.trim().replace(/\s+/g, ' ');
  if (input === '' || input.length > 64) return null;
  const lower = input.toLowerCase();
  const exact = zones.find((zone) => zone.toLowerCase() === lower);
  if (exact) return exact;
  if (lower === 'utc' || lower === 'gmt' || lower === 'z') return 'UTC';
  const offset = parseOffset(lower, at);
  if (offset !== undefined) return offset;
  const abbreviation = ZONE_ABBREVIATIONS[lower] ?? ZONE_NAMES[lower];
  if (abbreviation) return abbreviation;
  const alias = CITY_ALIASES[aliasKey(lower)];
  if (alias) return alias;
  const city = withoutAccents(lower).replace(/[ -]/g, '_');
  const byCity = zones.find((zone) => zone.includes('/') && zone.toLowerCase().endsWith(`/${city}`));
  if (byCity) return byCity;
  // A country before city-timezones' towns: Armenia is also a town in Colombia, Liberia one in Costa Rica.
  const country = zonesOfCountry(input);
  if (country?.kind === 'one') return country.zone;
  const listed = country === undefined ? cityZones().get(withoutAccents(lower))?.timezone : undefined;
  if (listed) return listed;
  if (input.includes('/') && isValidZone(input)) return canonicalZoneCase(input) ?? linkTarget(input);
  // Typed without umlauts, as on a keyboard that has none: `Muenchen`, `Koeln`, `Oesterreich`.
  const umlauts = withUmlautsSpelledOut(input);
  return umlauts === input ? null : parseTimezone(umlauts, at, zones);
}

/** `Muenchen` -> `Munchen`: German ae, oe, ue read as the ä, ö, ü they stand for (accents are optional anyway). */
function withUmlautsSpelledOut(text: string): string {
  return text.replace(/([aou])e/gi, '$1');
}

/**
 * The country's name when `text` names one whose zones keep different clocks (Spain with the
 * Canary Islands, the United States): the reader must say which city or offset they mean. With
 * it the offset most of its zones keep at `at` (`+01:00` for Spain in winter), for the example.
 */
export function countryWithSeveralClocks(text: string, at: number): { country: string; offset: string } | null {
  const country = zonesOfCountry(text);
  return country?.kind === 'several' ? { country: country.country, offset: commonOffset(country.zones, at) } : null;
}

/** Names the runtime accepts but does not list (Node lists `Asia/Calcutta`, accepts `Asia/Kolkata`). */
function isValidZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone database's areas; names outside them (`US/Eastern`, `Canada/Atlantic`) are old links. */
const ZONE_AREAS = /^(?:africa|america|antarctica|arctic|asia|atlantic|australia|europe|indian|pacific|etc)\//i;

/**
 * For a link name the runtime spells otherwise: within an area (`europe/kyiv`, listed as
 * `Europe/Kiev`) the name typed, each word capitalised; an old link outside them (`US/Eastern`)
 * the zone it stands for, as no capitalising spells `US` right.
 */
function linkTarget(name: string): string {
  if (!ZONE_AREAS.test(name)) return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  return name.replace(/[^/_-]+/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

/** `+02:00`, `+2`, `utc+2`, `UTC + 1`, `gmt-05:30`, `utc−02:00` -> zone; undefined when the text is not an offset at all. */
function parseOffset(lower: string, at: number | undefined): string | null | undefined {
  const match = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(lower);
  if (!match) return undefined;
  const sign = match[1] === '+' ? '+' : '-';
  const hours = Number(match[2]);
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  if (minutes === 0) {
    if (hours === 0) return 'UTC';
    if (sign === '+' ? hours > 14 : hours > 12) return null;
    return `Etc/GMT${sign === '+' ? '-' : '+'}${hours}`;
  }
  return zoneOfFractionalOffset(sign, hours, minutes, at);
}

/** `Zürich` -> `zurich`, `São Paulo` -> `sao paulo`: the zone database spells its cities in ASCII. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Zone abbreviations, winter and summer alike, to a zone with the same rules (for CET, MET, WET
 * and EET the zone the zone database itself links them to). IST (India, Ireland, Israel) is
 * ambiguous and left out; CST is read the North American way.
 */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  cet: 'Europe/Brussels', cest: 'Europe/Brussels', met: 'Europe/Brussels', mez: 'Europe/Brussels', mesz: 'Europe/Brussels',
  wet: 'Europe/Lisbon', west: 'Europe/Lisbon', wez: 'Europe/Lisbon', wesz: 'Europe/Lisbon',
  eet: 'Europe/Athens', eest: 'Europe/Athens', oez: 'Europe/Athens', oesz: 'Europe/Athens',
  bst: 'Europe/London', msk: 'Europe/Moscow',
  est: 'America/New_York', edt: 'America/New_York', cst: 'America/Chicago', cdt: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles',
  jst: 'Asia/Tokyo', aest: 'Australia/Sydney', aedt: 'Australia/Sydney',
};

/**
 * The same zones called by name, as people in them say it ("Eastern" would otherwise be read as
 * a misspelt Easter Island). A bare "Central" stays unread: it is Chicago's and Europe's.
 */
const ZONE_NAMES: Record<string, string> = {
  eastern: 'America/New_York', 'eastern time': 'America/New_York',
  'central time': 'America/Chicago',
  mountain: 'America/Denver', 'mountain time': 'America/Denver',
  pacific: 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles',
  'central european time': 'Europe/Brussels', 'western european time': 'Europe/Lisbon',
  'eastern european time': 'Europe/Athens', 'british summer time': 'Europe/London',
  'mitteleuropäische zeit': 'Europe/Berlin', 'midden-europese tijd': 'Europe/Amsterdam',
  "heure d'europe centrale": 'Europe/Paris',
};

interface ListedCity {
  readonly city: string;
  readonly city_ascii: string;
  readonly pop: number;
  readonly timezone: string;
}

let cachedCityZones: ReadonlyMap<string, ListedCity> | null = null;

/**
 * City name (lower case, without accents) -> the most populous city of that name, from
 * city-timezones' list. Loaded on the first name nothing else knows: it is a 2 MB table.
 */
function cityZones(): ReadonlyMap<string, ListedCity> {
  if (cachedCityZones) return cachedCityZones;
  const { cityMapping } = createRequire(import.meta.url)('city-timezones') as { cityMapping: readonly ListedCity[] };
  const byName = new Map<string, ListedCity>();
  for (const entry of cityMapping) {
    for (const name of new Set([entry.city, entry.city_ascii].map((n) => withoutAccents(n.toLowerCase())))) {
      const known = byName.get(name);
      if (!known || entry.pop > known.pop) byName.set(name, entry);
    }
  }
  cachedCityZones = byName;
  return cachedCityZones;
}

/**
 * Names parseTimezone reads, as a reader would write them, with the zone each means: the zone
 * database's names and their cities (`New York`), CITY_ALIASES' names, and city-timezones'
 * cities. For suggesting one when a name is misspelt (timezone-hints.ts).
 */
export function namedZones(zones: readonly string[] = knownZones()): Map<string, string> {
  const named = new Map<string, string>();
  for (const zone of zones) {
    named.set(zone, zone);
    const city = zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
    if (zone.includes('/') && !named.has(city)) named.set(city, zone);
  }
  // An alias as city-timezones spells the city (`munchen`: `München`), else capitalised (`Den Haag`).
  const spelt = new Map([...cityZones().values()].map((entry) => [aliasKey(entry.city), entry.city]));
  for (const [key, zone] of Object.entries(CITY_ALIASES)) {
    named.set(spelt.get(key) ?? key.replace(/(^|[ '])\p{L}/gu, (letter) => letter.toUpperCase()), zone);
  }
  for (const entry of cityZones().values()) if (!named.has(entry.city)) named.set(entry.city, entry.timezone);
  return named;
}

let cachedZones: readonly string[] | null = null;

/** The runtime's IANA zone names (Intl), computed once. */
function knownZones(): readonly string[] {
  cachedZones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return cachedZones;
}
