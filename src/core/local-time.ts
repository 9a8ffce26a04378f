import { tzOffset } from '@date-fns/tz';

/**
 * Wall-clock arithmetic in IANA time zones, on epoch milliseconds. The two questions digests ask:
 * "what local date and time is it there?" and "when is HH:MM on that date there?", the latter with
 * a defined answer on the days the clock jumps.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The wall clock of `instant` in `timeZone`, as if it were UTC (so UTC getters read local fields). */
function wallOf(instant: number, timeZone: string): number {
  return instant + tzOffset(timeZone, new Date(instant)) * MINUTE;
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(instant: number, timeZone: string): string {
  return new Date(wallOf(instant, timeZone)).toISOString().slice(0, 10);
}

/** The local `HH:MM` of an instant in a zone. */
export function localTimeOf(instant: number, timeZone: string): string {
  return new Date(wallOf(instant, timeZone)).toISOString().slice(11, 16);
}

/** `YYYY-MM-DD` shifted by whole days (calendar arithmetic, no zone involved). */
export function addDays(localDate: string, days: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant at which local `date` `HH:MM` happens in `timeZone`.
 * - When it happens twice (the fall-back hour), the first occurrence.
 * - When it does not happen (the spring-forward gap), the first instant after the gap: the next
 *   valid minute, e.g. 02:30 on the Amsterdam spring-forward day is 03:00 CEST.
 */
export function instantOfLocal(date: string, time: string, timeZone: string): number {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // Offsets in force around that day; on a transition day these are the two sides of the jump.
  // Sampled a whole day either side: zones reach UTC+14, so half a day can miss one side.
  const offsets = new Set([wall - DAY, wall - DAY / 2, wall, wall + DAY / 2, wall + DAY].map((at) => tzOffset(timeZone, new Date(at))));
  const matches = [...offsets].map((offset) => wall - offset * MINUTE).filter((instant) => wallOf(instant, timeZone) === wall);
  if (matches.length > 0) return Math.min(...matches);
  // In the gap: search the first minute whose wall clock is at or after the wanted one.
  const candidates = [...offsets].map((offset) => wall - offset * MINUTE);
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (wallOf(middle, timeZone) >= wall) high = middle;
    else low = middle;
  }
  return wallOf(low, timeZone) >= wall ? low : high;
}

/** The first instant of the local date in a zone (for "sent today" counts). */
export function startOfLocalDay(date: string, timeZone: string): number {
  return instantOfLocal(date, '00:00', timeZone);
}
