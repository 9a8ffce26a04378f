/**
 * Runs the feed parser over a corpus directory laid out like ../shared/feeds (corpus/,
 * corpus-manifest.json, expectations.json) and checks every expectation, strictly and
 * text-equivalently. Used by `npm run corpus` and by the corpus integration test, so the
 * printed figures and the asserted ones come from the same code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../core/types.js';
import { decodeFeedBytes } from './decode.js';
import { parseFeedDate } from './dates.js';
import { FeedParseError, parseFeed, type ParsedFeed } from './parse.js';
import { compareLenient } from './corpus-compare.js';

interface ManifestEntry {
  readonly doc_url?: string;
  readonly http_headers?: Readonly<Record<string, string>>;
}

interface Expectation {
  readonly field: string;
  readonly expected: string;
  readonly match?: 'exact' | 'instant';
  readonly source?: string;
}

export interface CheckResult {
  readonly field: string;
  readonly expected: string;
  readonly actual: string | null;
  readonly strict: boolean;
  readonly lenient: boolean;
}

export interface FileResult {
  readonly file: string;
  readonly folder: string;
  /** FeedParseError message when the parser rejected the document. */
  readonly rejected: string | null;
  /** Anything else thrown: a crash, which must never happen. */
  readonly crashed: string | null;
  readonly recovered: boolean;
  readonly checks: readonly CheckResult[];
}

export interface FolderSummary {
  readonly folder: string;
  readonly files: number;
  readonly rejected: number;
  readonly recovered: number;
  readonly checks: number;
  readonly strict: number;
  readonly lenient: number;
}

export interface CorpusReport {
  readonly files: readonly FileResult[];
  readonly folders: readonly FolderSummary[];
  readonly total: FolderSummary;
  /** Lenient passes / checks, 0..1 (1 when there are no checks). */
  readonly passRate: number;
}

function header(headers: Readonly<Record<string, string>> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : (headers[key] ?? null);
}

/** The base URL a fetcher would use: Content-Location resolved against the document URL. */
function documentUrl(entry: ManifestEntry | undefined, file: string): string {
  const docUrl = entry?.doc_url ?? `http://corpus.invalid/${file}`;
  const location = header(entry?.http_headers, 'content-location');
  if (location === null) return docUrl;
  try {
    return new URL(location, docUrl).href;
  } catch {
    return docUrl;
  }
}

/** The parser under test; another one can be passed to compare (e.g. a bare rss-parser mapping). */
export type CorpusParser = (text: string, context: { feedId: string; feedUrl: string; now: number }) => Promise<ParsedFeed>;

/** Checks one corpus directory; never throws for a bad document (crashes are recorded). */
export async function runCorpusCheck(dir: string, parse: CorpusParser = parseFeed, now = 0): Promise<CorpusReport> {
  const manifest = JSON.parse(await readFile(join(dir, 'corpus-manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
  const expectations = JSON.parse(await readFile(join(dir, 'expectations.json'), 'utf8')) as Record<string, Expectation[]>;
  const files: FileResult[] = [];
  for (const file of Object.keys(manifest).sort()) {
    const entry = manifest[file];
    const folder = file.split('/')[0] ?? '';
    const bytes = new Uint8Array(await readFile(join(dir, 'corpus', file)));
    const expected = expectations[file] ?? [];
    let parsed: ParsedFeed | null = null;
    let rejected: string | null = null;
    let crashed: string | null = null;
    try {
      const { text } = decodeFeedBytes(bytes, header(entry?.http_headers, 'content-type'));
      parsed = await parse(text, { feedId: file, feedUrl: documentUrl(entry, file), now });
    } catch (error) {
      if (error instanceof FeedParseError) rejected = error.message;
      else crashed = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    const checks = expected.map((e) => check(e, parsed));
    files.push({ file, folder, rejected, crashed, recovered: parsed?.recovered ?? false, checks });
  }
  const folderNames = [...new Set(files.map((f) => f.folder))];
  const folders = folderNames.map((name) => summarise(name, files.filter((f) => f.folder === name)));
  const total = summarise('total', files);
  return { files, folders, total, passRate: total.checks === 0 ? 1 : total.lenient / total.checks };
}

function summarise(folder: string, files: readonly FileResult[]): FolderSummary {
  const checks = files.flatMap((f) => f.checks);
  return {
    folder,
    files: files.length,
    rejected: files.filter((f) => f.rejected !== null || f.crashed !== null).length,
    recovered: files.filter((f) => f.recovered).length,
    checks: checks.length,
    strict: checks.filter((c) => c.strict).length,
    lenient: checks.filter((c) => c.lenient).length,
  };
}

/** One of our values an expectation maps onto: plain text, markup, or a URL/identifier. */
interface Candidate {
  readonly value: string | null;
  readonly kind: 'text' | 'markup' | 'url';
}

const text = (value: string | null): Candidate => ({ value, kind: 'text' });
const markup = (value: string | null): Candidate => ({ value, kind: 'markup' });
const url = (value: string | null): Candidate => ({ value, kind: 'url' });

/**
 * The values of ours that an expectation field maps onto. feedparser's `summary` falls back
 * to the content when an entry has no summary, so ours does too, here.
 */
function candidates(field: string, parsed: ParsedFeed): Candidate[] {
  if (field === 'feed.title') return [text(parsed.title)];
  if (field === 'feed.link') return [url(parsed.link)];
  const m = /^items\[(\d+)\]\.(\w+)$/.exec(field);
  const article: Article | undefined = m ? parsed.articles[Number(m[1])] : undefined;
  if (!m || !article) return [];
  switch (m[2]) {
    case 'title':
      return [text(article.title)];
    case 'link':
      return [url(article.url)];
    case 'guid':
      return [url(article.guid)];
    case 'summary':
      return article.summary === '' && article.summaryHtml === null
        ? [text(article.content), markup(article.contentHtml)]
        : [text(article.summary), markup(article.summaryHtml)];
    case 'content':
      return [text(article.content), markup(article.contentHtml)];
    default:
      return [];
  }
}

function check(e: Expectation, parsed: ParsedFeed | null): CheckResult {
  const fail = (actual: string | null): CheckResult => ({ field: e.field, expected: e.expected, actual, strict: false, lenient: false });
  if (parsed === null) return fail(null);
  const dateField = /\.(published|updated)$/.test(e.field);
  if (dateField) {
    // Articles keep one instant: published, else updated (see feeds/normalise.ts).
    const index = Number(/^items\[(\d+)\]/.exec(e.field)?.[1] ?? -1);
    const at = parsed.articles[index]?.publishedAt ?? null;
    const actual = at === null ? null : new Date(at).toISOString();
    const want = parseFeedDate(e.expected);
    const same = at !== null && want === at;
    return { field: e.field, expected: e.expected, actual, strict: same && e.match === 'instant', lenient: same };
  }
  const values = candidates(e.field, parsed);
  const strict = values.some((c) => c.value === e.expected);
  const lenient = strict || values.some((c) => compareLenient(e.expected, c.value, c.kind));
  return { field: e.field, expected: e.expected, actual: values[0]?.value ?? null, strict, lenient };
}
