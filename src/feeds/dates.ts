/**
 * Tolerant date parsing for feed dates: RFC 822 and its real-world variants (missing or
 * foreign day names, odd zone names, two-digit years, no seconds), ISO 8601 / W3C-DTF
 * (reduced precision, no colons, comma fractions), month names in a few languages, and numeric
 * dates with dots or dashes read day first (07.12.2026).
 * A date that cannot be read is null, never an exception: the poller falls back to first-seen.
 */
import { collapseWhitespace } from '../core/text/paragraphs.js';

const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420,
  mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180,
  nst: -210, ndt: -150, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, mez: 60, mesz: 120,
  west: 60, eet: 120, eest: 180, msk: 180, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480,
  acst: 570, acdt: 630, aest: 600, aedt: 660, nzst: 720, nzdt: 780, ist: 330,
};

const MONTHS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const names = [
    'jan january januar jänner janvier janv januari enero ene gennaio gen janeiro',
    'feb february februar février févr fév fevrier februari febrero febbraio fevereiro fev',
    'mar march märz mär maerz mrz mars maart mrt marzo março marco',
    'apr april avril avr abril abr aprile',
    'may mai mei mayo maggio mag maio',
    'jun june juni juin junio giugno giu junho',
    'jul july juli juillet juil julio luglio lug julho',
    'aug august août aoû aout augustus agosto ago',
    'sep sept september septembre septiembre setiembre settembre set setembro',
    'oct october oktober okt octobre octubre ottobre ott outubro out',
    'nov november novembre noviembre novembro',
    'dec december dezember dez décembre déc decembre diciembre dic dicembre dezembro',
  ];
  names.forEach((line, month) => {
    for (const name of line.split(' ')) table[name] = month;
  });
  return table;
})();

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:(?:T|\s+)(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds for a feed date string, or null when it cannot be read. Zone-less dates are UTC. */
export function parseFeedDate(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = collapseWhitespace(text);
  if (s === '') return null;
  const iso = ISO.exec(s);
  if (iso) return fromIso(iso);
  return fromCanonicalRfc822(s) ?? fromRfc822(s) ?? fromFallback(s);
}

/** `Tue, 03 Jun 2025 08:00:00 GMT` or `+0200`: what nearly every RSS feed writes, read in one match. */
const CANONICAL_RFC822 = /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC|UT|Z|[+-]\d{4})$/;
const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** The common case of fromRfc822, with the same result, for a fraction of its cost. */
function fromCanonicalRfc822(s: string): number | null {
  const m = CANONICAL_RFC822.exec(s);
  const month = m ? ENGLISH_MONTHS[(m[2] as string).toLowerCase()] : undefined;
  if (!m || month === undefined) return null;
  return build(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, zoneOffset(m[7] as string));
}

function fromIso(m: RegExpExecArray): number | null {
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1, Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms, zoneOffset(zone ?? 'Z'));
}

function fromRfc822(s: string): number | null {
  const tokens = s.replace(/[,]/g, ' ').replace(/(\d)([A-Za-z]{1,5})$/, '$1 $2').split(' ').filter(Boolean);
  let day: number | null = null;
  let month: number | null = null;
  let monthSeen = false;
  let year: number | null = null;
  let time: number[] | null = null;
  let offset: number | null = null;
  let pm: boolean | null = null;
  for (const raw of tokens) {
    const tok = raw.toLowerCase().replace(/\.$/, '').replace(/^\(|\)$/g, '');
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?([+-]\d{2}:?\d{2}|z)?$/.exec(tok);
    if (t && time === null) {
      time = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
      if (t[4]) offset = zoneOffset(t[4]);
      continue;
    }
    if (/^[+-]\d{2}:?\d{2}$/.test(tok) || /^[+-]\d{1,2}$/.test(tok)) {
      offset = zoneOffset(tok);
      continue;
    }
    if (tok === 'am' || tok === 'pm') {
      pm = tok === 'pm';
      continue;
    }
    const zoneName = /^(?:gmt|utc|ut)([+-]\d{1,2}(?::?\d{2})?)$/.exec(tok);
    if (zoneName) {
      offset = zoneOffset(zoneName[1] as string);
      continue;
    }
    if (ZONES[tok] !== undefined && offset === null) {
      offset = ZONES[tok] as number;
      continue;
    }
    const monthIndex = MONTHS[tok] ?? (tok.length <= 4 ? MONTHS[tok.slice(0, 3)] : undefined);
    if (monthIndex !== undefined && /^[a-zà-ÿ]+$/.test(tok)) {
      // A day name can look like a month ("mar." is Tuesday in French): the last one wins.
      month = monthIndex;
      monthSeen = true;
      continue;
    }
    // Day first, as everywhere that writes dates with dots or dashes (07.12.2026, 7-12-2026); the
    // engine, which the slashed shapes are left to, would read 07.12.2026 as the 12th of July.
    const numeric = /^(\d{1,2})[.-](\d{1,2})[.-](\d{2}|\d{4})$/.exec(tok);
    if (numeric && day === null) {
      day = Number(numeric[1]);
      month = Number(numeric[2]) - 1;
      monthSeen = true;
      year = twoOrFourDigitYear(numeric[3] as string);
      continue;
    }
    if (/^\d{4}$/.test(tok) && year === null) year = Number(tok);
    else if (/^\d{1,2}$/.test(tok) && day === null) day = Number(tok);
    else if (/^\d{2}$/.test(tok) && year === null) year = twoOrFourDigitYear(tok);
    else if (/^\d{1,2}-[a-z]+-\d{2,4}$/.test(tok)) {
      const [dd, mm, yy] = tok.split('-') as [string, string, string];
      day = Number(dd);
      month = MONTHS[mm] ?? MONTHS[mm.slice(0, 3)] ?? null;
      year = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
    }
    // Anything else (day names in any language, "at", "de") is ignored.
  }
  if (day === null || month === null || year === null || !monthSeen) return null;
  const [h, mi, sec] = time ?? [0, 0, 0];
  let hour = h as number;
  if (pm === true && hour < 12) hour += 12;
  if (pm === false && hour === 12) hour = 0;
  return build(year, month, day, hour, mi as number, sec as number, 0, offset ?? 0);
}

/** `26` is 2026 and `87` 1987 (the RFC 822 reading of two-digit years); four digits stay as they are. */
function twoOrFourDigitYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

/** Last resort for shapes not covered above (e.g. `2004/01/01 10:00`): the engine's parser, read as UTC. */
function fromFallback(s: string): number | null {
  if (!/\d/.test(s)) return null;
  const hasZone = /(?:z|gmt|utc|[+-]\d{2}:?\d{2})$/i.test(s);
  const value = Date.parse(hasZone ? s : `${s} UTC`);
  if (Number.isNaN(value)) {
    const plain = Date.parse(s);
    return Number.isNaN(plain) ? null : plain;
  }
  return value;
}

function zoneOffset(zone: string): number {
  const numeric = numericZoneOffset(zone);
  if (numeric !== null) return numeric;
  const z = zone.toLowerCase();
  if (ZONES[z] !== undefined) return ZONES[z] as number;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** `+HHMM` or `+HH:MM` (or `-`), what nearly every dated feed writes, in minutes; null for any other zone. */
function numericZoneOffset(zone: string): number | null {
  const sign = zone.charCodeAt(0);
  if ((sign !== 0x2b && sign !== 0x2d) || (zone.length !== 5 && zone.length !== 6)) return null;
  const colon = zone.length === 6;
  if (colon && zone.charCodeAt(3) !== 0x3a) return null;
  const hours = twoDigits(zone, 1);
  const minutes = twoDigits(zone, colon ? 4 : 3);
  if (hours < 0 || minutes < 0) return null;
  return sign === 0x2d ? -(hours * 60 + minutes) : hours * 60 + minutes;
}

/** The number written by the two digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 0x30;
  const ones = text.charCodeAt(at + 1) - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60 || y < 1000 || y > 9999) return null;
  const value = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  return Number.isNaN(value) ? null : value;
}
