import { buildDigest, digestKey, digestWindowStart, type Digest } from '../core/digest.js';
import { localDateOf } from '../core/local-time.js';
import type { FeedSpec, Subscriber } from '../core/types.js';
import type { BriefingRecord } from '../store/article-repository.js';
import type { NewOutboxMessage, OutboxPayload } from '../store/outbox-repository.js';
import { renderDigest } from '../telegram/render-digest.js';

/** Digest knobs from the config (`digest.topN`) plus the quiet-day choice. */
export interface DigestOptions {
  readonly topN: number;
  /** Send a one-line "quiet day" digest when nothing is new (default off: send nothing). */
  readonly quietLine: boolean;
}

/** Outbox priorities: answers to commands first, then live pushes, then digests. */
export const PRIORITY = { reply: 10, push: 5, digest: 0 } as const;

/** How digests are sent: HTML, link previews off (a digest holds many links). */
export function digestPayload(text: string): OutboxPayload {
  return { text, parse_mode: 'HTML', options: { link_preview_options: { is_disabled: true } } };
}

/** The outbox key of one digest part: unique per chat, local date and part. */
export function digestMessageKey(chatId: number, localDate: string, part: number): string {
  return `digest:${chatId}:${localDate}:${part}`;
}

/**
 * Builds and renders digests for many chats at one instant, sharing work: chats with the same
 * settings share one build, digests with the same content share one rendering.
 */
export function createDigestMaker(briefings: readonly BriefingRecord[], catalog: readonly FeedSpec[], options: DigestOptions, now: number) {
  const titles = new Map(catalog.map((feed) => [feed.id, feed.title]));
  const built = new Map<string, Digest<BriefingRecord> | null>();
  const rendered = new Map<string, string[]>();
  return (chat: Subscriber): { digest: Digest<BriefingRecord> | null; parts: string[] } => {
    const since = digestWindowStart(chat.lastDigestAt, now);
    const settingsKey = JSON.stringify([chat.language, chat.timezone, localDateOf(now, chat.timezone), [...chat.topics].sort(), [...chat.feeds].sort(), since]);
    let digest = built.get(settingsKey);
    if (digest === undefined) {
      digest = buildDigest(briefings, { ...options, language: chat.language, timezone: chat.timezone, topics: chat.topics, feeds: chat.feeds, since, catalog }, now);
      built.set(settingsKey, digest);
    }
    if (digest === null) return { digest, parts: [] };
    const key = digestKey(digest);
    let parts = rendered.get(key);
    if (parts === undefined) {
      parts = renderDigest(digest, titles);
      rendered.set(key, parts);
    }
    return { digest, parts };
  };
}

/** The outbox messages of one chat's digest, in order. */
export function digestMessages(chatId: number, localDate: string, parts: readonly string[]): NewOutboxMessage[] {
  return parts.map((text, index) => ({
    key: digestMessageKey(chatId, localDate, index + 1),
    chatId,
    kind: 'digest',
    priority: PRIORITY.digest,
    payload: digestPayload(text),
  }));
}

/** Article cursors a digest shows (each story with the briefings merged into it). */
export function digestArticleSeqs(digest: Digest<BriefingRecord> | null): number[] {
  if (digest === null) return [];
  return digest.sections.flatMap((section) => section.items.flatMap((item) => item.sources.map((source) => source.articleSeq)));
}

/** Wide enough for any day's briefings; a digest never needs more. */
export const MAX_DIGEST_CANDIDATES = 20_000;
