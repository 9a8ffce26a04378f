import { closestName } from '../core/closest-name.js';
import { availableTopics } from '../core/following.js';
import { foldName, NO_TOPIC_NAMES, topicLabel, topicsByName, typedTopicNames, type TopicNames } from '../core/topic-names.js';
import type { FeedSpec, Subscriber, UiLanguage } from '../core/types.js';
import type { Subscription } from '../store/subscriber-repository.js';

/**
 * Reads `/subscribe` arguments: each word is a topic (by id, or by its name in any language,
 * case and accents aside: `wereld`, `Welt`, `monde`) or a feed id; a name of several words may be
 * typed as they are (`Verenigde Staten`). `@channel` words are left to the caller. Unknown words
 * are returned for the answer; what is found is always the stored id.
 */
export function resolveSubscriptions(words: readonly string[], feeds: readonly FeedSpec[], names: TopicNames = NO_TOPIC_NAMES): { items: Subscription[]; unknown: string[] } {
  // A plain `/latest` names nothing: not worth building every topic's names for (bench:bot, each reply).
  if (words.length === 0) return { items: [], unknown: [] };
  const topics = availableTopics(feeds);
  const { items, rest } = readItems(words, topics, feeds.map((feed) => feed.id), names);
  return { items, unknown: rest };
}

/**
 * Reads `/unsubscribe` arguments against what the chat follows, so that topics and feeds no longer
 * offered can still be dropped; `rest` are the words the chat does not follow.
 */
export function followedItems(words: readonly string[], chat: Subscriber, names: TopicNames = NO_TOPIC_NAMES): { items: Subscription[]; rest: string[] } {
  return readItems(words, chat.topics, chat.feeds, names);
}

/** The topics (ids and names, see typedTopicNames) and feed ids a chat may subscribe to. */
export function offeredNames(feeds: readonly FeedSpec[], names: TopicNames = NO_TOPIC_NAMES): string[] {
  return [...typedTopicNames(availableTopics(feeds), names), ...feeds.map((feed) => feed.id)];
}

/**
 * The words as topics of `topics` and feeds of `feedIds`: a topic id first, then a feed id, then
 * a topic's name; the longest run of words that is a name counts as one (`Verenigde Staten`,
 * `pays bas` for `Pays-Bas`).
 */
function readItems(words: readonly string[], topics: readonly string[], feedIds: readonly string[], names: TopicNames): { items: Subscription[]; rest: string[] } {
  const byName = new Map([...topicsByName(topics, names)].map(([name, topic]) => [hyphensAsSpaces(name), topic]));
  const longest = Math.max(1, ...[...byName.keys()].map((name) => name.split(' ').length));
  const typed = listedWords(words).filter((word) => subscriptionWord(word) !== '');
  const items: Subscription[] = [];
  const rest: string[] = [];
  for (let index = 0; index < typed.length;) {
    let taken = 0;
    for (let count = Math.min(longest, typed.length - index); count >= 1 && taken === 0; count -= 1) {
      const phrase = typed.slice(index, index + count).map(subscriptionWord).join(' ');
      const item = itemNamed(phrase, count === 1, topics, feedIds, byName);
      if (item !== null) {
        items.push(item);
        taken = count;
      }
    }
    if (taken === 0) rest.push(typed[index]!);
    index += Math.max(taken, 1);
  }
  return { items, rest };
}

function itemNamed(phrase: string, oneWord: boolean, topics: readonly string[], feedIds: readonly string[], byName: ReadonlyMap<string, string>): Subscription | null {
  if (oneWord && topics.includes(phrase)) return { kind: 'topic', value: phrase };
  if (oneWord && feedIds.includes(phrase)) return { kind: 'feed', value: phrase };
  const topic = byName.get(hyphensAsSpaces(foldName(phrase)));
  return topic === undefined ? null : { kind: 'topic', value: topic };
}

/** `pays-bas` -> `pays bas`: a name written with a hyphen is often typed with a space, and read as two words. */
function hyphensAsSpaces(name: string): string {
  return name.replace(/-/g, ' ');
}

/**
 * The command again with what the unknown words most likely meant among `names` ("wereld" ->
 * `/subscribe world`), or undefined when none is close to anything.
 */
export function retryWithClosest(command: string, unknown: readonly string[], names: readonly string[]): string | undefined {
  const meant = [...new Set(unknown.map((word) => closestName(subscriptionWord(word), names)).filter((name) => name !== null))];
  return meant.length > 0 ? `/${command} ${meant.join(' ')}` : undefined;
}

/** The words of a list typed with commas as well as spaces (`tech,world`, `tech, world`). */
function listedWords(words: readonly string[]): string[] {
  return words.flatMap((word) => word.split(',')).filter((word) => word !== '');
}

/** A word as typed (`#World`) in the form topics and feed ids are stored in (`world`). */
function subscriptionWord(word: string): string {
  return word.toLowerCase().replace(/^#/, '');
}

/** Topics offered by the /start button: those of the feeds in the reader's language, else all. */
export function defaultTopicsFor(language: UiLanguage, feeds: readonly FeedSpec[], configured?: readonly string[]): string[] {
  if (configured && configured.length > 0) return [...configured];
  const own = availableTopics(feeds.filter((feed) => feed.language === language));
  return own.length > 0 ? own : availableTopics(feeds);
}

/** Topics and feeds as a confirmation names them: a topic by its name in `language` (topicLabel), a feed by its id. */
export function shownItems(items: readonly Subscription[], language: UiLanguage, names: TopicNames): string[] {
  return items.map((item) => (item.kind === 'topic' ? topicLabel(item.value, language, names) : item.value));
}
