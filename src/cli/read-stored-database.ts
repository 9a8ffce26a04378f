import { openDatabaseReadOnly, type SqliteDatabase } from '../store/database.js';

/** A database a newsbrief start has set up, opened read-only; else why there is none to read. */
export type StoredDatabase = { readonly db: SqliteDatabase } | { readonly db: null; readonly missing: string };

/**
 * Opens the database at `path` for commands that only look (`feeds`, `health`), writing nothing:
 * such a command must neither create the file nor migrate it, since a bot of another version may
 * be serving it. A file that is there but was never set up (empty, schema version 0: created by
 * hand, or by a start that stopped at once) has no tables to read yet, so it counts as no database.
 */
export function readStoredDatabase(path: string): StoredDatabase {
  const db = openDatabaseReadOnly(path);
  if (db === null) return { db: null, missing: `no database at ${path} yet` };
  if (db.pragma('user_version', { simple: true }) === 0) {
    db.close();
    return { db: null, missing: `${path} holds no newsbrief data yet` };
  }
  return { db };
}
