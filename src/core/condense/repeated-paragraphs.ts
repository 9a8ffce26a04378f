import { splitSentenceSpans } from './split-sentences.js';

/**
 * A feed's standing text: paragraphs and sentences that recur verbatim in several items of the
 * same feed document ("About National Geographic: …", "This is the official channel of TVNZ's
 * 1 NEWS …", a podcast's credits, "Start your day the right way with …" glued under every video
 * description). Each item's text carries them, so one article's text cannot tell them from
 * news; its siblings can. The condenser leaves them out of the briefing.
 */

/** Items that must share a paragraph before it counts as the feed's own, not the article's. */
const MIN_REPEATS = 3;

/**
 * The paragraphs (lines of the prepared texts, see prepare.ts) that occur in at least
 * `minRepeats` of `texts`, each text counted once.
 */
export function repeatedParagraphs(texts: readonly string[], minRepeats = MIN_REPEATS): ReadonlySet<string> {
  return recurring(texts.map((text) => text.split('\n')), minRepeats);
}

/**
 * The sentences (split as the condenser splits `language`) that occur in at least `minRepeats`
 * of `texts`: standing text the feed glued into a paragraph of news, so no paragraph repeats.
 */
export function repeatedSentences(texts: readonly string[], language: string, minRepeats = MIN_REPEATS): ReadonlySet<string> {
  return recurring(texts.map((text) => splitSentenceSpans(text, language).map((span) => span.text)), minRepeats);
}

function recurring(pieces: readonly (readonly string[])[], minRepeats: number): ReadonlySet<string> {
  const seenIn = new Map<string, number>();
  for (const own of pieces) {
    for (const piece of new Set(own)) {
      if (piece) seenIn.set(piece, (seenIn.get(piece) ?? 0) + 1);
    }
  }
  const repeated = new Set<string>();
  for (const [piece, count] of seenIn) if (count >= minRepeats) repeated.add(piece);
  return repeated;
}
