import { describe, expect, it } from 'vitest';
import { parseDigestTime } from '../../../src/telegram/time-input.js';
import { countryWithSeveralClocks, parseTimezone } from '../../../src/telegram/timezone-input.js';
import { ambiguousAbbreviation, closestTimezoneName } from '../../../src/telegram/timezone-hints.js';
import { timezoneLabel } from '../../../src/telegram/timezone-label.js';
import { parseCommand } from '../../../src/bot/parse-command.js';
import { createFloodGate } from '../../../src/bot/flood-gate.js';

describe('digest time input', () => {
  it.each([
    ['07:30', '07:30'], ['7:30', '07:30'], ['7.05', '07:05'], ['0730', '07:30'], ['7', '07:00'], ['23:59', '23:59'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseDigestTime(input)).toEqual({ ok: true, time: expected });
  });
  it.each([
    ['7u30', '07:30'], ['19u', '19:00'], ['7h30', '07:30'], ['7h', '07:00'], ['7.30 uur', '07:30'], ['19 uur', '19:00'],
    ['19 Uhr', '19:00'], ['7.30 Uhr', '07:30'], ['19 h 30', '19:30'], ['19 h', '19:00'], ['19 heures', '19:00'], ['7pm', '19:00'], ['7:30 am', '07:30'], ['7:30 p.m.', '19:30'], ['12am', '00:00'], ['12 pm', '12:00'],
  ])('reads the Flemish, French, Dutch, German or 12-hour %s as %s', (input, expected) => {
    expect(parseDigestTime(input)).toEqual({ ok: true, time: expected });
  });
  it.each([
    ['om 8 uur', '08:00'], ['Om 7.30', '07:30'], ['um 8 Uhr', '08:00'], ['à 8h', '08:00'], ['a 19h30', '19:30'], ['vers 7h', '07:00'], ['at 7am', '07:00'], ['around 6:45', '06:45'],
  ])('reads %s, a time after the word for "at", as %s', (input, expected) => {
    expect(parseDigestTime(input)).toEqual({ ok: true, time: expected });
  });
  it.each([
    ['7:30h', '07:30'], ['8.30h', '08:30'], ['18.00u', '18:00'], ['19:30 h', '19:30'], ['7 p.m', '19:00'], ['7pm.', '19:00'],
  ])('reads %s, a clock time with an hour mark or a loose a.m./p.m. after it, as %s', (input, expected) => {
    expect(parseDigestTime(input)).toEqual({ ok: true, time: expected });
  });
  it('reads off, uit, aus, keine, aucune and désactivé as no digest', () => {
    expect(parseDigestTime('off')).toEqual({ ok: true, time: null });
    expect(parseDigestTime('UIT')).toEqual({ ok: true, time: null });
    expect(parseDigestTime('aus')).toEqual({ ok: true, time: null });
    expect(parseDigestTime('Keine')).toEqual({ ok: true, time: null });
    expect(parseDigestTime('aucune')).toEqual({ ok: true, time: null });
    expect(parseDigestTime('Désactivé')).toEqual({ ok: true, time: null });
    expect(parseDigestTime('non')).toEqual({ ok: true, time: null });
  });
  it.each(['no', 'nee', 'nein', 'never', 'nooit', 'nie', 'jamais'])('reads %s, as non is read, as no digest', (input) => {
    expect(parseDigestTime(input)).toEqual({ ok: true, time: null });
  });
  it.each(['24:00', '7:60', 'noon', '', '12:3', '-1', '13pm', '0am', '7 u', '7uu', '7 hh', '19 h 3', 'om', 'à', 'om om 8', 'at7', '7 30', '7:30hh'])('rejects %j', (input) => {
    expect(parseDigestTime(input).ok).toBe(false);
  });
});

/** A January and a July instant: winter and summer time in the northern hemisphere. */
const WINTER = Date.UTC(2026, 0, 15, 12);
const SUMMER = Date.UTC(2026, 6, 15, 12);

describe('time zone input', () => {
  it('accepts IANA names in any case', () => {
    expect(parseTimezone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(parseTimezone('america/new_york')).toBe('America/New_York');
    expect(parseTimezone('utc')).toBe('UTC');
    expect(parseTimezone('asia/kolkata')).toBe('Asia/Kolkata');
  });
  it('returns a name the runtime knows in the zone database\'s own spelling, whatever the case typed', () => {
    expect(parseTimezone('Etc/GMT+2')).toBe('Etc/GMT+2');
    expect(parseTimezone('etc/gmt-14')).toBe('Etc/GMT-14');
    expect(parseTimezone('america/port-au-prince')).toBe('America/Port-au-Prince');
    expect(parseTimezone('europe/isle_of_man')).toBe('Europe/Isle_of_Man');
  });
  it('maps whole-hour UTC offsets to Etc/GMT with the inverted sign', () => {
    expect(parseTimezone('+02:00')).toBe('Etc/GMT-2');
    expect(parseTimezone('UTC-5')).toBe('Etc/GMT+5');
    expect(parseTimezone('+0')).toBe('UTC');
    // What timezoneLabel shows reads back as the same zone, typeset minus included.
    expect(parseTimezone('UTC+02:00')).toBe('Etc/GMT-2');
    expect(parseTimezone('UTC\u221202:00')).toBe('Etc/GMT+2');
  });
  it('reads an offset with spaces around its sign', () => {
    expect(parseTimezone('UTC + 1')).toBe('Etc/GMT-1');
    expect(parseTimezone('GMT+ 2')).toBe('Etc/GMT-2');
    expect(parseTimezone('+ 5:30')).toBe('Asia/Kolkata');
  });
  it('stores an old name outside the zone database\'s areas as the zone it stands for, not in a case it never had', () => {
    expect(parseTimezone('US/Eastern')).toBe('America/New_York');
    expect(parseTimezone('us/pacific')).toBe('America/Los_Angeles');
    expect(parseTimezone('Canada/Atlantic')).toBe('America/Halifax');
    // Within the areas the name typed stays, in the zone database's spelling.
    expect(parseTimezone('europe/kyiv')).toBe('Europe/Kyiv');
    expect(parseTimezone('Asia/Calcutta')).toBe('Asia/Calcutta');
  });
  it('maps half-hour offsets to a zone that keeps them', () => {
    expect(parseTimezone('+05:30')).toBe('Asia/Kolkata');
    expect(parseTimezone('+05:17')).toBeNull();
  });
  it('maps a half-hour offset to a zone whose clock keeps it when typed, not one that is half an hour or an hour off by then', () => {
    // Adelaide's summer clock is +10:30; Lord Howe's is +11:00 by then.
    expect(parseTimezone('+10:30', WINTER)).toBe('Australia/Adelaide');
    expect(parseTimezone('+10:30', SUMMER)).toBe('Australia/Lord_Howe');
    expect(parseTimezone('+9:30', WINTER)).toBe('Australia/Darwin');
    // Chatham and Newfoundland in their summer, Eucla all year.
    expect(parseTimezone('+13:45', WINTER)).toBe('Pacific/Chatham');
    expect(parseTimezone('-02:30', SUMMER)).toBe('America/St_Johns');
    expect(parseTimezone('UTC+8:45', SUMMER)).toBe('Australia/Eucla');
    expect(parseTimezone('+5:45', SUMMER)).toBe('Asia/Kathmandu');
  });
  it('finds cities by name and local spelling', () => {
    expect(parseTimezone('Amsterdam')).toBe('Europe/Amsterdam');
    expect(parseTimezone('new york')).toBe('America/New_York');
    expect(parseTimezone('Brussel')).toBe('Europe/Brussels');
    expect(parseTimezone('Lissabon')).toBe('Europe/Lisbon');
    expect(parseTimezone('wenen')).toBe('Europe/Vienna');
    expect(parseTimezone('Den Haag')).toBe('Europe/Amsterdam');
  });
  it('reads the zones people call by name, so "Eastern" is New York, not a misspelt Easter Island', () => {
    expect(parseTimezone('Eastern')).toBe('America/New_York');
    expect(parseTimezone('pacific  time')).toBe('America/Los_Angeles');
    expect(parseTimezone('Mountain')).toBe('America/Denver');
    expect(parseTimezone('Central Time')).toBe('America/Chicago');
    expect(parseTimezone('Central European Time')).toBe('Europe/Brussels');
    expect(parseTimezone('Midden-Europese tijd')).toBe('Europe/Amsterdam');
    expect(parseTimezone('Mitteleuropäische Zeit')).toBe('Europe/Berlin');
    // Chicago's and Europe's: a guess would put the digest seven hours off.
    expect(parseTimezone('Central')).toBeNull();
  });
  it('reads city names with or without their accents', () => {
    expect(parseTimezone('Zürich')).toBe('Europe/Zurich');
    expect(parseTimezone('zurich')).toBe('Europe/Zurich');
    expect(parseTimezone('São Paulo')).toBe('America/Sao_Paulo');
    expect(parseTimezone('Reykjavík')).toBe('Atlantic/Reykjavik');
    expect(parseTimezone('belgie')).toBe('Europe/Brussels');
  });
  it('reads cities the zone database does not name, from a list of the world\'s cities', () => {
    expect(parseTimezone('Hamburg')).toBe('Europe/Berlin');
    expect(parseTimezone('lyon')).toBe('Europe/Paris');
    expect(parseTimezone('Malmo')).toBe('Europe/Stockholm');
    expect(parseTimezone('Köln')).toBe('Europe/Berlin');
    expect(parseTimezone('Genève')).toBe('Europe/Zurich');
    // A name several cities share means the most populous one.
    expect(parseTimezone('Portland')).toBe('America/Los_Angeles');
    expect(parseTimezone('Nowhereville')).toBeNull();
  });
  it('reads the German and French names of cities as it reads the Dutch ones', () => {
    expect(parseTimezone('Londres')).toBe('Europe/London');
    expect(parseTimezone('Moskau')).toBe('Europe/Moscow');
    expect(parseTimezone('Moscou')).toBe('Europe/Moscow');
    expect(parseTimezone('Prag')).toBe('Europe/Prague');
    expect(parseTimezone('Athènes')).toBe('Europe/Athens');
    expect(parseTimezone('Le Caire')).toBe('Africa/Cairo');
    expect(parseTimezone('Mailand')).toBe('Europe/Rome');
    expect(parseTimezone('La Haye')).toBe('Europe/Amsterdam');
    expect(parseTimezone('Aix-la-Chapelle')).toBe('Europe/Berlin');
    expect(parseTimezone('Neu-Delhi')).toBe('Asia/Kolkata');
    // The capital a reader means, not the French town that shares its name.
    expect(parseTimezone('Vienne')).toBe('Europe/Vienna');
    expect(parseTimezone('Holland')).toBe('Europe/Amsterdam');
    expect(parseTimezone('Angleterre')).toBe('Europe/London');
  });
  it('reads German umlauts typed as ae, oe and ue, in cities and countries', () => {
    expect(parseTimezone('Muenchen')).toBe('Europe/Berlin');
    expect(parseTimezone('Koeln')).toBe('Europe/Berlin');
    expect(parseTimezone('Zuerich')).toBe('Europe/Zurich');
    expect(parseTimezone('Oesterreich')).toBe('Europe/Vienna');
    expect(parseTimezone('Buenos Aires')).toBe('America/Buenos_Aires');
  });
  it('reads a country with a space where its name has a hyphen', () => {
    expect(countryWithSeveralClocks('etats unis', WINTER)?.country).toBe('États-Unis');
    expect(parseTimezone('pays bas')).toBe('Europe/Amsterdam');
  });
  it('reads a country in Dutch, English, German or French when the whole country keeps one clock', () => {
    expect(parseTimezone('Duitsland')).toBe('Europe/Berlin');
    expect(parseTimezone('germany')).toBe('Europe/Berlin');
    expect(parseTimezone('Deutschland')).toBe('Europe/Berlin');
    expect(parseTimezone('Allemagne')).toBe('Europe/Berlin');
    expect(parseTimezone('Nederland')).toBe('Europe/Amsterdam');
    expect(parseTimezone('BELGIË')).toBe('Europe/Brussels');
    expect(parseTimezone('Verenigd Koninkrijk')).toBe('Europe/London');
    expect(parseTimezone('Suriname')).toBe('America/Paramaribo');
    expect(parseTimezone('Berlijn')).toBe('Europe/Berlin');
    expect(countryWithSeveralClocks('Duitsland', WINTER)).toBeNull();
  });
  it('reads a country as the country, not as a small town of that name elsewhere', () => {
    // Armenia (Colombia), Liberia (Costa Rica) and Mali (Guinea) are towns in city-timezones' list.
    expect(parseTimezone('Armenia')).toBe('Asia/Yerevan');
    expect(parseTimezone('Liberia')).toBe('Africa/Monrovia');
    expect(parseTimezone('Mali')).toBe('Africa/Bamako');
  });
  it('reads the regions readers name as their home, not a town of that name on another continent', () => {
    expect(parseTimezone('Wales')).toBe('Europe/London');
    expect(parseTimezone('Pays de Galles')).toBe('Europe/London');
    expect(parseTimezone('Florida')).toBe('America/New_York');
    expect(parseTimezone('Virginia')).toBe('America/New_York');
    expect(parseTimezone('Montana')).toBe('America/Denver');
    expect(parseTimezone('Ontario')).toBe('America/Toronto');
  });
  it('reads the places readers name that the lists spell otherwise or lack', () => {
    expect(parseTimezone('Den Bosch')).toBe('Europe/Amsterdam');
    expect(parseTimezone('Tel Aviv')).toBe('Asia/Jerusalem');
    expect(parseTimezone('Jeruzalem')).toBe('Asia/Jerusalem');
    expect(parseTimezone('Bombay')).toBe('Asia/Kolkata');
    expect(parseTimezone('Hawaii')).toBe('Pacific/Honolulu');
    expect(parseTimezone('Alaska')).toBe('America/Anchorage');
  });
  it('reads the islands of a country with several clocks, as the reply about that country asks for', () => {
    for (const islands of ['Canarische Eilanden', 'Canary Islands', 'Kanaren', 'Îles Canaries', 'Tenerife', 'Gran Canaria', 'Lanzarote', 'Fuerteventura']) {
      expect(parseTimezone(islands), islands).toBe('Atlantic/Canary');
    }
    for (const islands of ['Azoren', 'Azores', 'Açores']) expect(parseTimezone(islands), islands).toBe('Atlantic/Azores');
  });
  it('reads the German names of the European zones, as MEZ', () => {
    expect(parseTimezone('WEZ')).toBe('Europe/Lisbon');
    expect(parseTimezone('wesz')).toBe('Europe/Lisbon');
    expect(parseTimezone('OEZ')).toBe('Europe/Athens');
    expect(parseTimezone('OESZ')).toBe('Europe/Athens');
  });
  it('reads the UK and the USA as the countries', () => {
    expect(parseTimezone('UK')).toBe('Europe/London');
    expect(parseTimezone('USA')).toBeNull();
    expect(countryWithSeveralClocks('USA', WINTER)).toEqual({ country: 'USA', offset: '-05:00' });
    expect(countryWithSeveralClocks('VS', WINTER)?.country).toBe('VS');
  });
  it('asks for a city when a country keeps several clocks', () => {
    expect(parseTimezone('Spanje')).toBeNull();
    expect(countryWithSeveralClocks('spanje', WINTER)?.country).toBe('Spanje');
    expect(parseTimezone('United States')).toBeNull();
    expect(countryWithSeveralClocks('United States', WINTER)?.country).toBe('United States');
    expect(countryWithSeveralClocks('Mars', WINTER)).toBeNull();
    expect(countryWithSeveralClocks('Europa', WINTER)).toBeNull();
  });
  it('gives, for such a country, the offset most of its zones keep then, as an example that fits it', () => {
    expect(countryWithSeveralClocks('Spanje', WINTER)).toEqual({ country: 'Spanje', offset: '+01:00' });
    expect(countryWithSeveralClocks('Espagne', SUMMER)).toEqual({ country: 'Espagne', offset: '+02:00' });
    expect(countryWithSeveralClocks('United States', WINTER)?.offset).toBe('-05:00');
    expect(countryWithSeveralClocks('Vereinigte Staaten', SUMMER)?.offset).toBe('-04:00');
    expect(countryWithSeveralClocks('Portugal', WINTER)?.offset).toBe('+00:00');
    expect(countryWithSeveralClocks('Australië', WINTER)?.offset).toBe('+11:00');
    // Every example is one /timezone reads.
    for (const country of ['Spain', 'United States', 'Portugal', 'Australia', 'Brazil', 'Mexico', 'Indonesia']) {
      expect(parseTimezone(countryWithSeveralClocks(country, WINTER)!.offset), country).not.toBeNull();
    }
  });
  it('maps zone abbreviations to a zone that keeps their summer time', () => {
    expect(parseTimezone('CET')).toBe('Europe/Brussels');
    expect(parseTimezone('cest')).toBe('Europe/Brussels');
    expect(parseTimezone('EST')).toBe('America/New_York');
    expect(parseTimezone('PDT')).toBe('America/Los_Angeles');
    expect(parseTimezone('IST')).toBeNull();
  });
  it('refuses what it does not know', () => {
    expect(parseTimezone('Mars/Olympus')).toBeNull();
    expect(parseTimezone('+15:00')).toBeNull();
    expect(parseTimezone('')).toBeNull();
  });
});

describe('hints for a time zone /timezone does not read', () => {
  it('suggests the name a misspelt city, country or zone name most likely meant, as it is spelt', () => {
    expect(closestTimezoneName('Amsterdm')).toBe('Amsterdam');
    expect(closestTimezoneName('europe/amsterdm')).toBe('Europe/Amsterdam');
    expect(closestTimezoneName('Kolkatta')).toBe('Kolkata');
    expect(closestTimezoneName('Duitsladn')).toBe('Duitsland');
    expect(closestTimezoneName('Jerusalm')).toBe('Jerusalem');
  });
  it('suggests only a name /timezone reads', () => {
    for (const typed of ['Amsterdm', 'europe/amsterdm', 'Kolkatta', 'Duitsladn', 'Rotterdm', 'Brusel', 'Londn', 'Parijss']) {
      const meant = closestTimezoneName(typed);
      expect(meant, typed).not.toBeNull();
      expect(parseTimezone(meant!), typed).not.toBeNull();
    }
  });
  it('suggests nothing far-fetched, nor one of two places with different clocks that are equally close', () => {
    expect(closestTimezoneName('Nowhereville')).toBeNull();
    expect(closestTimezoneName('xyz')).toBeNull();
    expect(closestTimezoneName('Bayern')).toBeNull(); // not Bern
    // Berlin and Bern are both one letter away.
    expect(closestTimezoneName('Berln')).toBeNull();
  });
  it('names, for an abbreviation several zones use, a city of each', () => {
    expect(ambiguousAbbreviation('IST')).toEqual(['Kolkata', 'Dublin', 'Jerusalem']);
    expect(ambiguousAbbreviation('ist')).toEqual(['Kolkata', 'Dublin', 'Jerusalem']);
    expect(ambiguousAbbreviation('CET')).toBeNull();
    for (const city of ambiguousAbbreviation('IST')!) expect(parseTimezone(city), city).not.toBeNull();
  });
});

describe('time zone labels', () => {
  it('shows a fixed offset as the reader means it, not with the POSIX sign of its Etc/GMT name', () => {
    expect(timezoneLabel('Etc/GMT-2')).toBe('UTC+02:00');
    expect(timezoneLabel('Etc/GMT+2')).toBe('UTC\u221202:00');
    expect(timezoneLabel('Etc/GMT-14')).toBe('UTC+14:00');
    expect(timezoneLabel('Etc/GMT+12')).toBe('UTC\u221212:00');
    expect(timezoneLabel('Etc/GMT0')).toBe('UTC');
    expect(timezoneLabel('UTC')).toBe('UTC');
  });
  it('shows a zone stored in another case in the zone database\'s spelling', () => {
    expect(timezoneLabel('Etc/Gmt+2')).toBe('UTC\u221202:00');
    expect(timezoneLabel('europe/amsterdam')).toBe('Europe/Amsterdam');
    expect(timezoneLabel('America/Port-Au-Prince')).toBe('America/Port-au-Prince');
    expect(timezoneLabel('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(timezoneLabel('Europe/Kyiv')).toBe('Europe/Kyiv');
  });
  it('reads back every label it shows as the zone it labels', () => {
    for (let hours = -12; hours <= 14; hours++) {
      const zone = hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
      expect(parseTimezone(timezoneLabel(zone)), zone).toBe(zone);
    }
  });
});

describe('command parsing', () => {
  it('splits name, @botname and arguments', () => {
    expect(parseCommand('/Latest@NewsBot 10')).toEqual({ name: 'latest', mention: 'newsbot', args: ['10'], badArguments: null });
    expect(parseCommand('/subscribe  world   tech')?.args).toEqual(['world', 'tech']);
  });
  it('is not a command without a leading slash or with a glued word', () => {
    expect(parseCommand('hello')).toBeNull();
    expect(parseCommand('/start-now')).toBeNull();
  });
  it('reads a command with sentence punctuation glued to it, as Telegram marks the command in it', () => {
    expect(parseCommand('/help?')).toEqual({ name: 'help', mention: null, args: [], badArguments: null });
    expect(parseCommand('/latest.')).toEqual({ name: 'latest', mention: null, args: [], badArguments: null });
    expect(parseCommand('/start!')?.name).toBe('start');
    expect(parseCommand('/latest@NewsBot…')).toMatchObject({ name: 'latest', mention: 'newsbot', args: [] });
    expect(parseCommand('/time, 07:30')).toMatchObject({ name: 'time', args: ['07:30'] });
    expect(parseCommand('/time:07:30')).toMatchObject({ name: 'time', args: ['07:30'] });
    expect(parseCommand('/help?!')?.args).toEqual([]);
  });
  it('drops the invisible direction and zero-width marks a right-to-left keyboard or a copy leaves around words', () => {
    expect(parseCommand('/time \u200F08:00\u200F')?.args).toEqual(['08:00']);
    expect(parseCommand('/timezone \u2067Amsterdam\u2069')?.args).toEqual(['Amsterdam']);
    expect(parseCommand('/subscribe \u200Bworld \u200E tech\uFEFF')?.args).toEqual(['world', 'tech']);
    expect(parseCommand('/latest \u200F')?.args).toEqual([]);
  });
  it('flags binary arguments, and arguments longer than one Telegram message holds', () => {
    expect(parseCommand(`/subscribe ${'x'.repeat(4097)}`)).toMatchObject({ badArguments: 'too-long', args: [] });
    expect(parseCommand('/time \u0000\u0001')).toMatchObject({ badArguments: 'unreadable' });
    expect(parseCommand('/time \uFFFD')).toMatchObject({ badArguments: 'unreadable' });
  });
  it('reads a list as long as a Telegram message can carry', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `feed-${i}`);
    const text = `/subscribe ${ids.join(' ')}`.slice(0, 4096);
    const parsed = parseCommand(text);
    expect(parsed).toMatchObject({ badArguments: null });
    expect(parsed?.args.slice(0, 3)).toEqual(['feed-0', 'feed-1', 'feed-2']);
    expect(parsed?.args.length).toBeGreaterThan(250);
  });
  it('reads full-width digits and the digits of other scripts as ASCII ones', () => {
    expect(parseCommand('/latest ５')?.args).toEqual(['5']);
    expect(parseCommand('/time ０７：３０')?.args).toEqual(['07:30']);
    expect(parseCommand('/time ٧:٣٠')?.args).toEqual(['7:30']);
    expect(parseCommand('/subscribe ｗｏｒｌｄ　ｔｅｃｈ')?.args).toEqual(['world', 'tech']);
  });
  it('reads a command name typed in full-width letters, in any case, as the plain name', () => {
    expect(parseCommand('/ｌａｔｅｓｔ ５')).toEqual({ name: 'latest', mention: null, args: ['5'], badArguments: null });
    expect(parseCommand('/ＨＥＬＰ@NewsBot')).toMatchObject({ name: 'help', mention: 'newsbot' });
    expect(parseCommand('/ｔｉｊｄ')?.name).toBe('tijd');
  });
  it('keeps accented names as they are, and composes a decomposed accent', () => {
    expect(parseCommand('/subscribe Économie café Zürich')?.args).toEqual(['Économie', 'café', 'Zürich']);
    expect(parseCommand('/subscribe E\u0301conomie')?.args).toEqual(['\u00C9conomie']);
  });
});

describe('flood gate', () => {
  it('lets a burst through, warns once, then drops until it refills', () => {
    const gate = createFloodGate({ burst: 3, refillPerSecond: 1 });
    const verdicts = [0, 0, 0, 0, 0].map(() => gate.check(1, 1_000));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'warn', 'drop']);
    expect(gate.check(2, 1_000)).toBe('ok');
    expect(gate.check(1, 2_000)).toBe('ok');
  });
});
