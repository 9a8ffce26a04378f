import { topicLabel, type TopicNames } from '../core/topic-names.js';
import type { UiLanguage } from '../core/types.js';
import { escapeHtml } from '../telegram/html.js';

/** A command example in help text that names topics: `<code>/subscribe world tech</code>`. */
const TOPIC_EXAMPLE = /<code>\/(subscribe|unsubscribe|latest)( [^<]*)<\/code>/g;

/**
 * Help text (Telegram HTML) whose examples name topics by id, with each offered topic that has a
 * one-word name in `language` written as that name, as a reader would type it
 * (`/subscribe world tech` -> `/subscribe wereld tech` for a Dutch chat). Ids work too, so a
 * topic without a name, or with a name of several words, keeps its id.
 */
export function withTopicNames(html: string, language: UiLanguage, topics: readonly string[], names: TopicNames): string {
  const offered = new Set(topics);
  const typed = (word: string) => {
    const name = offered.has(word) && names.has(word) ? topicLabel(word, language, names) : '';
    return name !== '' && !/\s/.test(name) ? escapeHtml(name.toLowerCase()) : word;
  };
  return html.replace(TOPIC_EXAMPLE, (_, command: string, rest: string) => `<code>/${command}${rest.split(' ').map(typed).join(' ')}</code>`);
}
