import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliEnv } from '../../src/cli/context.js';
import { feedsCommand } from '../../src/cli/feeds.js';
import { healthCommand } from '../../src/cli/health.js';
import { housekeepCommand } from '../../src/cli/housekeep.js';
import { openDatabase, openDatabaseReadOnly } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/poll-harness.js';
import { runSubcommand } from '../helpers/run-subcommand.js';

// What the operator's looking commands do with a database file that is there but not (yet) what
// this newsbrief would write: they read it as it is, and leave it so.

let dir: { dir: string; cleanup: () => void };
let env: CliEnv;
let dbPath: string;

beforeEach(() => {
  dir = tempDir();
  const feedsFile = join(dir.dir, 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify({ feeds: [{ id: 'nos', url: 'http://127.0.0.1:9/rss', language: 'nl', topics: ['news'] }] }));
  dbPath = join(dir.dir, 'newsbrief.db');
  env = { FEEDS_FILE: feedsFile, DATABASE_PATH: dbPath };
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  dir.cleanup();
});

function schemaVersion(path: string): number {
  const db = openDatabaseReadOnly(path);
  try {
    return db?.pragma('user_version', { simple: true }) as number;
  } finally {
    db?.close();
  }
}

describe('newsbrief feeds and health leave the database as they found it', () => {
  it('feeds lists the feeds of a database an older newsbrief wrote without migrating it', async () => {
    openDatabase(dbPath, MIGRATIONS.slice(0, 8)).close();
    const { stdout } = await runSubcommand(feedsCommand(env), ['feeds']);
    expect(stdout).toMatch(/^nos\s+never polled/m);
    expect(schemaVersion(dbPath)).toBe(8);
  });

  it('feeds reads an empty database file as no database, and leaves it empty', async () => {
    writeFileSync(dbPath, '');
    const { stdout, stderr } = await runSubcommand(feedsCommand(env), ['feeds']);
    expect(stdout).toMatch(/^nos\s+never polled/m);
    expect(stderr).toBe(`newsbrief: ${dbPath} holds no newsbrief data yet (has newsbrief started?)\n`);
    expect(readFileSync(dbPath)).toHaveLength(0);
  });

  it('health calls an empty database file unhealthy in one line, instead of failing on a missing table', async () => {
    writeFileSync(dbPath, '');
    const { stdout } = await runSubcommand(healthCommand(env), ['health']);
    expect(stdout).toBe(`unhealthy: ${dbPath} holds no newsbrief data yet (has newsbrief started?)\n`);
    expect(process.exitCode).toBe(1);
    expect(readFileSync(dbPath)).toHaveLength(0);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  });
});

describe('newsbrief housekeep', () => {
  it('refuses a DATABASE_PATH with no file, naming it, instead of creating an empty database (and its folders) there', async () => {
    const mistyped = join(dir.dir, 'dta', 'newsbrief.db');
    await expect(runSubcommand(housekeepCommand({ ...env, DATABASE_PATH: mistyped }), ['housekeep'])).rejects.toThrow(`housekeep: no database at ${mistyped}, so nothing to clear`);
    expect(existsSync(join(dir.dir, 'dta'))).toBe(false);
  });
});
