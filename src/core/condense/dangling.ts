/**
 * Words that, opening a sentence, point back to the sentence before ("Dat zei hij", "He added",
 * "Das sagte", "Il a ajouté", "But", "Also"). Such a sentence reads oddly without its predecessor.
 */

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const OPENERS: Record<string, ReadonlySet<string>> = {
  nl: new Set(words('dat dit die deze daar daarom daardoor daarbij daarmee daarna hij zij ze het hun hem haar ook maar toch wel bovendien verder echter zo')),
  en: new Set(words('he she it they this that these those his her their its but also however so then there such')),
  de: new Set(words('er sie es das dies diese dieser dabei damit daher dazu deshalb doch aber auch zudem außerdem so dort')),
  fr: new Set(words('il elle ils elles ce cela ceci celui celle ces mais aussi pourtant donc ainsi lui leur')),
};

const FIRST_WORD_RE = /^[^\p{L}]*([\p{L}]+)/u;

/** Whether `sentence` opens with a word that refers back, in `language` (false if unknown). */
export function isDangling(sentence: string, language: string): boolean {
  const set = OPENERS[language];
  if (!set) return false;
  const first = FIRST_WORD_RE.exec(sentence)?.[1];
  return first !== undefined && set.has(first.toLowerCase());
}
