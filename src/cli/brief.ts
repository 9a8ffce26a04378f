import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command } from 'commander';
import { parseConfig, type Config } from '../config.js';
import { condenseArticle, parsePlainArticle } from '../core/condense/index.js';
import type { Briefing } from '../core/types.js';
import { detectLanguage } from '../detect-language.js';
import { LANGUAGE_SCHEMA } from '../feeds-file.js';
import { looksLikeFeed } from '../feeds/sniff.js';
import { extractFromHtml, type FetchPage } from '../fulltext/extract.js';
import { fetchPageWith, type PageFetcher } from '../fulltext/fetch-page.js';
import { createConfiguredFetcher } from '../ingestion.js';
import type { CliEnv } from './context.js';
import { readProblem } from './read-problem.js';
import { UsageError } from './run-cli.js';
import { EXIT_ON_MISTAKE, helpFooter } from './help-footer.js';

/** What `brief` needs from the outside world; tests pass their own. */
export interface BriefDeps {
  readonly fetchPage?: FetchPage;
  readonly readStdin?: () => Promise<string>;
  /** Whether stdin is a terminal (default: process.stdin's); there `-` says how to end the text. */
  readonly stdinIsTTY?: boolean;
  readonly write?: (text: string) => void;
  /** Where hints go (default: stderr), so that stdout holds only the briefing. */
  readonly writeHint?: (text: string) => void;
}

interface ArticleSource {
  readonly title: string;
  readonly lead?: string | null;
  readonly text: string;
}

/**
 * `newsbrief brief <file|url|->`: the briefing of one article, to try the condenser on real
 * text, within the budget the bot uses (BRIEF_MAX_SENTENCES, BRIEF_MAX_WORDS, BRIEF_MAX_CHARS in `env`).
 * A file in the example format (`date YYYY-MM <lead>` then the body), plain text or HTML; a URL
 * (fetched politely, main text by Readability); or `-` for stdin. A feed document is refused
 * with a pointer to `newsbrief parse`, which lists its articles.
 */
export function briefCommand(env: CliEnv, deps: BriefDeps = {}): Command {
  return new Command('brief')
    .description('Print the briefing of one article (a file of plain text, also one opening with a line "date YYYY-MM <lead paragraph>", .html, a URL, or - for stdin)')
    .argument('<source>', 'file path, http(s) URL, or - for stdin')
    .option('--json', 'print the briefing as JSON')
    .option('-l, --language <code>', 'ISO 639-1 language of the article (default: detected)')
    .option('-t, --title <title>', 'headline to use (default: the page title, if any)')
    .addHelpText('after', helpFooter([
        'newsbrief brief article.txt',
        'newsbrief brief https://www.example.org/news/123 --language nl',
        'cat article.txt | newsbrief brief - --title "Council approves budget"',
      ], ['0  the briefing was printed', '1  the source could not be read or fetched, or holds no article', EXIT_ON_MISTAKE]))
    .action(async (source: string, opts: { json?: boolean; language?: string; title?: string }) => {
      const write = deps.write ?? ((text: string) => void process.stdout.write(text));
      const named = opts.language === undefined ? undefined : readLanguage(opts.language);
      // Before any fetch, so a bad variable is reported at once, and the fetch keeps FETCH_* as the poller does.
      const config = parseConfig(env);
      const article = await loadArticle(source, config, deps);
      if (!article.text.trim() && !article.lead?.trim()) {
        throw new UsageError(`brief: ${source === '-' ? 'stdin' : source} holds no article text`);
      }
      const title = opts.title ?? article.title;
      const language = named ?? (await detectLanguage(`${title}\n${article.lead ?? ''}\n${article.text}`));
      const briefing = condenseArticle({ title, lead: article.lead ?? null, text: article.text, language }, config.briefBudget);
      write(opts.json ? `${JSON.stringify(briefing, null, 2)}\n` : formatBriefing(briefing));
    });
}

/** `--language` as feeds.json's `language` field takes it (same schema, same words), lower-cased. */
function readLanguage(code: string): string {
  const result = LANGUAGE_SCHEMA.safeParse(code);
  if (result.success) return result.data;
  throw new UsageError(`brief: --language: ${result.error.issues[0]?.message ?? 'not a language'} (got ${JSON.stringify(code)})`);
}

/** A briefing as the terminal shows it: headline, one sentence per line, then the numbers. */
function formatBriefing(b: Briefing): string {
  const lines = [b.headline || '(no headline)', ...b.sentences.map((s) => `  • ${s}`)];
  const n = b.sentences.length;
  const count = (k: number, noun: string) => `${k} ${noun}${k === 1 ? '' : 's'}`;
  lines.push(`(${b.language}, ${b.method}, ${count(n, 'sentence')}, ${count(b.words, 'word')}, ${count(b.chars, 'character')})`);
  return `${lines.join('\n')}\n`;
}

async function loadArticle(source: string, config: Config, deps: BriefDeps): Promise<ArticleSource> {
  const { raw, html } = await loadDocument(source, config, deps);
  const where = source === '-' ? 'stdin' : source;
  if (raw.includes('\0')) {
    // Text never holds NUL; briefing an executable or an image would print its bytes as sentences.
    throw new UsageError(`brief: ${where} is not text (it holds NUL bytes: binary data, or text in UTF-16); give an article as UTF-8 text, HTML or a URL`);
  }
  if (looksLikeFeed(raw)) {
    // A feed holds many articles: reading its markup as one would brief XML lines, or nothing.
    throw new UsageError(`brief: ${where} is a feed document, not an article; \`newsbrief parse ${source === '-' ? '<file|url>' : source}\` lists its articles`);
  }
  if (isJsonData(raw)) {
    // A settings or data file given by mistake: its lines would come back as "sentences".
    throw new UsageError(`brief: ${where} is JSON data, not an article; give an article as text, HTML or a URL`);
  }
  return html ? fromHtml(raw, where) : fromText(raw, where);
}

/** True for a whole JSON object or array (a JSON Feed is caught before, as a feed). */
function isJsonData(raw: string): boolean {
  if (!/^\s*[[{]/.test(raw.replace(/^\uFEFF/, ''))) return false;
  try {
    return typeof JSON.parse(raw.replace(/^\uFEFF/, '')) === 'object';
  } catch {
    return false;
  }
}

/** The text of the source, and whether it is an HTML page (a URL, or a file named .html). */
async function loadDocument(source: string, config: Config, deps: BriefDeps): Promise<{ raw: string; html: boolean }> {
  if (source === '-') {
    const hint = stdinHint(deps.stdinIsTTY ?? process.stdin.isTTY === true);
    if (hint !== null) (deps.writeHint ?? ((text: string) => void process.stderr.write(text)))(`${hint}\n`);
    return { raw: await (deps.readStdin ?? readAllStdin)(), html: false };
  }
  if (/^https?:\/\//i.test(source)) {
    // The operator typed this URL: unlike a feed's links, local and private hosts are fine here.
    const fetchPage: FetchPage & Partial<PageFetcher> = deps.fetchPage ?? fetchPageWith(createConfiguredFetcher(config, { jitterMs: 0 }), { allowPrivateHosts: true });
    try {
      return { raw: await fetchPage(source), html: true };
    } catch (error) {
      // A page that cannot be fetched is the caller's problem to fix, told in one line.
      throw new UsageError(`brief: cannot fetch ${source}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // Made here, closed here: its kept-alive connection to the site would linger after the brief is printed.
      if (fetchPage !== deps.fetchPage) await fetchPage.close?.();
    }
  }
  try {
    return { raw: await readFile(source, 'utf8'), html: /^\.x?html?$/i.test(extname(source)) };
  } catch (error) {
    throw new UsageError(`brief: cannot read ${source}: ${readProblem(error)}`);
  }
}

/**
 * What `brief -` says before it reads a terminal, which otherwise waits without a word; nothing
 * when stdin is a pipe or a file, where the text is already on its way.
 */
export function stdinHint(isTTY: boolean): string | null {
  return isTTY ? 'Paste or type the article, then press Ctrl-D (Ctrl-Z Enter on Windows).' : null;
}

function fromText(raw: string, where: string): ArticleSource {
  if (/^\s*<(?:!doctype|html|body|article|p|div)\b/i.test(raw)) return fromHtml(raw, where);
  const plain = parsePlainArticle(raw);
  return { title: '', lead: plain.lead, text: plain.body };
}

/**
 * The article of an HTML page, as Readability finds it. A page without one (a front page, a menu,
 * a consent wall) is refused: briefing the text of its links would print "Home | About" or a
 * list of headlines as news.
 */
function fromHtml(html: string, where: string): ArticleSource {
  const extracted = extractFromHtml(html);
  if (extracted) return { title: extracted.title ?? '', text: extracted.text };
  throw new UsageError(`brief: no article text found in ${where}: it looks like a navigation/index page (or a consent wall); give the page of one article, or its text with \`newsbrief brief -\``);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
