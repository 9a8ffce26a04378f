/**
 * The condenser's public face: article text -> Briefing, plus the pieces callers and the eval
 * need (splitter, budget, plain-article format, lead baseline, full-text decision).
 */
export { condenseArticle, leadBriefing, leadSentences, needsFullText } from './condense.js';
export { DEFAULT_BUDGET, trimToBudget } from './budget.js';
export type { CondenseBudget } from './budget.js';
export { normalizeText, splitSentences, splitSentenceSpans } from './split-sentences.js';
export { parsePlainArticle } from './plain-article.js';
export { prepareText } from './prepare.js';
export { removeBoilerplate } from './boilerplate.js';
export { repeatedParagraphs, repeatedSentences } from './repeated-paragraphs.js';
export { endsCut, plainCutMark, stripReadMore, stripSignOff } from './teaser-tails.js';
export { endsAsSentence } from './standalone.js';
export { tokenize } from './tokenize.js';
