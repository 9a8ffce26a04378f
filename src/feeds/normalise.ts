/**
 * WireItem (+ rss-parser's view of the same item) -> domain Article. Values read from the
 * element tree win because they honour xml:base, link rel and text types; rss-parser's
 * values fill whatever the tree did not yield. Text is cleaned here, markup kept beside it.
 */
import { decodeHTML } from 'entities/decode';
import type { HashedArticle } from '../core/types.js';
import { articleIdentity } from '../core/dedupe.js';
import { linkOf } from '../core/story-keys.js';
import { contentHash } from './content-hash.js';
import { itemLink } from './enclosure.js';
import { htmlToText } from '../core/text/html-to-text.js';
import { repairMojibake } from '../core/text/mojibake.js';
import { collapseWhitespace } from '../core/text/paragraphs.js';
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

/** Clean single-paragraph text for titles, names and the like (double-encoded UTF-8 read back). */
export function wireTitle(text: WireText | null): string {
  if (text === null) return '';
  return repairMojibake(collapseWhitespace(text.kind === 'html' ? htmlToText(text.value) : text.value));
}

/** Clean text (double-encoded UTF-8 read back) and the markup as the feed sent it, links made absolute. */
function wireBody(text: WireText | null): { text: string; html: string | null } {
  if (text === null) return { text: '', html: null };
  if (text.kind === 'text') return { text: repairMojibake(tidyParagraphs(text.value)), html: null };
  return { text: repairMojibake(unescapeTwice(htmlToText(text.value))), html: resolveHtmlUrls(text.value, text.base) };
}

// A tag of text markup or a comment left in text that was already read as HTML: `<p>`,
// `<!-- x -->`, or escaped once more. Only common HTML tags: code in an article (`NSArray<id>`) is not markup.
const TAG = String.raw`\/?(?:p|div|span|a|br|b|i|em|strong|u|ul|ol|li|img|h[1-6]|table|tr|td|blockquote|figure|figcaption|hr)\b`;
const LITERAL_MARKUP_RE = new RegExp(String.raw`<(?:${TAG}[^<>]*|!--[\s\S]*?--)>`, 'gi');
const ESCAPED_MARKUP_RE = new RegExp(String.raw`&lt;(?:${TAG}(?:[^&]|&(?!gt;))*?|!--[\s\S]*?--)&gt;`, 'gi');

/**
 * Text of HTML that a feed escaped twice (Reddit's self posts: `&amp;lt;p&amp;gt;Hey`) still holds
 * markup after one reading, as tags or as escaped tags: it is read as HTML once more. Three tags
 * at least, so an article that shows a tag as text ("the <blink> tag", "Example <b>Atom</b>")
 * keeps it.
 */
function unescapeTwice(text: string): string {
  if (text.includes('&lt;') && (text.match(ESCAPED_MARKUP_RE)?.length ?? 0) >= MIN_LEFT_TAGS) return htmlToText(decodeHTML(text));
  if (text.includes('<') && (text.match(LITERAL_MARKUP_RE)?.length ?? 0) >= MIN_LEFT_TAGS) return htmlToText(text);
  return text;
}

const MIN_LEFT_TAGS = 3;

/** Plain text with blank lines between paragraphs, each paragraph on one collapsed line. */
function tidyParagraphs(text: string): string {
  if (!text.includes('\n')) return collapseWhitespace(text);
  return text.split(/\n\s*\n/).map(collapseWhitespace).filter(Boolean).join('\n\n');
}

function sameText(a: WireText | null, b: WireText | null): boolean {
  return a !== null && b !== null && a.kind === b.kind && a.value === b.value && a.base === b.base;
}

const URL_ATTRIBUTE = /(\s(?:href|src)\s*=\s*)(["'])([^"']*)\2/gi;

/** Rewrites relative `href`/`src` values in markup to absolute ones against `base`. */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (base === null || !/\s(?:href|src)\s*=/i.test(html)) return html;
  // Most values are absolute already: the markup is copied only around the ones that change.
  const parts: string[] = [];
  let copied = 0;
  URL_ATTRIBUTE.lastIndex = 0;
  for (let m = URL_ATTRIBUTE.exec(html); m !== null; m = URL_ATTRIBUTE.exec(html)) {
    const [whole, lead, quote, url] = m as unknown as [string, string, string, string];
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) continue;
    parts.push(html.slice(copied, m.index), lead, quote, resolveLink(trimmed, base), quote);
    copied = m.index + whole.length;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

function html(value: unknown, base: string): WireText | null {
  const s = looseString(value);
  return s === null ? null : { kind: 'html', value: s, base };
}

/**
 * Turns one item into an Article for `feedId`; `feedUrl` resolves links rss-parser left relative.
 * `sharedEnclosures` (enclosure.ts) are the document's placeholder enclosures, no item's link.
 */
export function normaliseItem(
  wire: WireItem | undefined,
  rp: RssParserItem | undefined,
  format: WireFeed['format'],
  feedId: string,
  feedUrl: string,
  sharedEnclosures: ReadonlySet<string>,
): HashedArticle {
  const r = rp ?? {};
  // rss-parser puts RSS `description` in `content` but Atom `content` in `content`.
  const rpSummary = format === 'atom' ? r['summary'] : r['content'];
  const rpContent = format === 'atom' ? r['content'] : r['content:encoded'];
  const title = wireTitle(wire?.title ?? html(r['title'], feedUrl));
  // rss-parser's values are read only where the tree yielded nothing.
  const rpPage = rpLink(r, feedUrl);
  const page = wire?.link ?? rpPage;
  // An enclosure is shown as the link of an item without a page, but never identifies it: an
  // item stored before keeps its identity, and items sharing a file are not merged. rss-parser's
  // Atom link is any first link when there is no alternate one (often the enclosure itself,
  // resolved without xml:base), so there it comes after the enclosure the tree read.
  const url = format === 'atom'
    ? itemLink(wire?.link ?? null, wire?.enclosure ?? null, sharedEnclosures) ?? itemLink(null, rpPage, sharedEnclosures)
    : itemLink(page, wire?.enclosure ?? null, sharedEnclosures);
  const guid = wire?.guid ?? looseString(r['guid'])?.trim() ?? looseString(r['id'])?.trim() ?? null;
  const publishedAt = parseFeedDate(wire?.published) ?? parseFeedDate(wire?.updated) ?? rpDate(r);
  const summaryText = wire?.summary ?? html(rpSummary, feedUrl);
  const contentText = wire?.content ?? html(rpContent, feedUrl);
  const summary = wireBody(summaryText);
  // Many feeds repeat the summary as the content: clean it once.
  const content = sameText(contentText, summaryText) ? summary : wireBody(contentText);
  const author = wire?.author ?? looseString(r['creator']) ?? looseString(r['author']);
  return {
    id: articleIdentity({ guid, guidIsPermaLink: wire?.guidIsPermaLink ?? false, url: page, title, publishedAt }),
    feedId,
    guid,
    url,
    title,
    publishedAt,
    author: author === null ? null : repairMojibake(collapseWhitespace(author)),
    categories: wire && wire.categories.length > 0 ? wire.categories : rpCategories(r),
    summary: summary.text,
    content: content.text,
    summaryHtml: summary.html,
    contentHtml: content.html,
    // Hashed and normalised here, so the parse worker rather than the thread that stores carries
    // the cost (the link's URL parsing was 2-5 % of bench:poll's first pass on the main thread).
    contentHash: contentHash({ title, summary: summary.text, content: content.text }),
    link: linkOf(url),
  };
}

function rpLink(r: RssParserItem, feedUrl: string): string | null {
  const link = looseString(r['link']);
  return link ? resolveLink(link.trim(), feedUrl) : null;
}

function rpDate(r: RssParserItem): number | null {
  const isoDate = looseString(r['isoDate']);
  return isoDate ? parseFeedDate(isoDate) : null;
}

function rpCategories(r: RssParserItem): string[] {
  if (!Array.isArray(r['categories'])) return [];
  return (r['categories'] as unknown[]).map(looseString).filter((c): c is string => c !== null).map((c) => c.trim());
}
