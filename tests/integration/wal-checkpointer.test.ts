import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, createSilentLogger } from '../../src/log.js';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES, type SqliteDatabase } from '../../src/store/database.js';
import { SAFETY_NET_PAGES, startWalCheckpointer, type WalCheckpointer } from '../../src/store/wal-checkpointer.js';

const autocheckpoint = (db: SqliteDatabase) => db.pragma('wal_autocheckpoint', { simple: true });

/** Inserts `rows` articles of about 2 KB each in one transaction. */
function writeArticles(db: SqliteDatabase, rows: number, from = 0): void {
  const insert = db.prepare(
    `INSERT INTO articles (feed_id, id, title, published_at, first_seen_at, updated_at, content_hash, content) VALUES ('f', ?, 't', 0, 0, 0, 'h', ?)`,
  );
  db.transaction(() => {
    for (let i = from; i < from + rows; i += 1) insert.run(`a${i}`, `${i} `.repeat(700));
  })();
}

function warnings(into: string[]) {
  return createLogger('warn', [], { write: (line: string) => void into.push((JSON.parse(line) as { msg: string }).msg) });
}

describe('WAL checkpointer', () => {
  let dir: string;
  let db: SqliteDatabase | null = null;
  let checkpointer: WalCheckpointer | null = null;
  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-checkpoint-'));
    db = openDatabase(join(dir, 'news.db'));
    return db;
  };
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = null;
    db?.close();
    db = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies committed writes from the WAL into the database file from its worker thread', async () => {
    const db = open();
    const path = join(dir, 'news.db');
    const sizeBefore = statSync(path).size;
    const reports: Array<{ logFrames: number; copiedFrames: number }> = [];
    checkpointer = startWalCheckpointer(db, { logger: createSilentLogger(), intervalMs: 10, onCheckpoint: (r) => void reports.push(r) });
    expect(checkpointer.running).toBe(true);
    expect(autocheckpoint(db)).toBe(SAFETY_NET_PAGES);

    writeArticles(db, 1_000);
    // Far below the writer's own limit now, so only the worker can have moved these pages.
    expect(statSync(`${path}-wal`).size).toBeLessThan(SAFETY_NET_PAGES * 4096);
    await expect.poll(() => reports.some((r) => r.copiedFrames > 0 && r.copiedFrames === r.logFrames), { timeout: 10_000 }).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(sizeBefore + 1_000 * 1_400);

    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    expect(autocheckpoint(db)).toBe(WAL_AUTOCHECKPOINT_PAGES);
  });

  it('checkpoints at start and after later commits, and not while nothing is committed', async () => {
    const db = open();
    let count = 0;
    checkpointer = startWalCheckpointer(db, { logger: createSilentLogger(), intervalMs: 10, onCheckpoint: () => void (count += 1) });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
    // One as the worker starts, for whatever the WAL held then.
    await expect.poll(() => count, { timeout: 10_000 }).toBeGreaterThan(0);
    for (let round = 0; round < 2; round += 1) {
      await settle();
      const idle = count;
      await settle();
      expect(count).toBe(idle);
      writeArticles(db, 10, round * 10);
      await expect.poll(() => count, { timeout: 10_000 }).toBeGreaterThan(idle);
    }
  });

  it('starts no worker for an in-memory database', async () => {
    db = openDatabase(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-checkpoint-'));
    checkpointer = startWalCheckpointer(db, { logger: createSilentLogger() });
    expect(checkpointer.running).toBe(false);
  });

  it('leaves checkpoints to SQLite, with a warning, when the worker cannot start', () => {
    const db = open();
    const warned: string[] = [];
    checkpointer = startWalCheckpointer(db, {
      logger: warnings(warned),
      launch: () => {
        throw new Error('no threads here');
      },
    });
    expect(checkpointer.running).toBe(false);
    expect(autocheckpoint(db)).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(warned).toEqual(['store: cannot start the WAL checkpoint worker; SQLite checkpoints in this thread']);
  });

  it('gives SQLite its checkpoints back, with a warning, when the worker stops on its own', async () => {
    const db = open();
    const warned: string[] = [];
    checkpointer = startWalCheckpointer(db, { logger: warnings(warned), launch: () => new Worker('', { eval: true }) });
    expect(autocheckpoint(db)).toBe(SAFETY_NET_PAGES);
    await expect.poll(() => checkpointer?.running, { timeout: 10_000 }).toBe(false);
    expect(autocheckpoint(db)).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(warned).toEqual(['store: the WAL checkpoint worker stopped; SQLite checkpoints in this thread again']);
  });
});
