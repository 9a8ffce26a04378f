import { createHash } from 'node:crypto';
import { buildDigest, digestKey, digestWindowStart, type Digest } from '../core/digest.js';
import { labelGone } from '../core/following.js';
import { localDateOf } from '../core/local-time.js';
import type { ReceivedLink } from '../core/repeats.js';
import { NO_TOPIC_NAMES, type TopicNames } from '../core/topic-names.js';
import type { FeedSpec, Subscriber } from '../core/types.js';
import type { ArticleRepository, BriefingRecord } from '../store/article-repository.js';
import { ONCE_KEY_PREFIX, type NewOutboxMessage, type OutboxPayload } from '../store/outbox-repository.js';
import type { ReceivedCopy } from '../store/subscriber-repository.js';
import { messagesFor } from '../i18n/index.js';
import { renderDigest } from '../telegram/render-digest.js';

/** Digest knobs from the config (`digest.topN`) plus the quiet-day choice. */
export interface DigestOptions {
  readonly topN: number;
  /** Send a one-line "quiet day" digest when nothing is new (default off: send nothing). */
  readonly quietLine: boolean;
}

/** Outbox priorities: answers to commands first, then live pushes, then digests. */
const PRIORITY = { reply: 10, push: 5, digest: 0 } as const;

/** How digests are sent: HTML, link previews off (a digest holds many links), in the chat's forum topic if it has one. */
function digestPayload(text: string, threadId: number | null): OutboxPayload {
  const thread = threadId === null ? {} : { message_thread_id: threadId };
  return { text, parse_mode: 'HTML', options: { link_preview_options: { is_disabled: true }, ...thread } };
}

/**
 * The outbox key of one digest part: unique per chat, local date, zone and part, so the digest a
 * chat gets for a date again after moving west is not taken for the one it had. Keys written
 * before the zone was added (`digest:<chat>:<date>:<part>`) never equal one.
 */
function digestMessageKey(chatId: number, localDate: string, timeZone: string, part: number): string {
  return `digest:${chatId}:${localDate}:${timeZone}:${part}`;
}

/**
 * Builds and renders digests for many chats at one instant, sharing work: chats with the same
 * settings share one build, digests with the same content share one rendering per audience (a
 * channel's closing line differs; `render` is renderDigest, tests pass a counting one). Section
 * headings name topics by `catalog.topicNames`.
 */
export function createDigestMaker(
  briefings: readonly BriefingRecord[],
  catalog: { readonly feeds: readonly FeedSpec[]; readonly topicNames?: TopicNames | undefined },
  options: DigestOptions,
  now: number,
  render: typeof renderDigest = renderDigest,
) {
  const titles = new Map(catalog.feeds.map((feed) => [feed.id, feed.title]));
  const names = catalog.topicNames ?? NO_TOPIC_NAMES;
  const built = new Map<string, Digest<BriefingRecord> | null>();
  const rendered = new Map<string, string[]>();
  /**
   * `localDate` is the date the digest is for (a caught-up one keeps its day); default: the chat's
   * date at `now`. `received`: what the chat had of the briefings' links under other articles
   * (receivedByChat), left out as repeats.
   */
  return (chat: Subscriber, localDate: string = localDateOf(now, chat.timezone), received: readonly ReceivedLink[] = []): { digest: Digest<BriefingRecord> | null; parts: string[] } => {
    const since = digestWindowStart(chat.lastDigestAt, now);
    const had = received.map((copy) => `${copy.link} ${copy.feedId} ${copy.articleId}`).sort();
    const settingsKey = JSON.stringify([chat.language, chat.timezone, localDate, [...chat.topics].sort(), [...chat.feeds].sort(), since, had]);
    let digest = built.get(settingsKey);
    if (digest === undefined) {
      const settings = { ...options, language: chat.language, timezone: chat.timezone, topics: chat.topics, feeds: chat.feeds, since, catalog: catalog.feeds, localDate, received };
      digest = buildDigest(briefings, settings, now);
      built.set(settingsKey, digest);
    }
    if (digest === null) return { digest, parts: [] };
    const channel = chat.chatType === 'channel';
    const key = `${channel ? 'channel' : 'chat'}:${digestKey(digest)}`;
    let parts = rendered.get(key);
    if (parts === undefined) {
      parts = render(digest, titles, names, { channel });
      rendered.set(key, parts);
    }
    return { digest, parts };
  };
}

/**
 * The one message a chat gets at its digest time when everything it follows has left
 * feeds.json. Its key names the chat and what is gone and is a once-only key, kept after it is
 * sent, so the outbox takes it once: the chat is told, not reminded every day or every month.
 * It names the topics by `names` in the chat's language, as /status does (core/following.ts labelGone).
 */
export function goneNotice(chat: Subscriber, gone: readonly string[], names: TopicNames = NO_TOPIC_NAMES): NewOutboxMessage {
  const what = createHash('sha256').update([...gone].sort().join('\n')).digest('base64url').slice(0, 16);
  return {
    key: `${goneNoticePrefix(chat.chatId)}${what}`,
    chatId: chat.chatId,
    kind: 'digest',
    priority: PRIORITY.digest,
    payload: digestPayload(messagesFor(chat.language).followsOnlyGone(labelGone(chat, gone, names)), chat.threadId),
  };
}

/**
 * The start of every gone notice's key for `chatId`. A digest made for the chat retires them
 * (DigestRun.retiresOnceKeys): its feeds are back, so if they leave again it is told again.
 */
export function goneNoticePrefix(chatId: number): string {
  return `${ONCE_KEY_PREFIX}gone:${chatId}:`;
}

/** The outbox messages of one chat's digest for `localDate` in `timeZone`, in order, to its forum topic `threadId` if any. */
export function digestMessages(chatId: number, localDate: string, timeZone: string, parts: readonly string[], threadId: number | null = null): NewOutboxMessage[] {
  return parts.map((text, index) => ({
    key: digestMessageKey(chatId, localDate, timeZone, index + 1),
    chatId,
    kind: 'digest',
    priority: PRIORITY.digest,
    payload: digestPayload(text, threadId),
  }));
}

/** The subscriber repository's receivedCopies, per chat, in the shape createDigestMaker takes. */
export function receivedByChat(copies: readonly ReceivedCopy[]): Map<number, ReceivedLink[]> {
  const byChat = new Map<number, ReceivedLink[]>();
  for (const { chatId, ...copy } of copies) {
    const list = byChat.get(chatId);
    if (list === undefined) byChat.set(chatId, [copy]);
    else list.push(copy);
  }
  return byChat;
}

/** Article cursors a digest shows (each story with the briefings merged into it). */
export function digestArticleSeqs(digest: Digest<BriefingRecord> | null): number[] {
  if (digest === null) return [];
  return digest.sections.flatMap((section) => section.items.flatMap((item) => item.sources.map((source) => source.articleSeq)));
}

/** Wide enough for any day's briefings; a digest never needs more. */
export const MAX_DIGEST_CANDIDATES = 20_000;

/**
 * The digest candidates created after `since`: all of them, or the NEWEST `max` when the window
 * holds more (the ranking favours recent stories, so the oldest are the ones to lose). The
 * repository pages oldest first, so this pages through the window keeping the newest `max`.
 */
export function listDigestCandidates(
  articles: Pick<ArticleRepository, 'listBriefingsSince'>,
  since: number,
  max: number = MAX_DIGEST_CANDIDATES,
): BriefingRecord[] {
  let kept: BriefingRecord[] = [];
  let cursor = since;
  let boundary = new Set<number>();
  for (;;) {
    const page = articles.listBriefingsSince(cursor, max);
    const fresh = page.filter((briefing) => !boundary.has(briefing.articleSeq));
    kept = kept.length + fresh.length > max ? [...kept, ...fresh].slice(-max) : [...kept, ...fresh];
    if (page.length < max) return kept;
    const first = page[0]!.createdAt;
    const last = page[page.length - 1]!.createdAt;
    // Rows sharing the last timestamp may continue on the next page: read the last millisecond
    // again and skip the rows already kept. A page of one single instant moves past it.
    const next = first === last ? last : last - 1;
    boundary = new Set(page.filter((briefing) => briefing.createdAt > next).map((briefing) => briefing.articleSeq));
    cursor = next;
  }
}
