import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/poll-harness.js';

/**
 * `npm run eval` end to end on records and a scorer written here, so it runs without ../shared:
 * the scorer beside the records file is the one the script imports (as ../shared/eval/rouge.mjs
 * sits beside summaries-dev.jsonl). This stand-in counts shared words; the test is about which
 * baseline and budget the script uses and how it reports them, not about ROUGE.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(REPO, 'node_modules/tsx/dist/cli.mjs');

const STAND_IN_SCORER = `
const words = (t) => t.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) ?? [];
export function score(candidate, reference) {
  const c = words(candidate), r = new Set(words(reference));
  const hit = c.filter((w) => r.has(w)).length;
  const f = hit === 0 ? 0 : (2 * hit) / (c.length + r.size);
  return { rouge1: { f }, rouge2: { f: f / 2 }, rougeL: { f } };
}
export function scoreDataset(records, predictions) {
  const groups = {};
  for (const rec of records) {
    const summary = predictions.get(rec.id) ?? '';
    const s = score(summary, rec.reference);
    for (const name of ['overall', 'lang:' + rec.lang, 'source:' + rec.source]) {
      const g = (groups[name] ??= { n: 0, rouge1: 0, rouge2: 0, rougeL: 0, words: 0 });
      g.n++; g.rouge1 += 100 * s.rouge1.f; g.rouge2 += 100 * s.rouge2.f; g.rougeL += 100 * s.rougeL.f; g.words += words(summary).length;
    }
  }
  for (const g of Object.values(groups)) for (const k of ['rouge1', 'rouge2', 'rougeL', 'words']) g[k] /= g.n;
  return { groups, missing: [] };
}
`;

const ARTICLE = [
  'The city council approved the new harbour plan on Monday after a long debate.',
  'The harbour plan moves the container terminal to the north bank of the river.',
  'Residents of the north bank had protested against the terminal for two years.',
  'The council expects the move to take six years and to cost 400 million euros.',
  'A final vote on the budget for the harbour plan follows in the spring.',
].join(' ');

let file = '';
let cleanup = (): void => {};

beforeAll(() => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const dir = temp.dir;
  file = join(dir, 'records.jsonl');
  writeFileSync(join(dir, 'rouge.mjs'), STAND_IN_SCORER);
  const record = { id: 'en-1', lang: 'en', source: 'fixture', title: 'Council approves harbour plan', text: ARTICLE, reference: 'The council approved moving the container terminal to the north bank.' };
  writeFileSync(file, `${JSON.stringify(record)}\n`);
});

afterAll(() => cleanup());

function evaluate(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, join(REPO, 'scripts/eval.ts'), file], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

const lastJson = (stdout: string): Record<string, unknown> => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;

describe('npm run eval: the budget and the lead baseline', () => {
  it('compares with Lead-3 at the default budget and names it so in the table and the JSON line', async () => {
    const { code, stdout } = await evaluate({});
    expect(code).toBe(0);
    expect(stdout).toContain('| Lead-3 R1 |');
    expect(stdout).toContain('Against Lead-3, record by record');
    const json = lastJson(stdout);
    expect(json).toMatchObject({ eval: 'records.jsonl', n: 1, budget: { maxSentences: 3, maxWords: 60, maxChars: 400 } });
    // Lead-3 is the first three sentences: 14 + 14 + 13 words.
    expect(json.lead3).toMatchObject({ words: 41 });
  }, 40_000);

  it('keeps to BRIEF_MAX_* like the bot, and then compares with as many lead sentences as the budget allows', async () => {
    const { code, stdout } = await evaluate({ BRIEF_MAX_SENTENCES: '1' });
    expect(code).toBe(0);
    expect(stdout).toContain('| Lead-1 R1 |');
    expect(stdout).toContain('Against Lead-1, record by record');
    const json = lastJson(stdout);
    expect(json.budget).toEqual({ maxSentences: 1, maxWords: 60, maxChars: 400 });
    expect(json).not.toHaveProperty('lead3');
    // Lead-1 is the first sentence alone: 14 words.
    expect(json.lead1).toMatchObject({ words: 14 });
    expect(Number(json.words)).toBeLessThanOrEqual(16);
  }, 40_000);

  it('refuses a budget the bot would refuse, in one line that names the variable and the value', async () => {
    const { code, stdout, stderr } = await evaluate({ BRIEF_MAX_SENTENCES: 'three' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('eval: environment: BRIEF_MAX_SENTENCES: not a number (got "three")');
  }, 40_000);
});
