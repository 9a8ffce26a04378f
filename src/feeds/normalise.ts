/**
 * WireItem (+ rss-parser's view of the same item) -> domain Article. Values read from the
 * element tree win because they honour xml:base, link rel and text types; rss-parser's
 * values fill whatever the tree did not yield. Text is cleaned here, markup kept beside it.
 */
import type { HashedArticle } from '../core/types.js';
import { articleIdentity } from '../core/dedupe.js';
import { contentHash } from './content-hash.js';
import { htmlToText } from '../core/text/html-to-text.js';
import { parseFeedDate } from './dates.js';
import { resolveLink } from './parse-rss.js';
import type { WireFeed, WireItem, WireText } from './wire.js';

/** The subset of an rss-parser item we read; its values may be strings, objects or arrays. */
export type RssParserItem = Readonly<Record<string, unknown>>;

/** Plain text of a value that may be a string, an xml2js node (`{_: text}`) or an array of those. */
export function looseString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length > 0 ? looseString(value[0]) : null;
  if (typeof value === 'object' && value !== null && '_' in value) return looseString((value as { _: unknown })._);
  return null;
}

/** Clean single-paragraph text for titles, names and the like. */
export function wireTitle(text: WireText | null): string {
  if (text === null) return '';
  const plain = text.kind === 'html' ? htmlToText(text.value) : text.value;
  return plain.replace(/\s+/g, ' ').trim();
}

function wireBody(text: WireText | null): { text: string; html: string | null } {
  if (text === null) return { text: '', html: null };
  if (text.kind === 'text') {
    const tidy = text.value
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
    return { text: tidy, html: null };
  }
  return { text: htmlToText(text.value), html: resolveHtmlUrls(text.value, text.base) };
}

/** Rewrites relative `href`/`src` values in markup to absolute ones against `base`. */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (base === null || !/\s(?:href|src)\s*=/i.test(html)) return html;
  return html.replace(/(\s(?:href|src)\s*=\s*)(["'])([^"']*)\2/gi, (whole, lead: string, quote: string, url: string) => {
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return whole;
    return `${lead}${quote}${resolveLink(trimmed, base)}${quote}`;
  });
}

function html(value: unknown, base: string): WireText | null {
  const s = looseString(value);
  return s === null ? null : { kind: 'html', value: s, base };
}

/** Turns one item into an Article for `feedId`; `feedUrl` resolves links rss-parser left relative. */
export function normaliseItem(
  wire: WireItem | undefined,
  rp: RssParserItem | undefined,
  format: WireFeed['format'],
  feedId: string,
  feedUrl: string,
): HashedArticle {
  const r = rp ?? {};
  // rss-parser puts RSS `description` in `content` but Atom `content` in `content`.
  const rpSummary = format === 'atom' ? r['summary'] : r['content'];
  const rpContent = format === 'atom' ? r['content'] : r['content:encoded'];
  const title = wireTitle(wire?.title ?? html(r['title'], feedUrl));
  const rpLink = looseString(r['link']);
  const url = wire?.link ?? (rpLink ? resolveLink(rpLink.trim(), feedUrl) : null);
  const guid = wire?.guid ?? looseString(r['guid'])?.trim() ?? looseString(r['id'])?.trim() ?? null;
  const isoDate = looseString(r['isoDate']);
  const publishedAt =
    parseFeedDate(wire?.published) ?? parseFeedDate(wire?.updated) ?? (isoDate ? parseFeedDate(isoDate) : null);
  const rpCategories = Array.isArray(r['categories'])
    ? (r['categories'] as unknown[]).map(looseString).filter((c): c is string => c !== null)
    : [];
  const summary = wireBody(wire?.summary ?? html(rpSummary, feedUrl));
  const content = wireBody(wire?.content ?? html(rpContent, feedUrl));
  const author = wire?.author ?? looseString(r['creator']) ?? looseString(r['author']);
  return {
    id: articleIdentity({ guid, guidIsPermaLink: wire?.guidIsPermaLink ?? false, url, title, publishedAt }),
    feedId,
    guid,
    url,
    title,
    publishedAt,
    author: author === null ? null : author.replace(/\s+/g, ' ').trim(),
    categories: wire && wire.categories.length > 0 ? wire.categories : rpCategories.map((c) => c.trim()),
    summary: summary.text,
    content: content.text,
    summaryHtml: summary.html,
    contentHtml: content.html,
    // Hashed here, so the parse worker rather than the thread that stores carries the cost.
    contentHash: contentHash({ title, summary: summary.text, content: content.text }),
  };
}
