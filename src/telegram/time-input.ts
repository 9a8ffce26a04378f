/** The result of reading a user's `/time` argument. */
export type DigestTimeInput = { readonly ok: true; readonly time: string | null } | { readonly ok: false };

/** `off`, `no` and `never` in each interface language (compared without accents: `désactivé` or `desactive`). */
const OFF_WORDS = new Set([
  'off', 'none', 'no', 'never', 'uit', 'geen', 'nee', 'nooit', 'aus', 'keine', 'nein', 'nie',
  'aucune', 'aucun', 'non', 'jamais', 'desactive', 'desactivee', 'desactiver',
]);

/**
 * A clock time the way people write it in the bot's languages: `7:30`, `07.30`, `0730`, `7`,
 * the Flemish `7u30` and `7u`, the French `7h30`, `7h` and, as French typography sets it,
 * `19 h 30`, an hour mark after a clock time (`7:30h`, `18.00u`), a Dutch `uur`, German `Uhr` or
 * French `heures` after it (`7.30 uur`, `19 uur`, `19 Uhr`, `19 heures`), or a 12-hour clock
 * (`7pm`, `7:30 am`, `7 p.m`, `12 am` is midnight). The word for "at" may come first, as people
 * answer "when?" in a sentence: `om 8 uur`, `um 8 Uhr`, `à 8h`, `at 7am` (see AT_WORDS).
 */
const TIME_RE = /^(\d{1,2})(?:[:.u]?(\d{2})(?:\s?[hu])?|u|\s?h(?:\s?(\d{2}))?)?\s*(?:uur|uhr|heures?|([ap])\.?m\.?)?$/;

/** "At", "around" and "towards" before a time, in the interface languages (`à` also typed `a`). */
const AT_WORDS = /^(?:om|rond|tegen|um|gegen|at|around|à|a|vers)\s+/;

/**
 * Reads a digest time as typed by a person (see TIME_RE) or `off` (also `uit`, `aus`, `aucune`,
 * `désactivé`, and `no` or `never` in each language: OFF_WORDS). Returns the canonical `HH:MM`,
 * or null for off; anything else is not ok.
 */
export function parseDigestTime(text: string): DigestTimeInput {
  const input = text.trim().toLowerCase();
  if (OFF_WORDS.has(input.normalize('NFD').replace(/\p{M}/gu, ''))) return { ok: true, time: null };
  const match = TIME_RE.exec(input.replace(AT_WORDS, ''));
  if (!match) return { ok: false };
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? match[3] ?? 0);
  const meridiem = match[4]?.charAt(0);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return { ok: false };
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return { ok: false };
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}
