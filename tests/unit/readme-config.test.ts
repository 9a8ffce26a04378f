import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig, SETTING_NAMES } from '../../src/config.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/**
 * The variables named in the first cell of each row of the README's configuration table: the
 * first table under `## Configuration`. A cell may name several (`WEBHOOK_URL`, `PORT`).
 */
function configTableNames(readme: string): string[] {
  return configTableRows(readme).flatMap((row) => [...(row[0] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] ?? ''));
}

/** The cells of each row of that table: variable, default, allowed values, meaning. */
function configTableRows(readme: string): string[][] {
  const section = /^## Configuration\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start + 2, end < 0 ? undefined : end).map((row) => row.split(/(?<!\\)\|/).slice(1, -1));
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

describe("the README's configuration table says what the schema does", () => {
  // With a webhook, so that PORT is part of the config too.
  const base = { WEBHOOK_URL: 'https://bot.example.org/hook' };
  const rows = configTableRows(README).map(([name = '', fallback = '', allowed = '']) => ({
    name: /`([A-Z][A-Z0-9_]*)`/.exec(name)?.[1] ?? '',
    fallback: /^\s*`([^`]+)`/.exec(fallback)?.[1],
    allowed,
  }));
  const dataDir = rows.find((row) => row.name === 'DATA_DIR')?.fallback ?? '';

  it.each(rows.filter((row) => row.fallback !== undefined).map((row) => [row.name, row.fallback!] as const))('%s: its default %s is the one used when it is not set', (name, fallback) => {
    const value = fallback.replace('$DATA_DIR', dataDir);
    expect(parseConfig({ ...base, [name]: value })).toEqual(parseConfig(base));
  });

  it.each(rows.flatMap((row) => {
    const range = /^\s*`?(\d+)`?(?:–`?(\d+)`?| or more)?\s*$|^\s*at least (\d+)/.exec(row.allowed);
    if (range === null) return [];
    const least = Number(range[1] ?? range[3]);
    const most = range[2] === undefined ? null : Number(range[2]);
    return [[row.name, most === null ? `${least} or more` : `${least} to ${most}`, least, most] as const];
  }))('%s: accepts %s, and nothing outside', (name, _said, least, most) => {
    expect(() => parseConfig({ ...base, [name]: String(least) })).not.toThrow();
    if (least > 0) expect(() => parseConfig({ ...base, [name]: String(least - 1) })).toThrow(name);
    if (most !== null) {
      expect(() => parseConfig({ ...base, [name]: String(most) })).not.toThrow();
      expect(() => parseConfig({ ...base, [name]: String(most + 1) })).toThrow(name);
    }
  });
});
