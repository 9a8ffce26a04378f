import { endsAsSentence } from '../core/condense/index.js';
import { withoutTrackingParams } from '../core/tracking-params.js';
import type { StoredBriefing } from '../core/types.js';
import { bold, escapeHtml, link } from './html.js';

/**
 * One briefing as a Telegram HTML item: the headline in bold, the chosen sentences, and the source
 * name linking to the article (without the feed's tracking parameters). All feed text is escaped;
 * the result is one unit for splitMessage.
 */
export function renderBriefing(briefing: StoredBriefing, sourceName: string): string {
  // An item without a title (feeds allow it) starts with its sentences, not an empty bold line.
  const lines = briefing.headline.trim() === '' ? [] : [bold(briefing.headline)];
  const body = joinSentences(briefing.sentences);
  if (body !== '') lines.push(escapeHtml(body));
  lines.push(`— ${link(briefing.url === null ? null : withoutTrackingParams(briefing.url), sourceName)}`);
  return lines.join('\n');
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

/** Renders a list of briefings, naming each source by its feed title (or its id when unknown). */
export function renderBriefings(
  briefings: readonly StoredBriefing[],
  feedTitles: ReadonlyMap<string, string>,
): string[] {
  return briefings.map((briefing) => renderBriefing(briefing, feedTitles.get(briefing.feedId) ?? briefing.feedId));
}
