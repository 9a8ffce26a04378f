import type { LanguageCode } from './types.js';

/**
 * What readers call each topic, by topic id and language code (feeds.json's `topicNames`):
 * `world` -> { nl: 'Wereld', en: 'World', de: 'Welt' }. Ids stay what is stored and what buttons
 * carry, so renaming a label never loses a subscriber; names are only shown and typed.
 */
export type TopicNames = ReadonlyMap<string, Readonly<Partial<Record<LanguageCode, string>>>>;

/** A feeds.json without `topicNames`: every topic is shown by its id, capitalised. */
export const NO_TOPIC_NAMES: TopicNames = new Map();

/**
 * A topic as a reader of `language` sees it: its name in that language, else its English name,
 * else the id with a capital ("world" -> "World"), as digest headings always showed it.
 */
export function topicLabel(topic: string, language: LanguageCode, names: TopicNames): string {
  const own = names.get(topic);
  return own?.[language] ?? own?.['en'] ?? topic.charAt(0).toUpperCase() + topic.slice(1);
}

/**
 * `topics` in the alphabetical order of their names in `language` (topicLabel), as a reader scans
 * a list: sorted by id, a German list runs Belgien, Wirtschaft, Frankreich, Deutschland.
 */
export function inNameOrder(topics: readonly string[], language: LanguageCode, names: TopicNames): string[] {
  const collator = new Intl.Collator(language);
  return topics
    .map((topic) => ({ topic, label: topicLabel(topic, language, names) }))
    .sort((a, b) => collator.compare(a.label, b.label))
    .map(({ topic }) => topic);
}

/**
 * The names to show topics by once a reloaded feeds.json is served: its own (`after`), plus the
 * names `before` knew of topics that no feed of the new file carries any more (`topicsAfter` are
 * the topics of all its feeds, enabled or not). A chat still following a topic that left
 * feeds.json then sees it by its name, not its id. A topic some feed still carries is named by
 * `after` alone, so dropping its names from the file does drop them.
 */
export function namesAfterReload(before: TopicNames, after: TopicNames, topicsAfter: readonly string[]): TopicNames {
  const carried = new Set(topicsAfter);
  const left = [...before].filter(([topic]) => !carried.has(topic) && !after.has(topic));
  return new Map([...left, ...after]);
}

/**
 * A name in the form it is compared in: case, accents and spacing do not count, so "Économie",
 * "economie" and "ECONOMIE" are one name, as readers type them on any keyboard.
 */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Every way a reader may name one of `topics`: its id and its names in every language, folded
 * (see foldName), each pointing at the topic id. An id wins over another topic's name, though
 * feeds.json refuses such a clash (feeds-topic-names.ts).
 */
export function topicsByName(topics: readonly string[], names: TopicNames): ReadonlyMap<string, string> {
  const byName = new Map<string, string>();
  for (const topic of topics) {
    for (const name of namesOf(topic, names)) {
      const folded = foldName(name);
      if (!byName.has(folded)) byName.set(folded, topic);
    }
  }
  for (const topic of topics) byName.set(foldName(topic), topic);
  return byName;
}

/**
 * The names of `topics` a reader may be pointed to by a "did you mean" suggestion: the ids and
 * every name in lower case (`/subscribe wereld`), each once.
 */
export function typedTopicNames(topics: readonly string[], names: TopicNames): string[] {
  const all = topics.flatMap((topic) => [topic, ...namesOf(topic, names).map((name) => name.toLowerCase())]);
  return [...new Set(all)];
}

/** A topic's names in every language. */
function namesOf(topic: string, names: TopicNames): string[] {
  return Object.values(names.get(topic) ?? {}).filter((name) => name !== undefined);
}
