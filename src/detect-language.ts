import type { LanguageCode } from './core/types.js';

/**
 * Language detection for an article nobody named the language of (`newsbrief brief` without
 * `--language`, an eval record without `lang`). eld, a maintained n-gram detector, is loaded on
 * the first call: it holds about 90 MB once loaded, which a bot whose feeds all name their
 * language should not carry. Chosen over tinyld, which read an English "Opinion | Fixing the
 * MIQ booking system" as Hindi and German Deutschlandfunk teasers as Tagalog or English.
 */

/** Below this many letters a guess is noise: better to say "unknown" and brief by lead. */
const MIN_LETTERS = 40;

interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

let detector: Promise<Detector> | undefined;

/** ISO 639-1 code of the language `text` is written in, or null when it cannot tell. */
export async function detectLanguage(text: string): Promise<LanguageCode | null> {
  const sample = text.slice(0, 4000);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  detector ??= import('eld/extrasmall').then((m) => m.eld as Detector);
  const guess = (await detector).detect(sample);
  return guess.language && guess.isReliable() ? guess.language : null;
}
