import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertWritable, inspectDatabase, openDatabase, openDatabaseReadOnly } from '../../src/store/database.js';
import { DatabaseOpenError, explainSqliteError } from '../../src/store/database-errors.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/poll-harness.js';

/**
 * A DATABASE_PATH that cannot serve is the operator's to fix: openDatabase names the file and
 * what is wrong with it, throws nothing but DatabaseOpenError for it, and leaves the file as it was.
 */
let dir: { dir: string; cleanup: () => void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** What openDatabase threw for `path`, checked to be a DatabaseOpenError. */
function refusal(path: string): DatabaseOpenError {
  try {
    openDatabase(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error(`openDatabase(${path}) did not refuse`);
}

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

describe('openDatabase on a path that cannot serve', () => {
  it('refuses a file that is not an SQLite database and does not touch it', () => {
    const path = join(dir.dir, 'notes.txt');
    const text = 'shopping list, not a database\n'.repeat(50);
    writeFileSync(path, text);
    expect(refusal(path).message).toBe(`${path}: not an SQLite database (another kind of file, or an encrypted or damaged one); set DATABASE_PATH to a newsbrief database or to a file that does not exist yet`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('says when the path is a folder', () => {
    const path = join(dir.dir, 'data');
    mkdirSync(path);
    expect(refusal(path).message).toMatch(new RegExp(`^${path}: is a folder, not a database file`));
  });

  it('says the same when check and health look at a folder read-only', () => {
    const path = join(dir.dir, 'data');
    mkdirSync(path);
    const expected = `${path}: is a folder, not a database file; set DATABASE_PATH to a file inside it, or set DATA_DIR instead`;
    expect(() => inspectDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => inspectDatabase(path)).toThrow(expected);
    expect(() => openDatabaseReadOnly(path)).toThrow(expected);
  });

  it('says when a file stands where its folder should be made', () => {
    writeFileSync(join(dir.dir, 'data'), 'a file, not a folder');
    const path = join(dir.dir, 'data', 'newsbrief.db');
    expect(refusal(path).message).toBe(`${path}: cannot create the folder ${join(dir.dir, 'data')}: a file of that name is in the way`);
  });

  it('refuses a database written by a newer newsbrief without changing a byte of it', () => {
    const path = join(dir.dir, 'newer.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(refusal(path).message).toBe(
      `${path}: written by a newer newsbrief (schema version ${LATEST + 1}; this one knows up to ${LATEST}): upgrade newsbrief, or set DATABASE_PATH to another file`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuses another application's database before switching it to WAL", () => {
    const path = join(dir.dir, 'other.db');
    const other = new Database(path);
    other.exec("CREATE TABLE feeds (url TEXT); CREATE TABLE notes (body TEXT); INSERT INTO feeds VALUES ('https://example.org/rss')");
    other.close();
    const before = readFileSync(path);
    expect(refusal(path).message).toBe(
      `${path}: an SQLite database of some other application (tables feeds, notes; no newsbrief schema version): set DATABASE_PATH to a newsbrief database or to a file that does not exist yet`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
  });

  it('names the migration that failed on a file our checks let through', () => {
    const path = join(dir.dir, 'half.db');
    // Version 1 claims the first migration ran, but its tables are not there.
    const raw = new Database(path);
    raw.pragma('user_version = 1');
    raw.close();
    // Migrations 002 and 003 only add tables; 004 is the first to touch one 001 made.
    expect(refusal(path).message).toBe(`${path}: migration 004-content-hash-sha256 failed ("no such table: articles"); the file stays at schema version 3`);
  });

  it('finds a connection SQLite could only open read-only by a write it rolls back, leaving the file as it was', () => {
    const path = join(dir.dir, 'probe.db');
    openDatabase(path).close();
    const before = readFileSync(path);
    const readOnly = new Database(path, { readonly: true });
    expect(() => assertWritable(readOnly, path)).toThrow(DatabaseOpenError);
    expect(() => assertWritable(readOnly, path)).toThrow(`${path}: newsbrief may not write to it ("attempt to write a readonly database")`);
    expect(readOnly.inTransaction).toBe(false);
    readOnly.close();
    const writable = new Database(path);
    assertWritable(writable, path);
    expect(writable.inTransaction).toBe(false);
    expect(writable.pragma('user_version', { simple: true })).toBe(LATEST);
    writable.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('still opens a new file, and its own file again', () => {
    const path = join(dir.dir, 'fresh', 'newsbrief.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    db.close();
  });
});

describe('explainSqliteError', () => {
  const error = (code: string, message: string) => new Database.SqliteError(message, code);

  it.each([
    ['SQLITE_CORRUPT', 'database disk image is malformed', 'the database is damaged ("database disk image is malformed")'],
    ['SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database', 'newsbrief may not write to it ("attempt to write a readonly database")'],
    ['SQLITE_BUSY', 'database is locked', 'another process kept it locked for more than 5 s ("database is locked")'],
    ['SQLITE_FULL', 'database or disk is full', 'the disk is full ("database or disk is full")'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 'the system reported an I/O error ("disk I/O error")'],
  ])('explains %s in terms of the file', (code, message, expected) => {
    expect(explainSqliteError('/data/nb.db', error(code, message))?.message).toContain(`/data/nb.db: ${expected}`);
  });

  it('leaves errors that are not about the file to be reported as bugs', () => {
    expect(explainSqliteError('/data/nb.db', error('SQLITE_ERROR', 'no such column: x'))).toBeNull();
    expect(explainSqliteError('/data/nb.db', new TypeError('not sqlite'))).toBeNull();
  });
});

describe('migrations that rebuild a table', () => {
  const PARENT_AND_CHILD = {
    version: 1,
    name: '001-parent-and-child',
    sql: `CREATE TABLE parent (id INTEGER PRIMARY KEY);
          CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);
          INSERT INTO parent (id) VALUES (1), (2);
          INSERT INTO child (parent_id) VALUES (1), (2);`,
  };
  const rebuild = (keep: string) => ({
    version: 2,
    name: '002-rebuild-parent',
    rebuildsTables: true,
    sql: `CREATE TABLE parent_rebuilt (id INTEGER PRIMARY KEY, note TEXT);
          INSERT INTO parent_rebuilt (id) SELECT id FROM parent WHERE ${keep};
          DROP TABLE parent;
          ALTER TABLE parent_rebuilt RENAME TO parent;`,
  });

  it('keeps the rows that reference the rebuilt table', () => {
    const path = join(dir.dir, 'rebuild.db');
    openDatabase(path, [PARENT_AND_CHILD]).close();
    const db = openDatabase(path, [PARENT_AND_CHILD, rebuild('1')]);
    expect(db.prepare('SELECT parent_id FROM child ORDER BY parent_id').pluck().all()).toEqual([1, 2]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a rebuild that leaves a row pointing at nothing, and leaves the file at its version', () => {
    const path = join(dir.dir, 'dangling.db');
    openDatabase(path, [PARENT_AND_CHILD]).close();
    expect(() => openDatabase(path, [PARENT_AND_CHILD, rebuild('id = 1')])).toThrow(/002-rebuild-parent left 1 row\(s\) of child pointing at no parent/);
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare('SELECT COUNT(*) FROM parent').pluck().get()).toBe(2);
    raw.close();
  });
});
