/**
 * `npm run corpus -- DIR [--failures]`: runs the feed parser over a corpus directory laid out
 * like ../shared/feeds and prints the pass rate per folder and in total. Always exits 0 when
 * the corpus could be read: the figures are for people; the test asserts the threshold.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCorpusCheck } from '../src/feeds/corpus-check.js';
import { formatCorpusFailures, formatCorpusTable } from '../src/feeds/corpus-report.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/feeds');
  if (!existsSync(resolve(dir, 'corpus-manifest.json'))) {
    console.error(`corpus: ${dir} has no corpus-manifest.json (expected corpus/, corpus-manifest.json, expectations.json)`);
    process.exit(1);
  }
  const report = await runCorpusCheck(dir);
  console.log(formatCorpusTable(report));
  if (args.includes('--failures')) console.log('\n' + formatCorpusFailures(report));
  const crashes = report.files.filter((f) => f.crashed !== null).length;
  console.log(`\ntotal pass rate (lenient): ${(report.passRate * 100).toFixed(1)}% of ${report.total.checks} checks; crashes: ${crashes}`);
}

main().catch((error: unknown) => {
  console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
