/**
 * `npm run eval [-- FILE]`: condense every article of an eval file (default
 * ../shared/eval/summaries-dev.jsonl) and score the briefings with the shared ROUGE scorer,
 * next to Lead-3 computed in the same run with the same splitter. Prints a table per language
 * and per source, the margins over Lead-3 record by record, then one JSON line.
 *
 * The briefings keep to the `BRIEF_MAX_*` budget the bot would use (3 sentences, 60 words, 400
 * characters unless set), and the lead baseline takes as many sentences as the budget allows:
 * `BRIEF_MAX_SENTENCES=2 npm run eval` compares with Lead-2, so an operator who picks a shorter
 * briefing sees whether it still beats the lead at that length.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { condenseArticle, leadSentences } from '../src/core/condense/index.js';
import { ConfigError, parseConfig } from '../src/config.js';
import { detectLanguage } from '../src/detect-language.js';
import { formatPairedTable, pairedMargins, type RecordMargin } from './eval-paired.js';

interface EvalRecord {
  id: string;
  lang?: string;
  source: string;
  title?: string;
  text: string;
  reference: string;
}
interface Group {
  n: number;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  words: number;
}
interface F1 {
  f: number;
}
interface RougeModule {
  score(candidate: string, reference: string): { rouge1: F1; rouge2: F1; rougeL: F1 };
  scoreDataset(
    records: EvalRecord[],
    predictions: Map<string, string>,
    opts?: { bySource?: boolean },
  ): { groups: Record<string, Group>; missing: string[] };
}

const DEFAULT_FILE = '../shared/eval/summaries-dev.jsonl';

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? DEFAULT_FILE);
  if (!existsSync(file)) {
    console.error(`eval: ${file} not found (the shared eval data lives in ../shared/eval)`);
    process.exit(2);
  }
  const rougePath = resolve(file, '..', 'rouge.mjs');
  const rouge = (await import(
    pathToFileURL(existsSync(rougePath) ? rougePath : resolve('../shared/eval/rouge.mjs')).href
  )) as RougeModule;
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRecord);
  const budget = parseConfig(process.env).briefBudget;
  const k = budget.maxSentences;
  const ours = new Map<string, string>();
  const lead = new Map<string, string>();
  for (const r of records) {
    // A record without `lang` is detected, as `newsbrief brief` does for an article nobody named.
    const language = r.lang ?? (await detectLanguage(`${r.title ?? ''}\n${r.text}`));
    const b = condenseArticle({ title: r.title ?? '', text: r.text, language }, budget);
    ours.set(r.id, b.sentences.join(' '));
    lead.set(r.id, leadSentences(r.text, language ?? 'und', k).join(' '));
  }
  const a = rouge.scoreDataset(records, ours, { bySource: true }).groups;
  const b = rouge.scoreDataset(records, lead, { bySource: true }).groups;
  const baseline = `Lead-${k}`;
  console.log(formatTable(a, b, baseline));
  console.log('');
  console.log(formatPairedTable(pairedMargins(records.map((r) => recordMargin(rouge, r, ours, lead))), baseline));
  // The key names the baseline: "lead3" at the default budget, as the JSON line has it.
  const leadKey = `lead${k}`;
  const pick = (g: Group | undefined) => ({
    n: g?.n ?? 0,
    r1: round(g?.rouge1),
    r2: round(g?.rouge2),
    rl: round(g?.rougeL),
    words: round(g?.words),
  });
  const groupsOf = (prefix: string) =>
    Object.fromEntries(
      Object.keys(a)
        .filter((g) => g.startsWith(prefix))
        .sort()
        .map((g) => [g.slice(prefix.length), { ...pick(a[g]), [leadKey]: pick(b[g]) }]),
    );
  const all = pick(a.overall);
  const base = pick(b.overall);
  console.log(
    JSON.stringify({
      eval: basename(file),
      n: all.n,
      r1: all.r1,
      r2: all.r2,
      rl: all.rl,
      [leadKey]: { r1: base.r1, r2: base.r2, rl: base.rl, words: base.words },
      words: all.words,
      budget,
      by_lang: groupsOf('lang:'),
      by_source: groupsOf('source:'),
    }),
  );
}

function recordMargin(rouge: RougeModule, record: EvalRecord, ours: Map<string, string>, lead: Map<string, string>): RecordMargin {
  const a = rouge.score(ours.get(record.id) ?? '', record.reference);
  const b = rouge.score(lead.get(record.id) ?? '', record.reference);
  return {
    groups: ['overall', `lang:${record.lang}`, `source:${record.source}`],
    r1: 100 * (a.rouge1.f - b.rouge1.f),
    r2: 100 * (a.rouge2.f - b.rouge2.f),
  };
}

function round(x: number | undefined): number {
  return Math.round((x ?? 0) * 100) / 100;
}

function formatTable(ours: Record<string, Group>, lead: Record<string, Group>, baseline: string): string {
  const names = Object.keys(ours).sort((x, y) =>
    x === 'overall' ? 1 : y === 'overall' ? -1 : x.localeCompare(y),
  );
  const head = `| group | n | R1 | R2 | RL | words | ${baseline} R1 | ${baseline} R2 | ${baseline} RL | ${baseline} words | beats ${baseline} (R1 & R2) |`;
  const rule = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const rows = names.map((name) => {
    const o = ours[name] as Group;
    const l = lead[name] as Group;
    const win = o.rouge1 > l.rouge1 && o.rouge2 > l.rouge2 ? 'yes' : 'no';
    const f = (x: number) => x.toFixed(2);
    return `| ${name} | ${o.n} | ${f(o.rouge1)} | ${f(o.rouge2)} | ${f(o.rougeL)} | ${o.words.toFixed(1)} | ${f(l.rouge1)} | ${f(l.rouge2)} | ${f(l.rougeL)} | ${l.words.toFixed(1)} | ${win} |`;
  });
  return [head, rule, ...rows].join('\n');
}

try {
  await main();
} catch (error) {
  // A budget variable the bot would refuse is refused here in the same words, without a trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`eval: ${error.message}`);
  process.exit(2);
}
