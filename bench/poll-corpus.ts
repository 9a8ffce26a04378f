/**
 * Builds the benchmark's feeds in memory: N documents of about `itemsPerFeed` items each, cut
 * from the real-news snapshots of ../shared/feeds (or synthetic ones when that is absent).
 * Every document is UTF-8, keeps its source's root element and namespaces, and has unique items.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFeedBytes } from '../src/feeds/decode.js';

export interface BenchCorpus {
  readonly documents: readonly Uint8Array[];
  readonly source: 'real-news' | 'synthetic';
}

interface Source {
  readonly head: string;
  readonly items: readonly string[];
  readonly tail: string;
}

/** The real-news documents when `dir` exists, else synthetic ones. */
export function buildCorpus(dir: string, feeds: number, itemsPerFeed: number): BenchCorpus {
  const sources = existsSync(dir) ? readSources(dir) : [];
  if (sources.length === 0) return { documents: Array.from({ length: feeds }, (_, n) => encode(syntheticFeed(n, itemsPerFeed))), source: 'synthetic' };
  const documents = Array.from({ length: feeds }, (_, n) => {
    const source = sources[n % sources.length] as Source;
    const round = Math.floor(n / sources.length);
    return encode(source.head + pickItems(source.items, itemsPerFeed, round).join('\n') + source.tail);
  });
  return { documents, source: 'real-news' };
}

function readSources(dir: string): Source[] {
  return readdirSync(dir)
    .sort()
    .map((name) => split(decodeFeedBytes(readFileSync(join(dir, name)), null).text))
    .filter((source): source is Source => source !== null && source.items.length >= 5);
}

/** Splits a document around its items; null when it has none. */
function split(text: string): Source | null {
  const tag = /<item[\s>]/.test(text) ? 'item' : /<entry[\s>]/.test(text) ? 'entry' : null;
  if (tag === null) return null;
  const start = text.search(new RegExp(`<${tag}[\\s>]`));
  const end = text.lastIndexOf(`</${tag}>`) + tag.length + 3;
  const body = text.slice(start, end);
  const items = body.match(new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g')) ?? [];
  const head = text.slice(0, start).replace(/^(<\?xml[^>]*?encoding=")[^"]*"/, '$1utf-8"');
  return { head, items, tail: text.slice(end) };
}

/** `count` items from the source, rotated by `round`; repeats get distinct ids, links and titles. */
function pickItems(items: readonly string[], count: number, round: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const index = (i + round * 7) % items.length;
    const copy = Math.floor((i + round * 7) / items.length) + round * 10;
    const item = items[index] as string;
    return copy === 0 ? item : variant(item, `r${copy}`);
  });
}

function variant(item: string, suffix: string): string {
  const text = (name: string) => new RegExp(`(<${name}(?:\\s[^>]*)?>\\s*(?:<!\\[CDATA\\[)?\\s*)([^<\\]\\s][^<\\]]*?)(\\s*(?:\\]\\]>)?\\s*</${name}>)`);
  return item
    .replace(text('guid'), `$1$2-${suffix}$3`)
    .replace(text('id'), `$1$2-${suffix}$3`)
    .replace(text('link'), (_m, open: string, url: string, close: string) => `${open}${url}${url.includes('?') ? '&amp;' : '?'}v=${suffix}${close}`)
    .replace(/(<link\b[^>]*?href=")([^"]*)"/, (_m, open: string, url: string) => `${open}${url}${url.includes('?') ? '&amp;' : '?'}v=${suffix}"`)
    .replace(text('title'), `$1$2 (${suffix})$3`);
}

function syntheticFeed(n: number, items: number): string {
  const body = Array.from({ length: items }, (_, i) => `
  <item>
    <title>Synthetic feed ${n}, story ${i}: a headline of ordinary length about local news</title>
    <link>https://bench.example/${n}/story-${i}</link>
    <guid isPermaLink="true">https://bench.example/${n}/story-${i}</guid>
    <pubDate>Mon, 06 May 2024 ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate>
    <category>news</category>
    <description><![CDATA[<p>Paragraph one of story ${i} in feed ${n}. It says what happened, where and when.</p><p>Paragraph two adds a quote and some context for the reader.</p>]]></description>
  </item>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Synthetic ${n}</title><link>https://bench.example/${n}</link><description>Synthetic</description>${body.join('')}\n</channel></rss>`;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** One hash over every document, so the poller and the server can check they hold the same bytes. */
export function digest(docs: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const doc of docs) hash.update(doc);
  return hash.digest('hex');
}
