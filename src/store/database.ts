import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { linkOf } from '../core/story-keys.js';
import { DatabaseOpenError, explainFolderError, explainNotWritable, explainOpenFailure, explainSqliteError } from './database-errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Checkpoint every ~16 MB of WAL rather than every 4 MB: a poll writes tens of MB of article
 * text, and fewer, larger checkpoints cost less. Long-running processes move checkpoints to a
 * worker thread (wal-checkpointer.ts); this is the limit when they do not.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

/**
 * Opens (creating if needed) the SQLite file in WAL mode and brings its schema up to date.
 * WAL lets the bot read while the poller writes; synchronous=NORMAL is durable across process
 * crashes, which is the failure the outbox guarantees are about. A file that cannot serve
 * (not a database, damaged, not writable, from a newer newsbrief) fails with a
 * DatabaseOpenError naming it, and is left as it was.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  if (path !== ':memory:') {
    makeFolder(path);
    assertFileWritable(path);
  }
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(path);
    // First, so another process opening the same new file makes us wait instead of failing.
    db.pragma('busy_timeout = 5000');
    // Before anything writes (switching to WAL rewrites the header), so a refused file stays as it was.
    refuseForeignSchema(db, path, migrations);
    assertWritable(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    applyMigrations(db, migrations, path);
    return db;
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
}

/**
 * The database at `path` opened read-only, for looking without writing a byte (`check`,
 * `health`); null when there is no file yet. Throws DatabaseOpenError for a file openDatabase
 * would refuse.
 */
export function openDatabaseReadOnly(path: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase | null {
  if (path === ':memory:' || !existsSync(path)) return null;
  let db: SqliteDatabase | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    refuseForeignSchema(db, path, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw explainOpenFailure(path, error);
  }
}

/**
 * What `openDatabase(path)` would find: null when there is no file yet (after making sure it could
 * be created), else its schema version and how many migrations it still lacks. Writes nothing.
 */
export function inspectDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): { version: number; pending: number } | null {
  if (path !== ':memory:') assertFileWritable(path);
  const db = openDatabaseReadOnly(path, migrations);
  if (db === null) {
    if (path !== ':memory:') assertCreatable(path);
    return null;
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    return { version, pending: migrations.filter((m) => m.version > version).length };
  } finally {
    db.close();
  }
}

/**
 * Throws DatabaseOpenError when the file at `path`, or the -wal or -shm file beside it, exists and
 * this user may not write it. SQLite would not say so: it opens such a file read-only without a
 * word, so the bot would start and every write would fail (and a -wal and -shm file would be left
 * beside it). Asked before SQLite touches the file, so it stays as it was, and without writing, so
 * `check` can ask too. A folder or a missing file is left to the checks that name those.
 */
function assertFileWritable(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!isFile(file)) continue;
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      throw explainNotWritable(path, file, error) ?? error;
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Throws DatabaseOpenError when SQLite opened `db` read-only (it falls back to that silently when
 * the file cannot be opened for writing), whatever the reason access(2) could not see: a write in
 * a transaction that is rolled back, so nothing reaches the file. Takes the write lock briefly,
 * as applying migrations does anyway.
 */
export function assertWritable(db: SqliteDatabase, path = db.name): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      // The value it has: a page write, which a read-only connection refuses with SQLITE_READONLY.
      db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } catch (error) {
    throw explainSqliteError(path, error) ?? error;
  }
}

/** Throws DatabaseOpenError when the missing file at `path` could not be created: its nearest existing ancestor is a file, or not writable. */
function assertCreatable(path: string): void {
  let folder = dirname(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  if (!statSync(folder).isDirectory()) throw new DatabaseOpenError(path, `cannot create the folder ${dirname(path)}: a file of that name is in the way (${folder})`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new DatabaseOpenError(path, `cannot create it: ${folder} is not writable by this user`);
  }
}

function makeFolder(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw explainFolderError(path, folder, error) ?? error;
  }
}

/**
 * Applies, in one transaction each, the migrations newer than the file's `user_version`, and
 * returns the versions this call applied. The version is read inside an immediate (write-locked)
 * transaction, so two processes opening a new file at once never both run the same migration:
 * the second waits for the first and then finds the version already raised. `path` names the
 * file in errors.
 */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[], path = db.name): number[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const applied: number[] = [];
  // Migration 017 gives stored articles their link with the very function ingestion uses.
  db.function('link_of', { deterministic: true }, (url: unknown) => (typeof url === 'string' ? linkOf(url) : null));
  const applyNext = db.transaction((): number | null => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const next = sorted.find((m) => m.version > current);
    if (next === undefined) return null;
    try {
      db.exec(next.sql);
      if (next.rebuildsTables) assertReferencesHold(db, next);
    } catch (error) {
      throw explainSqliteError(path, error, `migration ${next.name}`) ?? migrationFailed(path, next, current, error);
    }
    db.pragma(`user_version = ${next.version}`);
    return next.version;
  });
  // PRAGMA foreign_keys does nothing inside a transaction: it is switched off before a table is
  // rebuilt and back on after, on this connection only.
  const known = db.pragma('user_version', { simple: true }) as number;
  const pausesForeignKeys = sorted.some((m) => m.rebuildsTables && m.version > known) && db.pragma('foreign_keys', { simple: true }) === 1;
  if (pausesForeignKeys) db.pragma('foreign_keys = OFF');
  try {
    for (let version = applyNext.immediate(); version !== null; version = applyNext.immediate()) applied.push(version);
  } finally {
    if (pausesForeignKeys) db.pragma('foreign_keys = ON');
  }
  return applied;
}

/** Throws when a rebuilt table left a row pointing at nothing (foreign keys were off while it ran). */
function assertReferencesHold(db: SqliteDatabase, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
  const first = broken[0];
  if (first !== undefined) throw new Error(`${migration.name} left ${broken.length} row(s) of ${first.table} pointing at no ${first.parent}`);
}

/**
 * Refuses a file whose schema this code must not touch: one written by a newer newsbrief (its
 * version is above every migration here, so what its tables mean is unknown), or another
 * application's database (tables, but no schema version: a new newsbrief file has neither).
 */
function refuseForeignSchema(db: SqliteDatabase, path: string, migrations: readonly Migration[]): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if (version > latest) {
    throw new DatabaseOpenError(path, `written by a newer newsbrief (schema version ${version}; this one knows up to ${latest}): upgrade newsbrief, or set DATABASE_PATH to another file`);
  }
  if (version > 0) return;
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 3").all();
  if (tables.length > 0) {
    const names = tables.map((t) => t.name).join(', ');
    throw new DatabaseOpenError(path, `an SQLite database of some other application (tables ${names}${tables.length === 3 ? ', ...' : ''}; no newsbrief schema version): set DATABASE_PATH to a newsbrief database or to a file that does not exist yet`);
  }
}

/**
 * A migration SQLite rejected for a reason that is not about the file as such: tables that do
 * not match the file's schema version (a hand-edited or partly restored file), or a faulty
 * migration. Its transaction rolled back, so the file keeps the version it had.
 */
function migrationFailed(path: string, migration: Migration, version: number, error: unknown): DatabaseOpenError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseOpenError(path, `migration ${migration.name} failed ("${reason}"); the file stays at schema version ${version}`, { cause: error });
}
