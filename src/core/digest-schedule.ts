import { addDays, instantOfLocal, localDateOf, startOfLocalDay } from './local-time.js';

/**
 * Which chats are due for their digest at a given instant. Pure: the minute tick passes `now`,
 * the chats' settings and their last digest, and gets back (chat, local date, zone) triples.
 */

/** What scheduling needs to know of a chat. */
export interface DigestScheduleEntry {
  readonly chatId: number;
  /** IANA zone name. */
  readonly timezone: string;
  /** Local `HH:MM`, or null when digests are off. */
  readonly digestTime: string | null;
  /** Local date of the last digest, if any (in the zone the chat had then). */
  readonly lastDigestDate: string | null;
  /** When the last digest was made, if known. */
  readonly lastDigestAt: number | null;
  /** Since when the chat follows something; null while it follows nothing (never due then). */
  readonly followingSince: number | null;
}

/** What the chat had last: the date its last digest was for, and when it was made. */
export type LastDigest = Pick<DigestScheduleEntry, 'lastDigestDate' | 'lastDigestAt'>;

/**
 * Whether a chat may still get a digest for `localDate` in `timeZone`, its zone now: at most one
 * digest per local date in the zone the chat is in, judged by when the last one was made.
 * - A date later than the last digest's date: yes (also after a digest sent late, past midnight,
 *   after downtime).
 * - The last digest's date itself: only when that digest was made before the date began in
 *   this zone, which happens only after a move west (Tokyo's digest for 7 December goes out at
 *   12:30 on the 6th in Honolulu, so Honolulu's 7th is still to come; without this the chat
 *   waited 43 hours). Within one zone a digest is made on or after its own date, so this never
 *   gives a date twice.
 * - An earlier date: never, so the dates digests are for never go back, even after a move across
 *   more than a day (Kiritimati to Pago Pago), where the last digest, for the 7th, was made
 *   on the 5th in the new zone.
 * `startOfDay` is startOfLocalDay; the tick passes a remembering one.
 */
export function awaitsDigest(last: LastDigest, localDate: string, timeZone: string, startOfDay = startOfLocalDay): boolean {
  if (last.lastDigestDate === null || localDate > last.lastDigestDate) return true;
  return localDate === last.lastDigestDate && last.lastDigestAt !== null && last.lastDigestAt < startOfDay(localDate, timeZone);
}

/** One digest to make now. */
export interface DueDigest {
  readonly chatId: number;
  /** The local date the digest is for (its key, together with the chat and the zone). */
  readonly localDate: string;
  /** The zone `localDate` is a date in: the chat's zone when the schedule was read. */
  readonly timezone: string;
  /** When it was due; earlier than now after downtime. */
  readonly dueAt: number;
}

export interface ScheduleOptions {
  /** How long after its time a missed digest is still sent (after downtime); older ones are skipped. */
  readonly catchUpHours: number;
}

/** Even with catch-up off, a tick that fires a little late still sends (cron jitter, a slow tick). */
const MIN_WINDOW_MS = 5 * 60_000;
const HOUR = 3_600_000;

/**
 * The digests due at `now`: for each chat, the newest local date in its zone whose digest time
 * has passed, lies within the catch-up window, came while the chat followed something (catching
 * up is for downtime: a chat that subscribes after today's time gets tomorrow's digest first, also
 * a channel subscribed by `/subscribe @channel`, whose admin may still want to set `/time`), and
 * still awaits its digest (awaitsDigest). One
 * date per chat at most, so a chat never gets two digests in one tick. DST: a time inside the spring
 * gap is due at the next valid minute; a time in the repeated fall-back hour is due at its first
 * occurrence and, being then recorded for that date, never again.
 */
export function dueDigests(entries: readonly DigestScheduleEntry[], now: number, options: ScheduleOptions): DueDigest[] {
  const window = Math.max(MIN_WINDOW_MS, options.catchUpHours * HOUR);
  const clock = zoneClock(now, window);
  const due: DueDigest[] = [];
  for (const entry of entries) {
    const found = dueFor(entry, now, window, clock);
    if (found) due.push(found);
  }
  return due;
}

/** The local dates to look at, newest first, and when a local time happens on one of them. */
interface ZoneClock {
  datesBack(timeZone: string): readonly string[];
  instantOf(localDate: string, time: string, timeZone: string): number;
  /** When `localDate` begins in the zone (startOfLocalDay). */
  readonly startOfDay: (localDate: string, timeZone: string) => number;
}

/**
 * Zone arithmetic for one tick, remembered: chats share a handful of zones and digest times, and
 * each answer costs several time-zone look-ups (for 20,000 chats the tick took 0.4 s without
 * this, every minute, with the bot waiting).
 */
function zoneClock(now: number, window: number): ZoneClock {
  // A catch-up window of up to a day can reach back over local midnight.
  const days = Math.ceil(window / (24 * HOUR)) + 1;
  const dates = new Map<string, readonly string[]>();
  const instants = new Map<string, number>();
  const clock: ZoneClock = {
    datesBack(timeZone) {
      let list = dates.get(timeZone);
      if (list === undefined) {
        const today = localDateOf(now, timeZone);
        list = Array.from({ length: days + 1 }, (_, back) => addDays(today, -back));
        dates.set(timeZone, list);
      }
      return list;
    },
    instantOf(localDate, time, timeZone) {
      const key = `${localDate} ${time} ${timeZone}`;
      let instant = instants.get(key);
      if (instant === undefined) {
        instant = instantOfLocal(localDate, time, timeZone);
        instants.set(key, instant);
      }
      return instant;
    },
    startOfDay: (localDate, timeZone) => clock.instantOf(localDate, '00:00', timeZone),
  };
  return clock;
}

function dueFor(entry: DigestScheduleEntry, now: number, window: number, clock: ZoneClock): DueDigest | null {
  if (entry.digestTime === null || entry.followingSince === null) return null;
  for (const localDate of clock.datesBack(entry.timezone)) {
    // Dates go newest first, and once one no longer awaits its digest no earlier one does.
    if (!awaitsDigest(entry, localDate, entry.timezone, clock.startOfDay)) return null;
    const dueAt = clock.instantOf(localDate, entry.digestTime, entry.timezone);
    if (dueAt > now) continue;
    const caughtUp = now - dueAt < window && dueAt >= entry.followingSince;
    return caughtUp ? { chatId: entry.chatId, localDate, timezone: entry.timezone, dueAt } : null;
  }
  return null;
}
