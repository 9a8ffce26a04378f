/**
 * `npx tsx bench/poll-profile.ts [--feeds N] [--mode full|rss]`: parseFeed alone over the
 * bench:poll corpus, in this thread, to profile (node --cpu-prof) or time the parser without
 * fetching or SQLite. Prints per-stage seconds.
 */
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { parseFeed } from '../src/feeds/parse.js';
import { buildCorpus } from './poll-corpus.js';

const feedsArg = process.argv.indexOf('--feeds');
const FEEDS = feedsArg >= 0 ? Number(process.argv[feedsArg + 1]) : 500;
const CORPUS_DIR = fileURLToPath(new URL('../../shared/feeds/corpus/real-news', import.meta.url));
const decoder = new TextDecoder();
const texts = buildCorpus(CORPUS_DIR, FEEDS, 50).documents.map((d) => decoder.decode(d));
const rss = new Parser({ defaultRSS: 2 });
for (const t of texts.slice(0, 25)) { await parseFeed(t, { feedId: 'w', feedUrl: 'http://127.0.0.1/f.xml', now: 0 }); await rss.parseString(t); }
let started = performance.now();
for (const t of texts) await rss.parseString(t);
const raw = (performance.now() - started) / 1000;
started = performance.now();
let n = 0;
for (const [i, t] of texts.entries()) n += (await parseFeed(t, { feedId: `f${i}`, feedUrl: `http://127.0.0.1/feed/${i}.xml`, now: 0 })).articles.length;
const full = (performance.now() - started) / 1000;
console.log(JSON.stringify({ raw_s: Math.round(raw * 1000) / 1000, parse_feed_s: Math.round(full * 1000) / 1000, articles: n, ratio: Math.round((full / raw) * 100) / 100 }));
