/**
 * Sentences that lean on the sentence before them and read oddly alone: they open with a
 * pronoun or connective that points back ("Dat zei hij", "He added", "Dann greift ...", "Il a
 * ajouté"), or they speak in the first person outside quotation marks, so the speaker is named
 * elsewhere. Demonstratives that are also articles ("Das Festival", "This week") point back
 * only as pronouns: in German, where nouns are capitalised, that shows in the next word.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

const POINTERS: Record<string, ReadonlySet<string>> = {
  nl: words('hij zij ze zo daarom daardoor daarbij daarmee daarna daar toch bovendien echter ook maar wel verder hun hem haar en want dan'),
  en: words('he she it they also however but so then there his her their its and yet'),
  de: words('er sie es dabei damit daher dazu deshalb doch aber auch zudem außerdem so dort und denn dann'),
  fr: words('il elle ils elles cela ceci mais aussi pourtant donc ainsi lui leur et puis car alors'),
};

const DEMONSTRATIVES: Record<string, ReadonlySet<string>> = {
  nl: words('dat dit die deze'),
  en: words('this that these those such'),
  de: words('das dies diese dieser dieses'),
  fr: words('ce ces celui celle cela'),
};

// Impersonal and existential openings point nowhere: "es gibt", "there is", "il y a", "il faut".
const IMPERSONAL: Record<string, ReadonlyMap<string, ReadonlySet<string>>> = {
  de: new Map([['es', words('gibt geht')]]),
  en: new Map([['there', words('is are was were will would has have had s may might could seems appear appears remains remain')]]),
  fr: new Map([['il', words('y faut')]]),
};

const FIRST_PERSON: Record<string, RegExp> = {
  nl: /(?<![\p{L}\p{N}])(?:ik|wij|we|mij|me|ons|onze|mijn)(?![\p{L}\p{N}])/iu,
  en: /(?<![\p{L}\p{N}])(?:I|we|We|me|us|our|Our|my|My)(?![\p{L}\p{N}'’])/u,
  de: /(?<![\p{L}\p{N}])(?:ich|wir|mich|mir|uns|unser(?:e|er|es|em|en)?|mein(?:e|er|es|em|en)?)(?![\p{L}\p{N}])/iu,
  fr: /(?<![\p{L}\p{N}])(?:je|j|nous|moi|notre|nos|mon|ma|mes)(?![\p{L}\p{N}])/iu,
};

const OPENING_RE = /^[^\p{L}]*(\p{L}+)[^\p{L}]*(\p{L}*)/u;
const QUOTED_RE = /(?:„|“|”|"|«|‚|‘|,,)[^„“”"«»‚‘’]*(?:“|”|"|»|‘|’|'')/gu;

/** Whether `sentence` needs the sentence before it, in `language` (false if unknown). */
export function isDangling(sentence: string, language: string): boolean {
  const pointers = POINTERS[language];
  if (!pointers) return false;
  const m = OPENING_RE.exec(sentence);
  if (m) {
    const first = (m[1] ?? '').toLowerCase();
    const next = m[2] ?? '';
    if (pointers.has(first)) return !IMPERSONAL[language]?.get(first)?.has(next.toLowerCase());
    if (DEMONSTRATIVES[language]?.has(first)) return language === 'de' ? /^\p{Ll}/u.test(next) : true;
  }
  return FIRST_PERSON[language]?.test(sentence.replace(QUOTED_RE, ' ')) ?? false;
}
