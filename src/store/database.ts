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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoint every ~16 MB of WAL rather than every 4 MB: a poll writes tens of MB of article
  // text, and fewer, larger checkpoints cost less.
  db.pragma('wal_autocheckpoint = 4000');
  applyMigrations(db, migrations);
  return db;
}

/** Applies, in one transaction each, the migrations newer than the file's `user_version`. */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return pending.map((migration) => migration.version);
}
