import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/cli/parse.js';
import { UsageError } from '../../src/cli/run-cli.js';

// What `newsbrief parse` says about the file and options it is given, before any parsing.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nb-parse-'));
  writeFileSync(join(dir, 'relative.xml'), '<rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a</link></item></channel></rss>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function run(args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  await new Command('newsbrief').exitOverride().addCommand(parseCommand({})).parseAsync(['parse', ...args], { from: 'user' });
  return out;
}

describe('newsbrief parse', () => {
  it('says in words why a file cannot be read, as brief does', async () => {
    await expect(run([join(dir, 'missing.xml')])).rejects.toThrow(`parse: cannot read ${join(dir, 'missing.xml')}: no such file`);
    const folder = run([dir]);
    await expect(folder).rejects.toBeInstanceOf(UsageError);
    await expect(folder).rejects.toThrow(`parse: cannot read ${dir}: it is a folder, not a file`);
  });

  it('refuses a --base that is not an absolute http(s) URL instead of leaving relative links unresolved', async () => {
    await expect(run([join(dir, 'relative.xml'), '--base', 'example.org'])).rejects.toThrow('parse: --base must be an absolute http(s) URL (got "example.org")');
    expect(await run([join(dir, 'relative.xml'), '--base', 'https://example.org/news/'])).toContain('url:       https://example.org/a');
  });
});
