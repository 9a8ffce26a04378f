import type { LanguageCode } from './types.js';

/**
 * The language a briefing is made in. The feed's configured language (feeds.json requires one)
 * or the caller's; with none the condenser briefs by lead, as for any language it cannot tell.
 * Telling a language from text is the edge's job (src/detect-language.ts): its detector carries
 * megabytes of n-grams the bot never needs, since every feed names its language.
 */
export function resolveLanguage(configured: LanguageCode | null | undefined): LanguageCode | null {
  const hint = configured?.trim().toLowerCase();
  return hint ? hint : null;
}
