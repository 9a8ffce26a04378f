import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { briefCommand, stdinHint, type BriefDeps } from '../../src/cli/brief.js';
import type { CliEnv } from '../../src/cli/context.js';
import { UsageError } from '../../src/cli/run-cli.js';
import { feedResponse, startFeedServer } from '../helpers/feed-server.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/condense/${name}`, import.meta.url));
const feedFixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function run(args: string[], { env = {}, ...deps }: BriefDeps & { env?: CliEnv } = {}): Promise<string> {
  let out = '';
  const program = new Command('newsbrief').exitOverride().addCommand(briefCommand(env, { ...deps, write: (t) => (out += t) }));
  await program.parseAsync(['node', 'newsbrief', 'brief', ...args]);
  return out;
}

describe('newsbrief brief', () => {
  it('prints the briefing of a file in the example format with its numbers', async () => {
    const out = await run([fixturePath('gemeenteraad.txt')]);
    expect(out).toContain('• De gemeenteraad van Zwolle heeft dinsdagavond ingestemd');
    expect(out).toMatch(/\(nl, extractive, \d sentences?, \d+ words, \d+ characters\)/);
  });

  it('prints JSON with --json and honours --language', async () => {
    const out = await run([fixturePath('gemeenteraad.txt'), '--json', '--language', 'nl']);
    const briefing = JSON.parse(out) as { language: string; sentences: string[]; words: number };
    expect(briefing.language).toBe('nl');
    expect(briefing.sentences.length).toBeGreaterThan(0);
    expect(briefing.words).toBeLessThanOrEqual(60);
  });

  it('reads an .html page through Readability and takes its title as headline', async () => {
    const out = await run([fixturePath('article-page.html')]);
    expect(out.split('\n')[0]).toBe('Nieuwe brug over het Zwarte Water goedgekeurd');
    expect(out).not.toContain('Facebook');
  });

  it('refuses a page that holds no article (a menu, a list of headlines, a consent wall) instead of briefing its links', async () => {
    const path = fixturePath('navigation-page.html');
    const index = run([path]);
    await expect(index).rejects.toBeInstanceOf(UsageError);
    await expect(index).rejects.toThrow(`brief: no article text found in ${path}: it looks like a navigation/index page (or a consent wall); give the page of one article, or its text with \`newsbrief brief -\``);
    const menuOnly = '<!doctype html><html><body><nav><a href="/">Home</a> | <a href="/about">About</a> | <a href="/contact">Contact</a></nav></body></html>';
    await expect(run(['https://news.example/'], { fetchPage: async () => menuOnly })).rejects.toThrow('brief: no article text found in https://news.example/: it looks like a navigation/index page');
    await expect(run(['-'], { readStdin: async () => readFileSync(path, 'utf8') })).rejects.toThrow('brief: no article text found in stdin: ');
  });

it('fetches a URL through the page port', async () => {
    const html = readFileSync(fixturePath('article-page.html'), 'utf8');
    const seen: string[] = [];
    const out = await run(['https://news.example/brug'], { fetchPage: async (url) => (seen.push(url), html) });
    expect(seen).toEqual(['https://news.example/brug']);
    expect(out).toContain('Zwarte Water');
  });

  it('reports a page that cannot be fetched as a usage error naming the URL, not a crash', async () => {
    const failing = run(['https://news.example/gone'], { fetchPage: async () => { throw new Error('feeds/fetch: HTTP 404 for https://news.example/gone'); } });
    await expect(failing).rejects.toBeInstanceOf(UsageError);
    await expect(failing).rejects.toThrow('brief: cannot fetch https://news.example/gone: feeds/fetch: HTTP 404');
  });

  it('reads stdin for -', async () => {
    const out = await run(['-'], { readStdin: async () => readFileSync(fixturePath('gemeenteraad.txt'), 'utf8') });
    expect(out).toContain('nieuwe brug');
  });

  it('says how to end the text when stdin is a terminal, and nothing when it is a pipe', () => {
    expect(stdinHint(true)).toBe('Paste or type the article, then press Ctrl-D (Ctrl-Z Enter on Windows).');
    expect(stdinHint(false)).toBeNull();
  });

  it('prints the terminal hint on its own channel before reading, never into the briefing', async () => {
    const events: string[] = [];
    const readStdin = async () => (events.push('read'), readFileSync(fixturePath('gemeenteraad.txt'), 'utf8'));
    const writeHint = (text: string) => void events.push(`hint: ${text}`);
    const out = await run(['-'], { readStdin, stdinIsTTY: true, writeHint });
    expect(events).toEqual(['hint: Paste or type the article, then press Ctrl-D (Ctrl-Z Enter on Windows).\n', 'read']);
    expect(out).not.toContain('Ctrl-D');
    events.length = 0;
    await run(['-'], { readStdin, stdinIsTTY: false, writeHint });
    expect(events).toEqual(['read']);
  });

  it('says what is wrong with a file it cannot read, in words', async () => {
    await expect(run(['/nonexistent/article.txt'])).rejects.toThrow('brief: cannot read /nonexistent/article.txt: no such file');
    await expect(run([fixturePath('')])).rejects.toThrow(/: it is a folder, not a file$/);
  });

  it('refuses a binary file instead of briefing its bytes as sentences', async () => {
    const binary = run(['-'], { readStdin: async () => `\u007fELF\u0002\u0001\u0001\u0000\u0000 /lib64/ld-linux-x86-64.so.2 GNU text between the bytes.` });
    await expect(binary).rejects.toBeInstanceOf(UsageError);
    await expect(binary).rejects.toThrow('brief: stdin is not text (it holds NUL bytes: binary data, or text in UTF-16); give an article as UTF-8 text, HTML or a URL');
  });

  it('refuses JSON data (a settings file given by mistake), and still briefs an article that opens with a bracket', async () => {
    const json = run(['-'], { readStdin: async () => '{\n  "name": "newsbrief",\n  "version": "0.1.0"\n}\n' });
    await expect(json).rejects.toThrow('brief: stdin is JSON data, not an article; give an article as text, HTML or a URL');
    const text = await run(['-'], { readStdin: async () => '[Update] De brug bij Zaltbommel is weer open. Het verkeer rijdt sinds vanochtend weer normaal door.' });
    expect(text).toContain('Zaltbommel');
  });

  it('fetches a URL within the FETCH_MAX_BYTES the poller is configured with, and checks the environment before fetching', async () => {
    const server = await startFeedServer();
    try {
      const page = readFileSync(fixturePath('article-page.html'), 'utf8');
      server.route('/brug', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page });
      const url = server.url('/brug');
      await expect(run([url], { env: { FETCH_MAX_BYTES: '1024' } })).rejects.toThrow(/more than 1024 bytes/);
      await expect(run([url], { env: { BRIEF_MAX_WORDS: 'many' } })).rejects.toThrow(/BRIEF_MAX_WORDS/);
      expect(server.hits('/brug')).toBe(1);
      expect(await run([url])).toContain('Zwarte Water');
    } finally {
      await server.close();
    }
  });

  it('refuses an empty article instead of printing an empty briefing', async () => {
    const empty = run(['-'], { readStdin: async () => '  \n' });
    await expect(empty).rejects.toBeInstanceOf(UsageError);
    await expect(empty).rejects.toThrow('brief: stdin holds no article text');
  });

  it('counts in the singular when there is one', async () => {
    const out = await run(['-'], { readStdin: async () => 'Kort.' });
    expect(out).toContain('(und, lead, 1 sentence, 1 word, 5 characters)');
  });

  it('keeps to the budget the bot is configured with', async () => {
    const out = await run([fixturePath('gemeenteraad.txt'), '--json'], { env: { BRIEF_MAX_SENTENCES: '1' } });
    const briefing = JSON.parse(out) as { sentences: string[] };
    expect(briefing.sentences).toHaveLength(1);
    const full = JSON.parse(await run([fixturePath('gemeenteraad.txt'), '--json'])) as { sentences: string[] };
    expect(full.sentences.length).toBeGreaterThan(1);
    await expect(run([fixturePath('gemeenteraad.txt')], { env: { BRIEF_MAX_WORDS: 'many' } })).rejects.toThrow(/BRIEF_MAX_WORDS/);
  });

  it('rejects a malformed --language', async () => {
    await expect(run([fixturePath('gemeenteraad.txt'), '--language', 'dutch!'])).rejects.toThrow(/--language/);
  });

  it('takes --language as feeds.json takes a feed language: an ISO 639-1 code in any case, nothing else', async () => {
    const unknown = run([fixturePath('gemeenteraad.txt'), '--language', 'xx']);
    await expect(unknown).rejects.toBeInstanceOf(UsageError);
    await expect(unknown).rejects.toThrow('brief: --language: unknown language; use an ISO 639-1 code such as "nl", "en", "de" or "fr" (got "xx")');
    await expect(run([fixturePath('gemeenteraad.txt'), '--language', 'nld'])).rejects.toThrow('(got "nld")');
    const upper = JSON.parse(await run([fixturePath('gemeenteraad.txt'), '--json', '--language', 'NL'])) as { language: string };
    expect(upper.language).toBe('nl');
  });

  it('refuses a feed file, naming it and the command that lists its articles', async () => {
    for (const name of ['poll/news-v1.xml', 'parse/rss1.rdf', 'parse/atom-base.xml', 'parse/feed.json']) {
      const path = feedFixturePath(name);
      const refused = run([path]);
      await expect(refused).rejects.toBeInstanceOf(UsageError);
      await expect(refused).rejects.toThrow(`brief: ${path} is a feed document, not an article; \`newsbrief parse ${path}\` lists its articles`);
    }
  });

  it('refuses a feed URL (fetched from loopback) and a feed on stdin the same way', async () => {
    const server = await startFeedServer();
    try {
      server.route('/news.xml', feedResponse(readFileSync(feedFixturePath('poll/news-v1.xml'))));
      const url = server.url('/news.xml');
      await expect(run([url])).rejects.toThrow(`brief: ${url} is a feed document, not an article; \`newsbrief parse ${url}\` lists its articles`);
    } finally {
      await server.close();
    }
    const stdin = run(['-'], { readStdin: async () => '\uFEFF<?xml version="1.0"?>\n<!-- hi -->\n<!DOCTYPE rss [<!ENTITY n "x">]>\n<rss version="2.0"><channel/></rss>' });
    await expect(stdin).rejects.toThrow('brief: stdin is a feed document, not an article; `newsbrief parse <file|url>` lists its articles');
  });

  it('still briefs an article that merely mentions RSS, or whose page is XHTML', async () => {
    const text = await run(['-'], { readStdin: async () => 'Het <rss>-formaat bestaat dit jaar 25 jaar. Nog altijd lezen miljoenen mensen hun nieuws via feeds.' });
    expect(text).toContain('25 jaar');
    const xhtml = readFileSync(fixturePath('article-page.html'), 'utf8');
    const page = await run(['-'], { readStdin: async () => `<?xml version="1.0" encoding="utf-8"?>\n${xhtml}` });
    expect(page).toContain('Zwarte Water');
  });
});
