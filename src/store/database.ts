import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) the SQLite file in WAL mode and brings its schema up to date.
 * WAL lets the bot read while the poller writes; synchronous=NORMAL is durable across process
 * crashes, which is the failure the outbox guarantees are about.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // First, so another process opening the same new file makes us wait instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Checkpoint every ~16 MB of WAL rather than every 4 MB: a poll writes tens of MB of article
  // text, and fewer, larger checkpoints cost less.
  db.pragma('wal_autocheckpoint = 4000');
  applyMigrations(db, migrations);
  return db;
}

/**
 * Applies, in one transaction each, the migrations newer than the file's `user_version`, and
 * returns the versions this call applied. The version is read inside an immediate (write-locked)
 * transaction, so two processes opening a new file at once never both run the same migration:
 * the second waits for the first and then finds the version already raised.
 */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const applied: number[] = [];
  const applyNext = db.transaction((): number | null => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const next = sorted.find((m) => m.version > current);
    if (next === undefined) return null;
    db.exec(next.sql);
    db.pragma(`user_version = ${next.version}`);
    return next.version;
  });
  for (let version = applyNext.immediate(); version !== null; version = applyNext.immediate()) applied.push(version);
  return applied;
}
