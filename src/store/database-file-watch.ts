/**
 * Notices when the database file the bot has open is no longer at its path: deleted (the file or
 * its folder) or moved away, or another file put there. SQLite keeps working on the open file, so
 * nothing fails; but everything stored from then on (subscriptions, digests claimed, deliveries)
 * is in a file that vanishes when the process stops, and a restart would start afresh without a
 * word. Said once, so the bot can stop while the operator can still act.
 */
import { statSync } from 'node:fs';

/** How often the path is looked at: one stat call. */
const CHECK_EVERY_MS = 5_000;

export interface DatabaseFileWatch {
  stop(): void;
}

/**
 * Calls `onGone` once with what happened (`deleted or moved`, `replaced by another file`) when
 * `path` stops naming the file it named when the watch began. A path that cannot be looked at
 * when the watch begins (':memory:') is not watched.
 */
export function watchDatabaseFile(path: string, onGone: (what: string) => void, everyMs = CHECK_EVERY_MS): DatabaseFileWatch {
  let first: string | null = null;
  // null when nothing is at the path; the file as it was when it cannot be looked at (a folder
  // made unreadable is not a file gone).
  const identity = (): string | null => {
    try {
      const stats = statSync(path);
      return `${stats.dev}:${stats.ino}`;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? null : first;
    }
  };
  first = identity();
  if (first === null) return { stop: () => undefined };
  const timer = setInterval(() => {
    const now = identity();
    if (now === first) return;
    clearInterval(timer);
    onGone(now === null ? 'deleted or moved' : 'replaced by another file');
  }, everyMs);
  // Not a reason to keep the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
