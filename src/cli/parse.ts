import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { parseConfig } from '../config.js';
import { oldestFirst } from '../core/arrival-order.js';
import type { Article } from '../core/types.js';
import { decodeFeedBytes } from '../feeds/decode.js';
import { FeedFetchError } from '../feeds/http-errors.js';
import { FeedParseError, parseFeed } from '../feeds/parse.js';
import { createConfiguredFetcher } from '../ingestion.js';
import type { CliEnv } from './context.js';
import { readProblem } from './read-problem.js';
import { UsageError } from './run-cli.js';
import { formatInstant } from './table.js';
import { helpFooter } from './help-footer.js';

/** An article as the poller would store it: publication time filled in, with its content hash. */
export interface ParsedArticleView extends Article {
  readonly publishedAt: number;
  readonly publishedAtFromFeed: boolean;
  readonly contentHash: string;
}

/** `newsbrief parse <file|url> [--json]`: the normalised articles of one feed document. */
export function parseCommand(env: CliEnv): Command {
  return new Command('parse')
    .description('Print the normalised articles of one feed document (a file or an http(s) URL), as the poller would store them: oldest first')
    .argument('<file|url>', 'a feed file, or an http(s) URL to fetch')
    .option('--json', 'print JSON (feed fields and every article) instead of a summary')
    .option('--base <url>', 'URL to resolve relative links against when reading a file')
    .option('--feed-id <id>', 'feed id to put on the articles', 'parse')
    .addHelpText('after', helpFooter([
        'newsbrief parse https://feeds.nos.nl/nosnieuwsalgemeen',
        'newsbrief parse saved-feed.xml --base https://www.example.org/ --json',
      ], ['0  the document was read as a feed', '1  it could not be fetched, read or parsed (named on stderr)']))
    .action(async (source: string, options: { json?: boolean; base?: string; feedId: string }) => {
      const now = Date.now();
      const { text, feedUrl, encoding } = await readDocument(source, options.base, env);
      const parsed = await parseFeed(text, { feedId: options.feedId, feedUrl, now }).catch((error: unknown) => {
        // Named by what the operator typed: the feed id here is only a label for the articles.
        throw error instanceof FeedParseError ? new UsageError(`parse: ${source}: ${error.detail}`) : error;
      });
      // In the order the poller stores them (oldest first), not the document's own order.
      const articles: ParsedArticleView[] = oldestFirst(parsed.articles, now).map((article) => ({
        ...article,
        publishedAt: article.publishedAt ?? now,
        publishedAtFromFeed: article.publishedAt !== null,
      }));
      if (options.json === true) {
        const { articles: _raw, ...feed } = parsed;
        process.stdout.write(JSON.stringify({ ...feed, feedUrl, encoding, articles }, null, 2) + '\n');
        return;
      }
      const lines = [
        `${parsed.title ?? '(untitled feed)'} - ${articles.length} articles, oldest first as they are stored${parsed.recovered ? ' (recovered from malformed XML)' : ''}`,
        `read as ${encoding}`,
      ];
      for (const warning of parsed.warnings) lines.push(`warning: ${String(warning)}`);
      for (const article of articles) {
        lines.push('', article.title || '(no title)', `  id:        ${article.id}`, `  url:       ${article.url ?? '-'}`);
        lines.push(`  published: ${formatInstant(article.publishedAt)}${article.publishedAtFromFeed ? '' : ' (no date in feed: first seen)'}`);
        if (article.author) lines.push(`  author:    ${article.author}`);
        if (article.categories.length > 0) lines.push(`  topics:    ${article.categories.join(', ')}`);
        const text = (article.summary || article.content).replace(/\s+/g, ' ').trim();
        if (text) lines.push(`  ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`);
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}

/** The document's text, the URL its links resolve against, and the encoding its bytes were read in. */
async function readDocument(source: string, base: string | undefined, env: CliEnv): Promise<{ text: string; feedUrl: string; encoding: string }> {
  if (/^https?:\/\//i.test(source)) {
    // One document: no other feeds to spread out, so the poller's jitter would only be a wait.
    const fetcher = createConfiguredFetcher(parseConfig(env), { jitterMs: 0 });
    try {
      const outcome = await fetcher.fetchDocument({ url: source });
      if (outcome.kind !== 'ok') throw new UsageError(`parse: ${source} answered 304 Not Modified without a body`);
      return { text: outcome.text, feedUrl: outcome.url, encoding: outcome.encoding };
    } catch (error) {
      if (error instanceof FeedFetchError) throw new UsageError(error.message);
      throw error;
    }
  }
  // A base that is not an absolute URL resolves nothing: the relative links would stay relative, silently.
  if (base !== undefined && !/^https?:\/\/[^/\s]/i.test(base)) throw new UsageError(`parse: --base must be an absolute http(s) URL (got ${JSON.stringify(base)})`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(source);
  } catch (error) {
    throw new UsageError(`parse: cannot read ${source}: ${readProblem(error)}`);
  }
  const { text, encoding } = decodeFeedBytes(bytes, null);
  return { text, feedUrl: base ?? pathToFileURL(resolve(source)).href, encoding };
}
