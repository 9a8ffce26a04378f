import { distance } from 'fastest-levenshtein';

/**
 * The name a reader most likely meant by a word that names nothing offered: "wereld" for
 * "world", "nieuws" for "news", "wrold" for "world". A word may differ in one letter per three,
 * rounded up (two swapped letters count twice), so short words get no far-fetched guesses; a tie
 * suggests nothing, since either guess could mislead.
 */
export function closestName<Name extends string>(word: string, names: readonly Name[]): Name | null {
  const folded = word.toLowerCase();
  const allowed = Math.ceil(folded.length / 3);
  let best: Name | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const name of names) {
    const d = distance(folded, name.toLowerCase());
    if (d > allowed || d > bestDistance) continue;
    tied = d === bestDistance && name !== best;
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return tied ? null : best;
}
