import { closestName } from '../core/closest-name.js';
import { availableTopics } from '../core/following.js';
import type { FeedSpec, Subscriber, UiLanguage } from '../core/types.js';
import type { Subscription } from '../store/subscriber-repository.js';

/**
 * Reads `/subscribe` arguments: each word is a topic or a feed id (case-insensitive);
 * `@channel` words are left to the caller. Unknown words are returned for the answer.
 */
export function resolveSubscriptions(words: readonly string[], feeds: readonly FeedSpec[]): { items: Subscription[]; unknown: string[] } {
  const topics = new Set(availableTopics(feeds));
  const feedIds = new Set(feeds.map((feed) => feed.id));
  const items: Subscription[] = [];
  const unknown: string[] = [];
  for (const word of listedWords(words)) {
    const value = subscriptionWord(word);
    if (value === '') continue;
    if (topics.has(value)) items.push({ kind: 'topic', value });
    else if (feedIds.has(value)) items.push({ kind: 'feed', value });
    else unknown.push(word);
  }
  return { items, unknown };
}

/**
 * Reads `/unsubscribe` arguments against what the chat follows, so that topics and feeds no longer
 * offered can still be dropped; `rest` are the words the chat does not follow.
 */
export function followedItems(words: readonly string[], chat: Subscriber): { items: Subscription[]; rest: string[] } {
  const items: Subscription[] = [];
  const rest: string[] = [];
  for (const word of listedWords(words)) {
    const value = subscriptionWord(word);
    if (value === '') continue;
    if (chat.topics.includes(value)) items.push({ kind: 'topic', value });
    else if (chat.feeds.includes(value)) items.push({ kind: 'feed', value });
    else rest.push(word);
  }
  return { items, rest };
}

/** The topics and feed ids a chat may subscribe to. */
export function offeredNames(feeds: readonly FeedSpec[]): string[] {
  return [...availableTopics(feeds), ...feeds.map((feed) => feed.id)];
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
