import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/database.js';

/** setpriv's arguments to run as user and group 65534 (nobody), without root's other groups. */
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/** The command prefix under which file permissions apply to a process, or why there is none here. */
export type Unprivileged = { readonly prefix: readonly string[] } | { readonly skip: string };

/**
 * How to run the CLI of the repository at `repo` so that file permissions apply to it: as is for
 * any user but root, who ignores them; as `nobody` (setpriv) for root, when setpriv is there and
 * that user can read the repository, node_modules and tsx (`--help` needs them all).
 */
export function unprivileged(repo: string): Unprivileged {
  if (process.getuid === undefined) return { skip: 'no POSIX user ids on this platform' };
  if (process.getuid() !== 0) return { prefix: [] };
  const probe = spawnSync('setpriv', [...NOBODY, process.execPath, join(repo, 'bin/newsbrief.js'), '--help'], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
  if (probe.error !== undefined) return { skip: `running as root and setpriv is not available (${probe.error.message})` };
  if (probe.status !== 0) return { skip: `running as root and user 65534 cannot run the repository with setpriv (${probe.stderr.trim().split('\n')[0] ?? probe.status})` };
  return { prefix: ['setpriv', ...NOBODY] };
}

/** What a process printed, and its exit code (null when a signal or the timeout ended it). */
export interface NodeRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs node with `args` in `repo` under `prefix` (from unprivileged), with only PATH, HOME and `env` set. */
export function runNode(prefix: readonly string[], repo: string, args: readonly string[], env: Record<string, string>): Promise<NodeRun> {
  const [command, ...rest] = [...prefix, process.execPath, ...args];
  return new Promise((resolve) => {
    execFile(command!, rest, { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env }, timeout: 45_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

/** A feeds.json and a fresh database in `dir`, both readable by any user; the database's mode is `databaseMode`. */
export function readableSetup(dir: string, databaseMode: number): { readonly feeds: string; readonly database: string; readonly env: Record<string, string> } {
  const feeds = join(dir, 'feeds.json');
  writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'http://127.0.0.1:9/rss', language: 'en', topics: ['world'] }] }));
  chmodSync(feeds, 0o644);
  const database = join(dir, 'newsbrief.db');
  openDatabase(database).close();
  chmodSync(database, databaseMode);
  return { feeds, database, env: { FEEDS_FILE: feeds, DATABASE_PATH: database } };
}
