import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSeqByTime } from '../../src/store/sqlite/seq-by-time.js';
import { tempDir } from '../helpers/poll-harness.js';

let dir: { dir: string; cleanup: () => void };
let db: SqliteDatabase;
beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.dir, 'seq.db'));
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

/** Stores articles with these seqs, each first seen at 10 × its seq. */
function storeSeqs(seqs: readonly number[]): void {
  const insert = db.prepare(
    `INSERT INTO articles (seq, feed_id, id, title, published_at, first_seen_at, updated_at, content_hash)
     VALUES (?, 'f', ?, 't', 0, ?, 0, 'h')`,
  );
  for (const seq of seqs) insert.run(seq, `id-${seq}`, seq * 10);
}

describe('the last article seq first seen before a moment', () => {
  it('is null for an empty table and when every article is younger', () => {
    const lastSeqSeenBefore = createSeqByTime(db);
    expect(lastSeqSeenBefore(1_000)).toBeNull();
    storeSeqs([5, 6]);
    expect(lastSeqSeenBefore(50)).toBeNull();
  });

  it('finds the end of the old prefix at every cut-off, across gaps in the seqs', () => {
    // Gaps as rolled-back polls leave them (AUTOINCREMENT never reuses a seq).
    const seqs = [3, 4, 5, 9, 10, 11, 40, 41, 100, 250, 251, 252, 253, 900];
    storeSeqs(seqs);
    const lastSeqSeenBefore = createSeqByTime(db);
    for (let before = 0; before <= 10_000; before += 5) {
      const old = seqs.filter((seq) => seq * 10 < before);
      expect(lastSeqSeenBefore(before)).toBe(old.length === 0 ? null : old[old.length - 1]);
    }
  });
});
