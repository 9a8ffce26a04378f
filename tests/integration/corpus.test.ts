import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCorpusCheck } from '../../src/feeds/corpus-check.js';
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
});
