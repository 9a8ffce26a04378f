/**
 * Why a database file could not be opened, in the operator's terms. A wrong DATABASE_PATH, a file
 * that is not newsbrief's, or one written by a newer newsbrief is a mistake to fix, not a crash:
 * the message names the file and what is wrong with it, and the file is left as it was.
 */
import { statSync } from 'node:fs';
import { ConfigError } from '../config-errors.js';

/** The database at `path` cannot be used; `problem` says why. Reported without a stack trace. */
export class DatabaseOpenError extends ConfigError {
  constructor(readonly path: string, problem: string, options?: { cause?: unknown }) {
    super(path, [problem]);
    this.name = 'DatabaseOpenError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

const NEEDS_WRITE_ACCESS = 'it needs write access to the file and to the folder that holds it (for the -wal and -shm files)';

/** SQLite result codes (better-sqlite3's `code`) that describe the file rather than a bug. */
const SQLITE_PROBLEMS: Readonly<Record<string, string>> = {
  SQLITE_NOTADB: 'not an SQLite database (another kind of file, or an encrypted or damaged one); set DATABASE_PATH to a newsbrief database or to a file that does not exist yet',
  SQLITE_CORRUPT: 'the database is damaged ("{message}"); restore it from a backup, or move it away and newsbrief starts afresh',
  SQLITE_READONLY: `newsbrief may not write to it ("{message}"); ${NEEDS_WRITE_ACCESS}`,
  SQLITE_BUSY: 'another process kept it locked for more than 5 s ("{message}")',
  SQLITE_FULL: 'the disk is full ("{message}")',
  SQLITE_IOERR: 'the system reported an I/O error ("{message}")',
  SQLITE_PERM: 'permission denied ("{message}")',
};

/** Node's codes for a folder that cannot be made. */
const FOLDER_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a file of that name is in the way',
  EEXIST: 'a file of that name is in the way',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * The database at `path` may not be written by this user: access(2)'s error for `file`, the
 * database itself or its -wal or -shm file; `null` when the code is not one we can explain.
 */
export function explainNotWritable(path: string, file: string, error: unknown): DatabaseOpenError | null {
  const problem = FOLDER_PROBLEMS[codeOf(error) ?? ''];
  if (problem === undefined) return null;
  const what = file === path ? 'it' : file;
  return new DatabaseOpenError(path, `newsbrief may not write to ${what} (${problem}); ${NEEDS_WRITE_ACCESS}`, { cause: error });
}

/** The folder for the database file could not be created (mkdir's error), or `null` when the code is not one we can explain. */
export function explainFolderError(path: string, folder: string, error: unknown): DatabaseOpenError | null {
  const problem = FOLDER_PROBLEMS[codeOf(error) ?? ''];
  return problem === undefined ? null : new DatabaseOpenError(path, `cannot create the folder ${folder}: ${problem}`, { cause: error });
}

/** An SQLite error met while opening or migrating `path`, explained; `null` when it is not about the file. */
export function explainSqliteError(path: string, error: unknown, during?: string): DatabaseOpenError | null {
  const code = codeOf(error) ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const where = during === undefined ? '' : `${during}: `;
  if (code.startsWith('SQLITE_CANTOPEN')) return new DatabaseOpenError(path, `${where}${cannotOpen(path)}`, { cause: error });
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, ...) share their primary's meaning.
  const primary = Object.keys(SQLITE_PROBLEMS).find((known) => code === known || code.startsWith(`${known}_`));
  if (primary === undefined) return null;
  return new DatabaseOpenError(path, where + SQLITE_PROBLEMS[primary]!.replace('{message}', message), { cause: error });
}

const IS_A_FOLDER = 'is a folder, not a database file; set DATABASE_PATH to a file inside it, or set DATA_DIR instead';

/**
 * `error` as the operator should see it: explained when it is about the file, else unchanged (a
 * bug shows its stack). A folder is named as such whatever SQLite said: opened for writing it
 * reports SQLITE_CANTOPEN, opened read-only (`check`, `health`) a bare "disk I/O error".
 */
export function explainOpenFailure(path: string, error: unknown): unknown {
  if (error instanceof DatabaseOpenError) return error;
  if (isFolder(path)) return new DatabaseOpenError(path, IS_A_FOLDER, { cause: error });
  return explainSqliteError(path, error) ?? error;
}

function cannotOpen(path: string): string {
  // Else missing: the folder exists (it was just made), so SQLite may not create files in it.
  if (isFolder(path)) return IS_A_FOLDER;
  return 'SQLite cannot open or create this file; check that it and its folder are readable and writable';
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
