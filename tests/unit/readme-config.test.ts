import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/config.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/**
 * The variables named in the first cell of each row of the README's configuration table: the
 * first table under `## Configuration`. A cell may name several (`WEBHOOK_URL`, `PORT`).
 */
function configTableNames(readme: string): string[] {
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  const rows = lines.slice(start + 2, end < 0 ? undefined : end);
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] ?? ''));
}

describe("the README's configuration table", () => {
  const listed = configTableNames(README);

  it('is found, with a row per variable', () => {
    expect(listed.length).toBeGreaterThan(10);
  });

  it('lists every variable the config schema reads', () => {
    const missing = SETTING_NAMES.filter((name) => !listed.includes(name));
    expect(missing, `add these to the table under "## Configuration" in README.md`).toEqual([]);
  });

  it('lists no variable the config schema does not read', () => {
    const unknown = listed.filter((name) => !SETTING_NAMES.includes(name));
    expect(unknown, `README.md lists these, but src/config.ts does not read them`).toEqual([]);
  });

  it('lists each variable once', () => {
    const twice = listed.filter((name, index) => listed.indexOf(name) !== index);
    expect(twice).toEqual([]);
  });
});
