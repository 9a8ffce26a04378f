import { distance } from 'fastest-levenshtein';

/**
 * The name a reader most likely meant by a word that names nothing offered: "wereld" for
 * "world", "nieuws" for "news", "wrold" for "world". A word may differ in one letter per three,
 * rounded up (two swapped letters count twice), so short words get no far-fetched guesses; a tie
 * suggests nothing, since either guess could mislead, unless `meaning` says the tied names mean
 * the same thing (two words for one command), when the first is as good as the other.
 */
export function closestName<Name extends string>(word: string, names: readonly Name[], meaning: (name: Name) => string = (name) => name): Name | null {
  const folded = word.toLowerCase();
  const allowed = Math.ceil(folded.length / 3);
  let best: Name | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const name of names) {
    const d = distance(folded, name.toLowerCase());
    if (d > allowed || d > bestDistance) continue;
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
      tied = false;
    } else if (best !== null && meaning(name) !== meaning(best)) {
      tied = true;
    }
  }
  return tied ? null : best;
}
