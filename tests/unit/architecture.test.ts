import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;
const FORBIDDEN = /^(node:|fs$|path$|http|https$|net$|telegraf|better-sqlite3|node-cron|rss-parser|pino|undici)/;

describe('the pure core', () => {
  const files = sourceFiles('src/core');

  it.each(files)('%s imports no I/O, adapter or outer module', (file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(IMPORT)].map((match) => match[1] ?? '');
    expect(imports.filter((spec) => FORBIDDEN.test(spec))).toEqual([]);
    // Relative imports must stay inside src/core.
    const escaping = imports.filter((spec) => spec.startsWith('.') && !join(file, '..', spec).startsWith('src/core'));
    expect(escaping).toEqual([]);
  });

  it.each(files)('%s reads neither the clock nor the environment', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/Date\.now\(\)|new Date\(\)|process\.env|Math\.random\(\)/);
  });
});

describe('the environment', () => {
  /** The bot's and the CLI's: each reads process.env once and hands it (or the parsed Config) down. */
  const COMPOSITION_ROOTS = ['src/main.ts', 'src/cli/main.ts'];
  const files = [...sourceFiles('src'), ...sourceFiles('commands')].filter((file) => !COMPOSITION_ROOTS.includes(file));
  const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

  it.each(files)('%s is handed the environment rather than reading process.env', (file) => {
    expect(withoutComments(readFileSync(file, 'utf8'))).not.toMatch(/process\.env/);
  });
});
