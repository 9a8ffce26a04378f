import { z } from 'zod';
import { foldName, type TopicNames } from './core/topic-names.js';
import { ISO_639_1 } from './iso-639-1.js';

/** The longest topic name: three fit side by side on a keyboard row. */
const MAX_TOPIC_NAME_LENGTH = 40;

/** A topic id as feeds.json writes one in a feed's `topics`. */
export const TOPIC_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** What TOPIC_ID allows, in words: "lower-case words" alone would let an operator try "wörld" or "us_politics". */
export const TOPIC_ID_HINT = 'topics are a-z, digits and - (at most 32 characters), e.g. "world" or "us-politics"';

const NAMES_HINT = 'must be names by language code, e.g. { "nl": "Wereld", "en": "World" }';
const TOPICS_HINT = 'must be names by topic id, e.g. { "world": { "nl": "Wereld", "en": "World" } }';
const LANGUAGE_HINT = 'unknown language code; use an ISO 639-1 code such as "nl", "en", "de" or "fr"';

/**
 * feeds.json's optional `topicNames`: what readers call each topic, per language
 * (`{ "world": { "nl": "Wereld", "de": "Welt" } }`). The shape is checked here (and documented in
 * docs/feeds.schema.json); what needs the whole document, a topic no feed has or a name given to
 * two topics, is checked by findTopicNameProblems.
 */
export const TOPIC_NAMES_SCHEMA = z.record(
  z.string().regex(TOPIC_ID),
  z.record(
    z.string().regex(/^[a-z]{2}$/).refine((code) => ISO_639_1.has(code)),
    z.string({ error: 'must be a name in quotes, e.g. "World"' }).trim()
      .min(1, 'a topic name cannot be empty')
      .max(MAX_TOPIC_NAME_LENGTH, `a topic name has at most ${MAX_TOPIC_NAME_LENGTH} characters`)
      .refine((name) => !name.includes(','), 'a topic name cannot hold a comma, which separates topics in /subscribe'),
    { error: (issue) => (issue.code === 'invalid_key' ? LANGUAGE_HINT : issue.code === 'invalid_type' ? NAMES_HINT : undefined) },
  ),
  { error: (issue) => (issue.code === 'invalid_key' ? `not a topic id: ${TOPIC_ID_HINT}` : issue.code === 'invalid_type' ? TOPICS_HINT : undefined) },
).describe('What readers call each topic, by topic id and ISO 639-1 language code: { "world": { "nl": "Wereld", "en": "World" } }. Shown in the reader\'s language (else English, else the id); any of them may be typed.');

/** The validated `topicNames` as the core reads them (see core/topic-names.ts). */
export function toTopicNames(parsed: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined): TopicNames {
  return new Map(Object.entries(parsed ?? {}).map(([topic, names]) => [topic, Object.freeze({ ...names })]));
}

/**
 * The problems of `topicNames` that the schema cannot see, read from the document as written so
 * they are listed with its other problems: a topic no feed has (`topicNames.wereld: no feed has
 * the topic "wereld"`), and a name that would point at two topics, since readers may type any
 * topic's name in any language, case and accents aside (`topicNames.earth.de: "Welt" is also
 * the name of topic "world" (topicNames.world.de)`), or at another topic's id.
 */
export function findTopicNameProblems(json: unknown): string[] {
  const names: unknown = (json as { topicNames?: unknown } | null)?.topicNames;
  if (Array.isArray(json) || typeof names !== 'object' || names === null || Array.isArray(names)) return [];
  const topics = new Set(feedTopics((json as { feeds?: unknown }).feeds));
  const problems: string[] = [];
  const owners = new Map<string, { topic: string; place: string }>();
  for (const topic of topics) owners.set(foldName(topic), { topic, place: '' });
  for (const [topic, byLanguage] of Object.entries(names)) {
    if (!TOPIC_ID.test(topic)) continue;
    if (!topics.has(topic)) {
      problems.push(`topicNames.${topic}: no feed has the topic "${topic}"`);
      continue;
    }
    if (typeof byLanguage !== 'object' || byLanguage === null) continue;
    for (const [language, name] of Object.entries(byLanguage)) {
      if (typeof name !== 'string' || foldName(name) === '') continue;
      const place = `topicNames.${topic}.${language}`;
      const owner = owners.get(foldName(name));
      if (owner === undefined) owners.set(foldName(name), { topic, place });
      else if (owner.topic === topic) continue;
      else if (owner.place === '') problems.push(`${place}: "${name.trim()}" is the id of the topic "${owner.topic}"`);
      else problems.push(`${place}: "${name.trim()}" is also the name of the topic "${owner.topic}" (${owner.place})`);
    }
  }
  return problems;
}

/** Every topic written in the feeds of the document (well-formed or not: each feed's own problems are reported apart). */
function feedTopics(feeds: unknown): string[] {
  if (!Array.isArray(feeds)) return [];
  return feeds.flatMap((feed: unknown) => {
    const topics = (feed as { topics?: unknown } | null)?.topics;
    return Array.isArray(topics) ? topics.filter((topic): topic is string => typeof topic === 'string') : [];
  });
}
