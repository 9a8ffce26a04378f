import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { spec, tempDir } from '../helpers/poll-harness.js';

const CHILD = fileURLToPath(new URL('../fixtures/poll/kill-poll-child.ts', import.meta.url));
const FEEDS = 24;
const ITEMS = 12;

/** An RSS document with ITEMS unique items for feed `n`. */
function feedDocument(n: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => `
    <item><title>Feed ${n} story ${i}</title><link>https://kill.test/${n}/${i}</link>
      <guid isPermaLink="false">kill-${n}-${i}</guid><pubDate>Mon, 06 May 2024 ${String(i % 24).padStart(2, '0')}:00:00 GMT</pubDate>
      <description>Story ${i} of feed ${n}, told at some length so the row is not tiny.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://kill.test/${n}</link>${items.join('')}</channel></rss>`;
}

interface ChildRun {
  readonly lines: string[];
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
}

/** Runs the child; `killWhen` sees each stdout line and returns true to SIGKILL it right then. */
function runChild(args: string[], killWhen: (line: string, lines: readonly string[]) => boolean = () => false): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        lines.push(line);
        if (child.exitCode === null && child.signalCode === null && killWhen(line, lines)) child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ lines, signal, code });
    });
  });
}

let server: FeedServer;
let dir: { dir: string; cleanup: () => void };
beforeAll(async () => {
  server = await startFeedServer();
  dir = tempDir();
  for (let n = 0; n < FEEDS; n += 1) {
    const serve = feedResponse(feedDocument(n), { etag: `"k${n}"` });
    // Every fifth feed is slow, so polls overlap and finish out of order.
    server.route(`/kill/${n}.xml`, n % 5 === 0 ? async (req, res) => { await new Promise((r) => setTimeout(r, 150)); await serve(req, res); } : serve);
  }
});
afterAll(async () => {
  await server.close();
  dir.cleanup();
});

describe('a poll killed with SIGKILL', () => {
  it('loses nothing committed, keeps each feed all-or-nothing, and duplicates nothing after a restart', async () => {
    const dbPath = join(dir.dir, 'kill.db');
    const feedsPath = join(dir.dir, 'feeds.json');
    writeFileSync(feedsPath, JSON.stringify(Array.from({ length: FEEDS }, (_, n) => spec(`kill-${n}`, server.url(`/kill/${n}.xml`)))));

    // Kill while a feed's transaction is open with several rows written, once a few feeds have committed.
    let victim: string | null = null;
    const killed = await runChild([dbPath, feedsPath, '--pause-ms', '15'], (line, lines) => {
      const committedSoFar = lines.filter((l) => l.startsWith('committed ')).length;
      const [word, feedId, row] = line.split(' ');
      if (word === 'inserting' && committedSoFar >= 3 && Number(row) === 5) {
        victim = feedId ?? null;
        return true;
      }
      return false;
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(victim).not.toBeNull();
    const committed = new Set(killed.lines.filter((l) => l.startsWith('committed ')).map((l) => l.split(' ')[1]));
    expect(committed.size).toBeGreaterThanOrEqual(3);
    expect(committed.size).toBeLessThan(FEEDS);

    const counts = (): Map<string, number> => {
      const db = new Database(dbPath);
      try {
        const rows = db.prepare('SELECT feed_id, count(*) AS n FROM articles GROUP BY feed_id').all() as Array<{ feed_id: string; n: number }>;
        return new Map(rows.map((row) => [row.feed_id, row.n]));
      } finally {
        db.close();
      }
    };
    const afterKill = counts();
    for (const feedId of committed) expect(afterKill.get(feedId as string)).toBe(ITEMS);
    expect(afterKill.get(victim as unknown as string)).toBeUndefined();
    for (const n of afterKill.values()) expect(n).toBe(ITEMS);

    const restarted = await runChild([dbPath, feedsPath]);
    const reportLine = restarted.lines.find((l) => l.startsWith('report '));
    const report = JSON.parse(reportLine?.slice('report '.length) ?? 'null') as { done: Array<{ feedId: string; status: string; new: number }>; failed: unknown[] };
    expect(report.failed).toEqual([]);
    expect(report.done).toHaveLength(FEEDS);
    for (const feed of report.done) {
      // Committed feeds kept their validators: the restart costs them a 304 and nothing more.
      if (afterKill.has(feed.feedId)) expect(feed).toMatchObject({ status: 'not-modified', new: 0 });
      else expect(feed).toMatchObject({ status: 'ok', new: ITEMS });
    }

    const db = new Database(dbPath, { readonly: true });
    try {
      const totals = db.prepare('SELECT count(*) AS n, count(DISTINCT feed_id || id) AS ids, count(DISTINCT url) AS urls FROM articles').get();
      expect(totals).toEqual({ n: FEEDS * ITEMS, ids: FEEDS * ITEMS, urls: FEEDS * ITEMS });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
