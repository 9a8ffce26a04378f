/**
 * JSON Feed (https://jsonfeed.org, versions 1 and 1.1) -> WireFeed. Cheap to support and some
 * blogs publish only this; values are taken as the spec defines them, links resolved.
 */
import { resolveLink } from './parse-rss.js';
import type { WireFeed, WireItem, WireText } from './wire.js';

/** True when the text looks like a JSON Feed document (an object naming the jsonfeed.org version). */
export function looksLikeJsonFeed(text: string): boolean {
  return /^\s*\{/.test(text) && /jsonfeed\.org\/version/i.test(text.slice(0, 2000));
}

type Json = Record<string, unknown>;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Reads a JSON Feed; null when the text is not valid JSON or not an object. */
export function readJsonFeed(text: string, feedUrl: string): WireFeed | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const feed = doc as Json;
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
