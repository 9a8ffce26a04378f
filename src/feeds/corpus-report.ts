/**
 * Renders a CorpusReport as the Markdown table committed in docs/corpus.md and printed by
 * `npm run corpus`, plus an optional list of the failing checks.
 */
import type { CorpusReport, FolderSummary } from './corpus-check.js';

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

function row(s: FolderSummary): string {
  return `| ${s.folder} | ${s.files} | ${s.rejected} | ${s.recovered} | ${s.checks} | ${s.strict} (${pct(s.strict, s.checks)}) | ${s.lenient} (${pct(s.lenient, s.checks)}) |`;
}

/** The per-folder table with a total row. */
export function formatCorpusTable(report: CorpusReport): string {
  return [
    '| folder | files | rejected | recovered | checks | strict pass | lenient pass |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.folders.map(row),
    row(report.total).replace('| total |', '| **total** |'),
  ].join('\n');
}

/** One line per failing check and per crash, for working on the parser. */
export function formatCorpusFailures(report: CorpusReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.crashed !== null) lines.push(`CRASH ${f.file}: ${f.crashed.split('\n')[0]}`);
    for (const c of f.checks) {
      if (c.lenient) continue;
      const why = f.rejected ?? `got ${JSON.stringify(c.actual)}`;
      lines.push(`FAIL ${f.file} ${c.field}: expected ${JSON.stringify(c.expected)}, ${why}`);
    }
  }
  return lines.join('\n');
}
