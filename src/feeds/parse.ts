/**
 * Feed document (decoded text) -> normalised Articles. rss-parser reads the document (after a
 * lenient repair when strict XML parsing fails); a forgiving element tree of the same text
 * supplies what rss-parser's object mapping loses (xml:base, link rel, text constructs,
 * namespaced RSS 1.0, guid attributes). Nothing but FeedParseError ever leaves this module.
 */
import Parser from 'rss-parser';
import { decodeFeedBytes } from './decode.js';
import { quoteDocumentText } from './error-text.js';
import { FeedParseError } from './parse-error.js';
import { readAtom } from './parse-atom.js';
import { looksLikeJson, readJsonDocument } from './parse-json.js';
import { readRss } from './parse-rss.js';
import type { HashedArticle } from '../core/types.js';
import { sharedEnclosures } from './enclosure.js';
import { normaliseItem, wireTitle, looseString, type RssParserItem } from './normalise.js';
import { recoverXml } from './recover-xml.js';
import { FEED_ROOTS, looksBinary } from './sniff.js';
import { textContent } from './tree-text.js';
import type { WireFeed } from './wire.js';
import { parseXmlTree, resolveUrl, type XmlElement, type XmlTree } from './xml-tree.js';

export { FeedParseError, type FeedParseErrorKind } from './parse-error.js';

/**
 * A feed document as fetched (its bytes and the Content-Type that may name their charset), or
 * text already decoded. Bytes are decoded where they are parsed, so a parse worker, not the
 * thread that fetches and stores, pays for building the text.
 */
export type FeedSource = string | { readonly bytes: Uint8Array; readonly contentType: string | null };

/** A parsed feed document: channel facts and its items as domain Articles. */
export interface ParsedFeed {
  readonly title: string | null;
  readonly link: string | null;
  readonly ttlMinutes: number | null;
  readonly updatePeriodMinutes: number | null;
  readonly articles: HashedArticle[];
  /** True when the document was not well-formed and lenient recovery was needed. */
  readonly recovered: boolean;
  readonly warnings: string[];
}

export interface ParseContext {
  readonly feedId: string;
  /** The URL the document came from: the base for relative links. */
  readonly feedUrl: string;
  readonly now: number;
}

interface RssParserResult {
  readonly feed: Readonly<Record<string, unknown>> | null;
  readonly recovered: boolean;
  readonly error: string | null;
}

const HTML_ROOTS = new Set(['html', 'head', 'body']);

/**
 * Parses one feed document (bytes are decoded first, see decode.ts). Rejects only with FeedParseError: `empty`, `html-page`
 * (an error or login page served instead of the feed), `not-a-feed`, or `malformed` when even
 * the lenient reading finds nothing. A bad value in one item never rejects the feed.
 */
export async function parseFeed(source: FeedSource, context: ParseContext): Promise<ParsedFeed> {
  try {
    const text = typeof source === 'string' ? source : decodeFeedBytes(source.bytes, source.contentType).text;
    return await parseUnsafe(text.replace(/^\uFEFF/, ''), context);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError(context.feedId, 'malformed', `unexpected parser failure: ${String(error)}`, { cause: error });
  }
}

async function parseUnsafe(text: string, context: ParseContext): Promise<ParsedFeed> {
  const { feedId, feedUrl } = context;
  if (text.trim() === '') throw new FeedParseError(feedId, 'empty', 'the document is empty');
  if (looksBinary(text)) throw new FeedParseError(feedId, 'not-a-feed', 'not XML (the body looks like binary data)');
  if (looksLikeJson(text)) {
    const reading = readJsonDocument(text, feedUrl);
    if (!reading.ok) throw new FeedParseError(feedId, reading.kind, reading.problem);
    return build(reading.feed, [], context, false, []);
  }
  const { wire, xmlErrors } = readTree(text, context);
  const rp = await runRssParser(text);
  // Both readers quote element names from the document: printed and stored, so made safe.
  const warnings = [...new Set(xmlErrors)].map((e) => `xml: ${quoteDocumentText(e)}`);
  if (rp.error !== null) warnings.push(`rss-parser: ${quoteDocumentText(rp.error)}`);
  const recovered = rp.recovered || xmlErrors.length > 0;
  const rpItems = Array.isArray(rp.feed?.['items']) ? (rp.feed['items'] as RssParserItem[]) : [];
  if (rp.feed === null && xmlErrors.length > 0 && wire.items.length === 0 && wire.title === null) {
    throw new FeedParseError(feedId, 'malformed', `not well-formed XML (${warnings[0] ?? 'unknown error'})`);
  }
  const rpFeedTitle = looseString(rp.feed?.['title']);
  const withFallbacks: WireFeed = {
    ...wire,
    title: wire.title ?? (rpFeedTitle ? { kind: 'html', value: rpFeedTitle, base: feedUrl } : null),
    link: wire.link ?? looseString(rp.feed?.['link']),
  };
  return build(withFallbacks, wire.items.length === rpItems.length ? rpItems : [], context, recovered, warnings);
}

/**
 * The element tree's reading of a feed document (rejects a document that is not a feed). The
 * tree is dropped before rss-parser runs: kept alive through rss-parser's allocations, its
 * thousands of small objects were copied by each young-generation collection and promoted to
 * the old generation, which then needed full collections (bench documents: scavenges took
 * 30 % longer, and some runs did 3 full collections per 500 documents instead of none).
 */
function readTree(text: string, context: ParseContext): { wire: WireFeed; xmlErrors: readonly string[] } {
  const tree = parseXmlTree(text, context.feedUrl);
  const root = tree.root;
  const rootName = root?.local.toLowerCase() ?? '';
  if (!root || !FEED_ROOTS.has(rootName)) throw notAFeed(tree, context.feedId, text);
  return { wire: rootName === 'feed' ? readAtom(tree, root) : readRss(tree, root), xmlErrors: tree.errors };
}

function build(wire: WireFeed, rpItems: readonly RssParserItem[], context: ParseContext, recovered: boolean, warnings: string[]): ParsedFeed {
  const shared = sharedEnclosures(wire.items);
  const articles = wire.items.map((item, i) => normaliseItem(item, rpItems[i], wire.format, context.feedId, context.feedUrl, shared));
  const title = wireTitle(wire.title);
  return {
    title: title === '' ? null : title,
    link: wire.link === null ? null : resolveUrl(wire.link, context.feedUrl),
    ttlMinutes: wire.ttlMinutes,
    updatePeriodMinutes: wire.updatePeriodMinutes,
    articles,
    recovered,
    warnings,
  };
}

/** rss-parser on the text, then on the repaired text; never rejects. */
async function runRssParser(text: string): Promise<RssParserResult> {
  const first = await tryRssParser(text);
  if (typeof first !== 'string') return { feed: first, recovered: false, error: null };
  const second = await tryRssParser(recoverXml(text));
  if (typeof second !== 'string') return { feed: second, recovered: true, error: null };
  return { feed: null, recovered: false, error: first };
}

async function tryRssParser(text: string): Promise<Record<string, unknown> | string> {
  try {
    const parser = new Parser({ defaultRSS: 2 });
    return (await parser.parseString(text)) as unknown as Record<string, unknown>;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] ?? 'error' : String(error);
  }
}

function notAFeed(tree: XmlTree, feedId: string, text: string): FeedParseError {
  const rootName = tree.root?.local.toLowerCase() ?? '';
  if (HTML_ROOTS.has(rootName) || tree.doctype === 'html' || /^\s*<html[\s>]/i.test(text)) {
    const titleEl = tree.root ? findElement(tree.root, 'title') : undefined;
    const title = titleEl ? textContent(titleEl).replace(/\s+/g, ' ').trim() : '';
    const detail = title ? ` (title: "${quoteDocumentText(title, 120)}")` : '';
    return new FeedParseError(feedId, 'html-page', `the document is an HTML page, not a feed${detail}`, { title: title || null });
  }
  if (!tree.root) return new FeedParseError(feedId, 'not-a-feed', 'the document contains no XML element');
  return new FeedParseError(feedId, 'not-a-feed', `the root element <${quoteDocumentText(tree.root.name, 40)}> is not RSS, RDF or Atom`);
}

function findElement(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.local.toLowerCase() === local) return c;
    const found = findElement(c, local);
    if (found) return found;
  }
  return undefined;
}
