/**
 * Sentences that lean on the sentence before them and read oddly alone: they open with a
 * pronoun, possessive or connective that points back ("Dat zei hij", "He added", "Dann greift
 * ...", "Il a ajouté", "Ihr Anwalt ..."), an adverb standing for "that" comes in the first
 * words of their first clause ("Unterstützt wird dabei ...", "Het kabinet wil daarmee ..."), or
 * they speak in the first person outside quotation marks, so the speaker is named elsewhere (a
 * quotation left open at the end of the sentence counts as quoted). Demonstratives that are also
 * articles ("Das Festival", "This week") point back only as pronouns: in German, where nouns are
 * capitalised, that shows in the words up to the noun.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

const POINTERS: Record<string, ReadonlySet<string>> = {
  nl: words('hij zij ze zo daarom daardoor daarbij daarmee daarna daar toch bovendien echter ook maar wel verder hun hem haar en want dan anderen andere'),
  en: words('he she it they also however but so then there his her their its and yet others'),
  de: words('er sie es dabei damit daher dazu deshalb doch aber auch zudem außerdem so dort und denn dann andere sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres'),
  fr: words('il elle ils elles cela ceci mais aussi pourtant donc ainsi lui leur leurs son sa ses et puis car alors'),
  es: words('él ella ellos ellas su sus esto eso pero también además entonces allí así y'),
  it: words('lui lei loro esso essa suo sua suoi sue ciò questo quello ma anche inoltre però quindi così lì e'),
  pt: words('ele ela eles elas seu sua seus suas isso isto mas também além porém então assim lá e'),
};

// Chinese writes no spaces, so its pointers are told by how the sentence begins: 这/那 (this,
// that), 他/她/它 (he, she, it), 该 (the said: 该公司 "the company" named before), 此外
// (besides), 对此/为此 (to this, for this), 此前/此后 (before, after this), 但/然而/不过/可是
// (but, however), 而 (whereas), 因此/所以 (therefore), 于是/随即/随后/然后 (thereupon,
// straight after, afterwards, then), 同时 (meanwhile), 另外 (moreover), 其 (its). 随 alone is
// none: 随着 (as, with) opens a sentence of its own.
const OPENING_POINTERS: Record<string, readonly string[]> = {
  zh: [
    '这', '那', '他', '她', '它', '该', '此外', '对此', '为此', '此前', '此后', '但', '然而', '不过', '可是', '而',
    '因此', '所以', '于是', '随即', '随后', '然后', '同时', '另外', '其',
  ],
};

const DEMONSTRATIVES: Record<string, ReadonlySet<string>> = {
  nl: words('dat dit die deze'),
  en: words('this that these those such'),
  de: words('der die das den dem dies diese dieser dieses diesen diesem'),
  fr: words('ce ces celui celle cela'),
  es: words('este esta estos estas ese esa esos esas'),
  it: words('questi queste quegli quelle'),
  pt: words('este esta estes estas esse essa esses essas'),
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

// Adverbs that stand for "that" ("with that", "because of that", "before that"). Verb-second
// order puts them after the verb ("Unterstützt wird dabei", "In 2017 werd daarover"), so they
// count among the words after the first, up to the first clause's end; which of them lean at the
// very opening, POINTERS says.
const POINTING_ADVERBS: Record<string, ReadonlySet<string>> = {
  de: words('dabei damit dazu dadurch dafür dagegen darauf daraufhin danach davor daher deshalb deswegen darüber darin daraus davon darunter zuvor'),
  nl: words('daarbij daarmee daardoor daarna daarom daarvoor daarover daarin daaruit daarvan daarop daartegen daaronder daarnaast daartoe daarentegen'),
  en: words('therefore thereby hence thus'),
  fr: words('donc pourtant'),
};
// German uses the same adverbs to point ahead, at the clause they announce ("Die Polizei geht
// davon aus, dass ...", "Er hat damit gedroht, die Zölle zu erhöhen"): then they lean on nothing.
const ANNOUNCED_CLAUSE_RE: Record<string, RegExp> = {
  de: /^,\s*(?:(?:dass|ob|wie|wer|was|wo|wann|warum|weshalb|wieso|um)(?!\p{L})|[^,.;:!?]*(?<!\p{L})zu\s+\p{L})/iu,
};
/** Words 2-4 of the first clause: where verb-second order puts an adverb. */
const ADVERB_SPAN = 4;
const CLAUSE_END_RE = /[,;:–—(]/;

const OPENING_RE = /^[^\p{L}]*(\p{L}+)[^\p{L}]*(\p{L}*)/u;

// German determiners that are also demonstrative pronouns ("Der hatte ...", "Das ist ...").
// Before a preposition ("Das in Köln beheimatete Theater") or before lower-case words that end
// in an inflected adjective right before a noun ("Das russische Außenministerium", "Der aktuell
// beste deutsche Boxer") they are articles and point nowhere.
const DE_PREPOSITIONS = words('in im an am auf aus bei beim mit nach seit von vom vor zu zum zur für über unter gegen durch um ohne zwischen neben hinter bis wegen trotz');
const DE_ATTRIBUTE_RE = /^\P{L}*\p{L}+\P{L}+(?:(?!(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\P{L})\p{Ll}+\P{L}+){0,3}?\p{Ll}{3,}(?:e|en|er|es|em)\s+[\p{Lu}\p{N}]/u;
const QUOTED_RE = /(?:„|“|”|"|«|‚|‘|,,)[^„“”"«»‚‘’]*(?:“|”|"|»|‘|’|'')|»[^„“”"«»]*«/gu;
// A quotation opened and not closed in this sentence runs on to its end: the speaker is named before it.
const OPEN_QUOTE_TAIL_RE = /(?:„|“|"|«|»|,,)[^„“”"«»]*$/u;

/** Whether `sentence` needs the sentence before it, in `language` (false if unknown). */
export function isDangling(sentence: string, language: string): boolean {
  const openings = OPENING_POINTERS[language];
  if (openings) {
    const start = sentence.trimStart();
    return openings.some((opening) => start.startsWith(opening));
  }
  const pointers = POINTERS[language];
  if (!pointers) return false;
  const m = OPENING_RE.exec(sentence);
  if (m) {
    const first = (m[1] ?? '').toLowerCase();
    const next = m[2] ?? '';
    if (pointers.has(first)) return !IMPERSONAL[language]?.get(first)?.has(next.toLowerCase());
    // A German article ("Die Regierung ...") points nowhere by itself: the rest of the sentence decides.
    if (DEMONSTRATIVES[language]?.has(first) && (language !== 'de' || isGermanPronoun(sentence, next))) return true;
  }
  if (hasPointingAdverb(sentence, language)) return true;
  const unquoted = sentence.replace(QUOTED_RE, ' ').replace(OPEN_QUOTE_TAIL_RE, ' ');
  return FIRST_PERSON[language]?.test(unquoted) ?? false;
}

function hasPointingAdverb(sentence: string, language: string): boolean {
  const adverbs = POINTING_ADVERBS[language];
  if (!adverbs) return false;
  const clause = sentence.split(CLAUSE_END_RE, 1)[0] ?? '';
  const early = clause.split(/\s+/).filter(Boolean).slice(1, ADVERB_SPAN);
  if (!early.some((word) => adverbs.has(word.toLowerCase().replace(/\P{L}/gu, '')))) return false;
  // Before a colon the adverb announces what follows ("Lang put it thus: ...").
  const rest = sentence.slice(clause.length);
  return !rest.startsWith(':') && !ANNOUNCED_CLAUSE_RE[language]?.test(rest);
}

function isGermanPronoun(sentence: string, next: string): boolean {
  if (!/^\p{Ll}/u.test(next) || DE_PREPOSITIONS.has(next)) return false;
  return !DE_ATTRIBUTE_RE.test(sentence);
}
