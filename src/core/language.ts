import { detect } from 'tinyld';
import type { LanguageCode } from './types.js';

/**
 * Language detection for articles whose feed does not say (tinyld, a maintained detector that
 * needs no I/O). The configured language always wins; this is only the fallback.
 */

/** Below this many letters a guess is noise: better to say "unknown" and brief by lead. */
const MIN_LETTERS = 40;

/** ISO 639-1 code of the language `text` is written in, or null when it cannot tell. */
export function detectLanguage(text: string): LanguageCode | null {
  const sample = text.slice(0, 4000);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const code = detect(sample);
  return code ? code.toLowerCase() : null;
}

/** The configured language when there is one, otherwise the detected one (or null). */
export function resolveLanguage(configured: LanguageCode | null | undefined, text: string): LanguageCode | null {
  const hint = configured?.trim().toLowerCase();
  return hint ? hint : detectLanguage(text);
}
