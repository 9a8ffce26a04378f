import { closestName } from '../core/closest-name.js';
import { availableTopics } from '../core/following.js';
import { foldName, NO_TOPIC_NAMES, topicLabel, topicsByName, typedTopicNames, type TopicNames } from '../core/topic-names.js';
import type { FeedSpec, Subscriber, UiLanguage } from '../core/types.js';
import type { Subscription } from '../store/subscriber-repository.js';

/** What a reader may name a feed by: its id, or its title as /feeds and the /subscribe buttons show it. */
type NamedFeed = Pick<FeedSpec, 'id' | 'title'>;

/**
 * The words for "all" a reader types in place of a list (`/subscribe alles`, `/unsubscribe tout`),
 * folded: every topic offered to /subscribe, everything followed to /unsubscribe. A topic or feed
 * of that id or name comes first.
 */
const EVERYTHING_WORDS: ReadonlySet<string> = new Set(['all', 'everything', 'alles', 'allemaal', 'alle', 'tout', 'tous', 'toutes']);

/** "And" and "or" between items (`tech en sport`, `tech et sport`): passed over unless a topic or feed is named so. */
const LINKING_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'en', 'of', 'und', 'oder', 'et', 'ou']);

/**
 * Reads `/subscribe` arguments: each word is a topic (by id, or by its name in any language,
 * case and accents aside: `wereld`, `Welt`, `monde`) or a feed (by id, or by its title: `NOS Tech`,
 * `le monde`); a name of several words may be typed as they are (`Verenigde Staten`). `@channel`
 * words are left to the caller. Unknown words are returned for the answer; what is found is always
 * the stored id.
 */
export function resolveSubscriptions(words: readonly string[], feeds: readonly FeedSpec[], names: TopicNames = NO_TOPIC_NAMES): { items: Subscription[]; unknown: string[] } {
  // A plain `/latest` names nothing: not worth building every topic's names for (bench:bot, each reply).
  if (words.length === 0) return { items: [], unknown: [] };
  const topics = availableTopics(feeds);
  const everyTopic = topics.map((topic): Subscription => ({ kind: 'topic', value: topic }));
  const { items, rest } = readItems(words, topics, feeds, names, everyTopic);
  return { items, unknown: rest };
}

/**
 * Reads `/unsubscribe` arguments against what the chat follows, so that topics and feeds no longer
 * offered can still be dropped (a followed feed by its title while `feeds` still has it); `rest`
 * are the words the chat does not follow.
 */
export function followedItems(words: readonly string[], chat: Subscriber, feeds: readonly FeedSpec[], names: TopicNames = NO_TOPIC_NAMES): { items: Subscription[]; rest: string[] } {
  const everything: Subscription[] = [...chat.topics.map((value) => ({ kind: 'topic' as const, value })), ...chat.feeds.map((value) => ({ kind: 'feed' as const, value }))];
  return readItems(words, chat.topics, followedFeeds(chat, feeds), names, everything);
}

/**
 * The names a "did you mean" may offer (typedNames), with the feeds they name, so that a word of a
 * feed's title or id (`bbc`) can offer each of those feeds.
 */
export interface OfferedNames {
  readonly names: readonly string[];
  readonly feeds: readonly NamedFeed[];
}

/** What the chat follows, as a "did you mean" for /unsubscribe may offer it. */
export function followedNames(chat: Subscriber, feeds: readonly FeedSpec[], names: TopicNames = NO_TOPIC_NAMES): OfferedNames {
  const followed = followedFeeds(chat, feeds);
  return { names: typedNames(chat.topics, followed, names), feeds: followed };
}

/** The feeds the chat follows, each by its title while `feeds` still has it, else by its id. */
function followedFeeds(chat: Subscriber, feeds: readonly FeedSpec[]): NamedFeed[] {
  const titles = new Map(feeds.map((feed) => [feed.id, feed.title]));
  return chat.feeds.map((id) => ({ id, title: titles.get(id) ?? id }));
}

/** The topics (ids and names, see typedTopicNames) and feeds (ids and titles, in lower case) a chat may subscribe to. */
export function offeredNames(feeds: readonly FeedSpec[], names: TopicNames = NO_TOPIC_NAMES): OfferedNames {
  return { names: typedNames(availableTopics(feeds), feeds, names), feeds };
}

/**
 * The names a "did you mean" may offer for `topics` and `feeds`: a title counts, since a reader
 * who types `lemonde` or `france24` means the feed Le Monde or France 24, not the topic of one of
 * its words (`monde`, `france`).
 */
function typedNames(topics: readonly string[], feeds: readonly NamedFeed[], names: TopicNames): string[] {
  return [...new Set([...typedTopicNames(topics, names), ...feeds.map((feed) => feed.id), ...feeds.map((feed) => feed.title.toLowerCase())])];
}

/**
 * The words as topics of `topics` and `feeds`: a topic id first, then a feed id, then a topic's
 * name, then a feed's title; the longest run of words that is a name counts as one
 * (`Verenigde Staten`, `pays bas` for `Pays-Bas`, `NOS Tech` rather than the topic Tech). A word for
 * "all" (EVERYTHING_WORDS) that names nothing else is `everything`.
 */
function readItems(words: readonly string[], topics: readonly string[], feeds: readonly NamedFeed[], names: TopicNames, everything: readonly Subscription[]): { items: Subscription[]; rest: string[] } {
  const byName = namesToItems(topics, feeds, names);
  const feedIds = feeds.map((feed) => feed.id);
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
    const word = foldName(subscriptionWord(typed[index]!));
    if (taken === 0 && EVERYTHING_WORDS.has(word)) items.push(...everything);
    if (taken === 0 && (EVERYTHING_WORDS.has(word) || LINKING_WORDS.has(word))) taken = 1;
    if (taken === 0) rest.push(typed[index]!);
    index += Math.max(taken, 1);
  }
  // `tech tech` or `alles tech`: the confirmation names each once.
  const unique = items.filter((item, at) => items.findIndex((other) => other.kind === item.kind && other.value === item.value) === at);
  return { items: unique, rest };
}

/**
 * Every topic name, feed title and feed id, as nameKey writes it (`bbc world` for `bbc-world`), to
 * what it names; a topic's name wins over a title, a title over an id.
 */
function namesToItems(topics: readonly string[], feeds: readonly NamedFeed[], names: TopicNames): ReadonlyMap<string, Subscription> {
  const byName = new Map<string, Subscription>();
  for (const [name, topic] of topicsByName(topics, names)) byName.set(nameKey(name), { kind: 'topic', value: topic });
  for (const key of ['title', 'id'] as const) {
    for (const feed of feeds) {
      const name = nameKey(feed[key]);
      if (!byName.has(name)) byName.set(name, { kind: 'feed', value: feed.id });
    }
  }
  return byName;
}

function itemNamed(phrase: string, oneWord: boolean, topics: readonly string[], feedIds: readonly string[], byName: ReadonlyMap<string, Subscription>): Subscription | null {
  if (oneWord && topics.includes(phrase)) return { kind: 'topic', value: phrase };
  if (oneWord && feedIds.includes(phrase)) return { kind: 'feed', value: phrase };
  return byName.get(nameKey(phrase)) ?? null;
}

/**
 * A name in the form typed words are matched in: folded (foldName), a hyphen read as a space
 * (`Pays-Bas` is often typed `pays bas`), and each word bare as subscriptionWord leaves it
 * (`heise online!` -> `heise online`).
 */
function nameKey(name: string): string {
  return foldName(name.replace(/-/g, ' ')).split(' ').map(subscriptionWord).filter((word) => word !== '').join(' ');
}

/**
 * How many unknown words "did you mean" guesses for. A reader mistypes a few names, not dozens; a
 * pasted page of 700 unknown words made the guesses take 0.4 s against 200 feeds, with the bot
 * answering no one meanwhile.
 */
const MAX_GUESSED_WORDS = 10;

/**
 * The command again with what the unknown words most likely meant among `offered` ("wereld" ->
 * `/subscribe world`), or undefined when none is close to anything. A word no name is close to
 * that is a word of feeds' titles or ids (`bbc`) means those feeds. Only the first
 * MAX_GUESSED_WORDS unknown words are guessed at.
 */
export function retryWithClosest(command: string, unknown: readonly string[], offered: OfferedNames): string | undefined {
  const meant = unknown.slice(0, MAX_GUESSED_WORDS).flatMap((word) => {
    const closest = closestName(subscriptionWord(word), offered.names);
    return closest === null ? feedsNamedInPart(word, offered.feeds) : [closest];
  });
  return meant.length > 0 ? `/${command} ${[...new Set(meant)].join(' ')}` : undefined;
}

/**
 * The ids of the feeds whose id has `word` as a part (`bbc` in `bbc-world`) or whose title has it
 * as a word of four letters or more (`standaard` in De Standaard; not its article `de`).
 */
function feedsNamedInPart(word: string, feeds: readonly NamedFeed[]): string[] {
  const typed = nameKey(word);
  if (typed.length < 3 || typed.includes(' ')) return [];
  const inTitle = typed.length >= 4;
  return feeds
    .filter((feed) => nameKey(feed.id).split(' ').includes(typed) || (inTitle && nameKey(feed.title).split(' ').includes(typed)))
    .map((feed) => feed.id);
}

/**
 * True when `words` name nothing at all, not even a word unknown: `/subscribe ,` or a mark copied
 * from a button (`/subscribe ✅`). The command then answers as without words.
 */
export function namesNothing(words: readonly string[]): boolean {
  return listedWords(words).every((word) => subscriptionWord(word) === '');
}

/** The words of a list typed with commas, semicolons or slashes as well as spaces (`tech,world`, `tech; world`, `tech/world`). */
function listedWords(words: readonly string[]): string[] {
  return words.flatMap((word) => word.split(/[,;/]/)).filter((word) => word !== '');
}

/**
 * A word as typed (`#World`, `tech.`, `"sport"`, `✅`) in the form topics and feed ids are stored
 * in (`world`, `tech`, `sport`, nothing): what a phone's autocorrect or a copied button adds
 * around a word is not part of it. `tagesschau.de` keeps its dot.
 */
function subscriptionWord(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, '');
}

/** Topics offered by the /start button: those of the feeds in the reader's language, else all. */
export function defaultTopicsFor(language: UiLanguage, feeds: readonly FeedSpec[], configured?: readonly string[]): string[] {
  if (configured && configured.length > 0) return [...configured];
  const own = availableTopics(feeds.filter((feed) => feed.language === language));
  return own.length > 0 ? own : availableTopics(feeds);
}

/**
 * Topics and feeds as a confirmation names them: a topic by its name in `language` (topicLabel), a
 * feed by its title in `feeds`, as /feeds, the buttons and /status show it (by its id once
 * feeds.json no longer has it).
 */
export function shownItems(items: readonly Subscription[], language: UiLanguage, names: TopicNames, feeds: readonly FeedSpec[]): string[] {
  return items.map((item) => (item.kind === 'topic' ? topicLabel(item.value, language, names) : (feeds.find((feed) => feed.id === item.value)?.title ?? item.value)));
}
