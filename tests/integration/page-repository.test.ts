import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import type { PageRepository } from '../../src/store/page-repository.js';
import { createSqlitePageRepository } from '../../src/store/sqlite/page-repository.js';
import { tempDir } from '../helpers/poll-harness.js';

const T0 = Date.UTC(2024, 4, 6, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

let dir: { dir: string; cleanup: () => void };
let db: SqliteDatabase;
let pages: PageRepository;
beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.dir, 'pages.db'));
  pages = createSqlitePageRepository(db);
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

describe('the SQLite fetched pages', () => {
  it('give back every answer as it was read: text and title, text without a title, and a failed page', () => {
    pages.remember('https://news.example/a', T0, { text: 'Body of a.', title: 'Title a' });
    pages.remember('https://news.example/b', T0, { text: 'Body of b.', title: null });
    pages.remember('https://news.example/broken', T0, null);
    expect(pages.recall('https://news.example/a', T0 - HOUR)).toEqual({ fetchedAt: T0, answer: { text: 'Body of a.', title: 'Title a' } });
    expect(pages.recall('https://news.example/b', T0 - HOUR)).toEqual({ fetchedAt: T0, answer: { text: 'Body of b.', title: null } });
    expect(pages.recall('https://news.example/broken', T0 - HOUR)).toEqual({ fetchedAt: T0, answer: null });
    expect(pages.recall('https://news.example/never', T0 - HOUR)).toBeNull();
  });

  it('give back only answers fetched after the time asked for, and replace an old answer with a new one', () => {
    pages.remember('https://news.example/a', T0, null);
    expect(pages.recall('https://news.example/a', T0)).toBeNull();
    pages.remember('https://news.example/a', T0 + HOUR, { text: 'Back again.', title: null });
    expect(pages.recall('https://news.example/a', T0)).toEqual({ fetchedAt: T0 + HOUR, answer: { text: 'Back again.', title: null } });
    expect(db.prepare('SELECT COUNT(*) FROM fetched_pages').pluck().get()).toBe(1);
  });

  it('delete at most `limit` pages fetched before a time per call, and keep the younger ones', () => {
    for (const [n, at] of [T0, T0 + 1, T0 + 2, T0 + HOUR].entries()) pages.remember(`https://news.example/${n}`, at, null);
    expect(pages.forgetPagesBefore(T0 + HOUR, 2)).toBe(2);
    expect(pages.forgetPagesBefore(T0 + HOUR, 2)).toBe(1);
    expect(pages.forgetPagesBefore(T0 + HOUR, 2)).toBe(0);
    expect(pages.recall('https://news.example/3', 0)).toEqual({ fetchedAt: T0 + HOUR, answer: null });
  });

  it('find the old pages housekeeping deletes through an index', () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT rowid FROM fetched_pages WHERE fetched_at < ? LIMIT ?').all(T0, 10) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('USING COVERING INDEX fetched_pages_fetched_at');
  });

  it('start empty in a database made before migration 013', () => {
    db.close();
    const path = join(dir.dir, 'old.db');
    openDatabase(path, MIGRATIONS.filter((m) => m.version < 13)).close();
    db = openDatabase(path);
    pages = createSqlitePageRepository(db);
    expect(pages.recall('https://news.example/a', 0)).toBeNull();
    pages.remember('https://news.example/a', T0, { text: 'Body.', title: null });
    expect(pages.recall('https://news.example/a', 0)?.answer).toEqual({ text: 'Body.', title: null });
  });
});
