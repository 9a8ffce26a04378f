/**
 * JSON Feed (https://jsonfeed.org, versions 1 and 1.1) -> WireFeed. Cheap to support and some
 * blogs publish only this; values are taken as the spec defines them, links resolved.
 */
import { bestEnclosure } from './enclosure.js';
import { resolveLink } from './parse-rss.js';
import type { WireFeed, WireItem, WireText } from './wire.js';

/** True when the text looks like a JSON Feed document (an object naming the jsonfeed.org version). */
export function looksLikeJsonFeed(text: string): boolean {
  return looksLikeJson(text) && /jsonfeed\.org\/version/i.test(text.slice(0, 2000));
}

/** True when the text is JSON rather than markup: it opens with an object or an array. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

type Json = Record<string, unknown>;

/** A JSON document read as a feed: the feed, or why it is none (`malformed` JSON, or JSON that is `not-a-feed`). */
export type JsonFeedReading =
  | { readonly ok: true; readonly feed: WireFeed }
  | { readonly ok: false; readonly kind: 'malformed' | 'not-a-feed'; readonly problem: string };

/**
 * Reads a JSON document as a JSON Feed, wherever its `version` stands (generators that write
 * keys in order may put it after the items). JSON that is no JSON Feed (an API's error object)
 * is said to be JSON, so the operator is not told about XML elements it never had.
 */
export function readJsonDocument(text: string, feedUrl: string): JsonFeedReading {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, kind: 'malformed', problem: `invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const version = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Json)['version'] : undefined;
  if (typeof version !== 'string' || !/jsonfeed\.org\/version/i.test(version)) {
    return { ok: false, kind: 'not-a-feed', problem: 'the document is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")' };
  }
  return { ok: true, feed: toWireFeed(doc as Json, feedUrl) };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function toWireFeed(feed: Json, feedUrl: string): WireFeed {
  const home = str(feed['home_page_url']);
  const items = Array.isArray(feed['items']) ? (feed['items'] as unknown[]) : [];
  const title = str(feed['title']);
  return {
    format: 'json',
    title: title ? { kind: 'text', value: title, base: feedUrl } : null,
    link: home ? resolveLink(home, feedUrl) : null,
    ttlMinutes: null,
    updatePeriodMinutes: null,
    items: items.filter((i): i is Json => typeof i === 'object' && i !== null).map((i) => readItem(i, feedUrl)),
  };
}

function readItem(item: Json, base: string): WireItem {
  const url = str(item['url']) ?? str(item['external_url']);
  const html = str(item['content_html']);
  const text = str(item['content_text']);
  const summary = str(item['summary']);
  const authors = Array.isArray(item['authors']) ? (item['authors'] as unknown[]) : [item['author']];
  const author = authors
    .map((a) => (typeof a === 'object' && a !== null ? str((a as Json)['name']) : null))
    .find((a) => a !== null);
  const tags = Array.isArray(item['tags']) ? (item['tags'] as unknown[]).map(str).filter((t): t is string => t !== null) : [];
  const title = str(item['title']);
  const content: WireText | null = html
    ? { kind: 'html', value: html, base }
    : text
      ? { kind: 'text', value: text, base }
      : null;
  const id = item['id'];
  return {
    title: title ? { kind: 'text', value: title, base } : null,
    link: url ? resolveLink(url, base) : null,
    enclosure: bestAttachment(item['attachments'], base),
    guid: typeof id === 'number' ? String(id) : str(id),
    guidIsPermaLink: false,
    published: str(item['date_published']),
    updated: str(item['date_modified']),
    author: author ?? null,
    categories: tags,
    summary: summary ? { kind: 'text', value: summary, base } : null,
    content,
  };
}

/** The best attachment's http(s) `url`, resolved (JSON Feed's enclosures; enclosure.ts). */
function bestAttachment(attachments: unknown, base: string): string | null {
  if (!Array.isArray(attachments)) return null;
  const objects = (attachments as unknown[]).filter((a): a is Json => typeof a === 'object' && a !== null);
  return bestEnclosure(objects.map((a) => ({ url: str(a['url']) ?? undefined, base, type: str(a['mime_type']) ?? undefined })));
}
