import { NO_TOPIC_NAMES, type TopicNames } from '../core/topic-names.js';
import type { FeedSpec } from '../core/types.js';
import type { Messages } from '../i18n/index.js';
import { resolveSubscriptions } from './subscription-feeds.js';

/** Longest text read for names (a topic or two, a feed's title); anything longer is a sentence. */
const NAMES_MAX_LENGTH = 80;

/**
 * The answer to plain text in a private chat. Text that names only topics or feeds (`world`,
 * `tech, bbc-world`), as a reader writes who answers "choose yourself with /subscribe" in words,
 * gets the commands that take those names, to copy; anything else the hint to /latest and /help.
 */
export function plainTextHint(text: string, feeds: readonly FeedSpec[], names: TopicNames | undefined, msg: Messages): string {
  if (text.length > NAMES_MAX_LENGTH) return msg.notACommand;
  const { items, unknown } = resolveSubscriptions(text.trim().split(/\s+/), feeds, names ?? NO_TOPIC_NAMES);
  if (items.length === 0 || unknown.length > 0) return msg.notACommand;
  return msg.namesWithoutCommand(items.map((item) => item.value).join(' '));
}
