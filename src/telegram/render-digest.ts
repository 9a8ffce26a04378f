import { format } from 'date-fns/format';
import type { Digest } from '../core/digest.js';
import { NO_TOPIC_NAMES, topicLabel, type TopicNames } from '../core/topic-names.js';
import type { UiLanguage } from '../core/types.js';
import { CATALOGUES, DATE_LOCALES } from '../i18n/catalogues.js';
import { alsoInNote } from './render-also-in.js';
import { renderBriefing } from './render-briefing.js';
import { splitMessage } from './split-message.js';

/**
 * A digest as Telegram HTML messages (each at most 4096 UTF-16 units, split only between
 * stories): a dated header, then per topic its heading (its name in the digest's language, see
 * topicLabel) and stories, then "+M more; /latest shows those you have not seen yet". A message
 * that starts amid a topic's stories opens with its heading again, marked as continued.
 * A channel's closing line gives the count alone: its readers cannot send /latest there.
 * Feed text is escaped by the briefing renderer; every fixed string comes from the catalogue.
 */
export function renderDigest(
  digest: Digest,
  feedTitles: ReadonlyMap<string, string>,
  topicNames: TopicNames = NO_TOPIC_NAMES,
  audience: DigestAudience = {},
): string[] {
  const t = CATALOGUES[digest.language];
  const header = t.digestHeader(formatLocalDate(digest.localDate, digest.language, t.digestDateFormat));
  if (digest.quiet) return [`${header}\n\n${t.digestQuiet}`];
  const blocks: string[] = [header];
  // Per block, the heading that a message starting with it repeats: a story that is not its section's first.
  const continued: string[] = [''];
  for (const section of digest.sections) {
    const label = topicLabel(section.topic, digest.language, topicNames);
    section.items.forEach((item, index) => {
      let block = renderBriefing(item.briefing, feedTitles.get(item.briefing.feedId) ?? item.briefing.feedId);
      block += alsoInNote(block, item, feedTitles, t);
      // The topic heading travels with its first story, so a split never strands it.
      blocks.push(index === 0 ? `${t.digestTopic(label)}\n\n${block}` : block);
      continued.push(index === 0 ? '' : t.digestTopicContinued(label));
    });
  }
  if (digest.more > 0) {
    // The closing line travels with the last story, so a split never sends it as a message alone.
    const closing = audience.channel === true ? t.digestMoreInChannel(digest.more) : t.digestMore(digest.more);
    blocks[blocks.length - 1] += `\n\n${closing}`;
  }
  return splitMessage(blocks, undefined, '\n\n', (index) => continued[index] ?? '');
}

/** Who reads a digest, where that changes its words. */
export interface DigestAudience {
  /** A channel: posts only, no commands from its readers. */
  readonly channel?: boolean;
}

/** `YYYY-MM-DD` in the chat's language, e.g. "maandag 3 maart"; the date is already local. */
function formatLocalDate(localDate: string, language: UiLanguage, pattern: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return format(new Date(year, month - 1, day, 12), pattern, { locale: DATE_LOCALES[language] });
}
