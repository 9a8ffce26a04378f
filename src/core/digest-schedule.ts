import { addDays, instantOfLocal, localDateOf } from './local-time.js';

/**
 * Which chats are due for their digest at a given instant. Pure: the minute tick passes `now`,
 * the chats' settings and their last digest date, and gets back (chat, local date) pairs.
 */

/** What scheduling needs to know of a chat. */
export interface DigestScheduleEntry {
  readonly chatId: number;
  /** IANA zone name. */
  readonly timezone: string;
  /** Local `HH:MM`, or null when digests are off. */
  readonly digestTime: string | null;
  /** Local date of the last digest, if any. */
  readonly lastDigestDate: string | null;
}

/** One digest to make now. */
export interface DueDigest {
  readonly chatId: number;
  /** The local date the digest is for (its key, together with the chat). */
  readonly localDate: string;
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
 * The digests due at `now`: for each chat, the newest local date whose digest time has passed,
 * lies within the catch-up window, and is later than the chat's last digest date. One date per
 * chat at most, so a chat never gets two digests in one tick. DST: a time inside the spring
 * gap is due at the next valid minute; a time in the repeated fall-back hour is due at its first
 * occurrence and, being then recorded for that date, never again.
 */
export function dueDigests(entries: readonly DigestScheduleEntry[], now: number, options: ScheduleOptions): DueDigest[] {
  const window = Math.max(MIN_WINDOW_MS, options.catchUpHours * HOUR);
  const due: DueDigest[] = [];
  for (const entry of entries) {
    const found = dueFor(entry, now, window);
    if (found) due.push(found);
  }
  return due;
}

function dueFor(entry: DigestScheduleEntry, now: number, window: number): DueDigest | null {
  if (entry.digestTime === null) return null;
  const today = localDateOf(now, entry.timezone);
  // A catch-up window of up to a day can reach back over local midnight.
  const days = Math.ceil(window / (24 * HOUR)) + 1;
  for (let back = 0; back <= days; back++) {
    const localDate = addDays(today, -back);
    if (entry.lastDigestDate !== null && localDate <= entry.lastDigestDate) return null;
    const dueAt = instantOfLocal(localDate, entry.digestTime, entry.timezone);
    if (dueAt > now) continue;
    return now - dueAt < window ? { chatId: entry.chatId, localDate, dueAt } : null;
  }
  return null;
}
