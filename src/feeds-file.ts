import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, formatZodIssues, lineAndColumn } from './config-errors.js';
import { findTopicNameProblems, TOPIC_ID, TOPIC_ID_HINT, TOPIC_NAMES_SCHEMA, toTopicNames } from './feeds-topic-names.js';
import { ISO_639_1 } from './iso-639-1.js';
import { locateJsonError } from './locate-json-error.js';
import { normaliseUrl } from './core/dedupe.js';
import type { TopicNames } from './core/topic-names.js';
import type { FeedSpec } from './core/types.js';

export { ConfigError } from './config-errors.js';

/**
 * feeds.json: the operator's list of feeds. Either `{ "feeds": [...], "topicNames": {...} }` or a
 * bare array of feeds.
 * `interval` is minutes, or a duration such as "30m" / "2h"; either way 1 minute to 24 hours.
 */
const DURATION = /^([1-9]\d*)\s*(m|min|h)$/;
/** The longest poll interval: a feed's `interval`, and POLL_INTERVAL_MINUTES too (poll-timing clamps to 12 h anyway). */
export const MAX_INTERVAL_MINUTES = 24 * 60;
const INTERVAL_HINT = 'must be whole minutes from 1 to 1440, or a duration such as "30m" or "2h"';
const WEIGHT_RANGE = 'must be a number from 0 to 10';
const ID_HINT = 'must be lower-case letters, digits, - or _ (at most 64)';
const URL_HINT = 'not an absolute http(s) URL';
const A_FEED = '{ "id": "nos", "url": "https://…", "language": "nl", "topics": ["news"] }';

/** A feed's language: an ISO 639-1 code, any case (stored lower-case); `brief --language` reads it the same way. */
export const LANGUAGE_SCHEMA = z
  .string({ error: 'must be an ISO 639-1 code in quotes, such as "nl"' })
  // Checked before lower-casing, so a refused code is quoted as the file has it ("nl-BE", not "nl-be").
  .refine((code) => ISO_639_1.has(code.toLowerCase()), 'unknown language; use an ISO 639-1 code such as "nl", "en", "de" or "fr"')
  .transform((code) => code.toLowerCase());

// Every type has our words: zod's own ("Invalid input: expected array, received string") name
// its types, not what to write. A field left out is "is required" (config-errors.ts).
const FEED_SCHEMA = z
  .object({
    id: z.string({ error: ID_HINT }).regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, ID_HINT),
    title: z.string({ error: 'must be text in quotes, such as "NOS Nieuws"' }).trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
    // Trimmed rather than refused: spaces around a URL are invisible in the file and mean nothing
    // (the URL standard drops them too, so such a feed was fetched fine), and refusing them would stop
    // a bot whose list worked; kept, they made the URL differ from the same feed's without them.
    url: z.string({ error: URL_HINT }).trim().refine(isAbsoluteHttpUrl, URL_HINT),
    language: LANGUAGE_SCHEMA,
    topics: z.array(z.string({ error: TOPIC_ID_HINT }).regex(TOPIC_ID, TOPIC_ID_HINT), { error: 'must be a list such as ["world"]' }).min(1, 'needs at least one topic'),
    interval: z
      .union(
        [
          z.number().int(INTERVAL_HINT).min(1, INTERVAL_HINT).max(MAX_INTERVAL_MINUTES, INTERVAL_HINT),
          z
            .string()
            .regex(DURATION, INTERVAL_HINT)
            .refine((text) => !DURATION.test(text) || toMinutes(text) <= MAX_INTERVAL_MINUTES, 'must be at most 24 hours (1440 minutes)'),
        ],
        { error: (issue) => `${INTERVAL_HINT} (got ${JSON.stringify(issue.input)})` },
      )
      .optional(),
    enabled: z.boolean({ error: 'must be true or false' }).default(true),
    fullText: z.enum(['auto', 'always', 'never'], { error: 'must be "auto", "always" or "never"' }).default('auto'),
    weight: z.number({ error: WEIGHT_RANGE }).min(0, { error: WEIGHT_RANGE }).max(10, { error: WEIGHT_RANGE }).default(1),
  }, { error: `must be a feed such as ${A_FEED}` })
  .strict();

/** The whole document; exported so docs/feeds.schema.json can be generated from the same source. */
export const FEEDS_DOCUMENT_SCHEMA = z.union([
  z.object({
    $schema: z.string({ error: 'must be the URL of a JSON Schema in quotes' }).optional(),
    feeds: z.array(FEED_SCHEMA, { error: `must be a list of feeds, such as [${A_FEED}]` }),
    topicNames: TOPIC_NAMES_SCHEMA.optional(),
  }, { error: `must be { "feeds": [...] } or a list of feeds, such as [${A_FEED}]` }).strict(),
  z.array(FEED_SCHEMA),
]);

/** A validated feeds.json: its feeds, and what readers call their topics (none for a bare array). */
export interface FeedsDocument {
  readonly feeds: readonly FeedSpec[];
  readonly topicNames: TopicNames;
}

/** Reads and validates a feeds file's feeds; see loadFeedsDocument. */
export function loadFeedsFile(path: string): FeedSpec[] {
  return [...loadFeedsDocument(path).feeds];
}

/** Reads and validates a feeds file; throws ConfigError naming the file and every located problem. */
export function loadFeedsDocument(path: string): FeedsDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConfigError(path, [readProblem((error as NodeJS.ErrnoException).code ?? String(error))]);
  }
  return readFeedsDocument(decodeUtf8(bytes, path), path);
}

/**
 * The file's text. Read leniently, a file saved as Latin-1 (`Actualités`) validated and served its
 * titles and topic names with � in place of each accent, and a UTF-16 one was "malformed JSON".
 */
function decodeUtf8(bytes: Buffer, path: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ConfigError(path, ['not UTF-8 text but UTF-16 (an editor\'s "Unicode"); save the file as UTF-8']);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = lineAndColumn(lenient, lenient.indexOf('\uFFFD'));
    throw new ConfigError(path, [`not UTF-8 text at line ${line}, column ${column} (saved as Latin-1 or Windows-1252?); save the file as UTF-8`]);
  }
}

/** Validates the text of a feeds file and returns its feeds; see readFeedsDocument. */
export function parseFeedsDocument(text: string, source: string): FeedSpec[] {
  return [...readFeedsDocument(text, source).feeds];
}

/** Validates the text of a feeds file; `source` names it in every error. */
export function readFeedsDocument(text: string, source: string): FeedsDocument {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(source, [describeJsonError(text, error as Error)]);
  }
  const result = FEEDS_DOCUMENT_SCHEMA.safeParse(json, { reportInput: true });
  // Duplicate ids and clashing topic names are looked for in the document as written, so they are listed with its other problems.
  const duplicates = [...findDuplicateIds(json), ...findTopicNameProblems(json)];
  if (!result.success) throw new ConfigError(source, byFeed([...pickRelevantIssues(json, result.error.issues), ...duplicates]));
  if (duplicates.length > 0) throw new ConfigError(source, byFeed(duplicates));
  const feeds = Array.isArray(result.data) ? result.data : result.data.feeds;
  const topicNames = toTopicNames(Array.isArray(result.data) ? undefined : result.data.topicNames);
  return { feeds: feeds.map(toFeedSpec), topicNames };
}

function toFeedSpec(feed: z.output<typeof FEED_SCHEMA>): FeedSpec {
  return Object.freeze({
    id: feed.id,
    title: feed.title ?? feed.id,
    url: feed.url,
    language: feed.language,
    topics: Object.freeze([...new Set(feed.topics)]),
    ...(feed.interval === undefined ? {} : { intervalMinutes: toMinutes(feed.interval) }),
    enabled: feed.enabled,
    fullText: feed.fullText,
    weight: feed.weight,
  });
}

/**
 * A warning when `feeds` leaves nothing to poll (an empty list, or every feed `"enabled": false`),
 * else null. Not an error: the file is valid, and /reload or SIGHUP can bring feeds later; but an
 * operator who sees "ok" and "keeps polling" should not wait for briefings that never come.
 */
export function warnNothingToPoll(feeds: readonly FeedSpec[]): string | null {
  if (feeds.some((feed) => feed.enabled)) return null;
  const why = feeds.length === 0 ? 'it lists no feeds' : feeds.length === 1 ? 'its only feed is "enabled": false' : `all ${feeds.length} of its feeds are "enabled": false`;
  return `no feeds to poll: ${why}; nothing is fetched or briefed until you add or enable one`;
}

/**
 * One warning for each enabled feed whose URL an earlier enabled feed has already (compared as
 * article links are: default port, fragment and tracking parameters aside). Not an error, as a
 * list that worked before stays valid; but each copy is fetched and stored on its own, so a chat
 * that follows both is offered every story twice in /latest.
 */
export function warnSameUrls(feeds: readonly FeedSpec[]): string[] {
  const first = new Map<string, FeedSpec>();
  const warnings: string[] = [];
  for (const feed of feeds.filter((f) => f.enabled)) {
    const key = normaliseUrl(feed.url);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, feed);
    else warnings.push(`feed "${feed.id}" has the same URL as "${earlier.id}" (${feed.url}): its stories are stored and offered twice; list the feed once, with all its topics`);
  }
  return warnings;
}

/** What the start, and each reload, warns of in a list that validated: nothing to poll, a URL listed twice. */
export function warnFeedList(feeds: readonly FeedSpec[]): string[] {
  return [warnNothingToPoll(feeds) ?? [], warnSameUrls(feeds)].flat();
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function toMinutes(interval: number | string): number {
  if (typeof interval === 'number') return interval;
  const [, amount, unit] = DURATION.exec(interval) ?? [];
  return Number(amount) * (unit === 'h' ? 60 : 1);
}

/**
 * `malformed JSON at line 3, column 17: <reason>` on one line, for every mistake: JSON.parse names
 * no position for some (a trailing comma), and quotes the text around it, line breaks and all.
 */
function describeJsonError(text: string, error: Error): string {
  // Columns as an editor shows them, which does not count a byte order mark.
  const body = text.replace(/^\uFEFF/, '');
  const located = locateJsonError(body);
  if (located === null) return `malformed JSON: ${error.message.replace(/\s+/g, ' ')}`;
  const { line, column } = lineAndColumn(body, located.offset);
  return `malformed JSON at line ${line}, column ${column}: ${located.reason}`;
}

/** A union reports both branches; show the branch the document was meant to be. */
function pickRelevantIssues(json: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  const options = { showValues: true, knownFields: fieldsAt };
  const union = issues.find((issue) => issue.code === 'invalid_union');
  if (union && union.code === 'invalid_union' && union.errors.length === 2) {
    const branch = Array.isArray(json) ? union.errors[1] : union.errors[0];
    if (branch) return formatZodIssues(branch, options);
  }
  return formatZodIssues(issues, options);
}

/** The fields of a feed (at `feeds[i]` or `[i]`), else of the document. */
function fieldsAt(path: readonly PropertyKey[]): readonly string[] {
  return typeof path.at(-1) === 'number' ? Object.keys(FEED_SCHEMA.shape) : ['$schema', 'feeds', 'topicNames'];
}

/** Why feeds.json could not be read, in words, with what to do about it. */
function readProblem(code: string): string {
  if (code === 'ENOENT') return 'file not found (set FEEDS_FILE to point at your feeds list)';
  if (code === 'EISDIR') return 'is a folder, not a file (set FEEDS_FILE to the feeds.json inside it)';
  return `cannot be read (${code})`;
}

/** Problems in the order of the feeds they are about, then those of topicNames (a stable sort: each feed's own order stays). */
function byFeed(problems: readonly string[]): string[] {
  const feedIndex = (problem: string): number =>
    problem.startsWith('topicNames') ? Number.MAX_SAFE_INTEGER : Number(/^(?:feeds)?\[(\d+)\]/.exec(problem)?.[1] ?? -1);
  return [...problems].sort((a, b) => feedIndex(a) - feedIndex(b));
}

/** `feeds[4].id: duplicate id "nos" (also at feeds[0])` for each id written twice (string ids only). */
function findDuplicateIds(json: unknown): string[] {
  const list: unknown = Array.isArray(json) ? json : (json as { feeds?: unknown } | null)?.feeds;
  if (!Array.isArray(list)) return [];
  const prefix = Array.isArray(json) ? '' : 'feeds';
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  list.forEach((feed: unknown, index) => {
    const id = (feed as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const earlier = firstIndex.get(id);
    if (earlier === undefined) firstIndex.set(id, index);
    else problems.push(`${prefix}[${index}].id: duplicate id "${id}" (also at ${prefix}[${earlier}])`);
  });
  return problems;
}
