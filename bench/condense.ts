/**
 * `npm run bench:condense`: single-threaded condensing speed over the DEV eval articles
 * (../shared/eval/summaries-dev.jsonl, repeated), next to a pass that only tokenises the same
 * texts (the floor no condenser can beat). Last line: one JSON object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { condenseArticle, tokenize } from '../src/core/condense/index.js';

interface Rec {
  lang: string;
  title?: string;
  text: string;
}

const file = resolve(process.argv[2] ?? '../shared/eval/summaries-dev.jsonl');
if (!existsSync(file)) {
  console.error(`bench/condense: ${file} not found (the shared eval data lives in ../shared/eval)`);
  process.exit(2);
}
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Rec);
const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

function time(label: string, fn: (r: Rec) => number): number {
  for (const r of records) fn(r); // warm-up
  let sink = 0;
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const r of records) sink += fn(r);
  const seconds = (performance.now() - start) / 1000;
  const perSecond = (records.length * ROUNDS) / seconds;
  console.log(`${label.padEnd(14)} ${(records.length * ROUNDS).toString().padStart(6)} articles in ${seconds.toFixed(2)} s: ${perSecond.toFixed(0)} articles/s, ${((bytes * ROUNDS) / seconds / 1e6).toFixed(2)} MB/s (checksum ${sink})`);
  return perSecond;
}

console.log(`${records.length} articles, ${(bytes / 1e6).toFixed(2)} MB of text, ${ROUNDS} rounds`);
const condense = time('condense', (r) => condenseArticle({ title: r.title ?? '', text: r.text, language: r.lang }).words);
const floor = time('tokenize-only', (r) => tokenize(r.text).length);
const mbPerS = (condense * bytes) / records.length / 1e6;
console.log(
  JSON.stringify({
    bench: 'condense',
    articles_per_s: Math.round(condense),
    mb_per_s: Math.round(mbPerS * 100) / 100,
    tokenize_only_articles_per_s: Math.round(floor),
    ratio_to_floor: Math.round((condense / floor) * 1000) / 1000,
  }),
);
