import { tzOffset } from '@date-fns/tz';

/**
 * Zones for the UTC offsets that are not whole hours (the zone database has no `Etc/GMT` name
 * for them), each with the zones that keep it in some season, the one keeping it all year first.
 */
const FRACTIONAL_OFFSETS: Readonly<Record<string, readonly string[]>> = {
  '-9:30': ['Pacific/Marquesas'],
  '-3:30': ['America/St_Johns'],
  '-2:30': ['America/St_Johns'],
  '+3:30': ['Asia/Tehran'],
  '+4:30': ['Asia/Kabul'],
  '+5:30': ['Asia/Kolkata'],
  '+5:45': ['Asia/Kathmandu'],
  '+6:30': ['Asia/Yangon'],
  '+8:45': ['Australia/Eucla'],
  '+9:30': ['Australia/Darwin', 'Australia/Adelaide'],
  '+10:30': ['Australia/Lord_Howe', 'Australia/Adelaide'],
  '+12:45': ['Pacific/Chatham'],
  '+13:45': ['Pacific/Chatham'],
};

/**
 * A zone for the offset `sign` `hours`:`minutes` (not a whole hour): one whose clock is at that
 * offset at `at`, since a reader types the offset their clock shows now (in January Adelaide's
 * +10:30, when Lord Howe's is +11:00: taking Lord Howe sent digests half an hour early). Without
 * `at`, or when no zone keeps it then, the first zone listed. Null for an offset no zone keeps.
 */
export function zoneOfFractionalOffset(sign: '+' | '-', hours: number, minutes: number, at?: number): string | null {
  const zones = FRACTIONAL_OFFSETS[`${sign}${hours}:${String(minutes).padStart(2, '0')}`];
  if (zones === undefined) return null;
  const wanted = (sign === '+' ? 1 : -1) * (hours * 60 + minutes);
  const now = at === undefined ? undefined : new Date(at);
  return (now && zones.find((zone) => tzOffset(zone, now) === wanted)) ?? zones[0] ?? null;
}
