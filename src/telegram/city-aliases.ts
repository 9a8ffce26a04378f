/**
 * What readers of the four interface languages call cities the zone database and city-timezones
 * spell otherwise: the Dutch, German and French names of cities readers live in or ask about
 * (`Londen`, `Londres`; `Moskou`, `Moskau`, `Moscou`), and a few regions people give as their
 * country or home (`Holland`, `England`, `Wales`, `Florida`). Keys are lower case, without
 * accents, hyphens as spaces (see `aliasKey`), so `Liège`, `liege` and `Aix-la-Chapelle` / `aix la chapelle` meet the same entry.
 * A name another country's city also carries points at the one a reader means (`Vienne` is
 * Vienna, not the town in the Isère).
 */
export const CITY_ALIASES: Readonly<Record<string, string>> = {
  // The Netherlands and Belgium
  'den haag': 'Europe/Amsterdam', 'the hague': 'Europe/Amsterdam', 'la haye': 'Europe/Amsterdam',
  'den bosch': 'Europe/Amsterdam', rotterdam: 'Europe/Amsterdam', utrecht: 'Europe/Amsterdam', eindhoven: 'Europe/Amsterdam', groningen: 'Europe/Amsterdam',
  holland: 'Europe/Amsterdam', hollande: 'Europe/Amsterdam',
  brussel: 'Europe/Brussels', bruxelles: 'Europe/Brussels',
  antwerpen: 'Europe/Brussels', antwerp: 'Europe/Brussels', anvers: 'Europe/Brussels',
  gent: 'Europe/Brussels', ghent: 'Europe/Brussels', gand: 'Europe/Brussels',
  luik: 'Europe/Brussels', luttich: 'Europe/Brussels', leuven: 'Europe/Brussels', louvain: 'Europe/Brussels',
  mechelen: 'Europe/Brussels', malines: 'Europe/Brussels', brugge: 'Europe/Brussels', bruges: 'Europe/Brussels',
  // Germany, Switzerland, Austria
  berlijn: 'Europe/Berlin', keulen: 'Europe/Berlin', koln: 'Europe/Berlin', munchen: 'Europe/Berlin', munich: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin', francfort: 'Europe/Berlin', hambourg: 'Europe/Berlin', aken: 'Europe/Berlin', 'aix la chapelle': 'Europe/Berlin',
  geneve: 'Europe/Zurich', genf: 'Europe/Zurich', bazel: 'Europe/Zurich', bale: 'Europe/Zurich',
  wenen: 'Europe/Vienna', wien: 'Europe/Vienna', vienne: 'Europe/Vienna',
  // The rest of Europe
  londen: 'Europe/London', londres: 'Europe/London', edimbourg: 'Europe/London',
  england: 'Europe/London', engeland: 'Europe/London', angleterre: 'Europe/London',
  scotland: 'Europe/London', schotland: 'Europe/London', schottland: 'Europe/London', ecosse: 'Europe/London',
  parijs: 'Europe/Paris', rijsel: 'Europe/Paris', straatsburg: 'Europe/Paris', nizza: 'Europe/Paris',
  lissabon: 'Europe/Lisbon', lisbonne: 'Europe/Lisbon',
  praag: 'Europe/Prague', prag: 'Europe/Prague',
  kopenhagen: 'Europe/Copenhagen', copenhague: 'Europe/Copenhagen',
  athene: 'Europe/Athens', athen: 'Europe/Athens', athenes: 'Europe/Athens',
  moskou: 'Europe/Moscow', moskau: 'Europe/Moscow', moscou: 'Europe/Moscow',
  'sint petersburg': 'Europe/Moscow', 'sankt petersburg': 'Europe/Moscow', 'saint petersbourg': 'Europe/Moscow',
  warschau: 'Europe/Warsaw', varsovie: 'Europe/Warsaw', krakau: 'Europe/Warsaw', cracovie: 'Europe/Warsaw',
  boekarest: 'Europe/Bucharest', bukarest: 'Europe/Bucharest', bucarest: 'Europe/Bucharest',
  belgrad: 'Europe/Belgrade',
  rom: 'Europe/Rome', milaan: 'Europe/Rome', mailand: 'Europe/Rome', napels: 'Europe/Rome', neapel: 'Europe/Rome',
  venetie: 'Europe/Rome', venedig: 'Europe/Rome', venise: 'Europe/Rome', florenz: 'Europe/Rome', genua: 'Europe/Rome', genes: 'Europe/Rome',
  kyiv: 'Europe/Kyiv', kiev: 'Europe/Kyiv', kiew: 'Europe/Kyiv',
  // Elsewhere
  tokio: 'Asia/Tokyo',
  beijing: 'Asia/Shanghai', peking: 'Asia/Shanghai', pekin: 'Asia/Shanghai',
  kolkata: 'Asia/Kolkata', calcutta: 'Asia/Kolkata', mumbai: 'Asia/Kolkata', bangalore: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', 'nieuw delhi': 'Asia/Kolkata', 'neu delhi': 'Asia/Kolkata',
  'ho chi minh': 'Asia/Ho_Chi_Minh',
  kairo: 'Africa/Cairo', 'le caire': 'Africa/Cairo', alger: 'Africa/Algiers',
  kaapstad: 'Africa/Johannesburg', kapstadt: 'Africa/Johannesburg', 'le cap': 'Africa/Johannesburg',
  'new york city': 'America/New_York', nyc: 'America/New_York', washington: 'America/New_York', boston: 'America/New_York',
  'san francisco': 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles', seattle: 'America/Los_Angeles',
  'la nouvelle orleans': 'America/Chicago', 'nouvelle orleans': 'America/Chicago',
  'mexiko stadt': 'America/Mexico_City', 'mexico stad': 'America/Mexico_City',
  curacao: 'America/Curacao',
  'tel aviv': 'Asia/Jerusalem', jeruzalem: 'Asia/Jerusalem', bombay: 'Asia/Kolkata',
  hawaii: 'Pacific/Honolulu', alaska: 'America/Anchorage',
  // Islands with a clock of their own, which the reply about Spain or Portugal asks a reader to name
  'canarische eilanden': 'Atlantic/Canary', 'canary islands': 'Atlantic/Canary', kanaren: 'Atlantic/Canary',
  'kanarische inseln': 'Atlantic/Canary', 'iles canaries': 'Atlantic/Canary', canarias: 'Atlantic/Canary',
  tenerife: 'Atlantic/Canary', teneriffa: 'Atlantic/Canary', 'gran canaria': 'Atlantic/Canary', lanzarote: 'Atlantic/Canary',
  fuerteventura: 'Atlantic/Canary', azoren: 'Atlantic/Azores', azores: 'Atlantic/Azores', acores: 'Atlantic/Azores',
  // The Brazilian city of 2.7 million, though French calls El Salvador "Salvador" too
  salvador: 'America/Bahia',
  // Regions readers give as their home whose names city-timezones gives to a town far away (Wales
  // in Alaska, Florida in Uruguay, Montana in Bulgaria, Ontario in Oregon, Virginia in Minnesota):
  // the clock most of the region keeps
  wales: 'Europe/London', cymru: 'Europe/London', 'pays de galles': 'Europe/London',
  florida: 'America/New_York', floride: 'America/New_York', virginia: 'America/New_York', virginie: 'America/New_York',
  montana: 'America/Denver', ontario: 'America/Toronto',
};

/** `Aix-la-Chapelle` -> `aix la chapelle`, `Lüttich` -> `luttich`: the form CITY_ALIASES keys take. */
export function aliasKey(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s-]+/g, ' ').trim();
}
