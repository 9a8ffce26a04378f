/**
 * Countries as readers name them ("Duitsland", "Germany", "Deutschland", "Allemagne") to the
 * zones the runtime's CLDR data gives them. No list is kept here: the names come from
 * Intl.DisplayNames and the zones from Intl.Locale, so every country in the runtime is covered.
 */

/** Languages whose country names are read: the interface's and the feeds' first ones. */
const NAME_LANGUAGES = ['nl', 'en', 'de', 'fr'] as const;

export type CountryZones =
  | { readonly kind: 'one'; readonly zone: string }
  /** Zones that keep different clocks (Spain's mainland and the Canary Islands): a city or offset is needed. */
  | { readonly kind: 'several'; readonly country: string; readonly zones: readonly string[] };

/** What readers call a country by its letters (`UK`, `USA`, the Dutch `VS`), to its region code; shown as typed. */
const COUNTRY_ABBREVIATIONS: Readonly<Record<string, string>> = { uk: 'GB', usa: 'US', us: 'US', vs: 'US', uae: 'AE' };

let regionByName: ReadonlyMap<string, { region: string; country: string }> | null = null;

/** What `name` (any case, accents optional) means as a country, or undefined when it names none. */
export function zonesOfCountry(name: string): CountryZones | undefined {
  regionByName ??= indexNames();
  const folded = foldName(name);
  const abbreviated = COUNTRY_ABBREVIATIONS[folded];
  const found = abbreviated === undefined ? regionByName.get(folded) : { region: abbreviated, country: name.trim() };
  if (found === undefined) return undefined;
  const zones = zonesOfRegion(found.region);
  if (zones.length === 0) return undefined; // a region without its own clock, such as "Europe"
  return keepOneClock(zones) ? { kind: 'one', zone: zones[0] as string } : { kind: 'several', country: found.country, zones };
}

/** Every country name read above, as the runtime spells it (`Duitsland`, `États-Unis`), for suggestions. */
export function countryNames(): string[] {
  regionByName ??= indexNames();
  return [...regionByName.values()].map((found) => found.country);
}

/** Every region name in the languages above, folded, to its code (built once, on first use: about 20 ms). */
function indexNames(): Map<string, { region: string; country: string }> {
  const index = new Map<string, { region: string; country: string }>();
  const displayNames = NAME_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (const region of regionCodes()) {
    for (const names of displayNames) {
      const country = names.of(region);
      const key = country === undefined ? '' : foldName(country);
      if (country !== undefined && !index.has(key)) index.set(key, { region, country });
    }
  }
  return index;
}

function regionCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return [...letters].flatMap((first) => [...letters].map((second) => `${first}${second}`));
}

/** The region's zones as CLDR lists them (V8 exposes them as `timeZones`, newer ones as `getTimeZones()`). */
function zonesOfRegion(region: string): readonly string[] {
  const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
  try {
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

// A winter and a summer instant of both hemispheres: zones that agree on both keep one clock.
const PROBES = [Date.UTC(2025, 0, 15, 12), Date.UTC(2025, 6, 15, 12)];

function keepOneClock(zones: readonly string[]): boolean {
  const clock = (zone: string) => PROBES.map((at) => offsetName(zone, at)).join(' ');
  const first = clock(zones[0] as string);
  return zones.every((zone) => clock(zone) === first);
}

/**
 * The UTC offset most of `zones` keep at `at`, as /timezone reads one (`+01:00`, `-05:00`): an
 * example that fits the country. Intl lists a country's zones alphabetically and knows nothing of
 * population, so the first listed zone would be a poor pick (Alaska's Adak for the United States,
 * the Azores for Portugal); the clock most of its zones keep is the mainland's more often. On a
 * tie the zone listed first decides.
 */
export function commonOffset(zones: readonly string[], at: number): string {
  const counts = new Map<string, number>();
  for (const zone of zones) {
    const offset = offsetName(zone, at).replace(/^GMT/, '') || '+00:00';
    counts.set(offset, (counts.get(offset) ?? 0) + 1);
  }
  let best = '+00:00';
  let most = 0;
  for (const [offset, count] of counts) {
    if (count > most) [best, most] = [offset, count];
  }
  return best;
}

function offsetName(zone: string, at: number): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** `Belgïe`, `belgie`, ` BELGIË ` -> `belgie`; `États-Unis`, `etats unis` -> `etats unis`. */
function foldName(name: string): string {
  return name.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s-]+/g, ' ');
}
