import type { Briefing, FullTextMode, LanguageCode } from '../types.js';
import { resolveLanguage } from '../language.js';
import { DEFAULT_BUDGET, measure, trimToBudget, type CondenseBudget } from './budget.js';
import { isDangling } from './dangling.js';
import { cleanHeadline, prepareText, type ArticleInput } from './prepare.js';
import { DEFAULT_WEIGHTS, termModel, type ScoreWeights } from './score.js';
import { DEFAULT_SELECTION, selectSentences, type SelectionOptions } from './select.js';
import { splitSentenceSpans } from './split-sentences.js';
import { stripTags } from './agency-tags.js';
import { headlineLabel, stripHeadlineLabel } from './headline-label.js';
import { startsInsideQuote } from './quote-state.js';
import { MIN_SENTENCE_TOKENS, canServeAsLastResort, canStandAlone } from './standalone.js';
import { stopwordsFor } from './stopwords.js';
import { endsCut } from './teaser-tails.js';
import { contentTerms, countWords, tokenize } from './tokenize.js';

/** Language code of a briefing whose language could not be told (BCP 47 "undetermined"). */
const UNKNOWN_LANGUAGE = 'und';

/** Tuning knobs of the extractive method; the defaults are what the eval measures. */
export interface CondenseOptions {
  readonly weights: ScoreWeights;
  readonly selection: SelectionOptions;
}

const DEFAULTS: CondenseOptions = { weights: DEFAULT_WEIGHTS, selection: DEFAULT_SELECTION };

interface Candidate {
  readonly text: string;
  /** The article's very first sentence: it has nothing before it to lean on but the headline. */
  readonly opensArticle: boolean;
}

/**
 * Condense one article into a briefing: the headline and at most `budget` of the article's own
 * sentences, in article order. Extractive when the language is known (the sentences that cover
 * most of what the article keeps returning to, early and headline terms weighing more, each
 * term counted once), lead-based when it is not, headline only when the text has no usable
 * sentence. A separate `lead` is read as the opening of the article, not forced into the
 * briefing. Pure and deterministic; never throws on odd input.
 */
export function condenseArticle(
  input: ArticleInput,
  budget: CondenseBudget = DEFAULT_BUDGET,
  options: CondenseOptions = DEFAULTS,
): Briefing {
  const headline = cleanHeadline(input.title);
  const lead = input.lead?.trim() ? prepareText({ title: '', text: input.lead }) : '';
  const text = prepareText(input);
  const whole = lead ? `${lead}\n\n${text}` : text;
  const language = resolveLanguage(input.language);
  const candidates = candidateSentences(whole, language ?? UNKNOWN_LANGUAGE, headline, input.repeated);
  if (candidates.length === 0) return fallback(headline, whole, language, budget);
  if (!language) return briefing(headline, leadPick(candidates, budget), UNKNOWN_LANGUAGE, 'lead');
  const model = termModel(candidates.map((c) => c.text), headline, stopwordsFor(language), options.weights);
  const items = candidates.map((c) => ({
    words: countWords(c.text),
    chars: c.text.length,
    dangling: isDangling(c.text, language),
    opensArticle: c.opensArticle,
  }));
  const chosen = selectSentences(items, model, budget, options.selection);
  if (chosen.length === 0) return briefing(headline, [trimToBudget(candidates[0]?.text ?? '', budget)], language, 'extractive');
  return briefing(headline, chosen.map((i) => candidates[i]?.text ?? ''), language, 'extractive');
}

/**
 * The lead baseline: the first sentences that can stand alone, as many as fit the budget
 * (a single over-long first sentence is trimmed). Used for unknown languages.
 */
export function leadBriefing(input: ArticleInput, budget: CondenseBudget = DEFAULT_BUDGET): Briefing {
  const headline = cleanHeadline(input.title);
  const text = [input.lead ? prepareText({ title: '', text: input.lead }) : '', prepareText(input)]
    .filter(Boolean)
    .join('\n\n');
  const language = resolveLanguage(input.language);
  const candidates = candidateSentences(text, language ?? UNKNOWN_LANGUAGE, headline);
  if (candidates.length === 0) return fallback(headline, text, language, budget);
  return briefing(headline, leadPick(candidates, budget), language ?? UNKNOWN_LANGUAGE, 'lead');
}

/**
 * Lead-k as the evaluation baseline computes it: the first `k` sentences of `text` by this
 * splitter, skipping fragments of fewer than four words (datelines, bylines), with no budget.
 */
export function leadSentences(text: string, language: LanguageCode, k = 3): string[] {
  const spans = splitSentenceSpans(text, language).map((s) => s.text);
  const long = spans.filter((s) => tokenize(s).length >= MIN_SENTENCE_TOKENS);
  return (long.length > 0 ? long : spans).slice(0, k);
}

/**
 * Whether an item's own text is too thin to condense and the full page should be fetched:
 * `auto` when it has fewer than three sentences that can stand alone. Paragraphs in `repeated`
 * (the feed's standing text, see prepare.ts) do not count: they are not the article's.
 */
export function needsFullText(text: string, mode: FullTextMode, language: LanguageCode | null = null, repeated?: ReadonlySet<string>): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return candidateSentences(prepareText({ title: '', text, repeated }), language ?? UNKNOWN_LANGUAGE, '', repeated).length < 3;
}

/**
 * The sentences a briefing may use. A last sentence the feed cut off ("The rest have received
 * ...") is used only when there is nothing else: a teaser's fragment is not what its author wrote.
 * A sentence that only repeats the headline is never used: the briefing shows the headline anyway
 * (nor its label: "MARIA VOS: …"); nor is one of the feed's standing sentences (`repeated`).
 */
function candidateSentences(text: string, language: LanguageCode, headline = '', repeated?: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const spans = splitSentenceSpans(text, language);
  const quoted = startsInsideQuote(spans, language);
  const label = headlineLabel(headline);
  const echoes = headlineEcho(headline, language);
  let lastIsCut = false;
  spans.forEach((span, i) => {
    const sentence = stripHeadlineLabel(stripTags(span.text), label);
    if (quoted[i] || !canStandAlone(sentence, language, i === 0) || repeated?.has(span.text)) return;
    if (echoes(sentence)) return;
    out.push({ text: sentence, opensArticle: i === 0 });
    lastIsCut = i === spans.length - 1 && endsCut(sentence);
  });
  return lastIsCut && out.length > 1 ? out.slice(0, -1) : out;
}

/** Fewer content terms than this and a sentence is too short to tell a rewording from a remark. */
const MIN_ECHO_TERMS = 3;

/**
 * Whether a sentence says `headline` again: its very words, or a rewording whose every content
 * term is one of the headline's ("A brush fire breaks out in Palmdale" under "Brush fire breaks
 * out in Palmdale"), so that under the headline it tells the reader nothing new. The headline is
 * read once for all the article's sentences.
 */
function headlineEcho(headline: string, language: LanguageCode): (sentence: string) => boolean {
  if (headline === '') return () => false;
  const words = tokenize(headline).join(' ');
  const stopwords = stopwordsFor(language);
  const said = new Set(contentTerms(headline, stopwords));
  return (sentence) => {
    // Only punctuation and spacing may differ: a sentence of another length cannot be the echo.
    if (Math.abs(sentence.length - headline.length) <= 12 && tokenize(sentence).join(' ') === words) return true;
    const terms = contentTerms(sentence, stopwords);
    return terms.length >= MIN_ECHO_TERMS && terms.every((term) => said.has(term));
  };
}

function leadPick(candidates: readonly Candidate[], budget: CondenseBudget): string[] {
  const picked: string[] = [];
  for (const c of candidates) {
    if (picked.length >= budget.maxSentences) break;
    const next = [...picked, c.text];
    const size = measure(next);
    if (size.words > budget.maxWords || size.chars > budget.maxChars) break;
    picked.push(c.text);
  }
  return picked.length > 0 ? picked : [trimToBudget(candidates[0]?.text ?? '', budget)];
}

function fallback(headline: string, text: string, language: LanguageCode | null, budget: CondenseBudget): Briefing {
  const spans = splitSentenceSpans(text, language ?? UNKNOWN_LANGUAGE);
  const place = (i: number) => ({ language: language ?? undefined, opensText: i === 0 });
  const echoes = headlineEcho(headline, language ?? UNKNOWN_LANGUAGE);
  const first = spans.find((s, i) => canServeAsLastResort(s.text, place(i)) && !echoes(s.text));
  if (first) return briefing(headline, [trimToBudget(first.text, budget)], language ?? UNKNOWN_LANGUAGE, 'lead');
  // With no headline to show either, a fragment is better than an empty briefing.
  const fragment = headline === '' ? spans.find((s, i) => canServeAsLastResort(s.text, place(i), true)) : undefined;
  if (fragment) return briefing(headline, [trimToBudget(fragment.text, budget)], language ?? UNKNOWN_LANGUAGE, 'lead');
  return briefing(headline, [], language ?? UNKNOWN_LANGUAGE, 'title-only');
}

function briefing(
  headline: string,
  sentences: readonly string[],
  language: LanguageCode,
  method: Briefing['method'],
): Briefing {
  const kept = sentences.filter((s) => s.length > 0);
  const { words, chars } = measure(kept);
  return { headline, sentences: kept, language, words, chars, method };
}
