import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseOpenError } from '../store/database-errors.js';
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
  let db: SqliteDatabase | null;
  try {
    db = openDatabaseReadOnly(path);
  } catch (error) {
    throw explainUnreadableWal(path, error) ?? error;
  }
  if (db === null) return { db: null, missing: `no database at ${path} yet` };
  if (db.pragma('user_version', { simple: true }) === 0) {
    db.close();
    return { db: null, missing: `${path} holds no newsbrief data yet` };
  }
  return { db };
}

const AS_THE_BOT = 'run this command as the user newsbrief runs as';

/**
 * Why a user who may read the database still could not, in the operator's terms; null when it is
 * not about the -wal and -shm files. SQLite (3.22 and later) reads a WAL database read-only only
 * with both files beside it, readable, or else creates them, which needs write access to the
 * folder: so such a user can read while newsbrief has the file open (they are there) but not after
 * it stopped cleanly (it removes them). Opening it as immutable instead would skip the locks, and
 * read torn pages if the bot starts and writes meanwhile, so the operator is told what to do.
 */
function explainUnreadableWal(path: string, error: unknown): DatabaseOpenError | null {
  const code = codeOf(error instanceof DatabaseOpenError ? error.cause : error) ?? '';
  if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) return null;
  const companions = [`${path}-wal`, `${path}-shm`];
  const unreadable = companions.find((file) => existsSync(file) && !allowed(file, constants.R_OK));
  if (unreadable !== undefined) {
    return new DatabaseOpenError(path, `this user may not read ${unreadable}, which SQLite needs to read the database; ${AS_THE_BOT}, or give this user read access to it`, { cause: error });
  }
  const folder = dirname(path);
  if (companions.every(existsSync) || allowed(folder, constants.W_OK)) return null;
  return new DatabaseOpenError(
    path,
    `this user cannot read it while newsbrief is stopped: SQLite reads it only with its -wal and -shm files beside it, which are not there, and this user may not create them in ${folder}; ${AS_THE_BOT}, or give this user write access to ${folder}`,
    { cause: error },
  );
}

function allowed(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
