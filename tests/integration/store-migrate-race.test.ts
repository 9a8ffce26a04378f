import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase } from '../../src/store/database.js';
import { tempDir } from '../helpers/poll-harness.js';

const MIGRATIONS = [{ version: 1, name: 'race', sql: 'CREATE TABLE t (x INTEGER)' }];

/**
 * Another "process" (a worker thread on its own connection) that has started migration 1 on
 * the file: it holds the write lock with the table created and user_version raised, and commits
 * only after it is told we are about to migrate, plus a while.
 */
const OTHER_OPENER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.path);
db.exec('BEGIN IMMEDIATE');
db.exec(workerData.sql);
db.pragma('user_version = 1');
parentPort.postMessage('locked');
const flag = new Int32Array(workerData.flag);
Atomics.wait(flag, 0, 0);
Atomics.wait(flag, 0, 1, 300);
db.exec('COMMIT');
db.close();
`;

let dir: { dir: string; cleanup: () => void } | null = null;
afterEach(() => dir?.cleanup());

describe('applyMigrations with two openers of one new file', () => {
  it('reads user_version under the write lock, so a migration another opener is applying is not run twice', async () => {
    dir = tempDir();
    const path = join(dir.dir, 'race.db');
    const db = openDatabase(path, []);
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(OTHER_OPENER, { eval: true, workerData: { path, sql: MIGRATIONS[0]?.sql, sqlite, flag: flag.buffer } });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    try {
      expect(applyMigrations(db, MIGRATIONS)).toEqual([]);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      await exited;
      db.close();
    }
  });
});
