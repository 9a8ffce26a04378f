/**
 * The condenser's public face: article text -> Briefing, plus the pieces callers and the eval
 * need (splitter, budget, plain-article format, lead baseline, full-text decision).
 */
export { condenseArticle, leadBriefing, leadSentences, needsFullText, UNKNOWN_LANGUAGE } from './condense.js';
export type { CondenseOptions } from './condense.js';
export { DEFAULT_BUDGET, fitsBudget, measure, trimToBudget } from './budget.js';
export type { CondenseBudget } from './budget.js';
export { normalizeText, splitSentences, splitSentenceSpans } from './split-sentences.js';
export type { SentenceSpan } from './split-sentences.js';
export { parsePlainArticle } from './plain-article.js';
export type { PlainArticle } from './plain-article.js';
export { prepareText, cleanHeadline } from './prepare.js';
export type { ArticleInput } from './prepare.js';
export { removeBoilerplate } from './boilerplate.js';
export { repeatedParagraphs, repeatedSentences } from './repeated-paragraphs.js';
export { endsCut, stripReadMore } from './teaser-tails.js';
export { canStandAlone, endsAsSentence, isBareQuote } from './standalone.js';
export { stripDateline, stripTrailingTag } from './agency-tags.js';
export { stopwordsFor } from './stopwords.js';
export { tokenize, countWords } from './tokenize.js';
export { DEFAULT_WEIGHTS } from './score.js';
export type { ScoreWeights } from './score.js';
export { DEFAULT_SELECTION } from './select.js';
export type { SelectionOptions } from './select.js';
export { resolveLanguage } from '../language.js';
