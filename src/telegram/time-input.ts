/** The result of reading a user's `/time` argument. */
export type DigestTimeInput = { readonly ok: true; readonly time: string | null } | { readonly ok: false };

/**
 * Reads a digest time as typed by a person: `7:30`, `07:30`, `7.30`, `0730` or `off`
 * (also `uit`). Returns the canonical `HH:MM`, or null for off; anything else is not ok.
 */
export function parseDigestTime(text: string): DigestTimeInput {
  const input = text.trim().toLowerCase();
  if (input === 'off' || input === 'uit' || input === 'none') return { ok: true, time: null };
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/.exec(input);
  if (!match) return { ok: false };
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return { ok: false };
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}
