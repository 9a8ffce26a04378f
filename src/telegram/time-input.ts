/** The result of reading a user's `/time` argument. */
export type DigestTimeInput = { readonly ok: true; readonly time: string | null } | { readonly ok: false };

const OFF_WORDS = new Set(['off', 'uit', 'none', 'geen', 'aus', 'keine']);

/**
 * A clock time the way people write it in the bot's languages: `7:30`, `07.30`, `0730`, `7`,
 * the Flemish `7u30` and `7u`, the French `7h30` and `7h`, a Dutch `uur` or German `Uhr` after it
 * (`7.30 uur`, `19 uur`, `19 Uhr`), or a 12-hour clock (`7pm`, `7:30 am`, `12 am` is midnight).
 */
const TIME_RE = /^(\d{1,2})(?:[:.hu]?(\d{2})|[hu])?\s*(?:uur|uhr|(am|pm|a\.m\.|p\.m\.))?$/;

/**
 * Reads a digest time as typed by a person (see TIME_RE) or `off` (also `uit`, `geen`, `aus`,
 * `keine`, `none`). Returns the canonical `HH:MM`, or null for off; anything else is not ok.
 */
export function parseDigestTime(text: string): DigestTimeInput {
  const input = text.trim().toLowerCase();
  if (OFF_WORDS.has(input)) return { ok: true, time: null };
  const match = TIME_RE.exec(input);
  if (!match) return { ok: false };
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.charAt(0);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return { ok: false };
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return { ok: false };
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}
