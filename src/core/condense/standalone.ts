/**
 * Which sentences can stand alone in a briefing. A briefing is read without its article, so
 * bylines and credits, datelines, photo captions, "read also" lines, questions, subheadings, bare
 * quotes whose speaker is named elsewhere, the opening of a bracketed aside and lines that end in a
 * colon (they announce a quote or a list that follows) are left out. Patterns cover nl/en/de/fr;
 * none assumes English.
 */

import { PARTICLE, isCredit } from './credits.js';
import { closesSingleQuote, opensSingleQuote } from './single-quotes.js';
import { isSiteTalking } from './site-talk.js';
import { speechVerbPattern } from './speech-verbs.js';
import { stopwordsFor } from './stopwords.js';
import { countTokens } from './tokenize.js';

const READ_ALSO_RE =
  /^(?:lees (?:ook|meer|hier)|bekijk (?:ook|hier|de video)|kijk ook|luister ook|read (?:also|more)|see also|related|more on this|watch|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weitere artikel|lire (?:aussi|également)|à lire aussi|voir aussi|sur le même sujet)\b/iu;
const BOILERPLATE_RE =
  /(?:tekst loopt (?:verder|door) onder|klik hier|click here|scroll down|share this|e-mail to a friend|follow us|volg ons|deel dit artikel|abonneer|subscribe|newsletter|nieuwsbrief|cookie|all rights reserved|alle rechten voorbehouden|copyright|©|not responsible for the content of external|niet verantwoordelijk voor de inhoud van externe|nicht verantwortlich für (?:die |den )?inhalte? (?:externer|von externen)|pas responsable du contenu des sites)/iu;
// A name and what the person is, as a show lists its guests: "Arun Kumar - Professor at the
// Institute of Social Sciences." A dateline followed by a sentence ("Bad Homburg - Die Polizei hat
// …") is told apart by the article or other function word that opens the sentence.
const NAME_ROLE_RE = new RegExp(
  String.raw`^\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:${PARTICLE})\s+)*\p{Lu}[\p{L}'’.-]+){1,3}\s+[-–—]\s+(\p{Lu}\p{L}*)`,
  'u',
);
const MAX_NAME_ROLE_TOKENS = 20;
const CAPTION_RE =
  /(?:^|[\s(|])(?:foto|beeld|photo|photograph|picture|image|bild|illustration|afbeelding|video|credit)s?\s*:|\b(?:getty images|anp|afp|epa|reuters|ap photo|dpa|picture alliance|shutterstock|hollandse hoogte)\s*\)?\s*$/iu;
const PHOTO_NOTE_RE = /\((?:file |archive |stock )?(?:photo|picture|image|pictured (?:left|right|above|below))s?\)|\((?:foto|bild|archieffoto|archivbild)\)/iu;
const URL_RE = /(?:https?:\/\/|www\.|\S+@\S+\.\w{2,})/iu;
const QUESTION_RE = /[?¿？؟]\s*[”’"'»“」』]*\s*$/u;
// A quoted question and its speaker ("'Did you sign it?' Hart asked.", "„Wohin?“, fragte sie."):
// still a question, whose answer is elsewhere, also when a clause after a comma says how it was
// asked ("… Vos said, refusing to answer directly.").
const QUOTED_QUESTION_RE = /[?？][”’"'»“]\s*,?\s+([^?？,;:–—(]*)(?:[,;:–—(][^?？]*)?$/u;
const MAX_SPEAKER_TOKENS = 6;
// Greek asks with `;` (the Greek question mark, U+037E, is `;` once normalised).
const GREEK_QUESTION_RE = /[;\u037e]\s*[”’"'»“]*\s*$/u;
// Sentence-final punctuation of any script, then closing quotes and brackets of any style (French
// puts a space before »).
const TERMINAL_RE = /[.!?…。！？؟۔।॥።]\s*[”’‘"'»«›‹“)\]」』）]*\s*$/u;
const QUOTE_OPEN_RE = /^(?:,,|[“"'‘„«‹])/u;
const CLOSING_QUOTE_RE = /''|[”"»›“'’]/gu;
const LOWER_START_RE = /^[\p{Ll}]/u;
// A capital after the opening lower case marks a name: eBay, iPhone's, iOS-Nutzer, mRNA. A word
// that runs on into `.` or `(` is code (`cakePath.addCurve(…)`), not a name.
const INNER_CAPITAL_RE = /^\p{Ll}+\p{Lu}[\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*[,;:]?(?:\s|$)/u;
const FIRST_WORD_RE = /^[\p{L}\p{M}]+/u;
const ANNOUNCES_RE = /[:：]\s*$/u;
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** Whether `text` ends as a sentence does: a full stop, `!`, `?`, `…` or another script's stop, before any closing quotes or brackets. */
export function endsAsSentence(text: string): boolean {
  return TERMINAL_RE.test(text);
}

/** Fewer word tokens (countTokens) than this and a sentence is a dateline, label or fragment. */
export const MIN_SENTENCE_TOKENS = 4;

/**
 * Whether `sentence` can be shown on its own in a briefing (`language` sharpens the quote rule).
 * `opensText` says it is the text's first sentence, which has nothing before it to continue.
 */
export function canStandAlone(sentence: string, language?: string, opensText = false): boolean {
  const tokens = countTokens(sentence);
  if (tokens < MIN_SENTENCE_TOKENS) return false;
  if (READ_ALSO_RE.test(sentence) || BOILERPLATE_RE.test(sentence) || isSiteTalking(sentence, tokens)) return false;
  if (URL_RE.test(sentence) || CAPTION_RE.test(sentence) || PHOTO_NOTE_RE.test(sentence)) return false;
  if (isCredit(sentence, tokens)) return false;
  if (tokens <= MAX_NAME_ROLE_TOKENS && isNameAndRole(sentence, language)) return false;
  if (QUESTION_RE.test(sentence) || asksInQuote(sentence, language) || (language === 'el' && GREEK_QUESTION_RE.test(sentence))) return false;
  // A line without final punctuation is a subheading or a label, unless it is long.
  if (!TERMINAL_RE.test(sentence) && tokens < 12) return false;
  if (startsAsFragment(sentence, language, opensText)) return false;
  // "Op beelden is te zien dat ze neervallen, waarna Olivares opkrabbelt:" announces what it does not show.
  if (ANNOUNCES_RE.test(sentence) || opensAside(sentence)) return false;
  return !isBareQuote(sentence) && !closesEarlierQuote(sentence, language);
}

/** Where a sentence stands: its language and whether it opens the text (see canStandAlone). */
export interface SentencePlace {
  readonly language?: string;
  readonly opensText?: boolean;
}

/**
 * Whether `sentence` may still stand in a briefing when no sentence can stand alone (a teaser
 * without final punctuation, a question): anything but a fragment (too short, or starting in
 * lower case mid-thought), a link, a byline or credit, or the site talking about itself. With
 * `fragments`, a fragment passes too: for an article without a headline, where a fragment says
 * more than nothing.
 */
export function canServeAsLastResort(sentence: string, place: SentencePlace = {}, fragments = false): boolean {
  const tokens = countTokens(sentence);
  const fragment = tokens < MIN_SENTENCE_TOKENS || startsAsFragment(sentence, place.language, place.opensText);
  if (tokens === 0 || (!fragments && fragment)) return false;
  if (URL_RE.test(sentence) || BOILERPLATE_RE.test(sentence) || isSiteTalking(sentence, tokens) || READ_ALSO_RE.test(sentence)) return false;
  return !isCredit(sentence, tokens);
}

/** A quoted question followed by who asked it (a speech verb of `language`) and at most a clause on how. */
function asksInQuote(sentence: string, language?: string): boolean {
  const verbs = speechVerbPattern(language);
  const speaker = verbs === null ? undefined : QUOTED_QUESTION_RE.exec(sentence)?.[1];
  if (speaker === undefined || countTokens(speaker) > MAX_SPEAKER_TOKENS) return false;
  return new RegExp(String.raw`(?<![\p{L}])(?:${verbs})(?![\p{L}])`, 'iu').test(speaker);
}

/**
 * Whether `sentence` starts in lower case as the rest of a cut sentence does: a list item after
 * "Zu diesen Konflikten gehören:", a teaser cut at its start ("once again seized power of the
 * country."). The splitter starts a sentence inside a line only at a capital or digit, so such a
 * start is a line's. A name written in lower case is no fragment: a word with a capital inside
 * (eBay, iPhone, iOS), or the first word of the text's opening sentence when that sentence ends
 * as a sentence does and the word is not a function word of its language ("heise Developer fasst
 * … zusammen."); a cut start is a mid-clause word, most often a function word. Without a stopword
 * list that cannot be told, and a lower-case start stays a fragment. "'s Morgens", "’t" and a
 * digit do not start in lower case.
 */
function startsAsFragment(sentence: string, language: string | undefined, opensText = false): boolean {
  if (!LOWER_START_RE.test(sentence) || INNER_CAPITAL_RE.test(sentence)) return false;
  if (!opensText || !TERMINAL_RE.test(sentence)) return true;
  const stopwords = stopwordsFor(language);
  const first = FIRST_WORD_RE.exec(sentence)?.[0] ?? '';
  return stopwords.size === 0 || stopwords.has(first);
}

/** "Thulsi Narayanasamy - Head of Labour Rights at …": a label, unless a function word opens what follows the dash. */
function isNameAndRole(sentence: string, language?: string): boolean {
  const match = NAME_ROLE_RE.exec(sentence);
  const role = match?.[1];
  if (match === null || role === undefined || stopwordsFor(language).has(role.toLowerCase())) return false;
  // A second dash closes an aside: "Angela Merkel - Kanzlerin a.D. - sprach am Montag …" goes on.
  return !/\s[-–—]\s/u.test(sentence.slice(match[0].length));
}

const BRACKET_PAIRS: Record<string, string> = { '(': ')', '（': '）', '[': ']' };

/**
 * A sentence that opens a bracket it does not close: it is the start of the writer's aside that
 * runs over several sentences (an author's note "（James Palmer是一位…编辑。"), not the news. A
 * whole sentence in brackets stays: "(JetBlue only operates in 10 of the top 25 markets.)" is a fact.
 */
function opensAside(sentence: string): boolean {
  const close = BRACKET_PAIRS[sentence[0] ?? ''];
  return close !== undefined && !sentence.includes(close);
}

// German opens with „ and closes with “; elsewhere “ opens. ” and » always close.
const QUOTE_PAIRS: Record<string, { open: string; close: string }> = {
  de: { open: '„‚«', close: '“‘»”' },
  other: { open: '„“«', close: '”»' },
};
const ANY_QUOTE_RE = /[„‚«“‘»”'’]|,,/u;

/**
 * Whether `sentence` closes a quotation it did not open: it is the tail of a quote that began
 * in an earlier sentence, so it cannot stand alone. A single quote counts as closing only after
 * the quotation's comma or stop ("… in parliament,' he said."), where no apostrophe stands.
 */
export function closesEarlierQuote(sentence: string, language?: string): boolean {
  if (!ANY_QUOTE_RE.test(sentence)) return false;
  const pair = QUOTE_PAIRS[language === 'de' ? 'de' : 'other'] as { open: string; close: string };
  const text = sentence.replaceAll(',,', '„');
  let depth = 0;
  let single = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k] as string;
    if (pair.open.includes(ch)) depth++;
    else if (pair.close.includes(ch)) {
      if (depth === 0) return true;
      depth--;
    } else if (!single && opensSingleQuote(text, k)) single = true;
    else if (closesSingleQuote(text, k, !single)) {
      if (!single) return true;
      single = false;
    }
  }
  return false;
}

/**
 * A sentence that is nothing but a quotation (or the start of one): who says it is in another
 * sentence. `„Het is voorbij”, zei hij.` names its speaker and is not bare.
 */
function isBareQuote(sentence: string): boolean {
  const s = sentence.trim();
  if (!QUOTE_OPEN_RE.test(s)) return false;
  // An apostrophe that opens an elision ('s Ochtends, '90s) opens no quotation.
  if ((s[0] === "'" || s[0] === '‘') && !opensSingleQuote(s, 0)) return false;
  const body = s.replace(QUOTE_OPEN_RE, '');
  let lastEnd = -1;
  for (const m of body.matchAll(CLOSING_QUOTE_RE)) {
    const single = m[0] === "'" || m[0] === '’';
    if (!single || closesSingleQuote(body, m.index)) lastEnd = m.index + m[0].length;
  }
  if (lastEnd < 0) return true;
  const after = body.slice(lastEnd);
  return (after.match(TOKEN_RE)?.length ?? 0) < 2;
}

export { stripDateline } from './agency-tags.js';
