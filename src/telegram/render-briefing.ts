import { endsAsSentence } from '../core/condense/index.js';
import { ELLIPSIS, graphemesWithin, markCut } from '../core/text/graphemes.js';
import { withoutTrackingParams } from '../core/tracking-params.js';
import type { StoredBriefing } from '../core/types.js';
import { bold, escapeHtml, link, TELEGRAM_MAX_MESSAGE_LENGTH } from './html.js';

/**
 * One briefing as a Telegram HTML item: the headline in bold, the chosen sentences, and the source
 * name linking to the article (without the feed's tracking parameters). All feed text is escaped;
 * the result is one unit for splitMessage and fits a message (a headline too long is shortened).
 */
export function renderBriefing(briefing: StoredBriefing, sourceName: string): string {
  const lines: string[] = [];
  const body = joinSentences(briefing.sentences);
  if (body !== '') lines.push(escapeHtml(body));
  lines.push(`— ${link(briefing.url === null ? null : withoutTrackingParams(briefing.url), sourceName)}`);
  const rest = lines.join('\n');
  // An item without a title (feeds allow it) starts with its sentences, not an empty bold line.
  if (briefing.headline.trim() === '') return rest;
  return `${bold(headlineWithin(briefing.headline, BRIEFING_ROOM - rest.length - '<b></b>\n'.length))}\n${rest}`;
}

/**
 * What one briefing may take of a message: the limit less room for what a digest puts beside it
 * (a later message's "World (continued)" heading, the note naming a story's other sources, which
 * render-also-in.ts fits to what is left).
 */
const BRIEFING_ROOM = TELEGRAM_MAX_MESSAGE_LENGTH - 200;

/**
 * The headline, or when it is too long for a message escaped (a feed that puts a whole social
 * post in the title) its start, cut between words and marked "…": else splitMessage would cut
 * the item at the limit, and the reader got half a headline without the sentences or the link.
 */
function headlineWithin(headline: string, max: number): string {
  const escapedSize = (piece: string) => escapeHtml(piece).length;
  if (escapedSize(headline) <= max) return headline;
  const start = graphemesWithin(headline, Math.max(0, max - ELLIPSIS.length), escapedSize);
  const lastSpace = start.search(/\s\S*$/u);
  const words = lastSpace > start.length / 2 ? start.slice(0, lastSpace) : start;
  return markCut(words);
}

/**
 * A briefing's sentences as the reader sees them: a space after one that ends with sentence-final
 * punctuation, a line break after one that does not (a standfirst's "…, a statement said"), so
 * one sentence never runs into the next. The journalist's words stay as they are: no full stop
 * is added. Chinese and Japanese put no space after their full-width stops (the stop is a whole
 * character wide), so none is added there: "回收场。 当" reads as a gap in the sentence.
 */
export function joinSentences(sentences: readonly string[]): string {
  const kept = sentences.map((s) => s.trim()).filter((s) => s !== '');
  return kept.map((s, i) => (i === 0 ? s : `${separatorAfter(kept[i - 1] ?? '')}${s}`)).join('');
}

/** A full-width stop (。！？), then any closing quotes and brackets of those scripts. */
const FULL_WIDTH_END_RE = /[。！？][”’」』）》〉]*$/u;

function separatorAfter(sentence: string): string {
  if (!endsAsSentence(sentence)) return '\n';
  return FULL_WIDTH_END_RE.test(sentence) ? '' : ' ';
}
