import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/poll-harness.js';
import { readableSetup, runNode, unprivileged, type NodeRun } from '../helpers/unprivileged.js';

/**
 * A database file this user may not write: SQLite opens it read-only without a word, so without a
 * check the bot started and every poll failed to write. Root ignores file permissions, so as root
 * the processes run as `nobody` (setpriv); as anyone else chmod is enough.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const runner = unprivileged(REPO);
if ('skip' in runner) console.warn(`database-not-writable test skipped: ${runner.skip}`);

/** Runs node with `args` as the unprivileged user, in the repository; resolves with what it printed. */
function run(args: string[], env: Record<string, string>): Promise<NodeRun> {
  return runNode('prefix' in runner ? runner.prefix : [], REPO, args, { HOME: dir.dir, ...env });
}

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
  // Open to the unprivileged user, who could create -wal and -shm files here: only the file is read-only.
  chmodSync(dir.dir, 0o777);
});
afterAll(() => dir.cleanup());

describe.skipIf('skip' in runner)('a database file that may not be written', () => {
  it('stops check and npm start with one line naming the file, and leaves the file as it was', { timeout: 120_000 }, async () => {
    const { feeds, database, env } = readableSetup(dir.dir, 0o444);
    const before = readFileSync(database);
    const expected = `newsbrief: ${database}: newsbrief may not write to it (permission denied); it needs write access to the file and to the folder that holds it (for the -wal and -shm files)\n`;

    const check = await run([join(REPO, 'bin/newsbrief.js'), 'check'], env);
    // The parts that pass are still reported, on stdout; the database is the one problem.
    expect(check).toMatchObject({ code: 1, stdout: expect.stringContaining(`${feeds}: ok, 1 feed`), stderr: expected });
    expect(check.stdout).not.toContain(`${database}:`);
    // Without BOT_TOKEN the bot would keep polling until killed: it must stop by itself instead.
    const start = await run(['--import', 'tsx', 'src/main.ts'], env);
    expect(start).toMatchObject({ code: 1, stderr: expected });

    expect(readdirSync(dir.dir).sort()).toEqual(['feeds.json', 'newsbrief.db']);
    expect(readFileSync(database).equals(before)).toBe(true);
  });
});
