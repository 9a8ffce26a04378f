import { TZDate } from '@date-fns/tz';

/**
 * The next instant after `now` at which the local clock in `timezone` shows `digestTime`
 * (`HH:MM`), or null when digests are off. On a spring-forward day a missing local time resolves
 * to the next valid one, as the scheduler sends it.
 */
export function nextDigestAt(digestTime: string | null, timezone: string, now: number): number | null {
  if (digestTime === null) return null;
  const [hours, minutes] = digestTime.split(':').map(Number) as [number, number];
  const local = new TZDate(now, timezone);
  for (let day = 0; day <= 2; day += 1) {
    const candidate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + day, hours, minutes, 0, 0, timezone);
    if (candidate.getTime() > now) return candidate.getTime();
  }
  return null;
}
