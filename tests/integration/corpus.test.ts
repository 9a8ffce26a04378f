import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCorpusCheck } from '../../src/feeds/corpus-check.js';
import { parseFeed } from '../../src/feeds/parse.js';
import { formatCorpusFailures, formatCorpusTable } from '../../src/feeds/corpus-report.js';

const dir = fileURLToPath(new URL('../../../shared/feeds', import.meta.url));
const present = existsSync(`${dir}/corpus-manifest.json`);
if (!present) console.warn(`corpus test skipped: ${dir} not found (the shared feed corpus lives beside the repo)`);

describe.skipIf(!present)('feed corpus (../shared/feeds)', () => {
  it('parses every file without a crash and meets at least 85% of the expectations', async () => {
    const report = await runCorpusCheck(dir);
    console.log(formatCorpusTable(report));
    const crashes = report.files.filter((f) => f.crashed !== null);
    expect(crashes.map((f) => `${f.file}: ${f.crashed}`)).toEqual([]);
    expect(report.total.checks).toBeGreaterThan(0);
    if (report.passRate < 0.85) console.log(formatCorpusFailures(report));
    expect(report.passRate).toBeGreaterThanOrEqual(0.85);
  });

  // feedparser's chardet cases: one item each, no charset declared anywhere, not UTF-8.
  it.each([
    ['big5', /\p{Script=Han}{4}/u], ['eucjp', /\p{Script=Katakana}{3}/u], ['gb2312', /\p{Script=Han}{4}/u],
    ['koi8r', /\p{Script=Cyrillic}{6}/u], ['shiftjis', /\p{Script=Hiragana}{3}/u], ['tis620', /\p{Script=Thai}{6}/u],
  ])('reads the undeclared %s file in its own script', async (name, script) => {
    const bytes = readFileSync(`${dir}/corpus/encoding/fp-chardet-${name}.xml`);
    const feed = await parseFeed({ bytes, contentType: null }, { feedId: name, feedUrl: 'https://example.com/feed', now: 0 });
    const article = feed.articles[0];
    expect(`${feed.title ?? ''} ${article?.title ?? ''} ${article?.summary ?? ''}`).toMatch(script);
  });
});
