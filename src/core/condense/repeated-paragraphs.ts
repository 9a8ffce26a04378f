/**
 * A feed's standing text: paragraphs that recur verbatim in several items of the same feed
 * document ("About National Geographic: …", "This is the official channel of TVNZ's 1 NEWS …",
 * a podcast's credits). Each item's text carries them, so one article's text cannot tell them
 * from news; its siblings can. The condenser leaves them out of the briefing.
 */

/** Items that must share a paragraph before it counts as the feed's own, not the article's. */
export const MIN_REPEATS = 3;

/**
 * The paragraphs (lines of the prepared texts, see prepare.ts) that occur in at least
 * `minRepeats` of `texts`, each text counted once.
 */
export function repeatedParagraphs(texts: readonly string[], minRepeats = MIN_REPEATS): ReadonlySet<string> {
  const seenIn = new Map<string, number>();
  for (const text of texts) {
    for (const paragraph of new Set(text.split('\n'))) {
      if (paragraph) seenIn.set(paragraph, (seenIn.get(paragraph) ?? 0) + 1);
    }
  }
  const repeated = new Set<string>();
  for (const [paragraph, count] of seenIn) if (count >= minRepeats) repeated.add(paragraph);
  return repeated;
}
