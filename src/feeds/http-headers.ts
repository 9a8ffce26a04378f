/**
 * Retry-After as seconds from `now` (epoch ms): either delay-seconds or an HTTP date.
 * A date in the past gives 0; anything unreadable gives null, never an error.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  return secondsUntil(trimmed, now);
}

/**
 * How long the server says the response stays fresh, in seconds: Cache-Control max-age, else
 * Expires relative to `now`. `no-store`/`no-cache` and unreadable values give null, so the
 * poller falls back to its own interval.
 */
export function parseFreshness(cacheControl: string | null, expires: string | null, now: number): number | null {
  if (cacheControl !== null) {
    const directives = cacheControl.toLowerCase().split(',').map((part) => part.trim());
    if (directives.some((directive) => directive === 'no-store' || directive === 'no-cache')) return null;
    for (const directive of directives) {
      const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
      if (match?.[1] !== undefined) return Number.parseInt(match[1], 10);
    }
  }
  return expires === null ? null : secondsUntil(expires.trim(), now);
}

function secondsUntil(httpDate: string, now: number): number | null {
  // Only real dates: Date.parse also accepts bare numbers such as "0" or "-1".
  if (!/[a-z]/i.test(httpDate)) return null;
  const at = Date.parse(httpDate);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
